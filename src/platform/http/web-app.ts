import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const notBuilt = `<!doctype html><meta charset="utf-8"><title>LicenseDesk</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>LicenseDesk 许可证管家</h1><p>网页端尚未构建。请运行 <code>npm run build</code> 后刷新。</p>
<p>The web app has not been built yet. Run <code>npm run build</code>, then reload. The API is up: <a href="/api/docs">/api/docs</a>.</p></body>`;

/** Hashed build files never change under their name; everything else (index.html) is checked on every load. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the built single-page app, falling back to index.html for client-side routes. Files the build precompressed
 * (`.br`, `.gz`) are sent as they are to clients that accept them.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? immutable : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      if (!built) return reply.type('text/html; charset=utf-8').send(notBuilt);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(index));
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` } });
  });
}
