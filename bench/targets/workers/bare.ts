// The physical limit in workerd: a Worker that answers every request with `ok`.
export default {
  fetch: async (): Promise<Response> => new Response('ok'),
};
