import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { lambdaEsbuildOptions } from '../../infra/bundling.js';
import { moduleNames } from '../../functions/routes.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

export interface BundleFigure {
  name: string;
  bytes: number;
  coldImportMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Cold import of a bundle in a fresh Node process, median of several runs. */
const coldImport = async (file: string, runs: number): Promise<number> => {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const env = { ...process.env, TABLE_NAME: 'bench', LOCAL_ACCOUNTS_FILE: join(tmpdir(), 'pakt-bench-accounts.json'), AWS_REGION: 'eu-central-1', LOG_LEVEL: 'SILENT', NODE_NO_WARNINGS: '1' };
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env });
    times.push(Number(stdout));
  }
  return median(times);
};

const withoutTracer: Plugin = {
  name: 'without-tracer',
  setup(bundle) {
    bundle.onResolve({ filter: /core\/tracer\.js$/ }, () => ({ path: 'tracer', namespace: 'without-tracer' }));
    bundle.onLoad({ filter: /.*/, namespace: 'without-tracer' }, () => ({ contents: 'export const traced = (client) => client;', loader: 'js' }));
  },
};

/** Each module's Lambda bundle (the settings CDK deploys with) beside an SDK-only bundle. */
export const measureBundles = async (runs = 7): Promise<BundleFigure[]> => {
  const outdir = await mkdtemp(join(tmpdir(), 'pakt-bundles-'));
  try {
    // As the CDK function construct does for PDF-rendering modules: fonts next to the bundle.
    await cp(resolve(root, 'node_modules/pdfmake/fonts/Roboto'), join(outdir, 'fonts'), { recursive: true });
    const entries: { name: string; entry: string; plugins?: Plugin[] }[] = [
      { name: 'sdk-only (DynamoDB document client)', entry: resolve(root, 'test/bench/sdk-only.ts') },
      ...moduleNames.map((module) => ({ name: module, entry: resolve(root, `functions/${module}/handler.ts`) })),
      // Not an API function: the one that renders the export files (queue-fed, its cold start is off the request path).
      { name: 'renderer (not an API function)', entry: resolve(root, 'functions/renderer/handler.ts') },
      // What X-Ray tracing costs, side by side: the same module with the tracer replaced by nothing.
      { name: 'organisations without the tracer', entry: resolve(root, 'functions/organisations/handler.ts'), plugins: [withoutTracer] },
    ];
    const figures: BundleFigure[] = [];
    for (const { name, entry, plugins } of entries) {
      const result = await build({ ...lambdaEsbuildOptions, entryPoints: [entry], write: false, outfile: join(outdir, `${name}.mjs`), ...(plugins ? { plugins } : {}) });
      const output = result.outputFiles[0];
      if (!output) throw new Error(`No bundle for ${name}`);
      const file = join(outdir, `${name.replace(/\W+/g, '-')}.mjs`);
      await writeFile(file, output.contents);
      figures.push({ name, bytes: output.contents.byteLength, coldImportMs: await coldImport(file, runs) });
    }
    return figures;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
};
