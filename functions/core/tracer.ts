import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray: the functions' own segment comes from Lambda's active tracing; this adds
 * a subsegment per AWS SDK call (DynamoDB, S3, KMS, SES, Cognito) and per handler
 * invocation. Outside Lambda it is off and leaves clients as they are.
 */
export const tracer = new Tracer({ serviceName: 'pakt' });

export const traced = <Client>(client: Client): Client => tracer.captureAWSv3Client(client);
