import { CfnOutput, Duration, RemovalPolicy, Stack, TimeZone, type StackProps, Validations } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { dailyJobAccess, moduleAccess, moduleNames, rendererAccess, routes } from '../../functions/routes.js';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { renderAttempts } from '../../functions/exports/jobs.js';
import { isHeavy, routeKeyOf } from '../../functions/core/route.js';
import { apiScope } from '../../functions/users/sign-in-policy.js';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { isProduction, type DeploymentConfig } from '../config.js';
import { ApiFunction, type DeployedResources } from '../constructs/api-function.js';
import { Operations } from '../constructs/operations.js';
import { documentsBucketName } from './data-stack.js';

/** Measured by `npm run bench` (README, "Operations"): the worst day, 10,000 overdue obligations in force, takes seconds here. */
const dailyJobTimeout = Duration.minutes(2);

/** The renderer's limit: the 10,000-record programme's report takes seconds (npm run bench); SQS hides a message six times as long. */
const rendererTimeout = Duration.minutes(2);

/** Per second, across all callers: a PDF or an export takes a second or more of a function's time. */
export const heavyRouteThrottle = { rateLimit: 5, burstLimit: 10 };

export interface ApiStackDependencies {
  table: TableV2;
  documents: Bucket;
  digestKey: IKey;
  dataKey: IKey;
  userPool: UserPool;
  webClient: UserPoolClient;
}

