import type { MemorandumStatus } from '../../../functions/memoranda/schema';

/** The colour of each memorandum status, the same on every screen. */
export const statusSeverity = (status: MemorandumStatus): 'secondary' | 'info' | 'warn' | 'success' | 'danger' | 'contrast' =>
  ({ draft: 'secondary', in_review: 'warn', approved: 'info', signed: 'success', active: 'success', closed: 'contrast', terminated: 'danger' } as const)[status];
