// 绩效公示: the published figures of a closed quarter (/publication.html?quarter=2026Q3), laid out to print. Only what
// is published: team competition ranks and agents' final scores and ranks by agent id; no bonus, no customer data
// (a snapshot holds none).

import { t } from '../i18n.js';
import { getJson } from '../api.js';
import { setUpPage } from '../page.js';
import { formatScore } from '../score.js';

const query = new URLSearchParams(window.location.search);
const quarter = query.get('quarter')?.trim() ?? '';
const timeZone = query.get('tz')?.trim() || 'Asia/Shanghai';
const byId = (id) => document.getElementById(id);
let teams = null;
let ranking = null;
let failure = null;

/** Rows of the agent table: ranked agents by floor rank; agents without a final score are not published. */
export function publishedAgents(items) {
  return (items ?? []).filter((a) => a.finalScore !== null && a.finalScore !== undefined && a.rankOnFloor !== null && a.rankOnFloor !== undefined);
}

function render() {
  byId('publication-title').textContent = t('publication.heading', { quarter });
  if (failure) {
    const p = document.createElement('p');
    p.className = 'publication-missing';
    p.textContent = t('publication.missing', { quarter });
    byId('teams').replaceChildren(p);
    byId('agents').replaceChildren();
    return;
  }
  if (teams) {
    byId('teams').replaceChildren(table(['publication.col.rank', 'publication.col.team', 'publication.col.mean', 'publication.col.agents'],
      teams.items.map((x) => [x.rank ?? '—', x.teamId, formatScore(x.meanFinalScore), String(x.agents)]), [0, 2, 3]));
  }
  if (ranking) {
    byId('agents').replaceChildren(table(['publication.col.rank', 'publication.col.agent', 'publication.col.team', 'publication.col.final', 'publication.col.rankInTeam'],
      publishedAgents(ranking.items).map((x) => [String(x.rankOnFloor), x.agentId, x.teamId ?? '—', formatScore(x.finalScore), String(x.rankInTeam ?? '—')]), [0, 3, 4]));
  }
}

function table(headers, rows, numeric) {
  const node = document.createElement('table');
  node.className = 'kpi-table publication-table';
  const head = node.createTHead().insertRow();
  headers.forEach((key, i) => {
    const th = document.createElement('th');
    th.textContent = t(key);
    if (numeric.includes(i)) th.className = 'num';
    head.append(th);
  });
  const body = node.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const td = tr.insertCell();
      td.textContent = String(value);
      if (numeric.includes(i)) td.className = 'num';
    });
  }
  return node;
}

setUpPage({ titleKey: 'publication.title', subtitle: () => quarter, relabel: render, timeZone });
byId('print').addEventListener('click', () => window.print());

try {
  [teams, ranking] = await Promise.all([
    getJson(`/api/quarters/${encodeURIComponent(quarter)}/teams`),
    getJson(`/api/quarters/${encodeURIComponent(quarter)}/ranking`),
  ]);
} catch (error) {
  failure = error;
}
render();
document.body.dataset.state = failure ? 'missing' : 'ready';
