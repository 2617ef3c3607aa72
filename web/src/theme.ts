import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

/**
 * Pakt's look: Aura with the brand's blue and contrast fixes. Read only at build
 * time (web/build/precompiled-theme.ts turns it into static CSS), so the preset's
 * size costs the browser nothing.
 */
export const PaktPreset = definePreset(Aura, {
  semantic: {
    // Keyboard focus must be plain to see: a 2-px ring, offset from the control.
    focusRing: { width: '2px', style: 'solid', color: '{primary.700}', offset: '2px' },
    primary: {
      50: '#eef5fb', 100: '#d5e6f5', 200: '#abcdeb', 300: '#7aaedb', 400: '#4a8bc6', 500: '#2a6ea9',
      600: '#1d5a90', 700: '#0f4c81', 800: '#0c3d68', 900: '#092e4f', 950: '#061f36',
    },
  },
  // Aura's grey labels (slate-500) fall under 4.5:1 on its light surfaces: one step darker reads at ≥ 6:1.
  components: {
    message: {
      colorScheme: {
        light: Object.fromEntries((['info:blue', 'success:green', 'warn:yellow', 'error:red'] as const).map((pair) => {
          const [severity, hue] = pair.split(':');
          const color = `{${hue}.800}`;
          return [severity, { color, outlined: { color }, simple: { color } }];
        })),
      },
    },
    togglebutton: { colorScheme: { light: { root: { color: '{surface.600}' }, icon: { color: '{surface.600}' } } } },
    button: {
      colorScheme: {
        light: {
          // Filled buttons: white on the 500 shades reads at 2.3–3.8:1; the 700 shades at ≥ 4.5:1.
          root: Object.fromEntries((['info:sky', 'success:green', 'warn:orange', 'help:purple', 'danger:red'] as const).map((pair) => {
            const [severity, hue] = pair.split(':');
            return [severity, {
              background: `{${hue}.700}`, hoverBackground: `{${hue}.800}`, activeBackground: `{${hue}.900}`,
              borderColor: `{${hue}.700}`, hoverBorderColor: `{${hue}.800}`, activeBorderColor: `{${hue}.900}`, focusRing: { color: `{${hue}.700}` },
            }];
          })),
          outlined: { secondary: { color: '{surface.600}' }, danger: { color: '{red.700}' }, success: { color: '{green.700}' }, warn: { color: '{orange.700}' }, info: { color: '{sky.700}' } },
          text: { secondary: { color: '{surface.600}' }, danger: { color: '{red.700}' }, success: { color: '{green.700}' }, warn: { color: '{orange.700}' }, info: { color: '{sky.700}' } },
        },
      },
    },
  },
});

