/**
 * Small SVG bar charts for PDFs (pure; pdfmake draws SVG). Bars stack by series;
 * a missing value (a hidden count) draws nothing. Labels are escaped text.
 */
export interface Series {
  label: string;
  color: string;
  values: (number | null)[];
}

const escape = (text: string) => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export const niceMax = (value: number): number => {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * power).find((bound) => bound >= value) ?? 10 * power);
};

export const stackedBarChart = (chart: { labels: string[]; series: Series[]; width?: number; height?: number }): string => {
  const width = chart.width ?? 500;
  const height = chart.height ?? 200;
  const left = 34;
  const bottom = 40;
  const top = 8;
  // The legend wraps onto as many rows as its labels need.
  const labelWidth = (label: string) => 16 + label.length * 3.6;
  const legendRows: Series[][] = [[]];
  let rowWidth = 0;
  for (const series of chart.series) {
    if (rowWidth + labelWidth(series.label) > width - left && (legendRows.at(-1)?.length ?? 0) > 0) {
      legendRows.push([]);
      rowWidth = 0;
    }
    legendRows.at(-1)?.push(series);
    rowWidth += labelWidth(series.label);
  }
  const legendHeight = 12 * legendRows.length + 4;
  const plotHeight = height - bottom - top - legendHeight;
  const totals = chart.labels.map((_, index) => chart.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = (width - left - 4) / Math.max(1, chart.labels.length);
  const barWidth = Math.max(2, slot * 0.6);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const value = max * tick;
    parts.push(`<line x1="${left}" x2="${width - 4}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#dddddd" stroke-width="0.5"/>`);
    parts.push(`<text x="${left - 4}" y="${(y(value) + 3).toFixed(1)}" font-size="7" text-anchor="end" fill="#555555">${Number.isInteger(value) ? value : value.toFixed(1)}</text>`);
  }
  chart.labels.forEach((label, index) => {
    let base = 0;
    const x = left + index * slot + (slot - barWidth) / 2;
    for (const series of chart.series) {
      const value = series.values[index];
      if (value === null || value === undefined || value <= 0) continue;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y(base + value).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(base) - y(base + value)).toFixed(1)}" fill="${series.color}"/>`);
      base += value;
    }
    if (chart.labels.length <= 24 || index % 2 === 0) {
      const labelY = top + plotHeight + 10;
      parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${labelY}" font-size="6.5" text-anchor="end" fill="#333333" transform="rotate(-45 ${(x + barWidth / 2).toFixed(1)} ${labelY})">${escape(label)}</text>`);
    }
  });
  legendRows.forEach((row, line) => {
    let legendX = left;
    const rowY = height - legendHeight + 4 + line * 12;
    for (const series of row) {
      parts.push(`<rect x="${legendX}" y="${rowY}" width="8" height="8" fill="${series.color}"/>`);
      parts.push(`<text x="${legendX + 11}" y="${rowY + 7}" font-size="7" fill="#333333">${escape(series.label)}</text>`);
      legendX += labelWidth(series.label);
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
};
