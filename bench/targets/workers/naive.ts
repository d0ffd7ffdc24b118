// The original design: every check run on every probe, no deadlines, no router.
const checks: Record<string, () => Promise<void>> = { db: async () => {}, cache: async () => {}, api: async () => {} };

export default {
  async fetch(): Promise<Response> {
    const names = Object.keys(checks);
    const results = await Promise.allSettled(names.map((name) => checks[name]?.()));
    const ok = results.every((result) => result.status === 'fulfilled');
    return Response.json({ status: ok ? 'ok' : 'failed', checks: Object.fromEntries(names.map((name, i) => [name, results[i]?.status])) }, { status: ok ? 200 : 503 });
  },
};
