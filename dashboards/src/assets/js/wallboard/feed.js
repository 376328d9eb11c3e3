// The live ticker: warnings, breaches and escalations as they arrive, newest on top; on (re)load the scope's recent ones
// from the server first, so a board opened mid-shift shows the last minutes.

import { t } from '../i18n.js';
import { clockLabel } from './board.js';
import { formatCountdown, formatPercent, formatTimeOfDay } from '../format.js';
import { parseDurationMs } from '../duration.js';
import { SeenAlerts } from '../alertKey.js';
import { newestFirstIndex } from '../recentAlerts.js';

/** Older entries fall off; the ticker is a view of the last few minutes, not a log. */
const maxEntries = 40;

export class EventFeed {
  /**
   * @param {HTMLOListElement} list
   * @param {string} timeZone IANA zone the times are shown in
   */
  constructor(list, timeZone) {
    this.list = list;
    this.timeZone = timeZone;
    /** @type {{ kind: 'warning' | 'breached' | 'escalated', payload: any, atMs: number, element: HTMLLIElement }[]} */
    this.entries = [];
    this.seen = new SeenAlerts();
    this.renderEmpty();
    globalThis.addEventListener?.('resize', () => this.fit());
  }

  /**
   * Adds an entry for a hub message (once: a repeat of an alert already shown is dropped).
   * @param {'warning' | 'breached' | 'escalated'} kind
   * @param {object} payload slaWarning, slaBreached or escalated payload
   * @param {number} atMs server time of arrival (of publication, for one fetched on load)
   * @param {{ fresh?: boolean }} [options] fresh: false for one fetched on load, shown without the arrival animation
   */
  add(kind, payload, atMs, { fresh = true } = {}) {
    if (!this.seen.firstTime(kind, payload)) return;
    // In time order: one fetched after a reconnect may be older than live ones already shown.
    const index = newestFirstIndex(this.entries, atMs);
    if (index >= maxEntries) return;
    const element = document.createElement('li');
    element.className = `feed-item kind-${kind}${fresh ? ' is-new' : ''}`;
    element.dataset.complaintId = payload.complaintId ?? '';
    element.addEventListener('animationend', () => element.classList.remove('is-new'));
    const entry = { kind, payload, atMs, element };
    this.fill(entry);
    const below = this.entries[index];
    this.entries.splice(index, 0, entry);
    this.list.querySelector('.feed-empty')?.remove();
    if (below) below.element.before(element);
    else this.list.append(element);
    for (const old of this.entries.splice(maxEntries)) old.element.remove();
    this.fit();
  }

  /** Re-renders every entry's text (after a language switch). */
  relabel() {
    for (const entry of this.entries) this.fill(entry);
    this.renderEmpty();
    this.fit();
  }

  /**
   * Shows the newest entries that fit whole and hides the older rest: a board opened mid-shift loads dozens of recent
   * alerts, and a line cut in half at the ticker's foot reads as a fault across the room.
   */
  fit() {
    for (const entry of this.entries) entry.element.hidden = false;
    const bottom = this.list.getBoundingClientRect().bottom;
    let full = false;
    for (const entry of this.entries) {
      full ||= entry.element.getBoundingClientRect().bottom > bottom + 0.5;
      entry.element.hidden = full;
    }
  }

  fill({ kind, payload, atMs, element }) {
    const time = document.createElement('time');
    time.className = 'feed-time';
    time.textContent = formatTimeOfDay(atMs, this.timeZone);
    const label = document.createElement('span');
    label.className = 'feed-kind';
    label.textContent = t(`ticker.${kind}`);
    const text = document.createElement('span');
    text.className = 'feed-text';
    text.textContent = describe(kind, payload);
    element.replaceChildren(time, label, text);
  }

  renderEmpty() {
    const existing = this.list.querySelector('.feed-empty');
    if (this.entries.length > 0) return;
    const empty = existing ?? document.createElement('li');
    empty.className = 'feed-empty';
    empty.textContent = t('ticker.empty');
    if (!existing) this.list.append(empty);
  }
}

function describe(kind, payload) {
  const complaint = `${t('complaint')} ${payload.complaintId}`;
  switch (kind) {
    case 'warning':
      return t('ticker.warningText', { complaint, clock: clockLabel(payload.clock), percent: formatPercent(payload.fraction ?? 0) });
    case 'breached': {
      const lateMs = parseDurationMs(payload.late);
      // "late" is how long after the deadline the breach became known (a late-arriving event).
      const late = lateMs && lateMs >= 1000 ? t('ticker.lateSuffix', { time: formatCountdown(lateMs) }) : '';
      return t('ticker.breachedText', { complaint, clock: clockLabel(payload.clock), late });
    }
    default: {
      const role = payload.role ? t(`escalation.role.${payload.role}`) : '';
      return t('ticker.escalatedText', { complaint, role, level: payload.level });
    }
  }
}
