import { archiveTableNames, archiveTables, filePath, recordsPath, type ArchiveTableName } from './archive-tables.ts';
import { archiveInvalid, archiveVersionUnsupported } from './archive-errors.ts';
import { isRecordId } from './id-map.ts';

export const archiveFormat = 'licensedesk-archive';
/** Bumped whenever a record's shape changes in a way an older reader would misread. */
export const archiveFormatVersion = 1;
export const manifestPath = 'manifest.json';

/** One entry of the archive, as the manifest lists it. */
export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

/** manifest.json: written last, its hashes computed while the entries streamed. */
export interface ArchiveManifest {
  format: typeof archiveFormat;
  formatVersion: number;
  appVersion: string;
  sourceDialect: 'sqlite' | 'postgres';
  exportedAt: string;
  organisation: { id: string; name: string };
  /** Rows per table, and `files`: how many uploaded files the archive holds. */
  counts: Record<ArchiveTableName | 'files', number>;
  entries: ManifestEntry[];
  /** Files the records name whose content the source's blob store no longer had: restored as named, without content. */
  missingFiles: string[];
}

const sha256Shape = /^[0-9a-f]{64}$/;
const knownRecordPaths = new Set(archiveTableNames.map(recordsPath));
const filePathShape = new RegExp(`^${filePath('[0-9a-f]{64}')}$`);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkEntry(value: unknown, index: number): ManifestEntry {
  const where = `manifest.json entries[${index}]`;
  if (!isObject(value) || typeof value.path !== 'string' || typeof value.sha256 !== 'string' || typeof value.size !== 'number') {
    throw archiveInvalid(where, { zh: '应为 {path, sha256, size}', en: 'expected {path, sha256, size}' });
  }
  if (!sha256Shape.test(value.sha256) || !Number.isSafeInteger(value.size) || value.size < 0) throw archiveInvalid(where, { zh: 'SHA-256 或大小无效', en: 'invalid SHA-256 or size' });
  if (!knownRecordPaths.has(value.path) && !filePathShape.test(value.path)) throw archiveInvalid(where, { zh: `未知条目 ${value.path}`, en: `unknown entry ${value.path}` });
  return { path: value.path, sha256: value.sha256, size: value.size };
}

/** Reads manifest.json, refusing another format, an unknown version, and a list missing a table or naming one twice. */
export function parseManifest(text: string): ArchiveManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw archiveInvalid('manifest.json', { zh: '不是 JSON', en: 'not JSON' });
  }
  if (!isObject(raw) || raw.format !== archiveFormat) throw archiveInvalid('manifest.json', { zh: '不是 LicenseDesk 归档', en: 'not a LicenseDesk archive' });
  if (raw.formatVersion !== archiveFormatVersion) throw archiveVersionUnsupported(raw.formatVersion, archiveFormatVersion);
  const org = raw.organisation;
  const described = isObject(org) && isRecordId(org.id) && typeof org.name === 'string' && typeof raw.exportedAt === 'string' && typeof raw.appVersion === 'string';
  if (!described || (raw.sourceDialect !== 'sqlite' && raw.sourceDialect !== 'postgres')) {
    throw archiveInvalid('manifest.json', { zh: '缺少机构、导出时间、版本或数据库类型', en: 'the organisation, export time, version or source dialect is missing' });
  }
  if (!Array.isArray(raw.entries)) throw archiveInvalid('manifest.json', { zh: '缺少 entries', en: 'entries missing' });
  const entries = raw.entries.map(checkEntry);
  const missingFiles = raw.missingFiles ?? [];
  if (!Array.isArray(missingFiles) || !missingFiles.every((sha) => typeof sha === 'string' && sha256Shape.test(sha) && !entries.some((e) => e.path === filePath(sha)))) {
    throw archiveInvalid('manifest.json', { zh: 'missingFiles 无效', en: 'missingFiles is invalid' });
  }
  const paths = new Set(entries.map((e) => e.path));
  if (paths.size !== entries.length) throw archiveInvalid('manifest.json', { zh: '有重复的条目', en: 'an entry is listed twice' });
  const missing = archiveTables.map((t) => recordsPath(t.name)).filter((p) => !paths.has(p));
  if (missing.length > 0) throw archiveInvalid('manifest.json', { zh: `缺少 ${missing.join('、')}`, en: `missing ${missing.join(', ')}` });
  return { ...(raw as unknown as ArchiveManifest), entries, missingFiles: missingFiles as string[] };
}
