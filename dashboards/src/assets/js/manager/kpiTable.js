// Department and team KPIs: one row per KPI, one column per team (department first); each cell
// shows today's value, met/missed in words, and a small chart over quarter to date, 7 days and today.

import { t } from '../i18n.js';
import { kpiCatalog, kpiStatus, formatKpiValue, goalSign } from '../kpis.js';
import { lineChart } from '../chart.js';

/** Left to right on every chart: the longest window first, so "today" is the newest point. */
export const trendWindows = ['qtd', '7d', 'today'];

export class KpiTable {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    /** @type {Record<string, object>} window → FloorBoard */
    this.boards = {};
  }

  /** @param {Record<string, object>} boards window → GET /api/floor/board answer */
  load(boards) {
    this.boards = boards;
    this.render();
  }

  render() {
    const today = this.boards.today;
    if (!today) return;
    const columns = [{ id: 'floor', label: t('manager.department'), pick: (board) => board?.floor },
      ...today.teams.map((team) => ({ id: team.teamId, label: t('manager.team', { team: team.teamId }), pick: (board) => board?.teams.find((x) => x.teamId === team.teamId) }))];
    const table = document.createElement('table');
    table.className = 'kpi-table';
    const head = table.createTHead().insertRow();
    head.append(cell('th', ''));
    for (const column of columns) head.append(cell('th', column.label, { team: column.id }));
    const body = table.createTBody();
    for (const entry of kpiCatalog) {
      const row = body.insertRow();
      row.dataset.kpi = entry.key;
      const name = cell('th', t(`kpi.${entry.key}`));
      name.scope = 'row';
      const kpiToday = today.floor[entry.key];
      const target = document.createElement('span');
      target.className = 'kpi-target';
      target.textContent = kpiToday?.target === null || kpiToday?.target === undefined
        ? t('kpi.noTarget') : t('kpi.target', { sign: goalSign(kpiToday), target: formatKpiValue(kpiToday.target, entry.unit) });
      name.append(target);
      row.append(name);
      for (const column of columns) {
        const kpi = column.pick(today)?.[entry.key] ?? null;
        const status = kpiStatus(kpi);
        const td = cell('td', '', { team: column.id, status });
        td.className = `kpi-cell kpi-${status}`;
        const value = document.createElement('span');
        value.className = 'kpi-value';
        value.textContent = formatKpiValue(kpi?.value ?? null, entry.unit);
        const label = document.createElement('span');
        label.className = 'kpi-status';
        label.textContent = t(`kpi.status.${status}`);
        const series = trendWindows.map((w) => column.pick(this.boards[w])?.[entry.key]?.value ?? null);
        const chart = lineChart(series, {
          width: 96, height: 34, target: kpi?.target ?? null, className: 'chart kpi-chart',
          labels: trendWindows.map((w) => t(`score.window.${w}`)), ariaLabel: t(`kpi.${entry.key}`),
        });
        td.append(value, label, chart);
        row.append(td);
      }
    }
    this.container.replaceChildren(table);
  }
}

function cell(tag, text, data = {}) {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [key, value] of Object.entries(data)) node.dataset[key] = value;
  return node;
}
