import type { DownloadLink, UploadForm } from '../../../functions/files/schema';
import { services } from '../services';
import { postToPresignedForm } from './upload';

/**
 * Materials of a record that keeps files (a programme's activity, a memorandum
 * party's event), by the record's API path: uploaded straight to S3 with the
 * presigned POST the API issues, then checked and recorded by the API.
 */
export interface WithMaterials {
  id: string;
  version: number;
  title: { uk?: string | undefined; en?: string | undefined };
  materials?: { id: string; filename: string; size: number }[] | undefined;
}

export const attachMaterial = async <T extends WithMaterials>(recordPath: string, file: File, upload: { contentType: string; version: () => number; onProgress: (percent: number) => void }) => {
  const form = (await services().api.send<UploadForm>('POST', `${recordPath}/materials/uploads`, { filename: file.name, contentType: upload.contentType, size: file.size })).body;
  await postToPresignedForm(form, file, upload.onProgress);
  // The version is read when the upload ends: a change saved meanwhile does not make the confirmation stale.
  return (await services().api.send<T>('POST', `${recordPath}/materials`, { uploadId: form.uploadId, filename: file.name, contentType: upload.contentType }, { ifMatch: `"${upload.version()}"`, idempotencyKey: form.uploadId })).body;
};

export const materialLink = async (recordPath: string, materialId: string) => (await services().api.get<DownloadLink>(`${recordPath}/materials/${materialId}`)).body;

export const removeMaterial = async <T extends WithMaterials>(recordPath: string, record: WithMaterials, materialId: string) =>
  (await services().api.send<T>('DELETE', `${recordPath}/materials/${materialId}`, undefined, { ifMatch: `"${record.version}"` })).body;
