import { resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** functions/core/lambda-credentials.ts, which takes the SDK's default credential chain's place in bundles. */
export const lambdaCredentialsEntry = resolve(import.meta.dirname, '../functions/core/lambda-credentials.ts');

/**
 * The esbuild settings for every Lambda bundle: used by the CDK function
 * construct and by the bundle-size benchmark, so that what is measured is what
 * is deployed.
 */
export const lambdaEsbuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require(); give ESM bundles a require.
  banner: { js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  // Lambda gives credentials in the environment: the default chain's other providers stay out.
  alias: { '@aws-sdk/credential-provider-node': lambdaCredentialsEntry },
} as const satisfies BuildOptions;
