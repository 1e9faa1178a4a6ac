// Helpers for the archive's API tests: an app with the archive route, and archives read, compared and rewritten.
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Clock } from '../../../platform/clock.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import type { TestDialect } from '../../../../test/support/test-databases.ts';

/** `createTestApp` with the environment and clock the archive tests use. */
export async function createArchiveTestApp(dialect: TestDialect, env: Record<string, string>, clock: Clock): Promise<TestApp> {
  return createTestApp(dialect, env, { clock });
}

export const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Every entry of a ZIP, by name. */
export async function unzip(content: Buffer): Promise<Map<string, Buffer>> {
  const zipfile = await yauzl.fromBufferPromise(content, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zipfile.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await zipfile.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  zipfile.close();
  return entries;
}

/** A ZIP of the given entries, in their order. */
export function zipOf(entries: Map<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) zip.addBuffer(content, name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export type Row = Record<string, unknown>;

export interface ReadArchive {
  manifest: { formatVersion: number; sourceDialect: string; organisation: { id: string; name: string }; counts: Record<string, number>; entries: Array<{ path: string; sha256: string; size: number }>; missingFiles: string[] };
  records: Record<string, Row[]>;
  files: Map<string, Buffer>;
  entries: Map<string, Buffer>;
}

export async function readArchive(content: Buffer): Promise<ReadArchive> {
  const entries = await unzip(content);
  const records: Record<string, Row[]> = {};
  const files = new Map<string, Buffer>();
  for (const [name, data] of entries) {
    if (name.startsWith('records/')) records[name.slice('records/'.length, -'.jsonl'.length)] = data.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
    if (name.startsWith('files/')) files.set(name.slice('files/'.length), data);
  }
  return { manifest: JSON.parse(entries.get('manifest.json')!.toString('utf8')), records, files, entries };
}

/**
 * Old id → new id for a restored archive. A restore gives each table's ids new ones in the order of the old ones, so
 * the i-th smallest id of a table in one archive is the i-th smallest in the other.
 */
export function idMapBetween(source: ReadArchive, restored: ReadArchive): Map<string, string> {
  const map = new Map([[source.manifest.organisation.id, restored.manifest.organisation.id]]);
  for (const [table, rows] of Object.entries(source.records)) {
    if (rows.length === 0 || !('id' in rows[0]) || table === 'organisations') continue;
    const before = rows.map((r) => r.id as string).sort();
    const after = restored.records[table].map((r) => r.id as string).sort();
    before.forEach((id, i) => map.set(id, after[i]));
  }
  return map;
}

/** Rows with every id of the map replaced, as a restore does. */
export function remapRows(rows: Row[], map: Map<string, string>): Row[] {
  return rows.map((row) => JSON.parse(JSON.stringify(row).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => map.get(id) ?? id)) as Row);
}
