// What most edge users write today: a Hono app with a hand-written /health route.
import { Hono } from 'hono';

const app = new Hono();
app.get('/health', (c) => c.json({ status: 'ok' }));

export default app;
