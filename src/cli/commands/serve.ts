import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { packageVersion } from '../../create-context.ts';
import { withContext } from '../cli-context.ts';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the web app and API (PORT, HOST, DATABASE_URL, LICENSEDESK_DATA_DIR from the environment)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (options: { port?: string }) => {
      const env = options.port ? { ...process.env, PORT: options.port } : process.env;
      // Loaded on demand: the web server's modules are not needed by any other command.
      const { startServer } = await import('../../server.ts');
      await startServer(loadConfig(env, packageVersion()));
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date (start-up does this too)')
    .action(async () => {
      await withContext(async (ctx) => {
        process.stdout.write(`Database schema is up to date (${ctx.database.dialect}).\n`);
      });
    });
}
