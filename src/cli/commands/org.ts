import type { Command } from 'commander';
import { AppError } from '../../platform/errors/app-error.ts';
import { operatorActor } from '../../modules/access/actor.ts';
import { createOrganisation, listOrganisations, setOrganisationActive } from '../../modules/organisations/service.ts';
import { OrganisationCreate } from '../../modules/organisations/schemas.ts';
import { withContext } from '../cli-context.ts';
import { formatTable } from './format-table.ts';
import { assertMatchesSchema, exitWithError } from './read-json-input.ts';

// The command line acts as the machine's operator, outside any organisation.
const cliOperator = () => operatorActor('');
const write = (text: string) => process.stdout.write(`${text}\n`);
const optionNames: Record<string, string> = { name: '--name', kind: '--kind', 'owner.email': '--owner-email', 'owner.name': '--owner-name', 'owner.password': '--owner-password' };

interface CreateOptions {
  name: string;
  kind: string;
  ownerEmail: string;
  ownerName?: string;
  ownerPassword?: string;
}

async function create(o: CreateOptions): Promise<void> {
  let input: OrganisationCreate;
  try {
    const owner = { email: o.ownerEmail, name: o.ownerName ?? o.ownerEmail, ...(o.ownerPassword !== undefined ? { password: o.ownerPassword } : {}) };
    input = assertMatchesSchema<OrganisationCreate>(OrganisationCreate, { name: o.name, kind: o.kind, owner });
  } catch (error) {
    exitWithError(error, { code: 1, label: (field) => optionNames[field] ?? field });
  }
  await withContext(async (ctx) => {
    try {
      const result = await createOrganisation(ctx, cliOperator(), input);
      write(`Created organisation ${result.organisation.name} (${result.organisation.id}) with owner ${result.owner.email}. 已创建组织。`);
      if (result.initialPassword) write(`Password: ${result.initialPassword}  (shown once 仅显示一次)`);
    } catch (error) {
      exitWithError(error, { code: 1, label: (field) => optionNames[field] ?? field });
    }
  });
}

function registerActivation(org: Command, verb: 'deactivate' | 'reactivate'): void {
  const active = verb === 'reactivate';
  org
    .command(verb)
    .description(active ? 'Reactivate an organisation: its users can sign in again' : 'Deactivate an organisation: its users cannot sign in; nothing is deleted')
    .argument('<id>', 'organisation id (see `org list`)')
    .action(async (id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('BAD_REQUEST', { zh: '组织 ID 应为 UUID', en: `id must be an organisation UUID, got "${id}"` });
      await withContext(async (ctx) => {
        const result = await setOrganisationActive(ctx, cliOperator(), { id, active });
        write(`${active ? 'Reactivated' : 'Deactivated'} ${result.name} (${result.id}). 组织已${active ? '启用' : '停用'}。`);
      });
    });
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('Organisations of this instance (instance administration)');

  org
    .command('create')
    .description('Create an organisation with its first owner; prints a generated password when --owner-password is not given')
    .requiredOption('--name <name>', 'organisation name')
    .option('--kind <kind>', 'agency (代办机构) or company (持证企业)', 'agency')
    .requiredOption('--owner-email <email>', "the owner's sign-in email")
    .option('--owner-name <name>', "the owner's display name (default: the email)")
    .option('--owner-password <password>', 'initial password (at least 8 characters)')
    .action((o: CreateOptions) => create(o));

  org
    .command('list')
    .description('Every organisation, with user and client counts')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const items = await listOrganisations(ctx, cliOperator());
        if (o.json) return write(JSON.stringify(items));
        const rows = items.map((i) => [i.id, i.name, i.kind, i.isActive ? 'active' : 'deactivated', String(i.userCount), String(i.clientCount), i.createdAt.slice(0, 10)]);
        write(formatTable({ head: ['id', 'name', 'kind', 'status', 'users', 'clients', 'created'], rows }));
      });
    });

  registerActivation(org, 'deactivate');
  registerActivation(org, 'reactivate');
}
