/**
 * One Idempotency-Key per submission of a creating request. A retry of the same
 * request (same method, path and body) after its outcome stayed unknown — a network
 * error, a 5xx, or the API still busy with it — carries the first attempt's key, so
 * the API replays its answer instead of creating twice. Once the API has answered
 * (created, or refused for a reason of its own), the next submission gets a new key;
 * a changed form is a new request with a new key.
 */
export interface SubmissionKeys {
  keyFor(request: string): string;
  /** The API answered this request: its key is spent. */
  settle(request: string): void;
}

export const submissionKeys = (newKey: () => string = () => crypto.randomUUID()): SubmissionKeys => {
  const pending = new Map<string, string>();
  return {
    keyFor(request) {
      const key = pending.get(request) ?? newKey();
      pending.set(request, key);
      return key;
    },
    settle: (request) => void pending.delete(request),
  };
};

/** Whether a failed attempt's outcome is unknown, so a retry must carry the same key. */
export const outcomeUnknown = (status: number, code: string): boolean => status === 0 || status >= 500 || code === 'request_in_progress';
