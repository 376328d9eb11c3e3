// The manager view: /manager — department and team KPIs with trends, agent ranking, quarter snapshots.

import { t } from '../i18n.js';
import { syncServerClock } from '../clock.js';
import { getFloorBoard, getAgentScores, getScorecard } from '../api.js';
import { LiveConnection } from '../live.js';
import { setUpPage } from '../page.js';
import { KpiTable, trendWindows } from './kpiTable.js';
import { AgentRanking } from './ranking.js';
import { QuarterSection } from './quarterSection.js';

const query = new URLSearchParams(window.location.search);
const timeZone = query.get('tz')?.trim() || 'Asia/Shanghai';
const byId = (id) => document.getElementById(id);

const kpiTable = new KpiTable(byId('kpis'));
const ranking = new AgentRanking(byId('ranking'));
const quarters = new QuarterSection(byId('quarters'), byId('close-dialog'), timeZone);
let rankingWindow = 'today';

setUpPage({
  titleKey: 'manager.title',
  subtitle: () => t('manager.department'),
  relabel: () => {
    kpiTable.render();
    ranking.render();
    quarters.render();
    renderWindowButtons();
  },
  timeZone,
});

async function loadKpis() {
  const boards = await Promise.all(trendWindows.map((window) => getFloorBoard({ window })));
  kpiTable.load(Object.fromEntries(trendWindows.map((window, i) => [window, boards[i]])));
}

/** Today's scores come with the team boards; other windows need each agent's scorecard (a few at a time). */
async function loadRanking(window) {
  const today = await getAgentScores(null);
  if (window === 'today') return ranking.load(today, window);
  const scores = [];
  for (let i = 0; i < today.length; i += 8) {
    const batch = await Promise.all(today.slice(i, i + 8).map((agent) => getScorecard(agent.agentId, window)));
    scores.push(...batch.filter(Boolean).map((card, j) => ({ ...card, teamId: card.teamId ?? today[i + j].teamId })));
  }
  ranking.load(scores, window);
}

function renderWindowButtons() {
  for (const button of byId('ranking-windows').querySelectorAll('button')) {
    const selected = button.dataset.window === rankingWindow;
    button.setAttribute('aria-selected', String(selected));
    button.classList.toggle('is-selected', selected);
  }
}

byId('ranking-windows').addEventListener('click', (event) => {
  const choice = event.target.closest('button')?.dataset.window;
  if (!choice || choice === rankingWindow) return;
  rankingWindow = choice;
  renderWindowButtons();
  loadRanking(choice).catch((error) => console.warn(`[ranking] load failed: ${error.message}`));
});
renderWindowButtons();

// KPI pushes are per team and for one window; the department's figures and the other windows are
// reloaded from REST instead, at most once every few seconds on a busy floor.
let kpiReloadPending = false;
function scheduleKpiReload() {
  if (kpiReloadPending) return;
  kpiReloadPending = true;
  setTimeout(() => {
    loadKpis().catch((error) => console.warn(`[kpi] reload failed: ${error.message}`)).finally(() => { kpiReloadPending = false; });
  }, 3_000);
}
let rankingRenderPending = false;
function scheduleRankingRender() {
  if (rankingRenderPending) return;
  rankingRenderPending = true;
  setTimeout(() => {
    rankingRenderPending = false;
    ranking.render();
  }, 500);
}

const live = new LiveConnection({
  scopes: ['floor'],
  indicator: byId('live-indicator'),
  async resync() {
    await syncServerClock();
    await Promise.all([loadKpis(), loadRanking(rankingWindow), quarters.reload()]);
  },
  handlers: {
    kpiChanged() {
      scheduleKpiReload();
    },
    scoreChanged(scorecard) {
      if (ranking.upsert(scorecard)) scheduleRankingRender();
    },
    complaintChanged() {},
    slaWarning() {},
    slaBreached() {},
    escalated() {},
  },
});
live.start();
