import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { requireEnv } from '../core/config.js';
import { traced } from '../core/tracer.js';

import type { MemorandumDocumentJob } from '../signing/final-documents.js';

/**
 * The render queue: API functions put a job on it and answer at once; the renderer
 * (functions/renderer/handler.ts) takes it off and makes the file. SQS on AWS, with a
 * dead-letter queue after three failed receives; on one machine the local stack's
 * stand-in (infra/local/render-queue.ts) delivers to the same handler.
 */
export interface ExportMessage {
  kind: 'export';
  programmeId: string;
  jobId: string;
}

/** A programme's export file, or a memorandum's final text or certificate. */
export type RenderMessage = ExportMessage | MemorandumDocumentJob;

let client: SQSClient | undefined;

export const sendRenderJob = async (message: RenderMessage): Promise<void> => {
  const queueUrl = requireEnv('RENDER_QUEUE_URL', 'the render queue');
  // The queue URL's host is the endpoint, on AWS (where it is SQS's own) and on one machine alike.
  client ??= traced(new SQSClient({ endpoint: new URL(queueUrl).origin }));
  await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) }));
};
