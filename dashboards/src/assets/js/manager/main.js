// The manager view: /manager — department and team KPIs with trends, agent ranking, quarter snapshots.

import { t } from '../i18n.js';
import { syncServerClock } from '../clock.js';
import { getFloorBoard, getBoard, getDailyKpis, getJson } from '../api.js';
import { LiveConnection } from '../live.js';
import { setUpPage } from '../page.js';
import { KpiTable } from './kpiTable.js';
import { AgentRanking } from './ranking.js';
import { QuarterSection } from './quarterSection.js';
import { CaseKpiTable, loadFloorCaseKpis } from './caseKpis.js';
import { BreachCauseSection } from './breachCauses.js';
import { ManagerCharts } from './charts.js';
import { ReportList } from './reports.js';

const query = new URLSearchParams(window.location.search);
const timeZone = query.get('tz')?.trim() || 'Asia/Shanghai';
const byId = (id) => document.getElementById(id);

const kpiTable = new KpiTable(byId('kpis'));
const ranking = new AgentRanking(byId('ranking'));
const caseKpis = new CaseKpiTable(byId('case-kpis'));
const breachCauses = new BreachCauseSection(byId('breach-causes'), getJson);
const charts = new ManagerCharts(byId('charts'), getJson);
const reports = new ReportList(byId('reports'), getJson);
const quarters = new QuarterSection(byId('quarters'), byId('close-dialog'), timeZone);
let rankingWindow = 'today';

setUpPage({
  titleKey: 'manager.title',
  subtitle: () => t('manager.department'),
  relabel: () => {
    kpiTable.render();
    caseKpis.render();
    breachCauses.render();
    ranking.render();
    charts.render();
    reports.render();
    quarters.render();
    renderWindowButtons();
    renderCauseWindowButtons();
  },
  timeZone,
});

// Days on the KPI sparklines.
const trendDays = 14;

async function loadKpis() {
  const [board, trend] = await Promise.all([getFloorBoard(), getDailyKpis(null, trendDays)]);
  kpiTable.load(board, trend);
}

async function loadCaseKpis() {
  caseKpis.load(await loadFloorCaseKpis(getJson));
}

/** The floor board lists every agent's score over the window, with its team and band. */
async function loadRanking(window) {
  const { agents, totalBands } = await getBoard(null, window);
  ranking.edges = totalBands ?? ranking.edges;
  ranking.load(agents, window);
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

function renderCauseWindowButtons() {
  for (const button of byId('breach-cause-windows').querySelectorAll('button')) {
    const selected = button.dataset.window === breachCauses.window;
    button.setAttribute('aria-selected', String(selected));
    button.classList.toggle('is-selected', selected);
  }
}

byId('breach-cause-windows').addEventListener('click', (event) => {
  const choice = event.target.closest('button')?.dataset.window;
  if (!choice || choice === breachCauses.window) return;
  breachCauses.window = choice;
  renderCauseWindowButtons();
  breachCauses.reload().catch((error) => console.warn(`[breach causes] load failed: ${error.message}`));
});
renderCauseWindowButtons();

// A burst of explanations costs one reload.
let causeReloadPending = false;
function scheduleCauseReload() {
  if (causeReloadPending) return;
  causeReloadPending = true;
  setTimeout(() => {
    breachCauses.reload().catch((error) => console.warn(`[breach causes] reload failed: ${error.message}`)).finally(() => { causeReloadPending = false; });
  }, 500);
}

// KPI pushes (every team's and the floor's own, today) update the table in place; a burst of them
// costs one redraw. A new team, or a new day, reloads the table and its series instead.
let kpiRenderPending = false;
function scheduleKpiRender() {
  if (kpiRenderPending) return;
  kpiRenderPending = true;
  setTimeout(() => {
    kpiRenderPending = false;
    kpiTable.render();
  }, 500);
}
let kpiReloadPending = false;
function scheduleKpiReload() {
  if (kpiReloadPending) return;
  kpiReloadPending = true;
  loadKpis().catch((error) => console.warn(`[kpi] reload failed: ${error.message}`)).finally(() => { kpiReloadPending = false; });
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
    await Promise.all([loadKpis(), loadCaseKpis(), breachCauses.reload(), loadRanking(rankingWindow), quarters.reload(), charts.reload(), reports.reload()]);
  },
  handlers: {
    kpiChanged(kpis) {
      const known = kpis?.teamId === 'floor' || kpiTable.board?.teams.some((team) => team.teamId === kpis?.teamId);
      const sameDay = !kpiTable.trend?.floor?.to || kpis?.to === kpiTable.trend.floor.to;
      if (!known || !sameDay) scheduleKpiReload();
      else if (kpiTable.applyToday(kpis)) scheduleKpiRender();
    },
    scoreChanged(scorecard) {
      if (ranking.upsert(scorecard)) scheduleRankingRender();
    },
    breachCausesChanged() {
      scheduleCauseReload();
    },
    caseKpiChanged(payload) {
      if (caseKpis.apply(payload)) caseKpis.render();
    },
    complaintChanged() {},
    slaWarning() {},
    slaBreached() {},
    escalated() {},
  },
});
live.start();
