// The wall board page: floor (or ?team=) open complaints with live countdowns and a ticker.

import { t, applyTranslations, currentLanguage, setLanguage, onLanguageChange } from '../i18n.js';
import { serverNow, syncServerClock } from '../clock.js';
import { getOpenComplaints, getBoard, getDailyKpis } from '../api.js';
import { LiveConnection } from '../live.js';
import { onFrame, invalidate } from '../frameLoop.js';
import { ComplaintBoard } from './board.js';
import { EventFeed } from './feed.js';
import { formatTimeOfDay } from '../format.js';
import { KpiStrip } from './kpiStrip.js';
import { AgentTiles } from './agentTiles.js';

// The board holds every open complaint (the API's largest page), so counts and order are exact.
const maxLoadedComplaints = 2000;

// The browser's clock drifts; a wall PC runs for weeks.
const clockResyncMs = 10 * 60_000;

const query = new URLSearchParams(window.location.search);
const team = query.get('team')?.trim() || null;
const timeZone = query.get('tz')?.trim() || 'Asia/Shanghai';
// The agent tiles' window (?window=7d or qtd; today by default), as the boards' ?window= applies it.
const agentWindow = ['today', '7d', 'qtd'].includes(query.get('window')) ? query.get('window') : 'today';
// Days on the KPI sparklines.
const trendDays = 14;

const byId = (id) => document.getElementById(id);
const board = new ComplaintBoard(byId('board'), byId('more'), { team });
const feed = new EventFeed(byId('feed'), timeZone);
const kpiStrip = new KpiStrip(byId('kpis'));
const agentTiles = new AgentTiles(byId('agents'), byId('agents-more'), { team, window: agentWindow });
const counters = {
  open: byId('count-open'), warning: byId('count-warning'), breached: byId('count-breached'), escalated: byId('count-escalated'),
};
const serverTime = byId('server-time');
const languageSwitch = byId('lang-switch');

function renderStatic() {
  applyTranslations(document);
  const scope = team ? t('wallboard.scope.team', { team }) : t('wallboard.scope.floor');
  byId('scope').textContent = scope;
  document.title = `${t('wallboard.title')} · ${scope}`;
  languageSwitch.textContent = t('lang.switchTo');
  languageSwitch.lang = currentLanguage() === 'en' ? 'zh-CN' : 'en';
}

languageSwitch.addEventListener('click', () => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en'));
onLanguageChange(() => {
  renderStatic();
  feed.relabel();
  kpiStrip.render();
  agentTiles.render();
  invalidate();
});
window.addEventListener('resize', () => {
  board.lastLayout = '';
  invalidate();
});

onFrame((nowMs) => {
  const summary = board.render(nowMs);
  for (const [name, element] of Object.entries(counters)) {
    const text = String(summary[name]);
    if (element.textContent !== text) element.textContent = text;
    element.closest('.counter').classList.toggle('is-active', summary[name] > 0);
  }
  serverTime.textContent = formatTimeOfDay(nowMs, timeZone);
});

const live = new LiveConnection({
  scopes: [team ? `team:${team}` : 'floor'],
  indicator: byId('live-indicator'),
  async resync() {
    await syncServerClock();
    board.beginSnapshot();
    let items, total, today, agents, trend;
    try {
      [{ items, total }, today, agents, trend] = await Promise.all([
        getOpenComplaints({ team }, maxLoadedComplaints), getBoard(team), agentWindow === 'today' ? null : getBoard(team, agentWindow), loadTrend()]);
    } finally {
      if (items === undefined) board.endSnapshot();
    }
    board.load(items, total);
    kpiStrip.load(today.kpis);
    kpiStrip.loadTrend(trend);
    agentTiles.load((agents ?? today).agents, today.totalBands);
    agentTiles.render();
    invalidate();
  },
  handlers: {
    complaintChanged(view) {
      board.upsert(view);
      invalidate();
    },
    slaWarning(payload) {
      feed.add('warning', payload, serverNow());
    },
    slaBreached(payload) {
      board.markBreached(payload);
      feed.add('breached', payload, serverNow());
      invalidate();
    },
    escalated(payload) {
      board.markEscalated(payload);
      invalidate();
      feed.add('escalated', payload, serverNow());
    },
    scoreChanged(scorecard) {
      if (agentTiles.upsert(scorecard)) scheduleAgentRender();
    },
    kpiChanged(kpis) {
      // The floor pushes its own KPIs (teamId "floor") besides every team's; a board takes only its scope's.
      if (kpis?.teamId !== (team ?? 'floor') || kpis.window !== 'today') return;
      kpiStrip.load(kpis);
      // After midnight "today" is a new day: the sparkline's days move on.
      if (kpiStrip.trend && kpis.to && kpiStrip.trend.to !== kpis.to) scheduleTrendReload();
    },
  },
});

async function loadTrend() {
  const series = await getDailyKpis(team, trendDays);
  return team ? series : series?.floor ?? null;
}

// Bursts of score and KPI pushes (a busy floor) are folded into at most one redraw or reload per interval.
let agentRenderPending = false;
function scheduleAgentRender() {
  if (agentRenderPending) return;
  agentRenderPending = true;
  setTimeout(() => {
    agentRenderPending = false;
    agentTiles.render();
  }, 250);
}
let trendReloadPending = false;
function scheduleTrendReload() {
  if (trendReloadPending) return;
  trendReloadPending = true;
  loadTrend().then((series) => kpiStrip.loadTrend(series), (error) => console.warn(`[kpi] trend reload failed: ${error.message}`))
    .finally(() => { trendReloadPending = false; });
}

renderStatic();
live.start();
setInterval(() => {
  syncServerClock().then(invalidate, (error) => console.warn(`[clock] resync failed: ${error.message}`));
}, clockResyncMs);
