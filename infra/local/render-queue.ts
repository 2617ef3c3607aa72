import { createHash, randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import { renderAttempts } from '../../functions/exports/jobs.js';
import type { RunningService } from './dynamodb.js';
import { accessKeyOf, listen, readAll, type Principals } from './iam.js';

/**
 * The render queue on one machine: SQS's SendMessage (its JSON protocol, which the
 * SDK speaks to the queue URL) for the functions granted `renderQueue: 'send'`, and
 * delivery of each message to the renderer's container as the SQS event source does:
 * one message a batch, again after a failure (the handler's batchItemFailures or a
 * crash) up to the redrive limit, then to the dead letters, logged as the alarm would be.
 */
export interface RenderQueue extends RunningService {
  /** Where the renderer's invocations go (set once its container runs). */
  deliverTo(invoke: (event: SQSEvent) => Promise<unknown>): void;
  /** The dead-letter queue: messages that failed every attempt, which an operator (the administrator's key) receives. */
  readonly deadLetterUrl: string;
}

const queueArn = 'arn:aws:sqs:eu-central-1:000000000000:pakt-render';
const deadLetterPath = '/000000000000/pakt-render-dead-letters';
const retryDelayMs = 250;

const denied = (message: string) => ({ status: 400, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'AccessDenied;Sender' }, body: JSON.stringify({ __type: 'com.amazonaws.sqs#AccessDenied', message }) });

export const startRenderQueue = async ({ port, principals, log }: { port: number; principals: Principals; log: (line: string) => void }): Promise<RenderQueue> => {
  let invoke: ((event: SQSEvent) => Promise<unknown>) | undefined;
  const deadLetters: string[] = [];
  let delivering = Promise.resolve();
  let stopped = false;

  const failedIn = (result: unknown, messageId: string) =>
    ((result as { batchItemFailures?: { itemIdentifier: string }[] } | undefined)?.batchItemFailures ?? []).some((failure) => failure.itemIdentifier === messageId);

  const deliver = async (messageId: string, body: string) => {
    for (let receive = 1; receive <= renderAttempts && !stopped; receive += 1) {
      const event: SQSEvent = {
        Records: [{
          messageId, receiptHandle: `${messageId}-${receive}`, body, md5OfBody: createHash('md5').update(body).digest('hex'), messageAttributes: {},
          attributes: { ApproximateReceiveCount: String(receive), SentTimestamp: String(Date.now()), SenderId: 'local', ApproximateFirstReceiveTimestamp: String(Date.now()) },
          eventSource: 'aws:sqs', eventSourceARN: queueArn, awsRegion: 'eu-central-1',
        }],
      };
      const ok = await (invoke ?? (() => Promise.reject(new Error('The renderer is not running.'))))(event).then((result) => !failedIn(result, messageId), () => false);
      if (ok) return;
      if (receive < renderAttempts) await new Promise((resolve) => setTimeout(resolve, retryDelayMs * receive));
    }
    if (stopped) return;
    deadLetters.push(body);
    log(`Render queue: a message failed ${renderAttempts} times and went to the dead letters (on AWS, the alarm): ${body}`);
  };

  const service = await listen(async (req, res) => {
    const body = (await readAll(req)).toString('utf8');
    const principal = principals.get(accessKeyOf(req.headers.authorization, new URLSearchParams()) ?? '');
    const target = String(req.headers['x-amz-target'] ?? '');
    const { QueueUrl: queueUrl = '', MessageBody: message = '' } = JSON.parse(body || '{}') as { QueueUrl?: string; MessageBody?: string };
    if (target === 'AmazonSQS.ReceiveMessage' && principal?.access === 'administrator' && queueUrl.endsWith(deadLetterPath)) {
      const messages = deadLetters.map((message, index) => ({ MessageId: `dead-${index}`, ReceiptHandle: `dead-${index}`, Body: message, MD5OfBody: createHash('md5').update(message).digest('hex') }));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ Messages: messages }));
      return;
    }
    const allowed = principal?.access === 'administrator' || (principal !== undefined && principal.access.renderQueue === 'send');
    const answer = target !== 'AmazonSQS.SendMessage'
      ? denied(`${target || 'This action'} is not offered to ${principal?.name ?? 'an unknown caller'} by the local render queue.`)
      : !allowed
        ? denied(`${principal?.name ?? 'An unknown caller'} is not authorized to perform: sqs:SendMessage on resource: ${queueArn}`)
        : undefined;
    if (answer) {
      log(`Render queue refused ${principal?.name ?? 'unknown'}: ${target}`);
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    const messageId = randomUUID();
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ MessageId: messageId, MD5OfMessageBody: createHash('md5').update(message).digest('hex') }));
    // One at a time, in order, as a renderer with a concurrency of one would take them.
    delivering = delivering.then(() => deliver(messageId, message));
  }, port);

  return {
    ...service,
    url: `${service.url}/000000000000/pakt-render`,
    deliverTo: (next) => void (invoke = next),
    deadLetterUrl: `${service.url}${deadLetterPath}`,
    stop: async () => {
      stopped = true;
      await delivering.catch(() => undefined);
      await service.stop();
    },
  };
};
