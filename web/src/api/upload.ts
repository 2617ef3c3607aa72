import type { UploadForm } from '../../../functions/files/schema';
import { ApiError } from './client';

/**
 * Posts a file straight to S3 with a presigned form, reporting progress (fetch
 * cannot report upload progress; XMLHttpRequest can). The API then checks the
 * stored object before anything refers to it.
 */
export const postToPresignedForm = (upload: UploadForm, file: File, onProgress: (percent: number) => void): Promise<void> => {
  const form = new FormData();
  Object.entries(upload.fields).forEach(([name, value]) => form.append(name, value));
  form.append('file', file);
  return new Promise<void>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', upload.url);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    request.onload = () => (request.status < 300 ? resolve() : reject(new ApiError(request.status, 'upload_failed', `Upload failed (${request.status})`)));
    request.onerror = () => reject(new ApiError(0, 'upload_failed', 'Upload failed'));
    request.send(form);
  });
};
