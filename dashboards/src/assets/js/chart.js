// Small hand-drawn SVG charts (no chart library): a line of values with an optional target line.
// The geometry is pure and unit-tested; the DOM part only turns it into elements.

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * Points of a line chart in a width×height box with padding; null values leave gaps (no point).
 * The vertical range covers every value and the target, so the target line is always inside.
 * @param {(number | null)[]} values
 * @param {{ width: number, height: number, padding?: number, target?: number | null, range?: { min: number, max: number } | null }} box
 *   `range` fixes the vertical scale (several lines on one chart share one).
 * @returns {{ points: ({ x: number, y: number } | null)[], targetY: number | null, min: number, max: number }}
 */
export function linePoints(values, { width, height, padding = 4, target = null, range = null }) {
  const known = values.filter((v) => typeof v === 'number');
  if (typeof target === 'number') known.push(target);
  let min = range ? range.min : known.length ? Math.min(...known) : 0;
  let max = range ? range.max : known.length ? Math.max(...known) : 1;
  if (min === max) { min -= 1; max += 1; }
  const y = (v) => padding + (height - 2 * padding) * (1 - (v - min) / (max - min));
  const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
  const x = (i) => (values.length > 1 ? padding + i * step : width / 2);
  return {
    points: values.map((v, i) => (typeof v === 'number' ? { x: round(x(i)), y: round(y(v)) } : null)),
    targetY: typeof target === 'number' ? round(y(target)) : null,
    min,
    max,
  };
}

const round = (n) => Math.round(n * 10) / 10;

/**
 * An SVG line chart element: line through the known values, dots, dashed target line,
 * and a <title> per dot so the number is readable on hover and by screen readers.
 * @param {(number | null)[]} values
 * @param {{ width: number, height: number, target?: number | null, labels?: string[], className?: string, ariaLabel?: string }} options
 */
