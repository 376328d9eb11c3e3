// Why breaches happened (GET /api/floor/breach-causes): explained breaches of the chosen window per team and per agent,
// one column per configured reason. A breachCausesChanged push reloads the window shown.

import { t, tOr } from '../i18n.js';

export class BreachCauseSection {
  /**
   * @param {HTMLElement} container
   * @param {(path: string) => Promise<any>} getJson
   */
  constructor(container, getJson) {
    this.container = container;
    this.getJson = getJson;
    this.window = 'today';
    /** @type {string[]} configured reason codes, in order */
    this.reasons = [];
    /** @type {any} the last answer */
    this.summary = null;
  }

  /** Loads the reasons and the explained breaches of the current window, then renders. */
  async reload() {
    const [reasons, summary] = await Promise.all([
      this.getJson('/api/breach-causes/reasons'),
      this.getJson(`/api/floor/breach-causes?window=${encodeURIComponent(this.window)}`),
    ]);
    this.reasons = reasons.reasons ?? [];
    this.summary = summary;
    this.render();
  }

  render() {
    const summary = this.summary;
    if (!summary) return;
    if (!summary.total) {
      const empty = document.createElement('p');
      empty.className = 'breach-causes-empty';
      empty.textContent = t('manager.breachCausesEmpty');
      this.container.replaceChildren(empty);
      return;
    }
    this.container.replaceChildren(
      this.table('team', t('manager.col.team'), summary.teams, (row) => t('manager.team', { team: row.id || '—' })),
      this.table('agent', t('manager.col.agent'), summary.agents, (row) => (row.teamId ? `${row.id || '—'} · ${row.teamId}` : row.id || '—')));
  }

  table(kind, title, rows, label) {
    const table = document.createElement('table');
    table.className = 'kpi-table breach-cause-table';
    table.dataset.by = kind;
    const head = table.createTHead().insertRow();
    head.append(cell('th', title), cell('th', t('manager.breachCausesTotal')));
    for (const reason of this.reasons) head.append(cell('th', tOr(`breachReason.${reason}`, reason), { reason }));
    const body = table.createTBody();
    for (const row of rows ?? []) {
      const tr = body.insertRow();
      tr.dataset[kind] = row.id;
      const name = cell('th', label(row));
      name.scope = 'row';
      tr.append(name, cell('td', String(row.total), { reason: 'total' }));
      for (const reason of this.reasons) tr.append(cell('td', String(row.reasons?.[reason] ?? 0), { reason }));
    }
    return table;
  }
}

function cell(tag, text, data = {}) {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [key, value] of Object.entries(data)) node.dataset[key] = value;
  return node;
}
