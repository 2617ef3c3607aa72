import { definePreset } from '@primeuix/themes';
import base from '@primeuix/themes/aura/base';
import badge from '@primeuix/themes/aura/badge';
import button from '@primeuix/themes/aura/button';
import card from '@primeuix/themes/aura/card';
import checkbox from '@primeuix/themes/aura/checkbox';
import chip from '@primeuix/themes/aura/chip';
import confirmdialog from '@primeuix/themes/aura/confirmdialog';
import datatable from '@primeuix/themes/aura/datatable';
import datepicker from '@primeuix/themes/aura/datepicker';
import dialog from '@primeuix/themes/aura/dialog';
import divider from '@primeuix/themes/aura/divider';
import iconfield from '@primeuix/themes/aura/iconfield';
import inputnumber from '@primeuix/themes/aura/inputnumber';
import inputtext from '@primeuix/themes/aura/inputtext';
import message from '@primeuix/themes/aura/message';
import multiselect from '@primeuix/themes/aura/multiselect';
import paginator from '@primeuix/themes/aura/paginator';
import progressbar from '@primeuix/themes/aura/progressbar';
import progressspinner from '@primeuix/themes/aura/progressspinner';
import ripple from '@primeuix/themes/aura/ripple';
import select from '@primeuix/themes/aura/select';
import selectbutton from '@primeuix/themes/aura/selectbutton';
import tabs from '@primeuix/themes/aura/tabs';
import tag from '@primeuix/themes/aura/tag';
import textarea from '@primeuix/themes/aura/textarea';
import timeline from '@primeuix/themes/aura/timeline';
import toast from '@primeuix/themes/aura/toast';
import togglebutton from '@primeuix/themes/aura/togglebutton';
import tooltip from '@primeuix/themes/aura/tooltip';

/**
 * Aura with only the components Pakt uses (and those they are built of): the full
 * preset carries the design tokens of some ninety components into every first load.
 * A component added to the app adds its tokens here.
 */
const Aura = { ...base, components: { badge, button, card, checkbox, chip, confirmdialog, datatable, datepicker, dialog, divider, iconfield, inputnumber, inputtext, message, multiselect, paginator, progressbar, progressspinner, ripple, select, selectbutton, tabs, tag, textarea, timeline, toast, togglebutton, tooltip } };

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

