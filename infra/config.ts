import type { App } from 'aws-cdk-lib';

/**
 * Deployment settings, from CDK context (`cdk deploy -c stage=prod -c ...` or
 * cdk.json). Nothing here needs AWS credentials, so `cdk synth` works offline.
 */
export type Stage = 'dev' | 'staging' | 'prod';

export interface DeploymentConfig {
  stage: Stage;
  account: string;
  region: string;
  /** Custom domain of the web app (e.g. pakt.example.org), with an ACM certificate in us-east-1. */
  webDomainName?: string;
  webCertificateArn?: string;
  /** Origins allowed as sign-in callbacks besides the custom domain (e.g. the CloudFront URL of a dev stack). */
  webOrigins: string[];
  /** Prefix of the Cognito hosted-UI domain: https://<prefix>.auth.<region>.amazoncognito.com */
  cognitoDomainPrefix: string;
  /** Email address SES/Cognito send from; empty → Cognito's default sender (low quota, fine for dev). */
  senderEmail?: string;
  /** Who receives the alarms (an email subscription to the alarm topic; confirm it from the first email). */
  alarmEmail?: string;
  /** Staging and prod: how many years signed final texts and certificates stay under Object Lock (default 10). */
  documentRetentionYears: number;
}

const text = (app: App, key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export const readConfig = (app: App): DeploymentConfig => {
  const stage = text(app, 'stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'staging' && stage !== 'prod') throw new Error(`Context "stage" must be dev, staging or prod (got "${stage}").`);
  const webDomainName = text(app, 'webDomainName');
  const webCertificateArn = text(app, 'webCertificateArn');
  if (webDomainName && !webCertificateArn) throw new Error('Context "webDomainName" needs "webCertificateArn" (an ACM certificate in us-east-1).');
  if (stage !== 'dev' && !webDomainName) throw new Error(`Stage ${stage} needs context "webDomainName" (and "webCertificateArn").`);
  const account = text(app, 'account') ?? process.env.CDK_DEFAULT_ACCOUNT ?? '000000000000';
  const senderEmail = text(app, 'senderEmail');
  const alarmEmail = text(app, 'alarmEmail');
  const retentionYears = Number(text(app, 'documentRetentionYears') ?? 10);
  if (!Number.isInteger(retentionYears) || retentionYears < 1 || retentionYears > 100) throw new Error('Context "documentRetentionYears" must be a whole number of years from 1 to 100.');
  return {
    stage,
    account,
    region: text(app, 'region') ?? process.env.CDK_DEFAULT_REGION ?? 'eu-central-1',
    ...(webDomainName ? { webDomainName } : {}),
    ...(webCertificateArn ? { webCertificateArn } : {}),
    webOrigins: [
      ...(webDomainName ? [`https://${webDomainName}`] : []),
      ...(text(app, 'webOrigins')?.split(',').map((origin) => origin.trim()) ?? []),
      ...(stage === 'dev' ? ['http://127.0.0.1:5173', 'http://localhost:5173'] : []),
    ],
    cognitoDomainPrefix: text(app, 'cognitoDomainPrefix') ?? `pakt-${stage}-${account}`,
    ...(senderEmail ? { senderEmail } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    documentRetentionYears: retentionYears,
  };
};

export const isProduction = (config: DeploymentConfig): boolean => config.stage !== 'dev';
