import { claimDevice, device, deviceOwner, type SavedResponse } from './device';

let claimed: string | undefined;

/** The device keeps `subject`'s data from now on; if it held someone else's, that is wiped first. */
export const claimFor = async (subject: string): Promise<void> => {
  if (claimed === subject) return;
  await claimDevice(subject);
  claimed = subject;
};

/** Keeps what `subject` just read. */
export const saveRead = async (subject: string, response: Omit<SavedResponse, 'savedAt'>): Promise<void> => {
  await claimFor(subject);
  await (await device()).put('responses', { ...response, savedAt: new Date().toISOString() });
};

/** What `subject` last read at `path`, if the device holds their data. */
export const savedRead = async (subject: string, path: string): Promise<SavedResponse | undefined> =>
  ((await deviceOwner()) === subject ? (await device()).get('responses', path) : undefined);

/** After signing out the next person claims the device afresh. */
export const forgetClaim = () => void (claimed = undefined);
