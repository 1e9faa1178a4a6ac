import type { Command } from 'commander';
import { AppError } from '../../platform/errors/app-error.ts';
import { toDuplicateError } from '../../platform/db/unique-violation.ts';
import { operatorActor, roles, type Role } from '../../modules/access/actor.ts';
import { createUser, resetPassword } from '../../modules/users/service.ts';
import { findUsersByEmail } from '../../modules/users/repository.ts';
import { resolveOrg, withContext } from '../cli-context.ts';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts');

  user
    .command('create')
    .description('Create a user; prints a generated password when --password is not given')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name', '')
    .option('--role <role>', `one of ${roles.join(', ')}`, 'admin')
    .option('--org <id>', 'organisation id (needed when there are several)')
    .option('--client <id>', 'client company id (for the client role)')
    .option('--password <password>', 'initial password (at least 8 characters)')
    .action(async (o: { email: string; name: string; role: string; org?: string; client?: string; password?: string }) => {
      if (!(roles as readonly string[]).includes(o.role)) throw new AppError('BAD_REQUEST', { zh: '角色无效', en: `--role must be one of ${roles.join(', ')}` });
      if (o.password !== undefined && o.password.length < 8) throw new AppError('BAD_REQUEST', { zh: '密码至少 8 个字符', en: '--password must be at least 8 characters' });
      await withContext(async (ctx) => {
        const orgId = await resolveOrg(ctx, o.org);
        const result = await createUser(ctx, operatorActor(orgId), { email: o.email, name: o.name || o.email, role: o.role as Role, clientId: o.client ?? null, password: o.password }).catch((error: unknown) => {
          throw toDuplicateError(error) ?? error;
        });
        process.stdout.write(`Created ${result.user.role} ${result.user.email} (${result.user.id})\n`);
        if (result.initialPassword) process.stdout.write(`Password: ${result.initialPassword}\n`);
      });
    });

  user
    .command('reset-password')
    .description('Generate a new password for a user, end their sessions and revoke their API tokens')
    .argument('<email>', 'the user’s sign-in email')
    .option('--org <id>', 'organisation id (needed when several organisations have a user with this email)')
    .action(async (email: string, o: { org?: string }) => {
      await withContext(async (ctx) => {
        const users = (await findUsersByEmail(ctx.db, email.trim().toLowerCase())).filter((u) => !o.org || u.orgId === o.org);
        if (users.length === 0) throw new AppError('NOT_FOUND', { zh: `用户 ${email} 不存在`, en: `No user with email ${email}${o.org ? ` in organisation ${o.org}` : ''}` });
        if (users.length > 1) {
          const orgs = users.map((u) => u.orgId).join(', ');
          throw new AppError('BAD_REQUEST', { zh: `多个组织都有用户 ${email}，请用 --org 指定：${orgs}`, en: `Several organisations have a user ${email}; choose one with --org (${orgs})` });
        }
        const found = users[0];
        const { password } = await resetPassword(ctx, operatorActor(found.orgId), found.id);
        process.stdout.write(`New password for ${found.email}: ${password}\n`);
      });
    });
}
