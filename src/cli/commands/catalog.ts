import type { Command } from 'commander';
import { getCatalogService, listCatalogScopes, listCatalogServices } from '../../modules/catalog/service.ts';
import { formatCatalogService } from './format-catalog-service.ts';
import { formatTable } from './format-table.ts';
import { withCliOverrides } from './load-cli-overrides.ts';

const write = (text: string): void => void process.stdout.write(`${text}\n`);

export function registerCatalogCommands(program: Command): void {
  const catalog = program.command('catalog').description('Licence catalog 许可目录: services, authorities, criteria, materials, stages, obligation rules');

  catalog
    .command('list')
    .description('Value-added telecom services of the 2015 catalogue')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const items = listCatalogServices();
      if (o.json) return write(JSON.stringify({ items }));
      write(formatTable({ head: ['CODE', 'CLASS', 'PARENT', 'NAME', 'NAME (EN)'], rows: items.map((s) => [s.code, s.class, s.parent ?? '', s.zh, s.en]) }));
    });

  catalog
    .command('show')
    .description('Everything about one service, each rule with its source (exit 1 for an unknown code)')
    .argument('<code>', 'service code, e.g. B24-1')
    .option('--org <id>', "apply this organisation's rule overrides (opens the database)")
    .option('--json', 'print JSON (the same document as GET /api/catalog/services/:code)')
    .action(async (code: string, o: { org?: string; json?: boolean }) => {
      const detail = await withCliOverrides(o.org, (overrides) => getCatalogService({ code, overrides }));
      write(o.json ? JSON.stringify(detail) : formatCatalogService(detail));
    });

  catalog
    .command('scopes')
    .description('Every valid licence scope with its issuing authority')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const items = listCatalogScopes();
      if (o.json) return write(JSON.stringify({ items }));
      write(formatTable({ head: ['SCOPE', 'ABBR', 'AUTHORITY', 'AUTHORITY (EN)'], rows: items.map((s) => [s.scope, s.authority.abbr ?? '', s.authority.zh, s.authority.en]) }));
    });
}
