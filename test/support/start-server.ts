import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/app-context.ts';
import { createContext } from '../../src/create-context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { bootstrapIfEmpty } from '../../src/modules/organisations/bootstrap.ts';

export interface TestServer {
  url: string;
  adminEmail: string;
  adminPassword: string;
  /** The server's context, for running what a scheduler would (e.g. the reminder sweep) from a test. */
  ctx: AppContext;
  close(): Promise<void>;
}

/** A real server on 127.0.0.1 (random port) over a fresh SQLite database with the demo workspace. */
export async function startTestServer(options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-e2e-'));
  const adminEmail = 'owner@e2e.example.com';
  const adminPassword = 'e2e-password-123';
  const config = loadConfig(
    {
      LICENSEDESK_DATA_DIR: dir,
      DATABASE_URL: options.databaseUrl ?? '',
      LICENSEDESK_ADMIN_EMAIL: adminEmail,
      LICENSEDESK_ADMIN_PASSWORD: adminPassword,
      LICENSEDESK_DEMO: '1',
      LOG_LEVEL: 'silent',
      PORT: '0',
      LICENSEDESK_SWEEP_SECONDS: '0',
      ...options.env,
    },
    'e2e',
  );
  const ctx = await createContext(config, { logger: createLogger('silent') });
  await bootstrapIfEmpty(ctx);
  const app = await buildApp(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    adminEmail,
    adminPassword,
    ctx,
    close: async () => {
      await app.close();
      await ctx.database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
