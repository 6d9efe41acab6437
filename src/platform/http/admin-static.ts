import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const adminDistDir = fileURLToPath(new URL('../../../admin/dist', import.meta.url));

/**
 * Serves the built admin console at /admin. Paths that are not files get index.html, so the
 * console's own router handles deep links such as /admin/stores/x/products.
 */
export async function serveAdminConsole(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(`${adminDistDir}/index.html`)) {
    app.get('/admin/*', { schema: { hide: true } }, (_request, reply) =>
      reply
        .status(503)
        .type('text/plain')
        .send(
          'The admin console is not built yet. Run `npm run build:admin` (npm install does it) and restart.',
        ),
    );
    return false;
  }
  await app.register(fastifyStatic, {
    root: adminDistDir,
    prefix: '/admin/',
    wildcard: false,
    index: ['index.html'],
    setHeaders(reply, filePath) {
      // Hashed asset names can be cached for ever; index.html must always be fresh.
      reply.header(
        'cache-control',
        filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // Files not known at start (a rebuild while running) are still served when the path names a file;
  // every other path is a console route and gets index.html.
  app.get<{ Params: { '*': string } }>('/admin/*', { schema: { hide: true } }, (request, reply) => {
    const rest = request.params['*'];
    if (/\.[a-z0-9]+$/i.test(rest)) return reply.sendFile(rest);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return true;
}
