// The physical limit for an answer of edge-health's shape: its status, header fields and body (3 checks for readiness), made ahead.
const ISOLATE = '"isolate":{"id":"30372a9d-e41b-461b-96f7-495c77043aca","state":"ready","cold_start":false,"started_at":"2026-12-01T16:52:04.045Z","uptime_ms":12345,"requests":12345,"in_flight":1}';
const dependency = (name: string): string => `{"name":"${name}","status":"healthy","category":"critical","latency_ms":1,"age_ms":1234}`;
const LIVE = `{"in_rotation":"X-EDGE-UP-7B3D","status":"healthy","version":"unknown","dependencies":[],${ISOLATE}}`;
const READY = `{"in_rotation":"X-EDGE-UP-7B3D","status":"healthy","version":"unknown","dependencies":[${['db', 'cache', 'api'].map(dependency).join(',')}],${ISOLATE}}`;
const FIELDS = { 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8' };

export default {
  fetch: async (request: Request): Promise<Response> =>
    request.url.endsWith('/ready')
      ? new Response(READY, { headers: { ...FIELDS, Age: '1', 'Server-Timing': 'db;dur=1, cache;dur=1, api;dur=1' } })
      : new Response(LIVE, { headers: FIELDS }),
};
