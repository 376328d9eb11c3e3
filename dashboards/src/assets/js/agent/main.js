// The agent view: /agent?id= — own open complaints with countdowns, warnings as they come, own score.

import { t } from '../i18n.js';
import { serverNow, syncServerClock } from '../clock.js';
import { getOpenComplaints, getOpenCases, getScorecard, getRecentAlerts } from '../api.js';
import { LiveConnection } from '../live.js';
import { onFrame, invalidate } from '../frameLoop.js';
import { setUpPage } from '../page.js';
import { AgentComplaints } from './complaints.js';
import { AgentCases } from './cases.js';
import { CaseList } from '../cases.js';
import { AgentAlerts } from './alerts.js';
import { renderScorecard } from './scorecard.js';

const query = new URLSearchParams(window.location.search);
const agentId = query.get('id')?.trim() || null;
const timeZone = query.get('tz')?.trim() || 'Asia/Shanghai';
const windows = ['today', '7d', 'qtd'];
let scoreWindow = windows.includes(query.get('window')) ? query.get('window') : 'today';

const byId = (id) => document.getElementById(id);
const complaints = new AgentComplaints(byId('complaints'), byId('complaint-count'), agentId ?? '', timeZone);
const caseList = new CaseList({ agent: agentId ?? '' });
const cases = new AgentCases(byId('cases'), byId('case-count'), caseList, timeZone);
const alerts = new AgentAlerts(byId('alerts'), byId('notify'), timeZone);
/** @type {Map<string, object | null>} window → ScorecardResource (null: agent unknown to the server) */
const scorecards = new Map();
/** The edges that grade totals, from the last scorecard the server answered (pushes carry none). */
let totalEdges = null;

function remember(scorecard) {
  if (scorecard?.totalBands) totalEdges = scorecard.totalBands;
  return scorecard;
}

function renderScore() {
  for (const button of byId('windows').querySelectorAll('button')) {
    const selected = button.dataset.window === scoreWindow;
    button.setAttribute('aria-selected', String(selected));
    button.classList.toggle('is-selected', selected);
  }
  if (scorecards.has(scoreWindow)) renderScorecard(byId('score'), scorecards.get(scoreWindow), totalEdges);
}

setUpPage({
  titleKey: 'agent.title',
  subtitle: () => (agentId ? t('agent.heading', { agent: agentId }) : ''),
  relabel: () => {
    alerts.relabel();
    renderScore();
  },
  timeZone,
});

if (!agentId) {
  byId('missing-id').hidden = false;
  for (const panel of document.querySelectorAll('.panel')) panel.hidden = true;
  byId('live-indicator').hidden = true;
} else {
  byId('windows').addEventListener('click', async (event) => {
    const choice = event.target.closest('button')?.dataset.window;
    if (!choice || choice === scoreWindow) return;
    scoreWindow = choice;
    renderScore();
    // Pushes keep every window current once loaded; the first look at a window loads it.
    if (!scorecards.has(choice)) {
      scorecards.set(choice, remember(await getScorecard(agentId, choice)));
      renderScore();
    }
  });

  onFrame((nowMs) => {
    complaints.render(nowMs);
    cases.render(nowMs);
  });

  const live = new LiveConnection({
    scopes: [`agent:${agentId}`],
    indicator: byId('live-indicator'),
    async resync() {
      await syncServerClock();
      const [{ items }, scorecard, openCases, recent] = await Promise.all([
        getOpenComplaints({ agent: agentId }), getScorecard(agentId, scoreWindow), getOpenCases({ agent: agentId }), getRecentAlerts({ agent: agentId })]);
      complaints.load(items.filter((item) => item.agentId === agentId));
      caseList.load(openCases.items);
      scorecards.clear();
      scorecards.set(scoreWindow, remember(scorecard));
      renderScore();
      // The warnings of the last minutes, before the pushes held during this load (a dismissed one stays dismissed).
      for (const alert of recent) alerts.add(alert.kind, alert.payload, alert.atMs, { notify: false });
      invalidate();
    },
    handlers: {
      complaintChanged(view) {
        complaints.upsert(view);
        invalidate();
      },
      caseChanged(view) {
        caseList.upsert(view);
        invalidate();
      },
      caseBreached(payload) {
        if (caseList.markBreached(payload)) invalidate();
      },
      caseEscalated(payload) {
        if (caseList.markEscalated(payload)) invalidate();
      },
      slaWarning(payload) {
        alerts.add('warning', payload, serverNow());
      },
      slaBreached(payload) {
        alerts.add('breached', payload, serverNow());
        invalidate();
      },
      escalated(payload) {
        alerts.add('escalated', payload, serverNow());
        invalidate();
      },
      scoreChanged(scorecard) {
        if (scorecard?.agentId !== agentId) return;
        scorecards.set(scorecard.window, scorecard);
        if (scorecard.window === scoreWindow) renderScore();
      },
      kpiChanged() {},
    },
  });
  live.start();
}
