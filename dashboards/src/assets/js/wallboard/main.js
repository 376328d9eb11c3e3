// The wall board page: floor (or ?team=) open complaints with live countdowns and a ticker.

import { t, applyTranslations, currentLanguage, setLanguage, onLanguageChange } from '../i18n.js';
import { serverNow, syncServerClock } from '../clock.js';
import { getOpenComplaints, getOpenCases, getBoard, getDailyKpis, getTeams, getCaseKpis, getRecentAlerts } from '../api.js';
import { whoAmI } from '../auth.js';
import { LiveConnection } from '../live.js';
import { onFrame, invalidate } from '../frameLoop.js';
import { ComplaintBoard } from './board.js';
import { EventFeed } from './feed.js';
import { formatTimeOfDay } from '../format.js';
import { KpiStrip } from './kpiStrip.js';
import { CaseKpiStrip } from './caseKpiStrip.js';
import { AgentTiles } from './agentTiles.js';
import { CaseList } from '../cases.js';
import { kpiRotateSeconds } from '../caseKpis.js';

// The board holds every open complaint (the API's largest page), so counts and order are exact.
const maxLoadedComplaints = 2000;

// The browser's clock drifts; a wall PC runs for weeks.
const clockResyncMs = 10 * 60_000;

const query = new URLSearchParams(window.location.search);

// The floor is for managers: a supervisor opening it gets their first team's board (on a TV, a rotation through their
// own teams: every team the server knows would be 403 outside them), an agent their own view.
if (!query.get('team') && !query.get('teams')) {
  const me = await whoAmI();
  const tvRotation = ['1', 'true', 'yes'].includes(query.get('tv')?.toLowerCase()) && me?.teamIds.length > 1;
  const teamParameter = tvRotation ? ['teams', [...me.teamIds].sort().join(',')] : ['team', me?.teamIds[0]];
  const target = me && !me.roles.includes('manager')
    ? (me.teamIds.length > 0 ? `/wallboard?${new URLSearchParams([...query, teamParameter])}` : me.agentId ? `/agent?id=${encodeURIComponent(me.agentId)}` : null)
    : null;
  if (target) {
    window.location.replace(target);
    await new Promise(() => {});
  }
}
// TV mode (?tv=1): no controls or cursor on screen, and without ?team= the board shows one team after another.
const tv = ['1', 'true', 'yes'].includes(query.get('tv')?.toLowerCase());
const rotateMs = Math.max(5, Number(query.get('rotate')) || 30) * 1000;
let team = query.get('team')?.trim() || null;
/** TV rotation: the teams shown in turn (?teams=A,B or every team the server knows) and the one shown now. */
const rotation = { teams: query.get('teams')?.split(',').map((id) => id.trim()).filter(Boolean) ?? null, index: -1 };
const timeZone = query.get('tz')?.trim() || 'Asia/Shanghai';
// The agent tiles' window (?window=7d or qtd; today by default), as the boards' ?window= applies it.
const agentWindow = ['today', '7d', 'qtd'].includes(query.get('window')) ? query.get('window') : 'today';
// Days on the KPI sparklines.
const trendDays = 14;

const byId = (id) => document.getElementById(id);
const board = new ComplaintBoard(byId('board'), byId('more'), { team, timeZone });
// Claims and follow-ups: every open one is followed, the board shows those warned or breached.
const cases = new CaseList({ team });
board.cases = cases;
const feed = new EventFeed(byId('feed'), timeZone);
const kpiStrip = new KpiStrip(byId('kpis'));
const caseKpiStrip = new CaseKpiStrip(byId('kpis'), { rotateSeconds: kpiRotateSeconds(query.get('kpiRotate')) });
const agentTiles = new AgentTiles(byId('agents'), byId('agents-more'), { team, window: agentWindow });
const counters = {
  open: byId('count-open'), warning: byId('count-warning'), breached: byId('count-breached'), escalated: byId('count-escalated'),
};
const serverTime = byId('server-time');
const languageSwitch = byId('lang-switch');

function renderStatic() {
  applyTranslations(document);
  const scope = team ? t('wallboard.scope.team', { team }) : t('wallboard.scope.floor');
  const turn = rotation.index >= 0 && rotation.teams?.length > 1 ? ` · ${t('tv.rotating', { index: rotation.index + 1, count: rotation.teams.length })}` : '';
  byId('scope').textContent = scope + turn;
  byId('scope').dataset.team = team ?? '';
  document.title = `${t('wallboard.title')} · ${scope}`;
  languageSwitch.textContent = t('lang.switchTo');
  languageSwitch.lang = currentLanguage() === 'en' ? 'zh-CN' : 'en';
}

