import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform, type Writable } from 'node:stream';
import { pipeline as pipelinePromise } from 'node:stream/promises';
import yazl from 'yazl';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/errors/app-error.ts';
import { operatorActor, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toArchiveRow } from './archive-rows.ts';
import { archiveFormat, archiveFormatVersion, manifestPath, type ArchiveManifest, type ManifestEntry } from './archive-manifest.ts';
import { archiveTableNames, archiveTables, filePath, recordsPath, type ArchiveTable } from './archive-tables.ts';
import { withReadSnapshot } from './read-snapshot.ts';
import * as repo from './repository.ts';

/** Rows read per query: 100,000 clients cost a hundred index ranges, never 100,000 rows in memory. */
export const archivePageSize = 1000;

export type ArchiveCounts = ArchiveManifest['counts'];

export interface ArchiveSummary {
  orgId: string;
  organisation: string;
  counts: ArchiveCounts;
  /** Entries written, manifest.json included. */
  entries: number;
  /** Files the records name that the blob store no longer has (listed in the manifest, logged). */
  missingFiles: number;
}

/** An export checked and audited, ready to stream (the HTTP route sends its headers in between). */
export interface ArchiveExport {
  orgId: string;
  /** licensedesk-<organisation>-<YYYY-MM-DD>.zip */
  fileName: string;
  writeTo(output: Writable): Promise<ArchiveSummary>;
}

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_');
const fileNameOf = (ctx: AppContext, org: { name: string }) => `licensedesk-${safeName(org.name)}-${ctx.clock.today()}.zip`;

async function requireOrganisation(ctx: AppContext, orgId: string) {
  const org = await repo.findOrganisation(ctx.db, orgId);
  if (!org) throw notFound({ zh: '机构', en: 'Organisation' });
  return org;
}

/** The name a download of the organisation's archive gets today (for HEAD, which reads and audits nothing). */
export async function archiveFileName(ctx: AppContext, orgId: string): Promise<string> {
  return fileNameOf(ctx, await requireOrganisation(ctx, orgId));
}

/**
 * Checks who asks (an actor of the organisation; none: the command line) and audits the export before a byte is read,
 * so a download that fails part-way is on record too.
 */
export async function beginArchiveExport(ctx: AppContext, input: { orgId: string; actor?: Actor }): Promise<ArchiveExport> {
  const actor = input.actor ?? operatorActor(input.orgId);
  if (actor.orgId !== input.orgId) throw forbidden();
  const org = await requireOrganisation(ctx, input.orgId);
  await recordAudit(ctx.db, {
    actor, clock: ctx.clock, action: 'organisation.archive.export', entityType: 'organisation', entityId: org.id,
    summary: { zh: `导出机构「${org.name}」的全部数据（归档 ZIP）`, en: `Exported all data of "${org.name}" (archive ZIP)` },
  });
  return {
    orgId: org.id,
    fileName: fileNameOf(ctx, org),
    writeTo: (output) => withReadSnapshot(ctx, (db) => writeArchive(ctx, db, { org: { id: org.id, name: org.name }, output })),
  };
}

/**
 * Streams a whole organisation as a ZIP into `output`: records/<table>.jsonl per table (read in keyset pages), every
 * uploaded file the records name as files/<sha256> (streamed from the blob store), and manifest.json last, with each
 * entry's SHA-256 and size as computed while it streamed. Resolves once `output` has taken the last byte.
 */
export async function exportArchive(ctx: AppContext, input: { orgId: string; output: Writable; actor?: Actor }): Promise<ArchiveSummary> {
  return (await beginArchiveExport(ctx, input)).writeTo(input.output);
}

async function* recordChunks(db: Db, spec: ArchiveTable, input: { orgId: string; onRows(n: number): void }): AsyncGenerator<Buffer> {
  let after: unknown = null;
  for (;;) {
    const rows = await repo.readRecordPage(db, spec, { orgId: input.orgId, after, limit: archivePageSize });
    if (rows.length === 0) return;
    const sortBy = spec.sortBy;
    if (sortBy) rows.sort((a, b) => (String(a[sortBy]) < String(b[sortBy]) ? -1 : 1));
    input.onRows(rows.length);
    yield Buffer.from(rows.map((row) => `${JSON.stringify(toArchiveRow(spec, row))}\n`).join(''), 'utf8');
    if (!spec.cursor || rows.length < archivePageSize) return;
    after = rows[rows.length - 1][spec.cursor];
  }
}

