// The wall board page: floor (or ?team=) open complaints with live countdowns and a ticker.

import { t, applyTranslations, currentLanguage, setLanguage, onLanguageChange } from '../i18n.js';
import { serverNow, syncServerClock } from '../clock.js';
import { getOpenComplaints } from '../api.js';
import { LiveConnection } from '../live.js';
import { onFrame, invalidate } from '../frameLoop.js';
import { ComplaintBoard } from './board.js';
import { EventFeed } from './feed.js';
import { formatTimeOfDay } from './format.js';

// The browser's clock drifts; a wall PC runs for weeks.
const clockResyncMs = 10 * 60_000;

const query = new URLSearchParams(window.location.search);
const team = query.get('team')?.trim() || null;
const timeZone = query.get('tz')?.trim() || 'Asia/Shanghai';

const byId = (id) => document.getElementById(id);
const board = new ComplaintBoard(byId('board'), byId('more'), { team });
const feed = new EventFeed(byId('feed'), timeZone);
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
    const { items, total } = await getOpenComplaints({ team });
    board.load(items, total);
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
    // Scores and KPIs go to the same groups; this board does not show them.
    scoreChanged() {},
    kpiChanged() {},
  },
});

renderStatic();
live.start();
setInterval(() => {
  syncServerClock().then(invalidate, (error) => console.warn(`[clock] resync failed: ${error.message}`));
}, clockResyncMs);
