import type { Plugin } from 'vite';
import { PaktPreset } from '../src/theme.js';

/**
 * PrimeVue's theme as static CSS, computed at build time.
 *
 * In its styled mode PrimeVue turns the preset's design tokens into CSS in the
 * browser, on the first mount of each component: on a phone (Lighthouse's 4×
 * slower CPU) that was the largest share of the long tasks on the memoranda list
 * and the programme dashboard, and the preset's tokens travelled in every first
 * load. Here the same stylesheets are produced by PrimeVue's own server-side
 * rendering API (`getCommonThemeStyleSheet`, `getThemeStyleSheet`) and the app
 * runs with `theme: 'none'`.
 *
 * Each PrimeVue component module imports its own stylesheet (added by `transform`),
 * so a component's CSS travels in the chunk that uses it, as its JavaScript does,
 * and a component added to the app brings its CSS without a list to keep.
 * `import 'virtual:pakt-theme/common.css'` gives the tokens every component reads.
 */
const virtualPrefix = 'virtual:pakt-theme/';
// A path-like id: Vite's CSS pipeline handles it as a stylesheet.
const resolvedPrefix = '/@pakt-theme/';
const componentModule = /\/node_modules\/primevue\/([a-z]+)\/index\.mjs(?:\?.*)?$/;

interface ThemeStyle {
  getCommonThemeStyleSheet(): string;
  getThemeStyleSheet(): string;
}

const stylesheetText = (markup: string): string => markup.replace(/<style[^>]*>/g, '').replaceAll('</style>', '\n');

let themeReady: Promise<void> | undefined;
const useTheme = () => {
  themeReady ??= import('@primeuix/styled').then(({ Theme }) => {
    Theme.setTheme({ preset: PaktPreset, options: { darkModeSelector: false, cssLayer: false } });
  });
  return themeReady;
};

const styleOf = async (component: string): Promise<ThemeStyle | undefined> => {
  const module = (await import(`primevue/${component}/style`).catch(() => undefined)) as { default?: ThemeStyle } | undefined;
  return module?.default;
};

/** The CSS PrimeVue would have injected for this stylesheet name: `common` (tokens and global rules) or a component's. */
export const themeCss = async (name: string): Promise<string> => {
  await useTheme();
  if (name === 'common') {
    // Its declaration file omits the default export that PrimeVue's own components import.
    const { default: base } = (await import('@primevue/core/base/style')) as unknown as { default: ThemeStyle };
    return stylesheetText(base.getCommonThemeStyleSheet() + base.getThemeStyleSheet());
  }
  const style = await styleOf(name);
  return style ? stylesheetText(style.getThemeStyleSheet()) : '';
};

export const precompiledTheme = (): Plugin => ({
  name: 'pakt-precompiled-theme',
  resolveId: (id) => (id.startsWith(virtualPrefix) ? resolvedPrefix + id.slice(virtualPrefix.length) : undefined),
  load: (id) => (id.startsWith(resolvedPrefix) ? themeCss(id.slice(resolvedPrefix.length).replace(/\.css$/, '')) : undefined),
  transform(code, id) {
    const component = componentModule.exec(id)?.[1];
    return component ? { code: `import '${virtualPrefix}${component}.css';\n${code}`, map: null } : undefined;
  },
  // Pre-bundled dependencies never reach `transform`: PrimeVue's modules are served as they are.
  config: () => ({ optimizeDeps: { exclude: ['primevue'] } }),
});