languageSwitch.addEventListener('click', () => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en'));
onLanguageChange(() => {
  renderStatic();
  feed.relabel();
  kpiStrip.render();
  caseKpiStrip.render();
  agentTiles.render();
  invalidate();
});
window.addEventListener('resize', () => {
  board.lastLayout = '';
  agentTiles.fit();
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

/** Loads the board's state from REST (on the first load, and after every (re)connect). */
async function reload() {
  await syncServerClock();
  board.beginSnapshot();
  cases.beginSnapshot();
  let items, total, today, agents, trend, openCases, caseKpis, alerts;
  try {
    [{ items, total }, today, agents, trend, openCases, caseKpis, alerts] = await Promise.all([
      getOpenComplaints({ team }, maxLoadedComplaints), getBoard(team), agentWindow === 'today' ? null : getBoard(team, agentWindow), loadTrend(),
      getOpenCases({ team }, maxLoadedComplaints), getCaseKpis(team), getRecentAlerts({ team })]);
  } finally {
    if (items === undefined) {
      board.endSnapshot();
      cases.endSnapshot();
    }
  }
  board.load(items, total);
  cases.load(openCases.items);
  kpiStrip.load(today.kpis);
  kpiStrip.loadTrend(trend);
  caseKpiStrip.load(caseKpis);
  agentTiles.load((agents ?? today).agents, today.totalBands);
  agentTiles.render();
  // The ticker's last minutes, before the pushes held during this load (those already shown are dropped as repeats).
  for (const alert of alerts) feed.add(alert.kind, alert.payload, alert.atMs, { fresh: false });
  invalidate();
}

// A push about another team (one left by the TV rotation, still on its way) is not this board's.
const inScope = (payload) => !team || !payload?.teamId || payload.teamId === team;

const live = new LiveConnection({
  scopes: [team ? `team:${team}` : 'floor'],
  indicator: byId('live-indicator'),
  preload: reload,
  resync: reload,
  handlers: {
    complaintChanged(view) {
      board.upsert(view);
      invalidate();
    },
    caseChanged(view) {
      cases.upsert(view);
      invalidate();
    },
    caseBreached(payload) {
      if (!inScope(payload)) return;
      if (cases.markBreached(payload)) invalidate();
    },
    caseKpiChanged(payload) {
      // Teams' and the floor's pushes both reach a floor board; apply takes only this board's scope.
      caseKpiStrip.apply(payload, team);
    },
    caseEscalated(payload) {
      if (!inScope(payload)) return;
      if (cases.markEscalated(payload)) invalidate();
    },
    slaWarning(payload) {
      if (!inScope(payload)) return;
      feed.add('warning', payload, serverNow());
    },
    slaBreached(payload) {
      if (!inScope(payload)) return;
      board.markBreached(payload);
      feed.add('breached', payload, serverNow());
      invalidate();
    },
    escalated(payload) {
      if (!inScope(payload)) return;
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

/** Shows the next team of the TV rotation: the board's scope, subscription and data move to it. */
async function rotate() {
  if (!rotation.teams || rotation.index + 1 >= rotation.teams.length) {
    // Each round asks again which teams there are (unless the URL names them): teams come and go.
    if (!query.get('teams')) rotation.teams = (await getTeams()).map((item) => item.teamId).sort();
    rotation.index = -1;
  }
  if (rotation.teams.length === 0) return;
  rotation.index++;
  const next = rotation.teams[rotation.index];
  if (next === team && rotation.teams.length === 1) return;
  team = next;
  board.scope.team = team;
  agentTiles.scope.team = team;
  board.complaints.clear();
  cases.scope.team = team;
  cases.clear();
  renderStatic();
  invalidate();
  await live.setScopes([`team:${team}`]);
}

if (tv) document.body.classList.add('is-tv');
renderStatic();
if (tv && !team) {
  const turn = () => rotate().catch((error) => console.warn(`[tv] rotation failed: ${error.message}`));
  // The first team is chosen before connecting, so the board never flashes the whole floor first.
  turn().finally(() => {
    live.start();
    setInterval(turn, rotateMs);
  });
} else {
  live.start();
}
setInterval(() => {
  syncServerClock().then(invalidate, (error) => console.warn(`[clock] resync failed: ${error.message}`));
}, clockResyncMs);
