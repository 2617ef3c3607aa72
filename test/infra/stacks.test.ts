import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { moduleNames, routes } from '../../functions/routes.js';
import { isHeavy } from '../../functions/core/route.js';
import { readConfig } from '../../infra/config.js';
import { buildStacks } from '../../infra/stacks/pakt.js';

interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
}

const synthApp = (context: Record<string, unknown>) => {
  const outdir = mkdtempSync(join(tmpdir(), 'pakt-cdk-'));
  // Bundling is skipped in tests: the stacks are what is asserted, not the code.
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], account: '111122223333', region: 'eu-central-1', '@aws-cdk/core:defaultCrossStackReferences': 'strong', ...context } });
  const stacks = buildStacks(app, readConfig(app));
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  let failure: unknown;
  try {
    app.synth();
  } catch (error) {
    failure = error;
  }
  const reportFile = join(outdir, 'validation-report.json');
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: { violations: Violation[] }[] }) : { pluginReports: [] };
  const violations = report.pluginReports.flatMap((plugin) => plugin.violations).flatMap((violation) => violation.violatingConstructs.map((construct) => `${violation.severity} ${violation.ruleName} at ${construct.constructPath}`));
  return { stacks, failure, violations };
};

describe('the CDK app (dev stage)', () => {
  let dev: ReturnType<typeof synthApp>;
  let data: Template;
  let auth: Template;
  let api: Template;
  let web: Template;

  beforeAll(() => {
    dev = synthApp({ stage: 'dev', alarmEmail: 'operators@example.org' });
    data = Template.fromStack(dev.stacks.data);
    auth = Template.fromStack(dev.stacks.auth);
    api = Template.fromStack(dev.stacks.api);
    web = Template.fromStack(dev.stacks.web);
  });

  it('passes cdk-nag AwsSolutions and Serverless checks with every finding fixed or acknowledged with a reason', () => {
    expect(dev.violations).toEqual([]);
    expect(dev.failure).toBeUndefined();
  });

  it('builds the table from the table definition, with PITR, stream and TTL', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'GSI1' }), Match.objectLike({ IndexName: 'GSI2' })],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] } } })],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    });
  });

  it('encrypts the table and the documents with a customer-managed key that rotates', () => {
    data.hasResourceProperties('AWS::KMS::Key', { Description: Match.stringLikeRegexp('encrypts the records table'), EnableKeyRotation: true });
    data.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] } } }] },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('keeps documents private, encrypted, versioned and TLS-only, with CORS for presigned uploads', () => {
    data.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: Match.anyValue(),
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST', 'GET'] })] },
    });
    data.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('creates a user pool with the four groups, the orgId attribute and an API scope', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'orgId', AttributeDataType: 'String' })]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, InviteMessageTemplate: Match.anyValue() },
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: Match.anyValue() } },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
    });
    expect(Object.values(auth.findResources('AWS::Cognito::UserPoolGroup')).map((group) => (group as { Properties: { GroupName: string } }).Properties.GroupName).sort()).toEqual(['admin', 'coordinator', 'council', 'funder']);
    auth.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', { Identifier: 'pakt', Scopes: [{ ScopeName: 'api', ScopeDescription: Match.anyValue() }] });
    auth.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('lets the web client sign in with authorization code + PKCE only, and never write the organisation', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      // The own-account scope lets the SPA enrol an authenticator app (Cognito's user API); the name is the only attribute it may write.
      AllowedOAuthScopes: Match.arrayWith(['openid', 'aws.cognito.signin.user.admin', Match.objectLike({ 'Fn::Join': Match.anyValue() })]),
      WriteAttributes: ['name'],
    });
  });

  it('offers TOTP to everyone and lets the pre-token trigger read, and only read, a user\'s MFA settings in this pool', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    const policies = Object.values(auth.findResources('AWS::IAM::Policy')) as { Properties: { PolicyName: string; PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } }[];
    const mfaReads = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement).filter((statement) => JSON.stringify(statement.Action).includes('cognito-idp'));
    expect(mfaReads).toEqual([expect.objectContaining({ Action: 'cognito-idp:AdminGetUser', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Users/), 'Arn'] } })]);
  });

  it('deploys one Node.js 22 arm64 function per module, with tracing and bounded log retention', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function')) as { Properties: { Runtime: string; Architectures: string[]; TracingConfig: { Mode: string } } }[];
    // One per module, plus the daily jobs and the renderer.
    expect(functions).toHaveLength(moduleNames.length + 2);
    for (const fn of functions) expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    const memoryOf = (name: string) => (functions.find((fn) => JSON.stringify(fn).includes(`"Pakt ${name} module"`))?.Properties as unknown as { MemorySize: number }).MemorySize;
    // The exports and signing modules only ask for files now; the renderer makes them.
    expect([memoryOf('exports'), memoryOf('signing'), memoryOf('organisations')]).toEqual([512, 512, 512]);
    const modules = functions.filter((fn) => JSON.stringify(fn).includes(' module"'));
    expect(modules).toHaveLength(moduleNames.length);
    for (const fn of modules) expect(JSON.stringify(fn)).toMatch(/"EDGE_SECRET":\{"Fn::Join":\["",\["\{\{resolve:secretsmanager:/);
    api.resourceCountIs('AWS::Logs::LogGroup', moduleNames.length + 3);
    api.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('creates exactly the routes of the route table, all but public ones behind the JWT authorizer and the API scope', () => {
    api.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    for (const route of routes) {
      api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        ...(route.access === 'public' ? { AuthorizationType: 'NONE' } : { AuthorizationType: 'JWT', AuthorizationScopes: ['pakt/api'] }),
      });
    }
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
  });

  it('runs the daily jobs on a schedule, a failed run retried and then dead-lettered', () => {
    api.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)', ScheduleExpressionTimezone: 'Europe/Kyiv', State: 'ENABLED',
      Target: Match.objectLike({ RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }), DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DailyJobDeadLetters'), 'Arn'] } } }),
    });
    api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DailyJobDeadLetters'), 'Arn'] } } },
    });
    api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
  });

  it('feeds export jobs to the renderer through SQS: one job a batch, partial failures retried, dead-lettered after the last attempt', () => {
    api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, VisibilityTimeout: 720, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RenderDeadLetters'), 'Arn'] }, maxReceiveCount: 3 } });
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 5 } });
    api.hasResourceProperties('AWS::Lambda::Function', { Description: 'Pakt renderer (export files)', MemorySize: 1024, Timeout: 120 });
    // Only the modules that ask for files send jobs: exports (programme files) and signing (final texts and certificates).
    const policies = Object.values(api.findResources('AWS::IAM::Policy')) as { Properties: { PolicyName: string; PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } }[];
    const senders = policies.filter((policy) => policy.Properties.PolicyDocument.Statement.some((statement) => JSON.stringify(statement.Action) === '"sqs:SendMessage"' && JSON.stringify(statement.Resource).includes('RenderQueue')));
    expect(senders.map((policy) => policy.Properties.PolicyName).sort()).toEqual([expect.stringMatching(/^Moduleexports/), expect.stringMatching(/^Modulesigning/)]);
  });

  it('tells the operators: an encrypted alarm topic with the configured email, and an alarm for every way Pakt fails unnoticed', () => {
    api.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    api.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'operators@example.org' });
    const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm')) as { Properties: Record<string, unknown> }[];
    // API 5xx rate; errors and throttles of each function; the daily job not run or dead-lettered; integrity failures; table throttling.
    // ... and the renderer's errors, throttles and dead letters.
    expect(alarms).toHaveLength(1 + 2 * (moduleNames.length + 2) + 5);
    for (const { Properties } of alarms) {
      expect(Properties.AlarmDescription).toEqual(expect.any(String));
      expect(JSON.stringify(Properties.AlarmActions)).toMatch(/OperationsTopic/);
    }
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Invocations', Namespace: 'AWS/Lambda', Period: 3600, EvaluationPeriods: 26, DatapointsToAlarm: 26, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching',
    });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'Pakt', MetricName: 'IntegrityFailures', Dimensions: [{ Name: 'service', Value: 'pakt' }], Threshold: 1 });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: Match.arrayWith([Match.objectLike({ Expression: 'IF(requests >= 10, 100 * errors / requests, 0)' })]), Threshold: 5 });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: Match.arrayWith([Match.objectLike({ Expression: 'reads + writes' })]) });
    api.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', Threshold: 1 });
  });

  it('throttles the API, the routes that render documents tighter, and writes access logs without bodies or tokens', () => {
    expect(routes.filter(isHeavy).map((route) => route.operation)).toEqual(expect.arrayContaining(['approveMemorandum', 'signMemorandum']));
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
      RouteSettings: Object.fromEntries(routes.filter(isHeavy).map((route) => [`${route.method} ${route.path}`, { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 }])),
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('grants each module only what the route table says it touches', () => {
    const policies = Object.entries(api.findResources('AWS::IAM::Policy')).map(([logicalId, policy]) => ({ logicalId, document: JSON.stringify(policy) }));
    const policyOf = (module: string) => policies.find((policy) => policy.logicalId.includes(`Module${module}`))?.document ?? '';
    expect(policyOf('users')).toContain('cognito-idp:AdminCreateUser');
    expect(policyOf('organisations')).not.toContain('cognito-idp');
    expect(policyOf('openapi')).not.toContain('dynamodb');
    // The audit digests: the daily job signs and writes them; the signing module (approval, signing, verification) only reads and verifies.
    const daily = policies.find((policy) => policy.logicalId.includes('DailyJobs'))?.document ?? '';
    expect(daily).toContain('kms:Sign');
    expect(daily).toContain('audit-digests/*');
    expect(policyOf('memoranda')).not.toMatch(/kms:(Sign|GetPublicKey)/);
    for (const module of ['signing']) {
      expect(policyOf(module)).toContain('kms:GetPublicKey');
      expect(policyOf(module)).not.toContain('kms:Sign');
      expect(policyOf(module)).toMatch(/"Action":"s3:GetObject","Effect":"Allow","Resource":\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":s3:::[^"]*\/audit-digests\/\*"\]\]\}/);
    }
    data.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    for (const { document } of policies) {
      expect(document).not.toContain('dynamodb:Scan');
      expect(document).not.toContain('dynamodb:*');
    }
  });

  it('serves the SPA from a private bucket through CloudFront with origin access control, security headers and /api on the same origin', () => {
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', FunctionAssociations: Match.anyValue(), ResponseHeadersPolicyId: Match.anyValue() }),
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' })]),
        Logging: Match.anyValue(),
      }),
    });
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    // The installed app's service worker and manifest are never cached at the edge: a deployment reaches it at once.
    const behaviours = Object.values(web.findResources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig.CacheBehaviors as { PathPattern: string; CachePolicyId: string }[];
    const uncached = behaviours.filter((behaviour) => behaviour.CachePolicyId === '4135ea2d-6df8-44a3-9df3-4b5a84be39ad').map((behaviour) => behaviour.PathPattern);
    expect(uncached.sort()).toEqual(['/api/*', '/manifest.webmanifest', '/sw.js']);
    // The viewer's address reaches the API (API Gateway sees CloudFront's), believed only with the edge secret.
    const distribution = JSON.stringify(web.findResources('AWS::CloudFront::Distribution'));
    expect(distribution).toMatch(/"HeaderName":"x-pakt-edge","HeaderValue":\{"Fn::Join":\["",\["\{\{resolve:secretsmanager:/);
    web.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: Match.stringLikeRegexp("request.headers\\['x-pakt-viewer-address'\\] = \\{ value: event.viewer.ip \\}") });
    web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: { SecurityHeadersConfig: Match.objectLike({ StrictTransportSecurity: Match.anyValue(), ContentSecurityPolicy: Match.anyValue(), FrameOptions: { FrameOption: 'DENY', Override: true } }) },
    });
  });
});

