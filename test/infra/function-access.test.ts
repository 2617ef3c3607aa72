import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataKeyActionsFor, digestKeyActions, directoryActions, documentGrants, environmentFor, mailActions, renderQueueActions, tableActions, type FunctionAccess } from '../../functions/core/access.js';
import { dailyJobAccess, moduleAccess, moduleNames, rendererAccess } from '../../functions/routes.js';
import { readConfig } from '../../infra/config.js';
import { lambdaEsbuildOptions } from '../../infra/bundling.js';
import { buildStacks } from '../../infra/stacks/pakt.js';

/**
 * Every Lambda gets exactly what its module declares (functions/routes.ts):
 * the environment and IAM statements of the synthesized template, and, from
 * the bundle itself, the resources its code can reach.
 */
const root = resolve(import.meta.dirname, '../..');
const senderEmail = 'pakt@example.org';

interface Statement {
  Action: string | string[];
  Effect: string;
  Resource: unknown;
}

const functionsUnderTest: { logicalPrefix: string; entry: string; access: FunctionAccess; api: boolean }[] = [
  ...moduleNames.map((module) => ({ logicalPrefix: `Module${module}Function`, entry: `${module}/handler.ts`, access: moduleAccess[module], api: true })),
  { logicalPrefix: 'DailyJobsFunction', entry: 'jobs/handler.ts', access: dailyJobAccess, api: false },
  { logicalPrefix: 'RendererFunction', entry: 'renderer/handler.ts', access: rendererAccess, api: false },
];
/** Beside its declaration, an asynchronously invoked function sends its failed runs to its failure queue. */
const failureQueueStatement = { actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], resource: 'failure queue' };

