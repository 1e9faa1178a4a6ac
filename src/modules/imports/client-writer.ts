import { randomUUID } from 'node:crypto';
import type { ClientImport } from '../../domain/import/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Scope } from '../access/actor.ts';
import * as clients from '../clients/repository.ts';
import type { KindWriter, Known } from './kind-writer.ts';

const percentToBp = (percent: number | undefined) => (percent === undefined ? undefined : Math.round(percent * 100));

/** The columns a row fills: blank cells leave what is stored alone. */
function changesOf(value: ClientImport): Partial<clients.ClientRow> {
  const changes: Partial<clients.ClientRow> = { name: value.name };
  if (value.legalRepresentative !== undefined) changes.legalRepresentative = value.legalRepresentative;
  if (value.registeredCapital !== undefined) changes.registeredCapital = value.registeredCapital;
  if (value.businessScope !== undefined) changes.businessScope = value.businessScope;
  if (value.province !== undefined) changes.province = value.province;
  if (value.address !== undefined) changes.address = value.address;
  if (value.contactName !== undefined) changes.contactName = value.contactName;
  if (value.contactPhone !== undefined) changes.contactPhone = value.contactPhone;
  if (value.contactEmail !== undefined) changes.contactEmail = value.contactEmail;
  if (value.foreignSharePercent !== undefined) changes.foreignShareBp = percentToBp(value.foreignSharePercent);
  if (value.notes !== undefined) changes.notes = value.notes;
  if (value.usccOverride) changes.usccOverride = 1;
  return changes;
}

/** Client companies, matched on their credit code; written in bulk (search columns and counters included). */
export const clientWriter: KindWriter<ClientImport> = {
  keyOf: (value) => value.uscc,
  async findExisting(db: Db, scope: Scope, keys: string[]): Promise<Map<string, Known>> {
    const rows = await clients.scopedClients(db, { ...scope, clientId: null }).select(['clients.id', 'clients.uscc', 'clients.version']).where('clients.uscc', 'in', keys).execute();
    return new Map(rows.map((r) => [r.uscc, { id: r.id, version: Number(r.version) }]));
  },
  async insert(db, input) {
    const rows: clients.ClientRow[] = input.rows.map(({ id, value }) => ({
      id, orgId: input.scope.orgId, name: value.name, uscc: value.uscc, usccOverride: value.usccOverride ? 1 : 0,
      legalRepresentative: value.legalRepresentative ?? '', registeredCapital: value.registeredCapital ?? null, businessScope: value.businessScope ?? '',
      province: value.province ?? null, address: value.address ?? '', contactName: value.contactName ?? '', contactPhone: value.contactPhone ?? '',
      contactEmail: value.contactEmail ?? '', foreignShareBp: percentToBp(value.foreignSharePercent) ?? null, notes: value.notes ?? '',
      archivedAt: null, version: 1, createdAt: input.now, updatedAt: input.now,
    }));
    await clients.insertClientsBulk(db, rows);
  },
  async update(db, input) {
    const changes = { ...changesOf(input.value), updatedAt: input.now, version: input.target.version + 1 };
    return clients.updateClient(db, input.scope, input.target, changes);
  },
};

export const newId = (): string => randomUUID();
