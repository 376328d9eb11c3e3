// Department and team KPIs: one row per KPI, one column per team (department first); each cell
// shows today's value, met/missed in words, and a sparkline of its daily values over the last
// days (GET /api/floor/kpis/daily). Today's value and point follow the kpiChanged pushes.

import { t } from '../i18n.js';
import { kpiCatalog, kpiStatus, formatKpiValue, goalSign } from '../kpis.js';
import { sparkline, dailyValues } from '../chart.js';

export class KpiTable {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    /** @type {object | null} today's GET /api/floor/board answer */
    this.board = null;
    /** @type {object | null} GET /api/floor/kpis/daily answer ({ floor, teams }) */
    this.trend = null;
    /** @type {Map<string, object>} team id (or "floor") → today's KPIs pushed since the load */
    this.live = new Map();
  }

  /** @param {object} board today's floor board @param {object | null} trend the floor's daily series */
  load(board, trend) {
    this.board = board;
    this.trend = trend;
    this.live.clear();
    this.render();
  }

  /** Applies a kpiChanged push (a team's or the floor's, today); false when it is for another window. */
  applyToday(kpis) {
    if (!kpis?.teamId || kpis.window !== 'today') return false;
    this.live.set(kpis.teamId, kpis);
    return true;
  }

  render() {
    const today = this.board;
    if (!today) return;
    const todayOf = (id) => this.live.get(id) ?? (id === 'floor' ? today.floor : today.teams.find((x) => x.teamId === id));
    const trendOf = (id) => (id === 'floor' ? this.trend?.floor : this.trend?.teams?.find((x) => x.teamId === id));
    const columns = [{ id: 'floor', label: t('manager.department') },
      ...today.teams.map((team) => ({ id: team.teamId, label: t('manager.team', { team: team.teamId }) }))];
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
      const kpiToday = todayOf('floor')?.[entry.key];
      const target = document.createElement('span');
      target.className = 'kpi-target';
      target.textContent = kpiToday?.target === null || kpiToday?.target === undefined
        ? t('kpi.noTarget') : t('kpi.target', { sign: goalSign(kpiToday), target: formatKpiValue(kpiToday.target, entry.unit) });
      name.append(target);
      row.append(name);
      for (const column of columns) {
        const kpi = todayOf(column.id)?.[entry.key] ?? null;
        const status = kpiStatus(kpi);
        const td = cell('td', '', { team: column.id, status });
        td.className = `kpi-cell kpi-${status}`;
        const value = document.createElement('span');
        value.className = 'kpi-value';
        value.textContent = formatKpiValue(kpi?.value ?? null, entry.unit);
        const label = document.createElement('span');
        label.className = 'kpi-status';
        label.textContent = t(`kpi.status.${status}`);
        td.append(value, label);
        const series = trendOf(column.id);
        // Follow-up coverage is quarter to date by definition: it has no daily series.
        if (series?.days?.length && series.days[0][entry.key] !== undefined) {
          td.append(sparkline(dailyValues(series, entry.key, kpi?.value ?? null), {
            width: 96, height: 30, target: kpi?.target ?? null, className: 'sparkline kpi-chart', ariaLabel: `${t(`kpi.${entry.key}`)} · ${t('kpi.trend', { days: series.days.length })}`,
          }));
        }
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
