/** Where export files are kept in the documents bucket: the renderer writes them, the exports module hands out links. */
export const exportsPrefix = 'exports/';

export const exportFileKey = (programmeId: string, jobId: string, filename: string): string => `${exportsPrefix}${programmeId}/${jobId}/${filename}`;
