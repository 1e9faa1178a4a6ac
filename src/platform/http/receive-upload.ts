import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import { AppError, invalidFields, type Bilingual } from '../errors/app-error.ts';
import type { PendingBlob } from '../storage/blob-store.ts';
import { cleanText, textProblemMessages } from './text.ts';

/** The file types uploads may be, as detected from their content; `csv` is text no binary format claims. */
export type UploadType = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx' | 'csv';

/** An upload received in full, hashed, with its type read from its content, waiting in the store's temp folder. */
export interface ReceivedUpload extends PendingBlob {
  fileName: string;
  fileType: UploadType;
}

/**
 * Multipart bodies: one file field, nothing else, at most `maxBytes`. The file name arrives as sent (preservePath), so
 * a name carrying a path is refused rather than quietly cut to its last part.
 */
export async function registerMultipart(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, { preservePath: true, limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1, fieldNameSize: 100, headerPairs: 50 } });
}

const fileProblem = (code: string, message: Bilingual) => invalidFields([{ field: 'file', code, message }]);

/** A file name safe to keep and to offer back in a download: one visible line, no path, no control characters. */
function checkFileName(raw: string | undefined): string {
  const { value, problem } = cleanText(raw ?? '');
  if (problem) throw fileProblem('FILE_NAME_INVALID', { zh: `文件名${textProblemMessages[problem].zh}`, en: `The file name ${textProblemMessages[problem].en}` });
  if (value === '' || value.length > 200) throw fileProblem('FILE_NAME_INVALID', { zh: '文件名须为1–200个字符', en: 'The file name must be 1–200 characters' });
  if (/[/\\:*?"<>|]/.test(value) || value === '.' || value === '..') {
    throw fileProblem('FILE_NAME_INVALID', { zh: '文件名不能含路径或 / \\ : * ? " < > | 等字符', en: 'The file name must not contain a path or any of / \\ : * ? " < > |' });
  }
  return value;
}

/** Reads what the content is, from its first bytes (magic numbers), never from its name or the browser's MIME type. */
async function detectType(file: string): Promise<UploadType | null> {
  const detected = await fileTypeFromFile(file);
  const ext = detected?.ext;
  if (!detected) return 'csv';
  return ext === 'pdf' || ext === 'jpg' || ext === 'png' || ext === 'docx' || ext === 'xlsx' ? ext : null;
}

function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/** Multipart limits other than the file's size: more parts, fields or files than the one file allowed. */
function isOverPartLimit(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
  return code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT';
}

/**
 * Streams the request's one file (field `file`) to a temporary file in `tempDir` while hashing it, then checks it:
 * not empty, within `maxBytes`, a safe name, and a type `accepts` allows, read from the content. On any failure or an
 * aborted request the temporary file is removed, so nothing half-written stays behind.
 */
export async function receiveUpload(request: FastifyRequest, options: { tempDir: string; maxBytes: number; accepts: readonly UploadType[] }): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '请以 multipart/form-data 上传，文件字段名为 file', en: 'Upload as multipart/form-data, with the file in a field named file' });
  }
  const part = await request.file({ limits: { fileSize: options.maxBytes } }).catch((error: unknown) => {
    throw unreadable(error, options.maxBytes);
  });
  if (!part || part.fieldname !== 'file') throw fileProblem('FILE_MISSING', { zh: '请选择要上传的文件（字段名 file）', en: 'Choose a file to upload (field name file)' });
  const tempPath = path.join(options.tempDir, `${randomUUID()}.part`);
  try {
    const fileName = checkFileName(part.filename);
    await fs.promises.mkdir(options.tempDir, { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(part.file, count, fs.createWriteStream(tempPath, { flags: 'wx' })).catch((error: unknown) => {
      throw unreadable(error, options.maxBytes);
    });
    if (part.file.truncated) throw tooLarge(options.maxBytes);
    if (size === 0) throw fileProblem('FILE_EMPTY', { zh: '文件是空的（0 字节）', en: 'The file is empty (0 bytes)' });
    const fileType = await detectType(tempPath);
    if (!fileType || !options.accepts.includes(fileType)) {
      // Text that no binary format claims is only named when the item takes CSV; otherwise it is just "not accepted".
      const named = fileType === 'csv' ? null : fileType;
      const allowed = options.accepts.map((t) => t.toUpperCase()).join(', ');
      throw fileProblem('FILE_TYPE_NOT_ACCEPTED', {
        zh: `文件内容不是此项接受的类型（${allowed}）${named ? `，而是 ${named.toUpperCase()}` : ''}；系统按文件内容判断，不看扩展名`,
        en: `The file's content is not a type this item accepts (${allowed})${named ? `: it is ${named.toUpperCase()}` : ''}; the content decides, not the name`,
      });
    }
    return { tempPath, sha256: hash.digest('hex'), size, fileName, fileType };
  } catch (error) {
    await fs.promises.rm(tempPath, { force: true });
    throw error;
  }
}

function tooLarge(maxBytes: number): AppError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new AppError('PAYLOAD_TOO_LARGE', { zh: `文件超过 ${mb} MB 上限`, en: `The file is larger than the ${mb} MB limit` }, [{ field: 'file', code: 'FILE_TOO_LARGE', message: { zh: `上限 ${mb} MB`, en: `limit ${mb} MB` } }]);
}

/** What went wrong while the body was being read: too large, or a body that is not whole multipart (cut off, malformed). */
function unreadable(error: unknown, maxBytes: number): AppError {
  if (error instanceof AppError) return error;
  if (isTooLarge(error)) return tooLarge(maxBytes);
  if (isOverPartLimit(error)) return fileProblem('ONE_FILE_ONLY', { zh: '一次只能上传一个文件（字段名 file），不带其他字段', en: 'Send exactly one file (field name file) and nothing else' });
  return new AppError('BAD_REQUEST', { zh: '上传的内容不完整或格式不对（multipart/form-data），文件未保存', en: 'The upload was cut off or is not valid multipart/form-data; nothing was saved' }, [
    { field: 'file', code: 'UPLOAD_UNREADABLE', message: { zh: '上传不完整', en: 'incomplete upload' } },
  ]);
}
