import { randomBytes } from 'node:crypto';

/** A multipart/form-data body with one file part, as a browser's form sends it. */
export function multipartFile(input: { fileName: string; content: Buffer; field?: string; mime?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----licensedesk${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${input.field ?? 'file'}"; filename="${input.fileName}"\r\nContent-Type: ${input.mime ?? 'application/octet-stream'}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, input.content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Small files whose first bytes say what they are (file-type reads these), padded to `size` bytes. */
export const sampleFiles = {
  pdf: (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(Math.max(0, size - 48), 0x20)]),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), Buffer.alloc(64)]),
  jpg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(64)]),
  /** A Windows program: what an `.exe` renamed `.pdf` contains. */
  exe: () => Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(64)]),
};
