import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { isoNow } from '../core/clock.js';
import { logger } from '../core/logger.js';
import { tableContext } from '../data/client.js';
import { documentStore } from '../files/document-store.js';
import { exportFileKey } from '../exports/document-keys.js';
import { renderAttempts } from '../exports/jobs.js';
import { renderExport } from '../exports/render.js';
import { exportJobRepository } from '../exports/repository.js';
import type { ExportMessage, RenderMessage } from '../documents/render-queue.js';
import { memorandumRepository } from '../memoranda/repository.js';
import { renderMemorandumDocument } from '../signing/final-documents.js';

/**
 * The renderer: the one function with pdfmake and the fonts. It takes jobs off the
 * render queue and makes their files: programmes' export files, and memoranda's final
 * texts and certificates (signing/final-documents.ts). A job is idempotent and resumable: a done job
 * is left alone when its message comes again, and a job whose container died midway
 * is made again from the start by the redelivered message. A job that fails is
 * retried by SQS; on the last attempt it is marked failed (its asker sees why) and
 * its message goes to the dead-letter queue, which alarms.
 */
const jobs = exportJobRepository(tableContext());
const memoranda = memorandumRepository(tableContext());

const renderExportJob = async (message: ExportMessage, receiveCount: number): Promise<void> => {
  const job = await jobs.get(message.programmeId, message.jobId);
  if (!job || job.status === 'done') return;
  if (!(await jobs.change(job, { status: 'running', progress: 5, attempts: receiveCount }, isoNow()))) return;
  try {
    const file = await renderExport(job, async (progress) => void (await jobs.change(job, { progress }, isoNow(), ['running'])));
    const key = exportFileKey(job.programmeId, job.id, file.filename);
    const stored = await documentStore().put(key, file.bytes, file.contentType);
    await jobs.change(job, { status: 'done', progress: 100, file: { key, filename: file.filename, contentType: file.contentType, sha256: stored.sha256, size: stored.size } }, isoNow(), ['running']);
  } catch (error) {
    const last = receiveCount >= renderAttempts;
    await jobs.change(job, last ? { status: 'failed', problem: 'The file could not be made. Try again; if it fails again, the operators have been alerted.' } : { status: 'queued', progress: 0 }, isoNow(), ['running']);
    throw error;
  }
};

const render = async (message: RenderMessage, receiveCount: number): Promise<void> => {
  if (message.kind === 'export') return renderExportJob(message, receiveCount);
  await renderMemorandumDocument(memoranda, message);
};

const renderRecord = async (record: SQSRecord): Promise<boolean> => {
  try {
    await render(JSON.parse(record.body) as RenderMessage, Number(record.attributes.ApproximateReceiveCount ?? '1'));
    return true;
  } catch (error) {
    logger.error('A render job failed', { messageId: record.messageId, receiveCount: record.attributes.ApproximateReceiveCount, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
};

/** Each message on its own: one that fails is retried (a partial batch response), the rest are done. */
export const handler = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failed: { itemIdentifier: string }[] = [];
  for (const record of event.Records) if (!(await renderRecord(record))) failed.push({ itemIdentifier: record.messageId });
  return { batchItemFailures: failed };
}).use(injectLambdaContext(logger, { resetKeys: true }));