export function lineChart(values, { width, height, target = null, labels = [], className = 'chart', ariaLabel = '' }) {
  const { points, targetY } = linePoints(values, { width, height, target });
  const svg = element('svg', { class: className, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': ariaLabel });
  if (targetY !== null) svg.append(element('line', { class: 'chart-target', x1: 0, x2: width, y1: targetY, y2: targetY }));
  const segments = [];
  let current = [];
  for (const p of points) {
    if (p) current.push(`${p.x},${p.y}`);
    else if (current.length) { segments.push(current); current = []; }
  }
  if (current.length) segments.push(current);
  for (const segment of segments) svg.append(element('polyline', { class: 'chart-line', points: segment.join(' ') }));
  points.forEach((p, i) => {
    if (!p) return;
    const dot = element('circle', { class: 'chart-dot', cx: p.x, cy: p.y, r: 3.5 });
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = `${labels[i] ?? ''} ${values[i]}`.trim();
    dot.append(title);
    svg.append(dot);
  });
  return svg;
}

/**
 * A sparkline: the line of a daily series (gaps where a day has no data), the target as a dashed
 * line, and a dot on the newest known value. Small enough for a KPI tile; the numbers stay in the tile.
 * @param {(number | null)[]} values oldest first
 * @param {{ width: number, height: number, target?: number | null, ariaLabel?: string, className?: string }} options
 */
export function sparkline(values, { width, height, target = null, ariaLabel = '', className = 'sparkline' }) {
  const { points, targetY } = linePoints(values, { width, height, padding: 3, target });
  const svg = element('svg', { class: className, viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': ariaLabel });
  if (targetY !== null) svg.append(element('line', { class: 'chart-target', x1: 0, x2: width, y1: targetY, y2: targetY }));
  let current = [];
  const flush = () => {
    if (current.length) svg.append(element('polyline', { class: 'chart-line', points: current.join(' ') }));
    current = [];
  };
  for (const p of points) {
    if (p) current.push(`${p.x},${p.y}`);
    else flush();
  }
  flush();
  const last = [...points].reverse().find(Boolean);
  if (last) svg.append(element('circle', { class: 'chart-dot', cx: last.x, cy: last.y, r: 2.5 }));
  svg.dataset.points = String(points.filter(Boolean).length);
  return svg;
}

/**
 * One KPI's daily values from a daily series (GET …/kpis/daily), oldest first, with today's
 * value replaced by the live one when given (a kpiChanged push is today's point).
 * @param {{ days: object[] } | null | undefined} series
 * @param {string} key a KpisResource key
 * @param {number | null | undefined} [liveToday]
 * @returns {(number | null)[]}
 */
export function dailyValues(series, key, liveToday) {
  const values = (series?.days ?? []).map((day) => day?.[key]?.value ?? null);
  if (values.length && liveToday !== undefined) values[values.length - 1] = liveToday ?? null;
  return values;
}

/**
 * The common vertical range of several series and a target: every known value and the target inside it.
 * @param {(number | null)[][]} seriesValues
 * @param {number | null} [target]
 * @returns {{ min: number, max: number }}
 */
export function sharedRange(seriesValues, target = null) {
  const known = seriesValues.flat().filter((v) => typeof v === 'number');
  if (typeof target === 'number') known.push(target);
  if (!known.length) return { min: 0, max: 1 };
  const min = Math.min(...known);
  const max = Math.max(...known);
  return min === max ? { min: min - 1, max: max + 1 } : { min, max };
}

/**
 * Several daily series on one chart (a team per line, one scale), each line of class `chart-line series-{i}`, and
 * the target dashed. The chart stretches to its box; the numbers are in the legend and the dots' titles.
 * @param {{ label: string, values: (number | null)[] }[]} series
 * @param {{ width: number, height: number, target?: number | null, labels?: string[], ariaLabel?: string, className?: string }} options
 */
export function multiLineChart(series, { width, height, target = null, labels = [], ariaLabel = '', className = 'chart trend-chart' }) {
  const range = sharedRange(series.map((s) => s.values), target);
  const svg = element('svg', { class: className, viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': ariaLabel });
  const targetY = typeof target === 'number' ? linePoints([], { width, height, target, range }).targetY : null;
  if (targetY !== null) svg.append(element('line', { class: 'chart-target', x1: 0, x2: width, y1: targetY, y2: targetY }));
  let drawn = 0;
  series.forEach((one, index) => {
    const { points } = linePoints(one.values, { width, height, range });
    let current = [];
    const flush = () => {
      if (current.length > 1) svg.append(element('polyline', { class: `chart-line series-${index}`, points: current.join(' ') }));
      current = [];
    };
    points.forEach((p, i) => {
      if (!p) { flush(); return; }
      current.push(`${p.x},${p.y}`);
      drawn += 1;
      const dot = element('circle', { class: `chart-dot series-${index}`, cx: p.x, cy: p.y, r: 1.6 });
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = `${one.label} ${labels[i] ?? ''} ${one.values[i]}`.replace(/\s+/g, ' ').trim();
      dot.append(title);
      svg.append(dot);
    });
    flush();
  });
  svg.dataset.points = String(drawn);
  svg.dataset.series = String(series.length);
  return svg;
}

/**
 * Bars of counts in a width×height box, side by side with a gap, scaled to the largest count (zero bars have no height).
 * @param {number[]} counts
 * @param {{ width: number, height: number, gap?: number }} box
 * @returns {{ x: number, y: number, width: number, height: number, count: number }[]}
 */
export function barLayout(counts, { width, height, gap = 2 }) {
  const max = Math.max(0, ...counts);
  const slot = counts.length ? width / counts.length : width;
  return counts.map((count, i) => {
    const h = max > 0 ? round((height * Math.max(0, count)) / max) : 0;
    return { x: round(i * slot + gap / 2), y: round(height - h), width: round(Math.max(0, slot - gap)), height: h, count };
  });
}

/**
 * A column chart of counts (e.g. breaches per hour of the day), a <title> per bar for its label and count.
 * @param {number[]} counts
 * @param {{ width: number, height: number, labels?: string[], ariaLabel?: string, className?: string }} options
 */
export function barChart(counts, { width, height, labels = [], ariaLabel = '', className = 'chart bar-chart' }) {
  const svg = element('svg', { class: className, viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': ariaLabel });
  barLayout(counts, { width, height }).forEach((bar, i) => {
    const rect = element('rect', { class: 'chart-bar', x: bar.x, y: bar.y, width: bar.width, height: bar.height });
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = `${labels[i] ?? ''} ${bar.count}`.trim();
    rect.append(title);
    svg.append(rect);
  });
  svg.dataset.bars = String(counts.filter((c) => c > 0).length);
  return svg;
}

/**
 * Shares of the largest count, in percent (0–100, one decimal), for bars drawn as HTML widths (labels stay text).
 * @param {number[]} counts
 */
export function barShares(counts) {
  const max = Math.max(0, ...counts);
  return counts.map((c) => (max > 0 ? round((100 * Math.max(0, c)) / max) : 0));
}

function element(name, attributes) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}
