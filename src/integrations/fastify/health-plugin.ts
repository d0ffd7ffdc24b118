import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { toRequest, writeResponse } from '../../adapters/node/index.ts';
import type { Health } from '../../core/index.ts';
import { createMountedRouter, type MountedRouterOptions } from '../mounted-router.ts';

/**
 * A Fastify plugin answering the health endpoints under its prefix; other paths
 * there get Fastify's 404. Built on the Node adapter's `toRequest`/`writeResponse`.
 *
 * @example
 * ```ts
 * const health = createHealth({ checks: [httpCheck({ name: 'api', url: process.env.API_URL! })] });
 * await app.register(healthPlugin(health), { prefix: '/health' });
 * ```
 */
export function healthPlugin(health: Health, options: MountedRouterOptions = {}): FastifyPluginAsync {
  const mounted = createMountedRouter(health, { ...options, fallThrough: true });
  return async (instance) => {
    // Why: health endpoints read no body, and a 405 must not become Fastify's 415 or 400.
    // The plugin is encapsulated: the app's own parsers are untouched.
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const base = instance.prefix;
    const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const converted = toRequest(request.raw, reply.raw);
      // A Response already: the 4xx for a request no fetch Request can carry (TRACE, a bad Host).
      const response = converted instanceof Response ? converted : await mounted(converted, base);
      if (!response) return reply.callNotFound();
      reply.hijack();
      await writeResponse(response, reply.raw);
    };
    instance.all('/', handle);
    instance.all('/*', handle);
  };
}
