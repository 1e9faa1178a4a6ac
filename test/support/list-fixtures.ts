import { randomUUID } from 'node:crypto';
import type { LogConfig } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { ClientRow } from '../../src/modules/clients/repository.ts';
import { computeUsccCheck } from '../../src/domain/identifiers/compute-uscc-check.ts';
import type { TestDatabase, TestDialect } from './test-databases.ts';

/** A fresh, migrated database of the dialect, for repository-level tests. */
export async function openMigrated(dialect: TestDialect, options: { log?: LogConfig } = {}): Promise<{ handle: DatabaseHandle; close(): Promise<void> }> {
  const database: TestDatabase = await dialect.create();
  const handle = await openDatabase(database.url, options);
  await migrateToLatest(handle.db);
  return {
    handle,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/** Creates an organisation and returns its id. */
export async function insertTestOrganisation(handle: DatabaseHandle): Promise<string> {
  const id = randomUUID();
  await handle.db.insertInto('organisations').values({ id, name: `Org ${id.slice(0, 8)}`, kind: 'agency', isDemo: 0, createdAt: '2026-01-01T00:00:00.000Z' }).execute();
  return id;
}

/** A valid credit code: `91`, a 6-digit region, a 9-digit organisation code from `n`, and its check character. */
export function testUscc(n: number, region = '110105'): string {
  const body = `91${region}${String(n).padStart(9, '0')}`;
  return body + computeUsccCheck(body);
}

/** A client company row with every field filled in plainly. */
export function testClientRow(orgId: string, input: { name: string; uscc: string } & Partial<ClientRow>): ClientRow {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id: randomUUID(),
    orgId,
    usccOverride: 0,
    legalRepresentative: '',
    registeredCapital: null,
    businessScope: '',
    province: null,
    address: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    foreignShareBp: null,
    notes: '',
    archivedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...input,
  };
}
