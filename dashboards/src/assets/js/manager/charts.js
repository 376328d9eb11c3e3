// Charts of the manager view over the last 90 days: satisfaction and on-time (resolved within 48 h) per day, a line per
// team; complaints by category; breaches by hour of the day. Numbers stay in HTML text (legends, labels); the SVGs
// only draw, so a chart never cuts or overlaps text.

import { t, tOr } from '../i18n.js';
import { multiLineChart, barChart, barShares } from '../chart.js';
import { formatKpiValue } from '../kpis.js';

/** Days the charts cover (the longest daily series the server gives). */
export const chartDays = 90;

/** Trend charts: the KPI of the daily series each draws and its unit. */
const trends = [
  { key: 'satisfactionAverage10', unit: 'score10' },
  { key: 'resolvedWithin48hRate', unit: 'percent' },
];

/** The last known value of a series (newest first), or null. */
export function lastKnown(values) {
  for (let i = values.length - 1; i >= 0; i -= 1) if (typeof values[i] === 'number') return values[i];
  return null;
}

/** Hour labels under a 24-bar chart: every sixth hour, and the end of the day. */
export const hourTicks = ['00:00', '06:00', '12:00', '18:00', '24:00'];

export class ManagerCharts {
  /**
   * @param {HTMLElement} container
   * @param {(path: string) => Promise<any>} getJson
   */
  constructor(container, getJson) {
    this.container = container;
    this.getJson = getJson;
    this.trend = null;
    this.hours = null;
    this.categories = null;
  }

  async reload() {
    const [trend, hours, categories] = await Promise.all([
      this.getJson(`/api/floor/kpis/daily?days=${chartDays}`),
      this.getJson(`/api/floor/breaches/by-hour?days=${chartDays}`),
      this.getJson(`/api/floor/complaints/by-category?days=${chartDays}`),
    ]);
    Object.assign(this, { trend, hours, categories });
    this.render();
  }

  render() {
    if (!this.trend || !this.hours || !this.categories) return;
    this.container.replaceChildren(
      ...trends.map((entry) => this.trendFigure(entry)),
      this.categoryFigure(),
      this.hourFigure());
  }

  trendFigure({ key, unit }) {
    const scopes = [this.trend.floor, ...(this.trend.teams ?? [])];
    const series = scopes.map((scope) => ({
      label: scope.teamId === 'floor' ? t('manager.department') : t('manager.team', { team: scope.teamId }),
      values: (scope.days ?? []).map((day) => day?.[key]?.value ?? null),
    }));
    const days = this.trend.floor.days ?? [];
    const target = days.at(-1)?.[key]?.target ?? null;
    const title = t(`manager.chart.${key}`);
    const chart = multiLineChart(series, {
      width: 600, height: 160, target, labels: days.map((d) => d.date), ariaLabel: `${title} · ${t('kpi.trend', { days: days.length })}`,
    });
    const legend = document.createElement('ul');
    legend.className = 'chart-legend';
    series.forEach((one, index) => {
      const item = document.createElement('li');
      item.className = `series-${index}`;
      item.textContent = `${one.label} ${formatKpiValue(lastKnown(one.values), unit)}`;
      legend.append(item);
    });
    const note = target === null ? t('manager.chart.latest') : `${t('manager.chart.latest')} · ${t('kpi.target', { sign: '≥', target: formatKpiValue(target, unit) })}`;
    return figure(key, title, note, chart, axis([this.trend.floor.from, this.trend.floor.to]), legend);
  }

  categoryFigure() {
    const rows = this.categories.categories ?? [];
    const list = document.createElement('ol');
    list.className = 'category-bars';
    const shares = barShares(rows.map((r) => r.count));
    rows.forEach((row, i) => {
      const item = document.createElement('li');
      item.dataset.category = row.category;
      const name = document.createElement('span');
      name.className = 'category-name';
      name.textContent = tOr(`category.${row.category}`, row.category);
      const track = document.createElement('span');
      track.className = 'category-track';
      const bar = document.createElement('span');
      bar.className = 'category-bar';
      bar.style.width = `${shares[i]}%`;
      track.append(bar);
      const count = document.createElement('span');
      count.className = 'category-count';
      count.textContent = String(row.count);
      item.append(name, track, count);
      list.append(item);
    });
    const body = rows.length ? list : empty(t('manager.chart.noComplaints'));
    return figure('categories', t('manager.chart.categories'), t('manager.chart.total', { count: this.categories.total }), body);
  }

  hourFigure() {
    const hours = this.hours.hours ?? [];
    const labels = hours.map((_, h) => `${String(h).padStart(2, '0')}:00`);
    const title = t('manager.chart.byHour');
    const chart = barChart(hours, { width: 480, height: 120, labels, ariaLabel: title });
    const body = this.hours.total ? chart : empty(t('manager.chart.noBreaches'));
    return figure('byHour', title, t('manager.chart.total', { count: this.hours.total }), body, this.hours.total ? axis(hourTicks) : null);
  }
}

function figure(kind, title, note, ...parts) {
  const node = document.createElement('figure');
  node.className = 'chart-card';
  node.dataset.chart = kind;
  const caption = document.createElement('figcaption');
  const heading = document.createElement('span');
  heading.className = 'chart-title';
  heading.textContent = title;
  const detail = document.createElement('span');
  detail.className = 'chart-note';
  detail.textContent = note;
  caption.append(heading, detail);
  node.append(caption, ...parts.filter(Boolean));
  return node;
}

function axis(ticks) {
  const row = document.createElement('div');
  row.className = 'chart-axis';
  for (const tick of ticks) {
    const span = document.createElement('span');
    span.textContent = tick;
    row.append(span);
  }
  return row;
}

function empty(text) {
  const p = document.createElement('p');
  p.className = 'chart-empty';
  p.textContent = text;
  return p;
}
