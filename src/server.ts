import type { FastifyInstance } from 'fastify';
import type { AppContext } from './app-context.ts';
import type { Config } from './platform/config.ts';
import { buildApp } from './app.ts';
import { createContext } from './create-context.ts';
import { bootstrapIfEmpty } from './modules/organisations/bootstrap.ts';
import { announceBootstrap } from './modules/organisations/announce-bootstrap.ts';
import { AppError } from './platform/errors/app-error.ts';

/** Starts the HTTP server: migrate, first-start bootstrap, listen. Port conflicts fail with a one-line reason. */
export async function startServer(config: Config): Promise<{ app: FastifyInstance; ctx: AppContext; url: string }> {
  const ctx = await createContext(config);
  const boot = await bootstrapIfEmpty(ctx);
  const app = await buildApp(ctx);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await ctx.database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new AppError('CONFIG_INVALID', { zh: `端口 ${config.port} 已被占用，请设置 PORT 使用其他端口`, en: `Port ${config.port} on ${config.host} is already in use: set PORT to another port` });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new AppError('CONFIG_INVALID', { zh: `无法监听地址 ${config.host}`, en: `Cannot listen on HOST ${config.host}: the address is not available here` });
    if (code === 'EACCES') throw new AppError('CONFIG_INVALID', { zh: `无权限监听端口 ${config.port}`, en: `Not allowed to listen on port ${config.port}` });
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  announceBootstrap(boot, url);
  ctx.logger.info({ url, database: ctx.database.dialect }, 'listening');
  process.stdout.write(`LicenseDesk 许可证管家 is running at ${url} (${ctx.database.dialect}; API docs ${url}/api/docs)\n`);
  const stop = async () => {
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, ctx, url };
}
