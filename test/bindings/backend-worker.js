// The Worker behind the BACKEND service binding (plain JavaScript: Miniflare runs it as written).
/* global setTimeout, URL, Response */
// A minute of waiting on a timer: workerd cancels a promise that waits on nothing as hung.
const never = () => new Promise((resolve) => setTimeout(resolve, 60_000));

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname === '/health') return new Response('ok');
    if (pathname === '/never') return never();
    const status = /^\/status\/(\d{3})$/.exec(pathname)?.[1];
    return new Response(null, { status: status ? Number(status) : 404 });
  },
};
