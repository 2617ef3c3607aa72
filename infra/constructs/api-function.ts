import { resolve } from 'node:path';
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { tableDefinition } from '../../functions/data/table.js';
import { dataKeyActionsFor, digestKeyActions, directoryActions, documentGrants, environmentFor, mailActions, renderQueueActions, tableActions, type DocumentGrant, type FunctionAccess } from '../../functions/core/access.js';
import { lambdaEsbuildOptions } from '../bundling.js';
import { isProduction, type DeploymentConfig } from '../config.js';

const root = resolve(import.meta.dirname, '../..');

/** What a deployment created, for the grants a function's access declaration asks for. */
export interface DeployedResources {
  config: DeploymentConfig;
  table: ITableV2;
  bucketName: string;
  digestKey: IKey;
  /** Encrypts the table and the documents bucket. */
  dataKey: IKey;
  userPool: IUserPool;
  /** Where export jobs wait for the renderer. */
  renderQueue?: IQueue;
}

export interface ApiFunctionProps {
  /** Path of the handler under functions/, e.g. `organisations/handler.ts`. */
  entry: string;
  description: string;
  retainLogs: boolean;
  /** The module's declaration (functions/routes.ts): the function gets exactly this. */
  access: FunctionAccess;
  /** Where the granted resources are; a function with nothing to touch needs none. */
  resources?: DeployedResources;
  /** API functions only (functions/core/viewer.ts). */
  edgeSecret?: string;
  /** Asynchronously invoked functions: where an event goes, with its error, after its retries failed. */
  failureQueue?: IQueue;
  timeout?: Duration;
  memorySize?: number;
  /** Why a function fed by an event source has no dead-letter queue of its own. */
  withoutDeadLetterQueue?: string;
}

/**
 * Every Pakt Lambda: Node.js 22 on arm64, minified ESM bundle from the shared
 * esbuild settings, JSON logs kept for a bounded time, X-Ray tracing. Its
 * environment and IAM statements both come from its access declaration.
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const { access, resources } = props;
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.retainLogs ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const environment = environmentFor(access, {
      ...(resources
        ? {
            webUrl: resources.config.webOrigins[0] ?? '', tableName: resources.table.tableName, bucketName: resources.bucketName,
            digestKeyId: resources.digestKey.keyArn, userPoolId: resources.userPool.userPoolId,
            ...(resources.config.senderEmail ? { senderEmail: resources.config.senderEmail } : {}),
            ...(resources.renderQueue ? { renderQueueUrl: resources.renderQueue.queueUrl } : {}),
            // The documents bucket has Object Lock in staging and prod (infra/stacks/data-stack.ts).
            ...(isProduction(resources.config) ? { documentRetentionYears: resources.config.documentRetentionYears } : {}),
          }
        : {}),
      ...(props.edgeSecret === undefined ? {} : { edgeSecret: props.edgeSecret }),
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(root, 'functions', props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      ...(props.failureQueue ? { onFailure: new SqsDestination(props.failureQueue), retryAttempts: 2 } : {}),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: root,
      depsLockFilePath: resolve(root, 'package-lock.json'),
      environment: { NODE_OPTIONS: '--enable-source-maps', ...environment },
      bundling: {
        minify: lambdaEsbuildOptions.minify,
        target: lambdaEsbuildOptions.target,
        format: OutputFormat.ESM,
        mainFields: [...lambdaEsbuildOptions.mainFields],
        banner: lambdaEsbuildOptions.banner.js,
        sourceMap: true,
        externalModules: [],
        esbuildArgs: Object.fromEntries(Object.entries(lambdaEsbuildOptions.alias).map(([from, to]) => [`--alias:${from}`, to])),
        ...(access.fonts
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => [`mkdir -p "${outputDir}/fonts"`, `cp "${inputDir}"/node_modules/pdfmake/fonts/Roboto/*.ttf "${outputDir}/fonts/"`],
              },
            }
          : {}),
      },
    });
    acknowledgeFunctionFindings(this.function, props.withoutDeadLetterQueue ?? (props.failureQueue ? failureDestination : synchronousInvocation));
    if (!resources) return;
    if (access.table) this.grantTable(resources.table, access.table);
    for (const grant of documentGrants(access)) this.grantDocuments(resources.bucketName, grant);
    if (dataKeyActionsFor(access).length > 0) this.allow(dataKeyActionsFor(access), [resources.dataKey.keyArn]);
    if (access.digestKey) this.allow(digestKeyActions[access.digestKey], [resources.digestKey.keyArn]);
    if (access.directory) this.allow(directoryActions, [resources.userPool.userPoolArn]);
    if (access.mail) this.grantMail(resources.config);
    if (access.renderQueue === 'send' && resources.renderQueue) this.allow(renderQueueActions.send, [resources.renderQueue.queueArn]);
  }

  private allow(actions: readonly string[], resources: string[], conditions?: Record<string, unknown>): void {
    this.function.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...actions], resources, ...(conditions ? { conditions } : {}) }));
  }

  /** The table and its named indexes only. */
  private grantTable(table: ITableV2, mode: 'read' | 'readwrite'): void {
    this.allow(tableActions[mode], [table.tableArn, ...tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`)]);
  }

  private grantDocuments(bucketName: string, { prefix, actions }: DocumentGrant): void {
    this.allow(actions, [`arn:${Aws.PARTITION}:s3:::${bucketName}/${prefix}*`]);
    Validations.of(this.function).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucketName}/${prefix}*]`,
      reason: `Object keys are generated per record under ${prefix}; access is limited to that prefix.`,
    });
  }

  /** From the configured sender only; without one, mail stays off (logged). */
  private grantMail(config: DeploymentConfig): void {
    if (!config.senderEmail) return;
    const domain = config.senderEmail.split('@')[1] ?? '';
    this.allow(mailActions, [`arn:${Aws.PARTITION}:ses:${config.region}:${config.account}:identity/${domain}`], { StringEquals: { 'ses:FromAddress': config.senderEmail } });
  }
}

const failureDestination = 'A failed asynchronous invocation goes, with its error, to the on-failure destination (an SQS queue watched by an alarm): a destination carries more than a dead-letter queue.';
const synchronousInvocation = 'Invoked synchronously (API Gateway, Cognito\'s trigger): a failure returns to the caller at once; there is no asynchronous event to dead-letter.';

/** The findings every Lambda of Pakt's stacks shares, each with its reason; `withoutDeadLetterQueue` says why one has none. */
export const acknowledgeFunctionFindings = (fn: Construct, withoutDeadLetterQueue?: string): void => {
  const acknowledge = (id: string, reason: string) => Validations.of(fn).acknowledge({ id, reason });
  acknowledge('AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', "The AWS managed basic execution role only lets the function write its own logs.");
  acknowledge('AwsSolutions-IAM5[Resource::*]', 'X-Ray PutTraceSegments/PutTelemetryRecords accept no resource other than *.');
  acknowledge('AwsSolutions-L1', 'Pinned to Node.js 22 (the runtime the code, its dependencies and the local toolchain are tested on); moved deliberately, not by default.');
  acknowledge('Serverless-LambdaLatestVersion', 'Pinned to Node.js 22 deliberately (see AwsSolutions-L1).');
  if (withoutDeadLetterQueue) acknowledge('Serverless-LambdaDLQ', withoutDeadLetterQueue);
};
