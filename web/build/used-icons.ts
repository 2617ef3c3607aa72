import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * PrimeIcons' stylesheet cut to the icons the app names: it defines some 300
 * `.pi-<name>:before` rules and the app uses about 40, in every first load.
 * Icons are named in the source as literals (`icon="pi pi-check"`, `'pi pi-send'`);
 * a name built at run time would not be found here, so the app builds none
 * (test/unit/used-icons.test.ts holds that).
 */
export const iconNamePattern = /\bpi-[a-z0-9-]+/g;

const sourceFiles = async (directory: string): Promise<string[]> => {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : [join(directory, entry.name)])));
  return nested.flat().filter((file) => /\.(vue|ts)$/.test(file));
};

/** PrimeIcons' modifier classes (kept with the base rules), not icons. */
const modifiers = new Set(['pi-spin', 'pi-fw']);

export const iconsUsedIn = async (sourceDirectory: string): Promise<Set<string>> => {
  const texts = await Promise.all((await sourceFiles(sourceDirectory)).map((file) => readFile(file, 'utf8')));
  return new Set(texts.flatMap((text) => text.match(iconNamePattern) ?? []).filter((name) => !modifiers.has(name)));
};

/** Drops each `.pi-<name>:before { … }` rule whose name is not used. */
export const keepIcons = (css: string, used: Set<string>): string =>
  css.replace(/\.(pi-[a-z0-9-]+):before\s*\{[^}]*\}\s*/g, (rule, name: string) => (used.has(name) ? rule : ''));

export const usedIconsOnly = (sourceDirectory: string): Plugin => ({
  name: 'pakt-used-icons-only',
  // Only the production build: the dev server would keep serving a cut made before an icon was added.
  apply: 'build',
  async transform(code, id) {
    if (!/\/primeicons\/primeicons\.css(?:\?.*)?$/.test(id)) return undefined;
    return { code: keepIcons(code, await iconsUsedIn(sourceDirectory)), map: null };
  },
});
