import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** A checked upload waiting in the store's temporary folder, and what its content hashes to. */
export interface PendingBlob {
  tempPath: string;
  sha256: string;
  size: number;
}

/**
 * Where uploaded files live, addressed by their SHA-256, so identical content is kept once. `keep` runs inside the
 * transaction that writes the rows naming the blob; if that transaction fails, `undo` removes what `keep` added.
 */
export interface BlobStore {
  kind: 'fs' | 'database';
  /** Uploads stream here first (created on first use): on the store's own disk, so keeping one is a rename. */
  tempDir: string;
  keep(db: Db, blob: PendingBlob): Promise<{ undo(): Promise<void> }>;
  open(db: Db, sha256: string): Promise<Readable | null>;
}

const hashShape = /^[0-9a-f]{64}$/;

/** `fs`: files under <data dir>/blobs/ab/cd/<sha256>, written by renaming the checked temporary file into place. */
export function createFsBlobStore(root: string): BlobStore {
  const tempDir = path.join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!hashShape.test(sha256)) throw new Error('not a SHA-256');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    kind: 'fs',
    tempDir,
    async keep(_db, blob) {
      const target = pathOf(blob.sha256);
      if (fs.existsSync(target)) {
        await fs.promises.rm(blob.tempPath, { force: true });
        return { undo: async () => undefined };
      }
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(blob.tempPath, target);
      return { undo: () => fs.promises.rm(target, { force: true }) };
    },
    async open(_db, sha256) {
      const file = pathOf(sha256);
      return fs.existsSync(file) ? fs.createReadStream(file) : null;
    },
  };
}

/** `database`: the content in the `blobs` table, in the same transaction as its rows, for instances without a shared disk. */
export function createDatabaseBlobStore(tempDir: string): BlobStore {
  return {
    kind: 'database',
    tempDir,
    async keep(db, blob) {
      const content = await fs.promises.readFile(blob.tempPath);
      await fs.promises.rm(blob.tempPath, { force: true });
      await db
        .insertInto('blobs')
        .values({ sha256: blob.sha256, size: blob.size, content })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      return { undo: async () => undefined };
    },
    async open(db, sha256) {
      if (!(await db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst())) return null;
      // Read when the stream is first read, so a package of many files holds one file's content at a time.
      return Readable.from(
        (async function* () {
          const row = await db.selectFrom('blobs').select(sql<Buffer | Uint8Array>`content`.as('content')).where('sha256', '=', sha256).executeTakeFirstOrThrow();
          yield Buffer.from(row.content);
        })(),
      );
    },
  };
}

/** The store the configuration names. */
export function createBlobStore(config: { dataDir: string; blobStore: 'fs' | 'database' }): BlobStore {
  const root = path.join(config.dataDir, 'blobs');
  return config.blobStore === 'database' ? createDatabaseBlobStore(path.join(root, 'tmp')) : createFsBlobStore(root);
}

/**
 * Removes temporary upload files older than `olderThanMs` (a process killed mid-upload leaves its `.part` file); run at
 * start. Younger ones may belong to an upload still running in another instance sharing the folder.
 */
export function sweepStaleUploads(tempDir: string, now: number, olderThanMs = 60 * 60 * 1000): number {
  if (!fs.existsSync(tempDir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(tempDir)) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(tempDir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > olderThanMs) {
      fs.rmSync(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
