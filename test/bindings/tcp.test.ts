import { describe, expect, it } from 'vitest';
import { tcpCheck } from '../../src/checks/tcp/workerd.ts';
import { blackholeDrained, run, stack } from './helpers.ts';

describe('the TCP check in workerd (cloudflare:sockets)', () => {
  it('is healthy when a real Redis answers PING with +PONG', async () => {
    const report = await run(tcpCheck({ name: 'redis', host: '127.0.0.1', port: stack.redisPort, send: 'PING\r\n', expect: '+PONG' }));
    expect(report).toMatchObject({ name: 'redis', status: 'healthy' });
  });

  it('is unhealthy with unexpected_response when the reply does not start as expected', async () => {
    const report = await run(tcpCheck({ host: '127.0.0.1', port: stack.redisPort, send: 'PING\r\n', expect: '+OK' }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'unexpected_response' });
    expect(report.message).toBe('expected a reply starting with "+OK"; the server answered something else');
  });

  it('is unhealthy at once when nothing listens on the port (workerd cannot tell refused from unreachable: network)', async () => {
    const report = await run(tcpCheck({ host: '127.0.0.1', port: stack.refusedPort, timeoutMs: 3000 }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'network', message: expect.stringMatching(/cannot connect/) });
  });

  it('gives up at its deadline on a server that accepts and never answers, and closes the connection', async () => {
    const before = await blackholeDrained();
    const report = await run(tcpCheck({ host: '127.0.0.1', port: stack.blackholePort, send: 'PING\r\n', expect: '+PONG', timeoutMs: 300 }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'timeout', message: 'timed out after 300 ms' });
    expect(await blackholeDrained()).toEqual({ accepted: before.accepted + 1, open: 0 });
  });
});
