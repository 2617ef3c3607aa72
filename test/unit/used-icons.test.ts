import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconsUsedIn, keepIcons } from '../../web/build/used-icons.js';

const webSource = resolve(import.meta.dirname, '../../web/src');

describe('PrimeIcons cut to the icons the app names', () => {
  it('keeps the rules of used icons and the base rules, drops the others', () => {
    const css = '.pi { font-family: primeicons; }\n.pi-spin { animation: fa-spin 2s infinite linear; }\n.pi-check:before {\n  content: "\\e909";\n}\n.pi-bolt:before {\n  content: "\\e9a1";\n}\n';
    const kept = keepIcons(css, new Set(['pi-check']));
    expect(kept).toContain('.pi-check:before');
    expect(kept).not.toContain('.pi-bolt');
    expect(kept).toContain('.pi {');
    expect(kept).toContain('.pi-spin {');
  });

  it('finds the icons of the real sources, each one PrimeIcons defines', async () => {
    const used = await iconsUsedIn(webSource);
    const primeicons = await readFile(resolve(import.meta.dirname, '../../node_modules/primeicons/primeicons.css'), 'utf8');
    expect(used.has('pi-send')).toBe(true);
    expect([...used].filter((name) => !primeicons.includes(`.${name}:before`))).toEqual([]);
  });

  it('no source builds an icon name at run time (the cut could not see it)', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(webSource, { recursive: true })).filter((file) => /\.(vue|ts)$/.test(file));
    const built = [];
    for (const file of files) if (/pi-\$\{|'pi-' \+|`pi \$\{/.test(await readFile(resolve(webSource, file), 'utf8'))) built.push(file);
    expect(built).toEqual([]);
  });
});
