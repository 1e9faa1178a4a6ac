import { api, unwrap } from '../../app/api';
import { readFileName, readMissingFacts } from './document-headers';

export interface DraftedDocument {
  content: Blob;
  /** As the server names it (content-disposition), e.g. 业务说明.docx. */
  fileName: string;
  /** Facts the draft still lacks, written into it as 【待补充：…】 (header x-document-missing). */
  missing: string[];
}

/** POST …/documents/:key: drafts the DOCX (stored as the item's next version, except the materials index). */
export async function fetchDocument(input: { applicationId: string; key: string }): Promise<DraftedDocument> {
  const settled = await api.POST('/api/applications/{id}/documents/{key}', { params: { path: { id: input.applicationId, key: input.key } }, parseAs: 'blob' });
  const content = (await unwrap(Promise.resolve(settled))) as unknown as Blob;
  const headers = settled.response.headers;
  return { content, fileName: readFileName(headers.get('content-disposition'), `${input.key}.docx`), missing: readMissingFacts(headers.get('x-document-missing')) };
}

/** Hands a file fetched by script to the browser's downloads, under its own name. */
export function saveFile(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
