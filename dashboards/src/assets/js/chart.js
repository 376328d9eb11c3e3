// Small hand-drawn SVG charts (no chart library): a line of values with an optional target line.
// The geometry is pure and unit-tested; the DOM part only turns it into elements.

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * Points of a line chart in a width×height box with padding; null values leave gaps (no point).
 * The vertical range covers every value and the target, so the target line is always inside.
 * @param {(number | null)[]} values
 * @param {{ width: number, height: number, padding?: number, target?: number | null }} box
 * @returns {{ points: ({ x: number, y: number } | null)[], targetY: number | null, min: number, max: number }}
 */
export function linePoints(values, { width, height, padding = 4, target = null }) {
  const known = values.filter((v) => typeof v === 'number');
  if (typeof target === 'number') known.push(target);
  let min = known.length ? Math.min(...known) : 0;
  let max = known.length ? Math.max(...known) : 1;
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

function element(name, attributes) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}
