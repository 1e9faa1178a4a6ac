import { createHash } from 'node:crypto';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../platform/errors/app-error.ts';
import { archiveInvalid, archiveTampered, archiveTooLarge, archiveUnreadable } from './archive-errors.ts';
import { manifestPath, parseManifest, type ArchiveManifest } from './archive-manifest.ts';

/** How much an import inflates at most, and how many entries it takes: a zip bomb is refused before it is inflated. */
export interface ArchiveLimits {
  /** Total bytes of every entry inflated; 10 GiB unless given. */
  maxUncompressedBytes?: number;
  /** Entries (records, files and the manifest); 1,000,000 unless given. */
  maxEntries?: number;
}

export const defaultArchiveLimits = { maxUncompressedBytes: 10 * 1024 ** 3, maxEntries: 1_000_000 } as const;

/** The manifest is held in memory to be parsed. */
const maxManifestBytes = 256 * 1024 * 1024;

/** An archive whose manifest was read and matched against its entries; each entry is checked as it streams. */
export interface OpenedArchive {
  manifest: ArchiveManifest;
  /**
   * An entry's bytes, inflated as they are read. Never more than its manifest size is inflated, and once the last
   * chunk is read its SHA-256 and size are compared with the manifest: a mismatch throws ARCHIVE_HASH_MISMATCH.
   */
  read(path: string): AsyncGenerator<Buffer>;
  close(): void;
}

const unreadable = (error: unknown) => (error instanceof AppError ? error : archiveUnreadable(error instanceof Error ? error.message : String(error)));

async function listEntries(zipfile: ZipFile, maxEntries: number): Promise<Map<string, Entry>> {
  if (zipfile.entryCount > maxEntries) throw archiveTooLarge({ entries: maxEntries });
  const entries = new Map<string, Entry>();
  for await (const entry of zipfile.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    if (entry.isEncrypted() || !entry.canDecodeFileData()) throw archiveUnreadable(`${entry.fileName}: encrypted or compressed in an unsupported way`);
    if (entries.has(entry.fileName)) throw archiveInvalid(entry.fileName, { zh: '条目重复', en: 'the entry appears twice' });
    entries.set(entry.fileName, entry);
  }
  return entries;
}

async function* inflate(zipfile: ZipFile, entry: Entry, limit: number): AsyncGenerator<Buffer> {
  const stream = await zipfile.openReadStreamPromise(entry).catch((error: unknown) => {
    throw unreadable(error);
  });
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw archiveTampered(entry.fileName);
      yield chunk;
    }
  } catch (error) {
    throw unreadable(error);
  } finally {
    stream.destroy();
  }
}

async function readManifest(zipfile: ZipFile, entry: Entry | undefined): Promise<ArchiveManifest> {
  if (!entry) throw archiveInvalid(manifestPath, { zh: '归档中没有清单', en: 'the archive has no manifest' });
  if (entry.uncompressedSize > maxManifestBytes) throw archiveTooLarge({ bytes: maxManifestBytes });
  const chunks: Buffer[] = [];
  for await (const chunk of inflate(zipfile, entry, maxManifestBytes)) chunks.push(chunk);
  return parseManifest(Buffer.concat(chunks).toString('utf8'));
}

/** Every entry is one the manifest lists with the size the ZIP declares, and the total stays under the limit. */
function matchEntries(manifest: ArchiveManifest, entries: Map<string, Entry>, maxBytes: number): void {
  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const [name, entry] of entries) {
    if (name === manifestPath) continue;
    const expected = listed.get(name);
    if (!expected) throw archiveInvalid(name, { zh: '不在清单中', en: 'not listed in the manifest' });
    if (entry.uncompressedSize !== expected.size) throw archiveTampered(name);
  }
  const missing = manifest.entries.find((e) => !entries.has(e.path));
  if (missing) throw archiveInvalid(missing.path, { zh: '清单中列出但归档中没有', en: 'listed in the manifest but not in the archive' });
  const total = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > maxBytes) throw archiveTooLarge({ bytes: maxBytes });
}

/**
 * Opens an archive file and reads its manifest. Refused before anything is inflated: a file that is not a ZIP, more
 * entries or more declared bytes than the limits, an entry the manifest does not list (or one it lists missing).
 * yauzl's validateEntrySizes stops an entry inflating past its declared size, so the declared total bounds the work.
 */
export async function openArchive(file: string, limits: ArchiveLimits = {}): Promise<OpenedArchive> {
  const maxBytes = limits.maxUncompressedBytes ?? defaultArchiveLimits.maxUncompressedBytes;
  const zipfile = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }).catch((error: unknown) => {
    throw unreadable(error);
  });
  try {
    const entries = await listEntries(zipfile, limits.maxEntries ?? defaultArchiveLimits.maxEntries);
    const manifest = await readManifest(zipfile, entries.get(manifestPath));
    matchEntries(manifest, entries, maxBytes);
    const listed = new Map(manifest.entries.map((e) => [e.path, e]));
    return {
      manifest,
      async *read(path) {
        const expected = listed.get(path)!;
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of inflate(zipfile, entries.get(path)!, expected.size)) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
        if (size !== expected.size || hash.digest('hex') !== expected.sha256) throw archiveTampered(path);
      },
      close: () => zipfile.close(),
    };
  } catch (error) {
    zipfile.close();
    throw unreadable(error);
  }
}
