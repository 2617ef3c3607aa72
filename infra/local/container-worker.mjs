// One function's container: a worker thread with the function's own environment
// (infra/local/containers.ts). Plain JavaScript so that it can load the
// TypeScript handler through tsx in any host (npm start, vitest, the bench).
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { entry, exportName, functionName } = workerData;

// The AWS SDK warns on every start that future releases need Node 22; the Lambdas run Node 22 (as npm start filters it).
const defaultWarningListeners = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'NodeVersionSupportWarning' || warning.message.startsWith('NodeVersionSupportWarning')) return;
  for (const listener of defaultWarningListeners) listener(warning);
});

const contextFor = (requestId, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

const describe = (error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

let handler;
try {
  handler = (await tsImport(entry, import.meta.url))[exportName];
  if (typeof handler !== 'function') throw new Error(`${entry} exports no function named ${exportName}`);
  parentPort.postMessage({ kind: 'ready' });
} catch (error) {
  parentPort.postMessage({ kind: 'ready', error: describe(error) });
}

parentPort.on('message', async ({ id, event, requestId, timeoutMs }) => {
  if (typeof handler !== 'function') return parentPort.postMessage({ id, error: 'The function failed to initialise.' });
  try {
    parentPort.postMessage({ id, result: await handler(event, contextFor(requestId, timeoutMs)) });
  } catch (error) {
    parentPort.postMessage({ id, error: describe(error) });
  }
});