/**
 * The HTTP API: one Lambda per module of the route table, one route per entry,
 * every non-public route behind the Cognito JWT authorizer and the API scope.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  /** Shared with the web distribution's API origin: proves a request came through it (functions/core/viewer.ts). */
  readonly edgeSecret: Secret;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, config: DeploymentConfig, deps: ApiStackDependencies, props: StackProps) {
    super(scope, id, props);
    const keep = isProduction(config);

    this.api = new HttpApi(this, 'Api', {
      description: `Pakt API (${config.stage})`,
      createDefaultStage: false,
      corsPreflight: config.webOrigins.length > 0
        ? { allowOrigins: config.webOrigins, allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'], allowMethods: [CorsHttpMethod.ANY], exposeHeaders: ['etag', 'location'] }
        : undefined,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: keep ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH, removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Request metadata only: no bodies, no tokens, no query strings (they may carry names).
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status', latencyMs: '$context.responseLatency',
          integrationError: '$context.integrationErrorMessage', authorizerError: '$context.authorizer.error', time: '$context.requestTime',
        })),
      },
    });

    // Routes that render or read a whole history in the request get a tighter limit, so a burst of them cannot starve the rest.
    // (RouteSettings is passed to CloudFormation as written: its property names.)
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      routes.filter(isHeavy).map((route) => [routeKeyOf(route), { ThrottlingRateLimit: heavyRouteThrottle.rateLimit, ThrottlingBurstLimit: heavyRouteThrottle.burstLimit }]),
    );

    const authorizer = new HttpJwtAuthorizer('Cognito', deps.userPool.userPoolProviderUrl, { jwtAudience: [deps.webClient.userPoolClientId] });

    this.edgeSecret = new Secret(this, 'EdgeSecret', {
      description: `Pakt ${config.stage}: sent by the web distribution to the API, which answers nothing else`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.edgeSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The distribution and the functions read it at deployment; rotating it in place would cut the API off until both had the new value, so it is rotated by replacing it in a deployment.',
    });

    // Export jobs wait here for the renderer; a job that failed three receives goes to the dead letters, which alarm.
    const renderDeadLetters = new Queue(this, 'RenderDeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    for (const id of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
      Validations.of(renderDeadLetters).acknowledge({ id, reason: 'This queue is itself where render jobs that failed every attempt land; an alarm watches it and an operator reads it.' });
    }
    const renderQueue = new Queue(this, 'RenderQueue', {
      encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(1),
      visibilityTimeout: Duration.seconds(rendererTimeout.toSeconds() * 6), deadLetterQueue: { queue: renderDeadLetters, maxReceiveCount: renderAttempts },
    });
    const resources: DeployedResources = { config, table: deps.table, bucketName: documentsBucketName(config), digestKey: deps.digestKey, dataKey: deps.dataKey, userPool: deps.userPool, renderQueue };
    const moduleFunctions = moduleNames.map((module) => ({
      module,
      function: new ApiFunction(this, `Module-${module}`, {
        entry: `${module}/handler.ts`, description: `Pakt ${module} module`, retainLogs: keep,
        access: moduleAccess[module], resources, edgeSecret: this.edgeSecret.secretValue.unsafeUnwrap(),
        // The PDF renderers: the whole-programme report took +581–655 MB of RSS here (npm run bench); more memory is also more CPU.
        ...(moduleAccess[module].fonts ? { memorySize: 1024 } : {}),
      }).function,
    }));
    const functions = new Map(moduleFunctions.map(({ module, function: fn }) => [module, new HttpLambdaIntegration(`${module}-integration`, fn)] as const));

    for (const route of routes) {
      const integration = functions.get(route.module);
      if (!integration) throw new Error(`No function for module ${route.module}`);
      const httpRoute = new HttpRoute(this, `Route-${route.operation}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        ...(route.access === 'public' ? {} : { authorizer, authorizationScopes: [apiScope] }),
      });
      if (route.access === 'public') {
        Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason: `${route.method} ${route.path} is public by design (route table access: public).` });
      }
    }

    // The renderer: the only function besides signing with pdfmake and the fonts; one batch of one job at a time per container.
    const renderer = new ApiFunction(this, 'Renderer', {
      entry: 'renderer/handler.ts', description: 'Pakt renderer (export files)', retainLogs: keep, access: rendererAccess, resources,
      timeout: rendererTimeout, memorySize: 1024, withoutDeadLetterQueue: 'Fed by SQS: a failed job stays on the render queue and, after its receives, goes to the render dead-letter queue (which alarms); an asynchronous-invocation DLQ would never be used.',
    });
    renderer.function.addEventSource(new SqsEventSource(renderQueue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 5 }));
    Validations.of(renderer.function).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: 'An SQS event source takes no on-failure destination: the render queue\'s redrive policy moves a job to the render dead-letter queue after its receives, and that queue alarms.',
    });

    // The daily job (memoranda coming into force, reminders, audit digests), at 06:00 Kyiv time. A run that could
    // not be delivered, or failed after its retries (any item failed), lands in the dead-letter queue, which alarms.
    const dailyJobDeadLetters = new Queue(this, 'DailyJobDeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    for (const id of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
      Validations.of(dailyJobDeadLetters).acknowledge({ id, reason: 'This queue is itself where failed daily-job runs land (the schedule\'s dead letters, the function\'s failure destination); an alarm watches it and an operator reads it.' });
    }
    const daily = new ApiFunction(this, 'DailyJobs', {
      entry: 'jobs/handler.ts', description: 'Pakt daily jobs', retainLogs: keep, access: dailyJobAccess, resources,
      failureQueue: dailyJobDeadLetters, timeout: dailyJobTimeout, memorySize: 1024,
    });
    new Schedule(this, 'DailySchedule', {
      description: 'Pakt daily jobs',
      schedule: ScheduleExpression.cron({ hour: '6', minute: '0', timeZone: TimeZone.EUROPE_KYIV }),
      target: new LambdaInvoke(daily.function, { retryAttempts: 2, deadLetterQueue: dailyJobDeadLetters }),
    });

    this.operations = new Operations(this, 'Operations', {
      config, api: this.api, table: deps.table, dailyJob: daily.function, dailyJobDeadLetters, renderDeadLetters,
      functions: [...moduleFunctions.map(({ module, function: fn }) => ({ name: `Module-${module}`, function: fn })), { name: 'DailyJobs', function: daily.function }, { name: 'Renderer', function: renderer.function }],
    });

    const dailyFunctionId = this.getLogicalId(daily.function.node.defaultChild as CfnFunction);
    for (const child of this.node.children.filter((candidate) => candidate.node.id.startsWith('SchedulerRoleForTarget'))) {
      Validations.of(child).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${dailyFunctionId}.Arn>:*]`, reason: 'The scheduler may invoke the daily-jobs function and its versions; nothing else.' });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.operations.topic.topicArn });
  }
}
