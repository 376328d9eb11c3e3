// The agent ranking: every agent's total and dimension scores in the chosen window, sortable by any column.

import { t, tOr } from '../i18n.js';
import { formatScore, totalBand } from '../score.js';
import { bandChip } from '../scoreView.js';
import { sortRows, nextSort } from '../table.js';
import { localLabel } from '../agent/scorecard.js';

export class AgentRanking {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    /** @type {Map<string, object>} agent id → score (summary or scorecard) with teamId */
    this.agents = new Map();
    this.window = 'today';
    this.sort = { column: 'total', direction: 'desc' };
    /** Dimension ids and labels, from the first full scorecard seen (summaries carry ids only). */
    this.dimensionLabels = new Map();
    /** The edges that grade totals (from the floor board), for pushed scorecards that carry no band. */
    this.edges = null;
  }

  /** @param {object[]} scores @param {string} window */
  load(scores, window) {
    this.window = window;
    this.agents.clear();
    for (const score of scores) this.agents.set(score.agentId, score);
    this.render();
  }

  /** A scoreChanged push: applied when it is for the window on screen. */
  upsert(scorecard) {
    if (scorecard?.window !== this.window) return false;
    this.agents.set(scorecard.agentId, scorecard);
    return true;
  }

  dimensionIds() {
    const ids = [];
    for (const agent of this.agents.values()) {
      for (const d of agent.dimensions ?? []) {
        if (!ids.includes(d.id)) ids.push(d.id);
        if (d.label) this.dimensionLabels.set(d.id, d.label);
      }
    }
    return ids;
  }

  render() {
    const dimensionIds = this.dimensionIds();
    const rankOf = new Map(sortRows([...this.agents.values()], (a) => a.total, 'desc', (a) => a.agentId)
      .map((agent, index) => [agent.agentId, agent.total === null || agent.total === undefined ? null : index + 1]));
    const columns = [
      { id: 'rank', label: t('manager.col.rank'), value: (a) => rankOf.get(a.agentId), natural: 'asc', numeric: true },
      { id: 'agent', label: t('manager.col.agent'), value: (a) => a.agentId, natural: 'asc' },
      { id: 'team', label: t('manager.col.team'), value: (a) => a.teamId ?? null, natural: 'asc' },
      { id: 'total', label: t('manager.col.total'), value: (a) => a.total, natural: 'desc', numeric: true },
      ...dimensionIds.map((id) => ({
        id: `dim:${id}`, label: localLabel(this.dimensionLabels.get(id), tOr(`dimension.${id}`, id)),
        value: (a) => a.dimensions?.find((d) => d.id === id)?.score ?? null, natural: 'desc', numeric: true,
      })),
      { id: 'covered', label: t('manager.col.covered'), value: (a) => a.coveredDimensions?.length ?? 0, natural: 'desc', numeric: true },
    ];
    const column = columns.find((c) => c.id === this.sort.column) ?? columns[3];
    const rows = sortRows([...this.agents.values()], column.value, this.sort.direction, (a) => a.agentId);

    const table = document.createElement('table');
    table.className = 'data-table ranking-table';
    const head = table.createTHead().insertRow();
    for (const c of columns) {
      const th = document.createElement('th');
      th.dataset.column = c.id;
      // A header sits over its numbers: right-aligned above right-aligned columns.
      if (c.numeric) th.className = 'is-num';
      th.setAttribute('aria-sort', c.id === column.id ? (this.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.textContent = c.label;
      button.addEventListener('click', () => {
        this.sort = nextSort(this.sort, c.id, c.natural);
        this.render();
      });
      th.append(button);
      head.append(th);
    }
    const body = table.createTBody();
    for (const agent of rows) {
      const row = body.insertRow();
      row.dataset.agentId = agent.agentId;
      const rank = row.insertCell();
      rank.className = 'num';
      rank.textContent = rankOf.get(agent.agentId) ?? '—';
      row.insertCell().textContent = agent.agentId;
      row.insertCell().textContent = agent.teamId ?? '—';
      const total = row.insertCell();
      total.className = 'num total';
      total.textContent = formatScore(agent.total);
      const band = totalBand(agent, this.edges);
      if (band) total.append(' ', bandChip(band));
      for (const id of dimensionIds) {
        const td = row.insertCell();
        td.className = 'num';
        const score = agent.dimensions?.find((d) => d.id === id)?.score ?? null;
        td.textContent = score === null ? t('score.noData') : formatScore(score);
        if (score === null) td.classList.add('is-empty');
      }
      const covered = row.insertCell();
      covered.className = 'num';
      covered.textContent = `${agent.coveredDimensions?.length ?? 0}/${dimensionIds.length}`;
    }
    if (rows.length === 0) {
      const empty = body.insertRow().insertCell();
      empty.colSpan = columns.length;
      empty.className = 'is-empty';
      empty.textContent = t('manager.rankingEmpty');
    }
    this.container.replaceChildren(table);
  }
}
