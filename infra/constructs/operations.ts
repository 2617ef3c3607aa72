import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { businessMetrics, metricsNamespace } from '../../functions/core/metrics.js';
import { isProduction, type DeploymentConfig } from '../config.js';

export interface OperationsProps {
  config: DeploymentConfig;
  api: HttpApi;
  /** Every function, by a name people read in the alarm. */
  functions: { name: string; function: IFunction }[];
  dailyJob: IFunction;
  dailyJobDeadLetters: IQueue;
  renderDeadLetters: IQueue;
  table: ITableV2;
}

/** One alarm: what it watches and what it means for the person who receives it. */
interface AlarmDefinition {
  id: string;
  meaning: string;
  metric: IMetric;
  threshold: number;
  comparison?: ComparisonOperator;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  missing?: TreatMissingData;
}

const fiveMinutes = Duration.minutes(5);

/**
 * What operators receive: an SNS topic (an email subscription from the
 * `alarmEmail` context setting) and an alarm for each way Pakt can fail its
 * users unnoticed. Each alarm's description says what it means and where to look.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const { config } = props;
    // CloudWatch publishes to an encrypted topic only with a customer-managed key it may use.
    const key = new Key(this, 'TopicKey', {
      description: `Pakt ${config.stage}: encrypts the alarm topic`,
      enableKeyRotation: true,
      removalPolicy: isProduction(config) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { displayName: `Pakt ${config.stage} alarms`, masterKey: key, enforceSSL: true });
    if (config.alarmEmail) {
      this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
      Validations.of(this.topic).acknowledge({ id: 'Serverless-SNSRedrivePolicy', reason: 'An alarm email SNS could not deliver has no reader in a queue; the alarm itself stays in ALARM in the CloudWatch console.' });
    }

    for (const definition of this.definitions(props)) this.add(definition);
  }

  private definitions({ config, api, functions, dailyJob, dailyJobDeadLetters, renderDeadLetters, table }: OperationsProps): AlarmDefinition[] {
    const business = (metricName: string) => new Metric({ namespace: metricsNamespace, metricName, dimensionsMap: { service: 'pakt' }, statistic: 'Sum', period: fiveMinutes });
    const tableMetric = (metricName: string) => new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: table.tableName }, statistic: 'Sum', period: fiveMinutes });
    return [
      {
        id: 'ApiServerErrors',
        meaning: 'More than 5 % of API requests answered 5xx in two of the last three 5-minute periods (at least 10 requests). Users see "something went wrong"; the functions\' logs name the route (search for "Unhandled error").',
        metric: new MathExpression({
          expression: 'IF(requests >= 10, 100 * errors / requests, 0)',
          usingMetrics: { errors: api.metricServerError({ statistic: 'Sum', period: fiveMinutes }), requests: api.metricCount({ statistic: 'Sum', period: fiveMinutes }) },
          period: fiveMinutes,
        }),
        threshold: 5, evaluationPeriods: 3, datapointsToAlarm: 2,
      },
      ...functions.flatMap(({ name, function: fn }) => [
        {
          id: `${name}Errors`,
          meaning: `The ${name} function failed (crash, timeout or out of memory) in the last 5 minutes; its requests answered 5xx. See its log group.`,
          metric: fn.metricErrors({ statistic: 'Sum', period: fiveMinutes }), threshold: 1,
        },
        {
          id: `${name}Throttles`,
          meaning: `Requests to the ${name} function were throttled (concurrency limit reached); users got 429/5xx. Check the account's concurrency and this function's reserved concurrency.`,
          metric: fn.metricThrottles({ statistic: 'Sum', period: fiveMinutes }), threshold: 1,
        },
      ]),
      {
        id: 'DailyJobNotRun',
        meaning: 'The daily job (memoranda coming into force, reminders, audit digests) has not run for 26 hours. Check the EventBridge schedule "Pakt daily jobs" and its dead-letter queue.',
        metric: dailyJob.metricInvocations({ statistic: 'Sum', period: Duration.hours(1) }),
        threshold: 1, comparison: ComparisonOperator.LESS_THAN_THRESHOLD, evaluationPeriods: 26, datapointsToAlarm: 26, missing: TreatMissingData.BREACHING,
      },
      {
        id: 'DailyJobDeadLettered',
        meaning: 'A daily job run failed after its retries (some memoranda did not come into force or reminders were not sent) and was dead-lettered. Read the message and the job\'s log, fix, then run the job again: a rerun does nothing twice.',
        metric: dailyJobDeadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes }), threshold: 1,
      },
      {
        id: 'RenderDeadLettered',
        meaning: 'An export job failed every attempt and was dead-lettered; its asker sees it failed and may ask again. Read the message (programme and job) and the renderer\'s log ("A render job failed").',
        metric: renderDeadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes }), threshold: 1,
      },
      {
        id: 'IntegrityFailure',
        meaning: 'A stored document or an audit chain failed its integrity check: something changed a record or a file outside Pakt. Treat as a security incident: the log line "integrity_failure" names the memorandum; the coordinators were notified.',
        metric: business(businessMetrics.integrityFailures), threshold: 1,
      },
      {
        id: 'TableThrottled',
        meaning: 'DynamoDB throttled reads or writes of the table in the last 5 minutes (requests failed or slowed). On-demand tables throttle on sudden peaks or hot partitions; check the table\'s metrics.',
        metric: new MathExpression({ expression: 'reads + writes', usingMetrics: { reads: tableMetric('ReadThrottleEvents'), writes: tableMetric('WriteThrottleEvents') }, period: fiveMinutes }),
        threshold: 1,
      },
      ...(config.senderEmail
        ? [{
            id: 'MailBounces',
            meaning: 'More than 5 % of the emails SES sent in the account bounced. Above 10 % AWS may pause sending (invitations, reminders): check the addresses on record and the SES reputation dashboard.',
            metric: new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: Duration.hours(1) }),
            threshold: 0.05,
          }]
        : []),
    ];
  }

  private add({ id, meaning, metric, threshold, comparison, evaluationPeriods, datapointsToAlarm, missing }: AlarmDefinition): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: meaning,
      metric,
      threshold,
      comparisonOperator: comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: evaluationPeriods ?? 1,
      datapointsToAlarm: datapointsToAlarm ?? evaluationPeriods ?? 1,
      treatMissingData: missing ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
