// The quarter section of the manager view (issue 7): quarter list with status, close with
// confirmation, the frozen snapshot (sortable, bands coloured and labelled), team ranking,
// an agent's final score across quarters, CSV download. When the server has no quarter
// endpoints it says so and shows nothing else: never made-up figures.

import { download } from '../auth.js';
import { t } from '../i18n.js';
import { formatScore, scoreBands } from '../score.js';
import { bandChip } from '../scoreView.js';
import { sortRows, nextSort } from '../table.js';
import { lineChart } from '../chart.js';
import { loadQuarters, closeQuarter, loadSnapshot, loadAgentQuarters, snapshotCsvUrl, snapshotRows, snapshotDimensionIds, teamRanking } from '../quarters.js';
import { tOr } from '../i18n.js';

export class QuarterSection {
  /**
   * @param {HTMLElement} container
   * @param {HTMLDialogElement} dialog the close confirmation
   * @param {string} timeZone
   */
  constructor(container, dialog, timeZone) {
    this.container = container;
    this.dialog = dialog;
    this.timeZone = timeZone;
    this.state = { kind: 'loading' };
    this.snapshot = null;
    this.sort = { column: 'finalScore', direction: 'desc' };
    this.trendAgent = null;
    this.trend = null;
    this.message = null;
  }

  async reload() {
    try {
      const answer = await loadQuarters();
      this.state = answer.available ? { kind: 'ready', quarters: answer.quarters } : { kind: 'unavailable' };
    } catch (error) {
      this.state = { kind: 'failed', reason: error.message };
    }
    this.render();
  }

  async openSnapshot(quarter) {
    this.snapshot = await loadSnapshot(quarter);
    this.trendAgent = null;
    this.trend = null;
    this.render();
  }

  async askToClose(quarter) {
    const dialog = this.dialog;
    dialog.querySelector('.dialog-title').textContent = t('quarters.confirmTitle', { quarter });
    dialog.querySelector('.dialog-text').textContent = t('quarters.confirmText');
    dialog.querySelector('[value=confirm]').textContent = t('quarters.confirm');
    dialog.querySelector('[value=cancel]').textContent = t('quarters.cancel');
    dialog.returnValue = '';
    dialog.showModal();
    await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    if (dialog.returnValue !== 'confirm') return;
    const answer = await closeQuarter(quarter);
    if (answer.ok) {
      this.message = null;
      this.snapshot = answer.snapshot;
      await this.reload();
    } else {
      this.message = t('quarters.closeRefused', { quarter, detail: answer.detail ?? String(answer.status) });
      this.render();
    }
  }

  async showTrend(agentId) {
    this.trendAgent = agentId;
    this.trend = await loadAgentQuarters(agentId);
    this.render();
  }

  render() {
    const parts = [];
    if (this.state.kind === 'unavailable') {
      parts.push(notice('quarters.unavailable', 'quarters-unavailable'));
    } else if (this.state.kind === 'failed') {
      parts.push(notice('quarters.loadFailed', 'quarters-failed', { reason: this.state.reason }));
    } else if (this.state.kind === 'ready') {
      if (this.message) parts.push(notice(null, 'quarters-message', {}, this.message));
      parts.push(this.quarterList());
      if (this.snapshot) parts.push(this.snapshotView());
    }
    this.container.replaceChildren(...parts);
  }

  quarterList() {
    const { quarters } = this.state;
    if (quarters.length === 0) return notice('quarters.empty', 'quarters-empty');
    const table = document.createElement('table');
    table.className = 'data-table quarter-list';
    const head = table.createTHead().insertRow();
    for (const key of ['quarter', 'status', 'closedAt', 'hash']) head.append(th(t(`quarters.col.${key}`)));
    head.append(th(''));
    const body = table.createTBody();
    for (const q of quarters) {
      const row = body.insertRow();
      row.dataset.quarter = q.quarter;
      row.dataset.status = q.status;
      row.insertCell().textContent = q.quarter;
      const status = row.insertCell();
      const chip = document.createElement('span');
      chip.className = `quarter-status quarter-${q.status}`;
      chip.textContent = tOr(`quarters.status.${q.status}`, q.status);
      status.append(chip);
      row.insertCell().textContent = q.closedAt ? new Date(q.closedAt).toLocaleString(document.documentElement.lang, { timeZone: this.timeZone }) : '—';
      const hash = row.insertCell();
      hash.className = 'hash';
      hash.textContent = q.hash ? `${q.hash.slice(0, 12)}…` : '—';
      if (q.hash) hash.title = q.hash;
      const actions = row.insertCell();
      actions.className = 'actions';
      if (q.status === 'closable') actions.append(button(t('quarters.close'), 'close-quarter', () => this.askToClose(q.quarter)));
      if (q.status === 'closed') {
        actions.append(button(t('quarters.view'), 'view-snapshot', () => this.openSnapshot(q.quarter)));
        const csv = document.createElement('a');
        csv.className = 'small-button csv-download';
        csv.href = snapshotCsvUrl(q.quarter);
        csv.download = `snapshot-${q.quarter}.csv`;
        // A link cannot send the token: fetch the file with it instead.
        csv.addEventListener('click', (event) => {
          event.preventDefault();
          download(csv.href, csv.download);
        });
        csv.textContent = t('quarters.csv');
        actions.append(csv);
      }
    }
    return table;
  }

  snapshotView() {
    const snapshot = this.snapshot;
    const section = document.createElement('div');
    section.className = 'snapshot';
    section.dataset.quarter = snapshot.quarter;
    const title = document.createElement('h3');
    title.textContent = t('quarters.snapshotOf', { quarter: snapshot.quarter });
    const meta = document.createElement('p');
    meta.className = 'snapshot-meta';
    meta.textContent = [`SHA-256 ${snapshot.hash ?? '—'}`, t('quarters.lateEvents', { count: snapshot.lateEvents ?? 0 })].join(' · ');
    section.append(title, meta, this.snapshotTable(), this.teamTable(), this.trendView());
    return section;
  }

