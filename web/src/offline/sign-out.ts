import { useOutboxStore } from '../stores/outbox';
import { forgetDevice } from './device';
import './messages';
import { forgetClaim } from './saved-reads';

/**
 * Signing out wipes what the device keeps of the person; changes not sent yet would go with it, so the
 * person is asked first (`confirmLoss` with their number).
 */
export const signOutOfDevice = async (confirmLoss: (unsent: number) => boolean, signOut: (forget: () => Promise<void>) => Promise<void>): Promise<void> => {
  const unsent = useOutboxStore().unsent.length;
  if (unsent > 0 && !confirmLoss(unsent)) return;
  await signOut(async () => {
    forgetClaim();
    await forgetDevice();
  });
};
