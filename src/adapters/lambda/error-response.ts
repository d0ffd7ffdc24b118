/** The JSON error every edge-health endpoint answers with: `{ status: 'error', error: message }`. */
export const errorResponse = (status: number, message: string): Response =>
  new Response(JSON.stringify({ status: 'error', error: message }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
