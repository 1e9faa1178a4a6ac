import { uploadFile } from '../../app/upload-file';
import type { MaterialItem } from './hooks/use-application-materials';

export interface MaterialUpload {
  applicationId: string;
  key: string;
  file: File;
  /** From GET /api/me: cookie-authenticated writes echo it, as the typed API client does. */
  csrfToken: string | null;
  /** 0–100 as the bytes leave the browser. */
  onProgress: (percent: number) => void;
}

/** PUT …/materials/:key with the file as the item's next version, reporting the bytes' progress. */
export function uploadMaterialFile(upload: MaterialUpload): Promise<MaterialItem> {
  const url = `/api/applications/${encodeURIComponent(upload.applicationId)}/materials/${encodeURIComponent(upload.key)}`;
  return uploadFile<MaterialItem>({ method: 'PUT', url, file: upload.file, csrfToken: upload.csrfToken, onProgress: upload.onProgress });
}
