/**
 * What a function may touch, declared once per module (functions/routes.ts) and
 * read by everything that gives a function its powers: the CDK stack turns it
 * into IAM statements and environment variables, the local stack into the same
 * environment and into the refusals of its DynamoDB and S3 stand-ins
 * (infra/local/iam.ts). Code that uses what its module did not declare fails on
 * one machine exactly where it would fail on AWS.
 */
export interface FunctionAccess {
  table?: 'read' | 'readwrite';
  /** S3 key prefixes, from the constants the module builds its keys with. */
  documents?: {
    read?: readonly string[];
    readwrite?: readonly string[];
    /** Where it keeps what it writes under Object Lock retention (governance mode), where the deployment has it. */
    retain?: readonly string[];
  };
  /** The daily audit digests' key: the daily job signs, the signing module verifies. */
  digestKey?: 'sign' | 'verify';
  /** The identity provider's user administration (Cognito). */
  directory?: boolean;
  /** Notifications by email (SES). */
  mail?: boolean;
  /** pdfmake's fonts shipped with the function. */
  fonts?: boolean;
  /** The render queue (SQS): API functions send jobs to it, the renderer consumes them. */
  renderQueue?: 'send' | 'consume';
}

/** Item-level actions only: no Scan, no table management. */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readwrite: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
} as const;

/** Object-level actions under a prefix only: no listing, no bucket settings. */
export const documentActions = {
  read: ['s3:GetObject'],
  readwrite: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
  retain: ['s3:PutObjectRetention'],
} as const;

export const digestKeyActions = {
  sign: ['kms:Sign', 'kms:GetPublicKey'],
  verify: ['kms:GetPublicKey'],
} as const;

/**
 * The table and the documents are encrypted with one customer-managed key: a
 * function that reads either decrypts with it, one that writes also encrypts.
 */
export const dataKeyActionsFor = (access: FunctionAccess): readonly string[] => {
  const reads = access.table !== undefined || documentGrants(access).length > 0;
  const writes = access.table === 'readwrite' || (access.documents?.readwrite ?? []).length > 0;
  if (!reads) return [];
  return writes ? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt', 'kms:DescribeKey'];
};

export const directoryActions = [
  'cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminDeleteUser',
] as const;

export const mailActions = ['ses:SendEmail'] as const;

/** Consuming is granted by the event source mapping itself (what CDK's grantConsumeMessages gives). */
export const renderQueueActions = {
  send: ['sqs:SendMessage'],
  consume: ['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
} as const;

export interface DocumentGrant {
  prefix: string;
  actions: readonly string[];
}

/** The S3 actions a function has, per key prefix. */
export const documentGrants = (access: FunctionAccess): DocumentGrant[] => [
  ...(access.documents?.readwrite ?? []).map((prefix) => ({ prefix, actions: documentActions.readwrite })),
  ...(access.documents?.read ?? []).map((prefix) => ({ prefix, actions: documentActions.read })),
  ...(access.documents?.retain ?? []).map((prefix) => ({ prefix, actions: documentActions.retain })),
];

/** Whether a function may perform an S3 object action on a key. */
export const mayTouchDocument = (access: FunctionAccess, action: string, key: string): boolean =>
  documentGrants(access).some((grant) => key.startsWith(grant.prefix) && grant.actions.includes(action));

/** Whether a function may perform a DynamoDB action on the table. */
export const mayTouchTable = (access: FunctionAccess, action: string): boolean =>
  access.table !== undefined && (tableActions[access.table] as readonly string[]).includes(action);

/** The names of what a deployment created, as a function's environment carries them. */
export interface DeployedNames {
  webUrl?: string;
  tableName?: string;
  bucketName?: string;
  digestKeyId?: string;
  userPoolId?: string;
  /** Mail stays off (logged) in a deployment without a sender. */
  senderEmail?: string;
  /** Where the documents bucket has Object Lock: how long what is retained stays locked. */
  documentRetentionYears?: number;
  /** API functions only: what proves a request came through the web distribution. */
  edgeSecret?: string;
  renderQueueUrl?: string;
}

const named = (name: string | undefined, what: string): string => {
  if (name === undefined) throw new Error(`The access declaration asks for ${what}, but none was given to the function.`);
  return name;
};

/**
 * A function's environment on AWS: a variable for each resource it was granted,
 * none for the rest, so that code reaching for an undeclared resource fails
 * with the variable's name.
 */
export const environmentFor = (access: FunctionAccess, names: DeployedNames): Record<string, string> => ({
  POWERTOOLS_SERVICE_NAME: 'pakt',
  ...(names.webUrl === undefined ? {} : { WEB_URL: names.webUrl }),
  ...(names.edgeSecret === undefined ? {} : { EDGE_SECRET: names.edgeSecret }),
  ...(access.table ? { TABLE_NAME: named(names.tableName, 'the table') } : {}),
  ...(access.documents ? { DOCUMENTS_BUCKET: named(names.bucketName, 'the documents bucket') } : {}),
  ...(access.digestKey ? { DIGEST_KMS_KEY_ID: named(names.digestKeyId, 'the digest key') } : {}),
  ...(access.directory ? { USER_POOL_ID: named(names.userPoolId, 'the user directory') } : {}),
  ...(access.mail && names.senderEmail ? { SENDER_EMAIL: names.senderEmail } : {}),
  ...(access.renderQueue === 'send' ? { RENDER_QUEUE_URL: named(names.renderQueueUrl, 'the render queue') } : {}),
  ...((access.documents?.retain ?? []).length > 0 && names.documentRetentionYears !== undefined ? { DOCUMENT_RETENTION_YEARS: String(names.documentRetentionYears) } : {}),
});
