// The floor's case clock KPIs (claims, follow-ups): one row per clock, one column per window, each cell the met share
// and its counts (GET /api/floor/case-kpis?window=…). A caseKpiChanged push of the floor replaces all three windows.

import { t, tOr } from '../i18n.js';
import { formatKpiValue } from '../kpis.js';
import { caseKpiWindows as windows, caseKpisPath } from '../caseKpis.js';

export class CaseKpiTable {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    /** @type {Map<string, { clock: string, met: number, breached: number, rate: number | null }[]>} window → KPIs */
    this.byWindow = new Map();
  }

  /** @param {Map<string, object[]>} byWindow the REST answers' kpis by window */
  load(byWindow) {
    this.byWindow = byWindow;
    this.render();
  }

  /** Applies a caseKpiChanged push; false when it is a team's (this table is the floor's). */
  apply(payload) {
    if (payload?.teamId !== 'floor') return false;
    this.byWindow = new Map(windows.map(({ window, pushed }) => [window, payload[pushed] ?? []]));
    return true;
  }

  render() {
    const clocks = [...new Set(windows.flatMap(({ window }) => (this.byWindow.get(window) ?? []).map((kpi) => kpi.clock)))].sort();
    if (clocks.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'case-kpis-empty';
      empty.textContent = t('manager.caseKpisEmpty');
      this.container.replaceChildren(empty);
      return;
    }
    const table = document.createElement('table');
    table.className = 'kpi-table case-kpi-table';
    const head = table.createTHead().insertRow();
    head.append(cell('th', ''));
    for (const { window } of windows) head.append(cell('th', t(`score.window.${window}`), { window }));
    const body = table.createTBody();
    for (const clock of clocks) {
      const row = body.insertRow();
      row.dataset.clock = clock;
      const name = cell('th', tOr(`caseClock.${clock}`, clock));
      name.scope = 'row';
      row.append(name);
      for (const { window } of windows) {
        const kpi = (this.byWindow.get(window) ?? []).find((k) => k.clock === clock);
        const td = cell('td', '', { window });
        td.className = 'kpi-cell';
        const value = document.createElement('span');
        value.className = 'kpi-value';
        value.textContent = formatKpiValue(kpi?.rate ?? null, 'percent');
        const counts = document.createElement('span');
        counts.className = 'kpi-status';
        counts.textContent = kpi ? t('manager.caseKpiCounts', { met: kpi.met, total: kpi.met + kpi.breached }) : '';
        td.append(value, counts);
        row.append(td);
      }
    }
    this.container.replaceChildren(table);
  }
}

/** The REST answers of every window, as {@link CaseKpiTable.load} takes them. */
export async function loadFloorCaseKpis(getJson) {
  const answers = await Promise.all(windows.map(({ window }) => getJson(caseKpisPath(null, window))));
  return new Map(windows.map(({ window }, i) => [window, answers[i].kpis ?? []]));
}

function cell(tag, text, data = {}) {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [key, value] of Object.entries(data)) node.dataset[key] = value;
  return node;
}
