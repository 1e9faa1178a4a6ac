import { Command, CommanderError } from 'commander';
import { AppError } from '../platform/errors/app-error.ts';
import { CliExit } from './cli-context.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerUserCommands } from './commands/user.ts';
import { registerBackupCommand } from './commands/backup.ts';
import { registerCalendarCommands } from './commands/calendar.ts';
import { registerCatalogCommands } from './commands/catalog.ts';
import { registerValidateCommands } from './commands/validate.ts';
import { registerEligibilityCommand } from './commands/eligibility.ts';
import { registerObligationsCommands } from './commands/obligations.ts';
import { registerOperatorCommands } from './commands/operator.ts';
import { registerOrgCommands } from './commands/org.ts';
import { registerApplicationCommands } from './commands/applications.ts';
import { registerLicenceCommands } from './commands/licences.ts';
import { registerReminderCommands } from './commands/reminders.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerExportCommand } from './commands/export.ts';
import { packageVersion } from '../create-context.ts';

// Piped into `head` or the like: when the reader has gone, stop quietly (exit 0) as Unix tools do, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const program = new Command()
  .name('licensedesk')
  .description('LicenseDesk 许可证管家: value-added telecom licence applications and compliance')
  .version(packageVersion())
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerUserCommands(program);
registerBackupCommand(program);
registerCalendarCommands(program);
registerCatalogCommands(program);
registerValidateCommands(program);
registerEligibilityCommand(program);
registerObligationsCommands(program);
registerOperatorCommands(program);
registerOrgCommands(program);
registerApplicationCommands(program);
registerLicenceCommands(program);
registerReminderCommands(program);
registerImportCommand(program);
registerExportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof CliExit) process.exit(error.code);
  if (error instanceof AppError) {
    process.stderr.write(`licensedesk: ${error.messages.en}\n`);
    process.exit(1);
  }
  process.stderr.write(`licensedesk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
