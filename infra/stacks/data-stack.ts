import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/data/table.js';
import { isProduction, type DeploymentConfig } from '../config.js';

/**
 * The records and the documents: one DynamoDB table built from THE table
 * definition, and the private documents bucket (PDFs, evidence).
 */
/** Named, so that functions get object-level grants on fixed key prefixes. */
export const documentsBucketName = (config: DeploymentConfig): string => `pakt-${config.stage}-documents-${config.account}-${config.region}`;

export class DataStack extends Stack {
  readonly table: TableV2;
  readonly documents: Bucket;
  /** Signs the daily audit digests (ECDSA P-256); the private key never leaves KMS. */
  readonly digestKey: Key;
  /** Encrypts the table, its backups and the documents: whoever reads them needs this key too, and its use is logged. */
  readonly dataKey: Key;

  constructor(scope: Construct, id: string, config: DeploymentConfig, props: StackProps) {
    super(scope, id, props);
    const keep = isProduction(config);
    const removalPolicy = keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.dataKey = new Key(this, 'DataKey', {
      description: `Pakt ${config.stage}: encrypts the records table, its backups and the documents bucket`,
      enableKeyRotation: true,
      removalPolicy,
    });

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.dataKey),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      dynamoStream: StreamViewType[tableDefinition.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: keep,
      removalPolicy,
    });

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy,
      autoDeleteObjects: !keep,
    });
    Validations.of(accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This bucket receives the server access logs of the other buckets; logging it would loop.' });

    this.documents = new Bucket(this, 'Documents', {
      bucketName: documentsBucketName(config),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      // Signed final texts and certificates are written under retention (governance mode); nothing else is locked.
      objectLockEnabled: keep,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      cors: [
        {
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedOrigins: config.webOrigins.length > 0 ? config.webOrigins : ['https://localhost'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy,
      autoDeleteObjects: !keep,
    });
    this.digestKey = new Key(this, 'DigestKey', {
      description: `Pakt ${config.stage}: signs the daily digests of the memoranda's audit chains`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy,
    });
    // Point-in-time recovery covers 35 days; in production AWS Backup keeps daily copies for 35 days and monthly ones for a year.
    if (config.stage === 'prod') {
      const vault = new BackupVault(this, 'BackupVault', { encryptionKey: this.dataKey, removalPolicy: RemovalPolicy.RETAIN });
      const plan = new BackupPlan(this, 'BackupPlan', { backupVault: vault });
      plan.addRule(BackupPlanRule.daily());
      plan.addRule(new BackupPlanRule({ ruleName: 'Monthly1Year', scheduleExpression: Schedule.cron({ day: '1', hour: '3', minute: '0' }), deleteAfter: Duration.days(365) }));
      const selection = plan.addSelection('Table', { resources: [BackupResource.fromArn(this.table.tableArn)] });
      Validations.of(selection).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason: 'AWS Backup\'s own service role policy, maintained by AWS for the resource types it backs up; the selection limits it to the table.',
      });
      new CfnOutput(this, 'BackupVaultName', { value: vault.backupVaultName });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
