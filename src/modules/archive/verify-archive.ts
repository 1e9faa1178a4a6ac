import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PendingBlob } from '../../platform/storage/blob-store.ts';
import { archiveInvalid, archiveTampered } from './archive-errors.ts';
import { checkArchiveRow, type KnownFiles } from './archive-rows.ts';
import { archiveTables, recordsPath, type ArchiveTable } from './archive-tables.ts';
import type { IdMap } from './id-map.ts';
import type { ManifestEntry } from './archive-manifest.ts';
import type { OpenedArchive } from './open-archive.ts';
import { readLines } from './read-lines.ts';

const filePrefix = 'files/';

/** The archive's uploaded files (files/<sha256>): their manifest entries, by the SHA-256 their name gives. */
export function archiveFiles(archive: OpenedArchive): Map<string, ManifestEntry> {
  return new Map(archive.manifest.entries.filter((e) => e.path.startsWith(filePrefix)).map((e) => [e.path.slice(filePrefix.length), e]));
}

/** The files an archive's records may name: those it holds, and those the source no longer had. */
export function knownFiles(archive: OpenedArchive): KnownFiles {
  const held = archiveFiles(archive);
  const missing = new Set(archive.manifest.missingFiles);
  return { has: (sha256) => held.has(sha256) || missing.has(sha256) };
}

/** Each line of a table's entry, parsed and checked against the table, with where it sits. */
export async function* readArchiveRows(archive: OpenedArchive, spec: ArchiveTable, files: KnownFiles): AsyncGenerator<{ row: Record<string, unknown>; where: string }> {
  const entry = recordsPath(spec.name);
  for await (const { line, number } of readLines(archive.read(entry), entry)) {
    const where = `${entry} line ${number}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw archiveInvalid(where, { zh: '不是 JSON', en: 'not JSON' });
    }
    yield { row: checkArchiveRow(spec, value, { where, files }), where };
  }
}

/**
 * The first pass, before anything is written: every entry is inflated and its SHA-256 and size compared with the
 * manifest, every record checked against its table, every id collected into `ids`, and every file checked to be one
 * the records name (and every file a record names is checked to be in the archive, by `checkArchiveRow`).
 */
export async function verifyArchive(archive: OpenedArchive, ids: IdMap): Promise<void> {
  const files = archiveFiles(archive);
  const known = knownFiles(archive);
  const named = new Set<string>();
  const { manifest } = archive;
  for (const spec of archiveTables) {
    let rows = 0;
    for await (const { row, where } of readArchiveRows(archive, spec, known)) {
      rows += 1;
      if (spec.name === 'organisations' && (rows > 1 || row.id !== manifest.organisation.id)) throw archiveInvalid(where, { zh: '应只有清单中的这一个机构', en: 'must be the one organisation the manifest names' });
      if (spec.name !== 'organisations' && 'id' in spec.columns && !ids.add(spec.name, row.id as string)) throw archiveInvalid(where, { zh: 'id 重复', en: 'the id appears twice' });
      for (const [column, kind] of Object.entries(spec.columns)) if (kind.startsWith('sha256') && row[column] !== null) named.add(row[column] as string);
    }
    if (spec.name === 'organisations' && rows !== 1) throw archiveInvalid(recordsPath(spec.name), { zh: '应有一个机构', en: 'must hold the organisation' });
  }
  for (const [sha256, entry] of files) {
    // Content-addressed: the name is the hash of the content, which the manifest's hash then checks.
    if (entry.sha256 !== sha256) throw archiveTampered(entry.path);
    if (!named.has(sha256)) throw archiveInvalid(entry.path, { zh: '没有记录引用此文件', en: 'no record names this file' });
    for await (const _chunk of archive.read(entry.path));
  }
}

/**
 * The second pass: each file is inflated again (and checked again) into the blob store's temporary folder, ready to
 * be kept in the restore's transaction. Every file started is pushed to `staged`, so the caller can remove them all.
 */
export async function stageFiles(archive: OpenedArchive, input: { tempDir: string; staged: PendingBlob[] }): Promise<void> {
  await fs.promises.mkdir(input.tempDir, { recursive: true });
  for (const [sha256, entry] of archiveFiles(archive)) {
    const blob = { tempPath: path.join(input.tempDir, `${randomUUID()}.part`), sha256, size: entry.size };
    input.staged.push(blob);
    await pipeline(Readable.from(archive.read(entry.path), { objectMode: false }), fs.createWriteStream(blob.tempPath, { flags: 'wx' }));
  }
}
