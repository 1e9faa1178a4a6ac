import type { Command } from 'commander';
import { grantOperator, listOperators, revokeOperator } from '../../modules/operators/service.ts';
import { withContext } from '../cli-context.ts';
import { formatTable } from './format-table.ts';

const write = (text: string) => process.stdout.write(`${text}\n`);

export function registerOperatorCommands(program: Command): void {
  const operator = program.command('operator').description('Instance operators: who loads the official calendar and manages organisations');

  operator
    .command('grant')
    .description('Make a user an instance operator')
    .argument('<email>', "the user's sign-in email")
    .option('--org <id>', 'the organisation, when several have a user with this email')
    .action(async (email: string, o: { org?: string }) => {
      await withContext(async (ctx) => {
        const user = await grantOperator(ctx, { email, orgId: o.org });
        write(user.changed ? `${user.email} is now an operator. 已设为平台运营者。` : `${user.email} is already an operator. 已是平台运营者。`);
      });
    });

  operator
    .command('revoke')
    .description('Take the operator flag away (refused for the last operator who can sign in)')
    .argument('<email>', "the user's sign-in email")
    .option('--org <id>', 'the organisation, when several have a user with this email')
    .action(async (email: string, o: { org?: string }) => {
      await withContext(async (ctx) => {
        const user = await revokeOperator(ctx, { email, orgId: o.org });
        write(user.changed ? `${user.email} is no longer an operator. 已撤销平台运营者。` : `${user.email} is not an operator. 不是平台运营者。`);
      });
    });

  operator
    .command('list')
    .description('Every operator, with their organisation')
    .action(async () => {
      await withContext(async (ctx) => {
        const rows = (await listOperators(ctx)).map((u) => [u.email, u.name, u.orgName, Number(u.isActive) === 1 && Number(u.orgIsActive) === 1 ? 'can sign in' : 'cannot sign in']);
        write(formatTable({ head: ['email', 'name', 'organisation', 'status'], rows }));
      });
    });
}
