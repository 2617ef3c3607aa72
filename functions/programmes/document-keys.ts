/** Where the programmes module keeps activity materials in the documents bucket (its access declaration grants this prefix). */
export const materialsPrefix = 'programmes/';

/** A material of an activity, by the upload id the API issued. */
export const materialKey = (programmeId: string, activityId: string, uploadId: string): string => `${materialsPrefix}${programmeId}/activities/${activityId}/${uploadId}`;