describe('the CDK app (prod stage)', () => {
  it('retains and protects the table and buckets', () => {
    const prod = synthApp({ stage: 'prod', webDomainName: 'pakt.example.org', webCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc' });
    expect(prod.violations).toEqual([]);
    const data = Template.fromStack(prod.stacks.data);
    data.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }) });
    data.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
    data.hasResourceProperties('AWS::S3::Bucket', { BucketName: Match.stringLikeRegexp('-documents-'), ObjectLockEnabled: true });
    const signing = Object.entries(Template.fromStack(prod.stacks.api).findResources('AWS::Lambda::Function')).find(([logicalId]) => logicalId.startsWith('ModulesigningFunction'))?.[1] as { Properties: { Environment: { Variables: Record<string, unknown> } } };
    expect(signing.Properties.Environment.Variables.DOCUMENT_RETENTION_YEARS).toBe('10');
    data.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] } });
    data.hasResourceProperties('AWS::Backup::BackupPlan', { BackupPlan: Match.objectLike({ BackupPlanRule: [Match.objectLike({ Lifecycle: { DeleteAfterDays: 35 } }), Match.objectLike({ RuleName: 'Monthly1Year', Lifecycle: { DeleteAfterDays: 365 } })] }) });
    data.hasResourceProperties('AWS::Backup::BackupSelection', { BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'Arn'] }] }) });
    Template.fromStack(prod.stacks.web).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Aliases: ['pakt.example.org'], ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }) }),
    });
  });

  it('refuses a production stage without a domain', () => {
    expect(() => readConfig(new App({ context: { stage: 'prod' } }))).toThrow(/webDomainName/);
  });
});
