/** Where the events module keeps the parties' event materials in the documents bucket (its access declaration grants this prefix). */
export const eventMaterialsPrefix = 'events/';

/** A material of a memorandum party's event, by the upload id the API issued. */
export const eventMaterialKey = (memorandumId: string, eventId: string, uploadId: string): string => `${eventMaterialsPrefix}${memorandumId}/${eventId}/${uploadId}`;
