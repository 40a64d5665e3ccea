/**
 * Multipart uploads to the admin API (docs/api.md#catalog-media: product images, CSV imports) with the
 * session's token and upload progress, which fetch cannot report: XMLHttpRequest. A 401 refreshes
 * the session once and sends again, as the http client does. Errors are react-admin HttpErrors;
 * an import's list of row errors (`errors: [{row, column, message}]`) is kept as `body.rowErrors`.
 */
import { HttpError } from 'react-admin';
import { apiError } from './httpClient';
import { readSession, refreshSession } from './session';

export interface UploadOptions {
  /** the form field (the API's is `file`) */
  field?: string;
  filename?: string;
  /** 0…1 of the bytes sent */
  onProgress?: (fraction: number) => void;
}

interface Answer {
  status: number;
  statusText: string;
  text: string;
}

function send(url: string, form: FormData, token: string | undefined, onProgress?: (fraction: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve({ status: request.status, statusText: request.statusText, text: request.responseText });
    request.onerror = () => reject(new HttpError('The upload failed: the connection was lost.', 0, {}));
    request.send(form);
  });
}

/** POSTs `file` as multipart form data; resolves to the JSON answer. */
export async function uploadFile<T>(url: string, file: Blob, { field = 'file', filename, onProgress }: UploadOptions = {}): Promise<T> {
  const form = new FormData();
  form.append(field, file, filename ?? (file instanceof File ? file.name : 'upload'));
  const token = readSession()?.accessToken;
  let answer = await send(url, form, token, onProgress);
  if (answer.status === 401 && token) answer = await send(url, form, (await refreshSession()).accessToken, onProgress);
  let json: unknown;
  try {
    json = answer.text ? JSON.parse(answer.text) : undefined;
  } catch {
    json = undefined;
  }
  if (answer.status < 200 || answer.status >= 300) {
    const error = apiError(answer.status, answer.statusText, json);
    const errors = (json as { errors?: unknown } | undefined)?.errors;
    throw Array.isArray(errors) ? new HttpError(error.message, error.status, { ...error.body, rowErrors: errors }) : error;
  }
  return json as T;
}
