import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

/**
 * Chart.js with only what the dashboard draws — bars, a target line, category and
 * linear axes, legend and tooltips — instead of `chart.js/auto`, which registers
 * every chart type (a third more to download and run on a phone).
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

// No animation: bars growing for a second are a second of main-thread work on a phone, and motion some people are better without.
Chart.defaults.animation = false;

export { Chart };
