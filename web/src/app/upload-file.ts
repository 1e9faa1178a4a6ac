import { ApiError, toApiError } from './api-error';
import { getLanguage } from './i18n';

export interface FileUpload {
  method: 'PUT' | 'POST';
  url: string;
  file: File;
  /** From GET /api/me: cookie-authenticated writes echo it, as the typed API client does. */
  csrfToken: string | null;
  /** 0–100 as the bytes leave the browser. */
  onProgress: (percent: number) => void;
}

function readJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Sends one file as multipart/form-data in a field named `file`. XMLHttpRequest rather than fetch, because only it
 * reports upload progress. Answers the JSON body, or fails with the same ApiError the typed client throws.
 */
export function uploadFile<T>(upload: FileUpload): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLanguage());
    if (upload.csrfToken) xhr.setRequestHeader('x-csrf-token', upload.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) upload.onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      const body = readJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        upload.onProgress(100);
        resolve(body as T);
      } else {
        reject(toApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' }));
    const form = new FormData();
    form.append('file', upload.file, upload.file.name);
    xhr.send(form);
  });
}
