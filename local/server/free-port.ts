import { createServer, type AddressInfo } from 'node:net';

/**
 * A TCP port on `host` that was free a moment ago (the OS picks it), for
 * servers we start as child processes; also a port where connections are
 * refused. Another process may take it before it is used: retry on "address
 * in use".
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