/** Passes an entry's bytes on while hashing them; a stored file must hash to its name, or the export fails. */
function measured(source: Readable, o: { path: string; expectedSha256?: string; onDone(entry: ManifestEntry): void; onError(error: Error): void }): Readable {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      const sha256 = hash.digest('hex');
      if (o.expectedSha256 && sha256 !== o.expectedSha256) return callback(new Error(`the stored file ${o.expectedSha256} does not match its SHA-256`));
      o.onDone({ path: o.path, sha256, size });
      callback();
    },
  });
  pipeline(source, tap, (error) => error && o.onError(error));
  return tap;
}

interface EntryState {
  mtime: Date;
  entries: ManifestEntry[];
  /** The source being read, closed when the reader goes away mid-way. */
  current: Readable | null;
  fail(error: Error): void;
}

/** Adds an entry that is opened only when the ZIP reaches it (one source open at a time), hashed as it passes. */
function addMeasured(zip: yazl.ZipFile, state: EntryState, entry: { path: string; compress: boolean; expectedSha256?: string; open(): Promise<Readable> }): void {
  zip.addReadStreamLazy(entry.path, { mtime: state.mtime, compress: entry.compress }, (done) => {
    entry.open().then(
      (source) => {
        state.current = source;
        done(null, measured(source, { path: entry.path, expectedSha256: entry.expectedSha256, onDone: (e) => state.entries.push(e), onError: state.fail }));
      },
      (error: unknown) => done(error, null as never),
    );
  });
}

/**
 * The files the records name, split by whether the blob store still has them. A missing one (lost from the disk, say)
 * does not stop the organisation's data coming out: the manifest lists it, and the restore names it as the source did.
 */
async function findStoredFiles(ctx: AppContext, db: Db, orgId: string): Promise<{ present: string[]; missing: string[] }> {
  const present: string[] = [];
  const missing: string[] = [];
  for (const sha256 of await repo.listFileHashes(db, orgId)) {
    const stream = await ctx.blobs.open(db, sha256);
    stream?.destroy();
    (stream ? present : missing).push(sha256);
  }
  if (missing.length > 0) ctx.logger.warn({ orgId, missing }, 'files named by records are missing from the blob store; the archive lists them without content');
  return { present, missing };
}

async function writeArchive(ctx: AppContext, db: Db, input: { org: { id: string; name: string }; output: Writable }): Promise<ArchiveSummary> {
  const { org } = input;
  const exportedAt = ctx.clock.now();
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  // yazl does not watch its sources: a failing one (the database, a missing file) ends the ZIP with its error.
  const state: EntryState = { mtime: new Date(exportedAt), entries: [], current: null, fail: (error) => output.destroy(error) };
  zip.on('error', state.fail);
  const counts = Object.fromEntries([...archiveTableNames, 'files'].map((name) => [name, 0])) as ArchiveCounts;
  for (const spec of archiveTables) {
    const open = async () => Readable.from(recordChunks(db, spec, { orgId: org.id, onRows: (n) => (counts[spec.name] += n) }), { objectMode: false });
    addMeasured(zip, state, { path: recordsPath(spec.name), compress: true, open });
  }
  const { present, missing } = await findStoredFiles(ctx, db, org.id);
  counts.files = present.length;
  for (const sha256 of present) {
    const open = async () => {
      const stream = await ctx.blobs.open(db, sha256);
      if (!stream) throw new Error(`the stored file ${sha256} is missing`);
      return stream;
    };
    // Uploads are PDFs, images and Office files, compressed already: stored as they are.
    addMeasured(zip, state, { path: filePath(sha256), compress: false, expectedSha256: sha256, open });
  }
  // Asked for only once every entry before it has been written, so every hash is known.
  zip.addReadStreamLazy(manifestPath, { mtime: state.mtime }, (done) => {
    const manifest: ArchiveManifest = { format: archiveFormat, formatVersion: archiveFormatVersion, appVersion: ctx.config.version, sourceDialect: ctx.database.dialect, exportedAt, organisation: org, counts, entries: state.entries, missingFiles: missing };
    done(null, Readable.from([Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')], { objectMode: false }));
  });
  zip.end();
  try {
    await pipelinePromise(output, input.output);
  } catch (error) {
    state.current?.destroy();
    throw error;
  }
  return { orgId: org.id, organisation: org.name, counts, entries: state.entries.length + 1, missingFiles: missing.length };
}
