import { describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { listen } from './listen.ts';

describe('listen', () => {
  it('serves on a free loopback port and reports its URL', async () => {
    const server = await listen((_request, response) => response.end('hi'));
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(await (await fetch(server.url)).text()).toBe('hi');
    } finally {
      await server.close();
    }
  });

  it('answers on loopback when bound to every interface', async () => {
    const server = await listen((_request, response) => response.end('any'), { host: '0.0.0.0' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    await server.close();
  });

  it('loses the connection of a handler that throws or rejects, never the process', async () => {
    const server = await listen((request) => {
      if (request.url === '/throw') throw new Error('boom');
      return Promise.reject(new Error('boom'));
    });
    await expect(fetch(`${server.url}/throw`)).rejects.toThrow();
    await expect(fetch(`${server.url}/reject`)).rejects.toThrow();
    await server.close();
  });

  it('closes even while a request hangs, dropping it after the grace period, and twice is fine', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = await listen(() => arrived(), { graceMs: 50 });
    const hanging = fetch(server.url).catch((error: unknown) => error);
    await requestArrived;
    await Promise.all([server.close(), server.close()]);
    expect(await hanging).toBeInstanceOf(Error);
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('refuses a port that is taken', async () => {
    const first = await listen((_request, response) => response.end());
    await expect(listen(() => {}, { port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
  });
});

describe('freePort', () => {
  it('finds a port nothing listens on', async () => {
    const port = await freePort();
    await expect(fetch(`http://127.0.0.1:${port}`)).rejects.toThrow();
    const server = await listen((_request, response) => response.end('mine'), { port });
    expect(await (await fetch(server.url)).text()).toBe('mine');
    await server.close();
  });
});