/** What a statement's resource is, named the way the declaration names it. */
const resourceKind = (resource: unknown): string => {
  const text = JSON.stringify(resource);
  if (text === '"*"') return '*';
  const s3 = /:s3:::([^"]+)"/.exec(text);
  if (s3) return `s3 ${s3[1] ?? ''}`;
  if (text.includes('ExportsOutputFnGetAttTable')) return 'table';
  if (text.includes('DigestKey')) return 'digest key';
  if (text.includes('DataKey')) return 'data key';
  if (text.includes('Users')) return 'user pool';
  if (text.includes(':ses:')) return 'mail identity';
  if (text.includes('DailyJobDeadLetters')) return 'failure queue';
  if (text.includes('RenderQueue')) return 'render queue';
  return `unexpected ${text}`;
};

const normalised = (statements: { actions: readonly string[]; resource: string }[]) =>
  statements.map(({ actions, resource }) => `${resource}: ${[...actions].sort().join(' ')}`).sort();

const expectedStatements = (access: FunctionAccess, bucket: string, invokedAsynchronously: boolean) =>
  normalised([
    ...(invokedAsynchronously ? [failureQueueStatement] : []),
    ...(access.renderQueue ? [{ actions: renderQueueActions[access.renderQueue], resource: 'render queue' }] : []),
    { actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resource: '*' },
    ...(access.table ? [{ actions: tableActions[access.table], resource: 'table' }] : []),
    ...documentGrants(access).map((grant) => ({ actions: grant.actions, resource: `s3 ${bucket}/${grant.prefix}*` })),
    ...(dataKeyActionsFor(access).length > 0 ? [{ actions: dataKeyActionsFor(access), resource: 'data key' }] : []),
    ...(access.digestKey ? [{ actions: digestKeyActions[access.digestKey], resource: 'digest key' }] : []),
    ...(access.directory ? [{ actions: directoryActions, resource: 'user pool' }] : []),
    ...(access.mail ? [{ actions: mailActions, resource: 'mail identity' }] : []),
  ]);

describe('each function gets exactly what its module declares', () => {
  let api: Template;
  let bucket: string;

  beforeAll(() => {
    const app = new App({
      outdir: mkdtempSync(join(tmpdir(), 'pakt-cdk-')),
      context: { 'aws:cdk:bundling-stacks': [], account: '111122223333', region: 'eu-central-1', '@aws-cdk/core:defaultCrossStackReferences': 'strong', stage: 'dev', senderEmail },
    });
    const stacks = buildStacks(app, readConfig(app));
    api = Template.fromStack(stacks.api);
    bucket = `pakt-dev-documents-111122223333-eu-central-1`;
  });

  const functionOf = (logicalPrefix: string) => {
    const entries = Object.entries(api.findResources('AWS::Lambda::Function')).filter(([logicalId]) => logicalId.startsWith(logicalPrefix));
    expect(entries, logicalPrefix).toHaveLength(1);
    const [logicalId, resource] = entries[0] as [string, { Properties: { Environment: { Variables: Record<string, unknown> }; Role: { 'Fn::GetAtt': [string, string] } } }];
    return { logicalId, properties: resource.Properties };
  };

  it.each(functionsUnderTest)('$logicalPrefix: its environment names the declared resources and nothing else', ({ logicalPrefix, access, api: isApi }) => {
    const { properties } = functionOf(logicalPrefix);
    const declared = environmentFor(access, { webUrl: 'w', tableName: 't', bucketName: 'b', digestKeyId: 'k', userPoolId: 'u', senderEmail, renderQueueUrl: 'q', ...(isApi ? { edgeSecret: 's' } : {}) });
    expect(Object.keys(properties.Environment.Variables).sort()).toEqual(['NODE_OPTIONS', ...Object.keys(declared)].sort());
  });

  it.each(functionsUnderTest)('$logicalPrefix: its IAM statements are the declared ones, on the declared resources only', ({ logicalPrefix, access }) => {
    const { properties } = functionOf(logicalPrefix);
    const role = properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(api.findResources('AWS::IAM::Policy')).filter((policy) => JSON.stringify(policy).includes(`{"Ref":"${role}"}`)) as { Properties: { PolicyDocument: { Statement: Statement[] } } }[];
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    for (const statement of statements) expect(statement.Effect).toBe('Allow');
    const granted = normalised(statements.flatMap((statement) => [statement.Resource].flat().map((resource) => ({ actions: [statement.Action].flat(), resource: resourceKind(resource) }))));
    // The table's statement names the table and its indexes: one entry per resource above, collapsed here.
    expect([...new Set(granted)]).toEqual(expectedStatements(access, bucket, logicalPrefix === 'DailyJobsFunction'));
    for (const statement of statements) expect([statement.Action].flat().some((action) => action.endsWith('*'))).toBe(false);
  });
});

/** The files through which code reaches each kind of resource. */
const gateways: { file: string; declares: (access: FunctionAccess) => boolean; what: string }[] = [
  { file: 'functions/data/client.ts', declares: (access) => access.table !== undefined, what: 'the table' },
  { file: 'functions/files/document-store.ts', declares: (access) => access.documents !== undefined, what: 'documents' },
  { file: 'functions/users/directory.ts', declares: (access) => access.directory === true, what: 'the user directory' },
  { file: 'functions/notifications/mailer.ts', declares: (access) => access.mail === true, what: 'mail' },
  { file: 'functions/documents/fonts.ts', declares: (access) => access.fonts === true, what: 'fonts' },
  { file: 'functions/memoranda/digest-signer.ts', declares: (access) => access.digestKey !== undefined, what: 'the digest key' },
  { file: 'functions/documents/render-queue.ts', declares: (access) => access.renderQueue === 'send', what: 'the render queue' },
];

describe('each function\'s code reaches only what its module declares, and declares only what its code reaches', () => {
  it.each(functionsUnderTest)('$entry', async ({ entry, access }) => {
    const result = await build({ ...lambdaEsbuildOptions, entryPoints: [resolve(root, 'functions', entry)], write: false, outdir: tmpdir(), metafile: true, logLevel: 'silent' });
    // Files tree-shaken out of the bundle carry no bytes into it.
    const bundled = new Set(Object.values(result.metafile.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => relative(root, resolve(root, file)))));
    const reached = gateways.filter((gateway) => bundled.has(gateway.file)).map((gateway) => gateway.what);
    const declared = gateways.filter((gateway) => gateway.declares(access)).map((gateway) => gateway.what);
    expect(reached).toEqual(declared);
    // Lean bundles (issue 14): a function carries its own domain's routes, not the whole table (the OpenAPI document needs it), no DynamoDB client without the table, and not the SDK's default credential chain.
    const carried = [...bundled].filter((file) =>
      (file === 'functions/routes.ts' && entry !== 'openapi/handler.ts') || (!access.table && file.includes('@aws-sdk/client-dynamodb/')) || file.includes('@aws-sdk/credential-provider-node/') || file.includes('@aws-sdk/nested-clients/'));
    expect(carried).toEqual([]);
  });
});
