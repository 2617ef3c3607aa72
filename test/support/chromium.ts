import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The Chromium the browser journeys drive: CHROMIUM_PATH when set, else a
 * `chromium` on the PATH (Debian's package; it starts faster), else the build
 * packaged in @sparticuz/chromium, unpacked to the temporary folder on first
 * use — so `npm ci && npm test` needs no system package.
 */
export const chromiumExecutable = async (): Promise<{ path: string; source: 'configured' | 'system' | 'packaged' }> => {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return { path: configured, source: 'configured' };
  const system = onPath('chromium');
  if (system) return { path: system, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: 'packaged' };
};

const onPath = (name: string): string | undefined =>
  (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((folder) => join(folder, name)).find(isExecutable);

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
