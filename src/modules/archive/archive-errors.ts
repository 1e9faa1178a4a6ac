import { AppError, type Bilingual } from '../../platform/errors/app-error.ts';

// Every refusal of an archive is a 4xx AppError whose details name the problem in `code`, so a script can tell a
// tampered archive from a corrupt or an oversized one.

const refuse = (status: 'UNPROCESSABLE' | 'PAYLOAD_TOO_LARGE', code: string, message: Bilingual, extra: Record<string, unknown> = {}) =>
  new AppError(status, { zh: `无法导入归档：${message.zh}`, en: `The archive cannot be imported: ${message.en}` }, [{ field: 'archive', code, message, ...extra }]);

/** Not a ZIP, or a damaged one (the zip reader's reason is given). */
export function archiveUnreadable(reason: string): AppError {
  return refuse('UNPROCESSABLE', 'ARCHIVE_UNREADABLE', { zh: `不是有效的 ZIP 归档（${reason}）`, en: `it is not a valid ZIP archive (${reason})` });
}

/** An entry whose content differs from the SHA-256 or size its manifest gives: changed after export. */
export function archiveTampered(path: string): AppError {
  return refuse('UNPROCESSABLE', 'ARCHIVE_HASH_MISMATCH', { zh: `${path} 的内容与清单中的 SHA-256 不符，归档在导出后被修改过`, en: `the content of ${path} does not match the SHA-256 in its manifest: the archive was changed after export` }, { path });
}

/** More inflated bytes or entries than an import takes: a zip bomb, or simply too big. */
export function archiveTooLarge(limit: { bytes?: number; entries?: number }): AppError {
  const what = limit.bytes !== undefined ? { zh: `解压后超过 ${limit.bytes} 字节`, en: `it inflates to more than ${limit.bytes} bytes` } : { zh: `超过 ${limit.entries} 个条目`, en: `it has more than ${limit.entries} entries` };
  return refuse('PAYLOAD_TOO_LARGE', 'ARCHIVE_TOO_LARGE', what, limit);
}

/** An archive of a format version this release does not read. */
export function archiveVersionUnsupported(found: unknown, supported: number): AppError {
  return refuse('UNPROCESSABLE', 'ARCHIVE_VERSION_UNSUPPORTED', { zh: `格式版本 ${String(found)} 不受支持（本版本读取 ${supported}）`, en: `format version ${String(found)} is not supported (this release reads ${supported})` }, { found, supported });
}

/** Records that do not fit the format or each other; `where` names the entry (and line) at fault. */
export function archiveInvalid(where: string, reason: Bilingual): AppError {
  return refuse('UNPROCESSABLE', 'ARCHIVE_INVALID', { zh: `${where}：${reason.zh}`, en: `${where}: ${reason.en}` }, { where });
}
