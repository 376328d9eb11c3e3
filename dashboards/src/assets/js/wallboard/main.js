// The wall board page: floor (or ?team=) open complaints with live countdowns and a ticker.

import { t, applyTranslations, currentLanguage, setLanguage, onLanguageChange } from '../i18n.js';
import { serverNow, syncServerClock } from '../clock.js';
import { getOpenComplaints, getAgentScores, getFloorBoard, getKnownTeamBoard } from '../api.js';
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

const byId = (id) => document.getElementById(id);
const board = new ComplaintBoard(byId('board'), byId('more'), { team });
const feed = new EventFeed(byId('feed'), timeZone);
const kpiStrip = new KpiStrip(byId('kpis'));
const agentTiles = new AgentTiles(byId('agents'), byId('agents-more'), { team });
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
    const [{ items, total }, kpis, agents] = await Promise.all([getOpenComplaints({ team }, maxLoadedComplaints), loadKpis(), getAgentScores(team)]);
    board.load(items, total);
    kpiStrip.load(kpis);
    agentTiles.load(agents);
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
      // A team board takes its team's KPIs as pushed; the floor's own KPIs are not pushed, so reload them.
      if (team) {
        if (kpis?.teamId === team) kpiStrip.load(kpis);
      } else {
        scheduleFloorKpiReload();
      }
    },
  },
});

async function loadKpis() {
  if (team) return (await getKnownTeamBoard(team))?.kpis ?? null;
  return (await getFloorBoard()).floor;
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
let floorKpiReloadPending = false;
function scheduleFloorKpiReload() {
  if (floorKpiReloadPending) return;
  floorKpiReloadPending = true;
  setTimeout(() => {
    loadKpis().then((kpis) => kpiStrip.load(kpis), (error) => console.warn(`[kpi] reload failed: ${error.message}`))
      .finally(() => { floorKpiReloadPending = false; });
  }, 1_000);
}

renderStatic();
live.start();
setInterval(() => {
  syncServerClock().then(invalidate, (error) => console.warn(`[clock] resync failed: ${error.message}`));
}, clockResyncMs);
