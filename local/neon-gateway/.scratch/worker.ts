import { neon, neonConfig } from '@neondatabase/serverless';
export default {
  async fetch(_req: Request, env: { GATEWAY: string; DATABASE_URL: string }) {
    neonConfig.fetchEndpoint = env.GATEWAY;
    const sql = neon(env.DATABASE_URL);
    const rows = await sql.query('SELECT 1 AS one, $1::text AS t, now() AS at', ['x']);
    let abortErr: unknown;
    const t0 = Date.now();
    try { await sql.query('SELECT pg_sleep(5)', [], { fetchOptions: { signal: AbortSignal.timeout(300) } }); }
    catch (e) { const err = e as { name: string; message: string; sourceError?: { name: string } }; abortErr = { name: err.name, message: err.message, source: err.sourceError?.name, ms: Date.now() - t0 }; }
    let pgErr: unknown;
    try { await sql`SELEC 1`; } catch (e) { pgErr = { name: (e as Error).name, code: (e as { code: string }).code }; }
    return Response.json({ rows, abortErr, pgErr, atIsDate: rows[0]?.at instanceof Date });
  },
};
