import type { BuildOptions } from 'esbuild';

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
} as const satisfies BuildOptions;
