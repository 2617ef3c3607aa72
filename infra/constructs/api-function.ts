import { resolve } from 'node:path';
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { tableDefinition } from '../../functions/data/table.js';
import { lambdaEsbuildOptions } from '../bundling.js';
import type { DeploymentConfig } from '../config.js';

const root = resolve(import.meta.dirname, '../..');

export interface ApiFunctionProps {
  /** Path of the handler under functions/, e.g. `organisations/handler.ts`. */
  entry: string;
  description: string;
  retainLogs: boolean;
  environment?: Record<string, string>;
  /** Ship pdfmake's Roboto fonts next to the bundle (for functions that render PDFs). */
  fonts?: boolean;
}

/**
 * Every Pakt Lambda: Node.js 22 on arm64, minified ESM bundle from the shared
 * esbuild settings, JSON logs kept for a bounded time, X-Ray tracing. Grants set
 * the environment variable and the IAM permission together.
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.retainLogs ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(root, 'functions', props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: root,
      depsLockFilePath: resolve(root, 'package-lock.json'),
      environment: { POWERTOOLS_SERVICE_NAME: 'pakt', NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        minify: lambdaEsbuildOptions.minify,
        target: lambdaEsbuildOptions.target,
        format: OutputFormat.ESM,
        mainFields: [...lambdaEsbuildOptions.mainFields],
        banner: lambdaEsbuildOptions.banner.js,
        sourceMap: true,
        externalModules: [],
        ...(props.fonts
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
    acknowledgeFunctionFindings(this.function);
  }

  /** Item-level actions on the table and its named indexes only: no wildcards, no Scan, no table management. */
  grantTable(table: ITableV2, mode: 'read' | 'readwrite'): void {
    this.function.addEnvironment('TABLE_NAME', table.tableName);
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
    const write = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    this.function.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: mode === 'read' ? read : [...read, ...write],
        resources: [table.tableArn, ...tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`)],
      }),
    );
  }

  /** Object-level access under the module's key prefixes only (no listing, no bucket settings). */
  grantDocuments(bucketName: string, prefixes: string[], mode: 'read' | 'readwrite'): void {
    this.function.addEnvironment('DOCUMENTS_BUCKET', bucketName);
    const resources = prefixes.map((prefix) => `arn:${Aws.PARTITION}:s3:::${bucketName}/${prefix}*`);
    this.function.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: mode === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources }),
    );
    for (const prefix of prefixes) {
      Validations.of(this.function).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucketName}/${prefix}*]`,
        reason: `Object keys are generated per record under ${prefix}; access is limited to that prefix.`,
      });
    }
  }

  /** Notifications through SES from the configured sender; without one, mail stays off (logged). */
  grantMail(config: DeploymentConfig): void {
    if (!config.senderEmail) return;
    this.function.addEnvironment('SENDER_EMAIL', config.senderEmail);
    const domain = config.senderEmail.split('@')[1] ?? '';
    this.function.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail'], resources: [`arn:${Aws.PARTITION}:ses:${config.region}:${config.account}:identity/${domain}`], conditions: { StringEquals: { 'ses:FromAddress': config.senderEmail } } }),
    );
  }

  /** The audit digests' KMS key: the daily job signs, modules verify with its public key. */
  grantDigestKey(key: IKey, use: 'sign' | 'verify'): void {
    this.function.addEnvironment('DIGEST_KMS_KEY_ID', key.keyArn);
    this.function.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: use === 'sign' ? ['kms:Sign', 'kms:GetPublicKey'] : ['kms:GetPublicKey'], resources: [key.keyArn] }));
  }

  grantDirectory(userPool: IUserPool): void {
    this.function.addEnvironment('USER_POOL_ID', userPool.userPoolId);
    this.function.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminDeleteUser'],
        resources: [userPool.userPoolArn],
      }),
    );
  }
}

/** The findings every Pakt function shares, each with its reason. */
export const acknowledgeFunctionFindings = (fn: Construct): void => {
  const acknowledge = (id: string, reason: string) => Validations.of(fn).acknowledge({ id, reason });
  acknowledge('AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', "The AWS managed basic execution role only lets the function write its own logs.");
  acknowledge('AwsSolutions-IAM5[Resource::*]', 'X-Ray PutTraceSegments/PutTelemetryRecords accept no resource other than *.');
  acknowledge('AwsSolutions-L1', 'Pinned to Node.js 22 (the runtime the code, its dependencies and the local toolchain are tested on); moved deliberately, not by default.');
  acknowledge('Serverless-LambdaLatestVersion', 'Pinned to Node.js 22 deliberately (see AwsSolutions-L1).');
  acknowledge('Serverless-LambdaDLQ', 'Invoked synchronously (API Gateway, Cognito): failures return to the caller; there is no asynchronous event to dead-letter.');
};