  snapshotTable() {
    const dimensionIds = snapshotDimensionIds(this.snapshot);
    const columns = [
      { id: 'agentId', label: t('manager.col.agent'), value: (r) => r.agentId, natural: 'asc' },
      { id: 'teamId', label: t('manager.col.team'), value: (r) => r.teamId, natural: 'asc' },
      ...dimensionIds.map((id) => ({ id: `dim:${id}`, label: tOr(`dimension.${id}`, id), value: (r) => r.dimensions[id], natural: 'desc' })),
      { id: 'selfTotal', label: t('quarters.col.self'), value: (r) => r.selfTotal, natural: 'desc' },
      { id: 'supervisorTotal', label: t('quarters.col.supervisor'), value: (r) => r.supervisorTotal, natural: 'desc' },
      { id: 'finalScore', label: t('quarters.col.final'), value: (r) => r.finalScore, natural: 'desc' },
      { id: 'bonusCoefficient', label: t('quarters.col.bonus'), value: (r) => r.bonusCoefficient, natural: 'desc' },
      { id: 'rankInTeam', label: t('quarters.col.rankTeam'), value: (r) => r.rankInTeam, natural: 'asc' },
      { id: 'rankOnFloor', label: t('quarters.col.rankFloor'), value: (r) => r.rankOnFloor, natural: 'asc' },
      { id: 'bands', label: t('quarters.col.bands'), value: (r) => r.indicators.filter((i) => i.band === 'fail').length, natural: 'asc' },
    ];
    const column = columns.find((c) => c.id === this.sort.column) ?? columns[0];
    const rows = sortRows(snapshotRows(this.snapshot), column.value, this.sort.direction, (r) => r.agentId);
    const table = document.createElement('table');
    table.className = 'data-table snapshot-table';
    const head = table.createTHead().insertRow();
    for (const c of columns) {
      const header = th('');
      header.dataset.column = c.id;
      header.setAttribute('aria-sort', c.id === column.id ? (this.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none');
      header.append(button(c.label, 'sort-button', () => {
        this.sort = nextSort(this.sort, c.id, c.natural);
        this.render();
      }));
      head.append(header);
    }
    const body = table.createTBody();
    for (const r of rows) {
      const row = body.insertRow();
      row.dataset.agentId = r.agentId;
      const agent = row.insertCell();
      agent.append(button(r.agentId, 'link-button', () => this.showTrend(r.agentId)));
      row.insertCell().textContent = r.teamId ?? '—';
      for (const id of dimensionIds) numberCell(row, r.dimensions[id]);
      numberCell(row, r.selfTotal);
      numberCell(row, r.supervisorTotal);
      numberCell(row, r.finalScore).classList.add('total');
      numberCell(row, r.bonusCoefficient, (v) => v.toFixed(2));
      numberCell(row, r.rankInTeam, String);
      numberCell(row, r.rankOnFloor, String);
      const bands = row.insertCell();
      bands.className = 'bands';
      for (const band of scoreBands) {
        const count = r.indicators.filter((i) => i.band === band).length;
        if (count > 0) bands.append(bandChip(band, `×${count}`));
      }
    }
    return table;
  }

  teamTable() {
    const wrap = document.createElement('div');
    wrap.className = 'team-ranking';
    const title = document.createElement('h4');
    title.textContent = t('quarters.teamRanking');
    const list = document.createElement('ol');
    for (const team of teamRanking(this.snapshot)) {
      const item = document.createElement('li');
      item.dataset.teamId = team.teamId;
      const mean = team.meanFinalScore === null || team.meanFinalScore === undefined ? '' : ` · ${formatScore(team.meanFinalScore)}`;
      item.textContent = `${team.rank ?? '—'}. ${t('manager.team', { team: team.teamId })}${mean}`;
      list.append(item);
    }
    wrap.append(title, list);
    return wrap;
  }

  trendView() {
    const wrap = document.createElement('div');
    wrap.className = 'agent-trend';
    if (!this.trendAgent) {
      wrap.textContent = t('quarters.pickAgent');
      return wrap;
    }
    const title = document.createElement('h4');
    title.textContent = t('quarters.agentTrend', { agent: this.trendAgent });
    wrap.append(title);
    if (!this.trend?.length) {
      wrap.append(t('quarters.noHistory', { agent: this.trendAgent }));
      return wrap;
    }
    const labels = this.trend.map((q) => q.quarter);
    wrap.append(lineChart(this.trend.map((q) => q.finalScore ?? null), { width: 360, height: 120, labels, className: 'chart trend-chart', ariaLabel: title.textContent }));
    const axis = document.createElement('p');
    axis.className = 'trend-axis';
    axis.textContent = this.trend.map((q) => `${q.quarter}: ${formatScore(q.finalScore)}`).join(' · ');
    wrap.append(axis);
    return wrap;
  }
}

function notice(key, className, params = {}, text = null) {
  const p = document.createElement('p');
  p.className = `notice ${className}`;
  p.textContent = text ?? t(key, params);
  return p;
}

function th(text) {
  const node = document.createElement('th');
  node.textContent = text;
  return node;
}

function button(text, className, onClick) {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = className === 'sort-button' || className === 'link-button' ? className : `small-button ${className}`;
  node.textContent = text;
  node.addEventListener('click', onClick);
  return node;
}

function numberCell(row, value, format = formatScore) {
  const cell = row.insertCell();
  cell.className = 'num';
  cell.textContent = value === null || value === undefined ? '—' : format(value);
  return cell;
}
