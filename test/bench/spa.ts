import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '../../infra/local/built-web.js';

/**
 * The SPA's first load as a phone downloads it: the entry script, everything
 * index.html preloads, its stylesheets and the Ukrainian catalogue the app awaits
 * before its first screen, gzip-compressed (CloudFront compresses them), from a
 * production build. Also checks that no built file points at a
 * source map (maps are built "hidden" and never deployed).
 */
export interface SpaFirstLoad {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  publicSourceMaps: string[];
}

export const measureSpaFirstLoad = async (): Promise<SpaFirstLoad> => {
  const outDir = await mkdtemp(join(tmpdir(), 'pakt-spa-'));
  try {
    await buildWeb(outDir);
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const assets = await readdir(join(outDir, 'assets'));
    const catalogue = assets.filter((name) => /^uk-[\w-]+\.js$/.test(name)).map((name) => `assets/${name}`);
    const firstLoad = [...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? ''), ...catalogue];
    const files = await Promise.all(firstLoad.map(async (file) => ({ file, gzipBytes: gzipSync(await readFile(join(outDir, file)), { level: 9 }).byteLength })));
    const publicSourceMaps = [];
    for (const asset of assets.filter((name) => /\.(js|css)$/.test(name))) {
      if ((await readFile(join(outDir, 'assets', asset), 'utf8')).includes('sourceMappingURL=')) publicSourceMaps.push(asset);
    }
    return { files: files.sort((a, b) => b.gzipBytes - a.gzipBytes), gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), publicSourceMaps };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};
