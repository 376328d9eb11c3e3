// The grid of complaint cards: one card per open complaint, most urgent first, at most
// maxCards on screen (the rest summarised), sized so the whole grid fits without scrolling.

import { t, tOr } from '../i18n.js';
import { orderByUrgency } from '../urgency.js';
import { formatCountdown, formatPercent } from '../format.js';
import { fitGrid } from './layout.js';

/** More cards than this would be unreadable from across the room. */
export const maxCards = 40;

const bands = ['ok', 'attention', 'warning', 'urgent', 'breached', 'paused'];

export class ComplaintBoard {
  /**
   * @param {HTMLElement} grid container of the cards
   * @param {HTMLElement} more the "+N more" line
   * @param {{ team: string | null }} scope
   */
  constructor(grid, more, scope) {
    this.grid = grid;
    this.more = more;
    this.scope = scope;
    /** @type {Map<string, object>} complaint id → ComplaintView */
    this.complaints = new Map();
    /** @type {Map<string, { element: HTMLElement, parts: Record<string, HTMLElement>, band?: string, key?: string }>} */
    this.cards = new Map();
    this.hiddenByServer = 0;
    /** @type {object[] | null} views pushed while a REST snapshot is on its way (null when none is) */
    this.pushedDuringSnapshot = null;
    // Complaints known to be breached, so a breach flashes once, when it happens, and never again.
    this.breachedSeen = new Set();
    this.loaded = false;
    this.lastLayout = '';
    this.summary = { open: 0, warning: 0, breached: 0, escalated: 0 };
  }

  /**
   * Starts a REST snapshot: pushes that arrive while it is on its way are kept, because the snapshot may have been
   * taken before them (a complaint opened in between would otherwise be wiped by load and never come back).
   */
  beginSnapshot() {
    this.pushedDuringSnapshot = [];
  }

  /** Ends a snapshot that failed (load was never called). */
  endSnapshot() {
    this.pushedDuringSnapshot = null;
  }

  /** Replaces the state with a REST snapshot (after every (re)connect), then re-applies what was pushed meanwhile. */
  load(items, total) {
    const pushed = this.pushedDuringSnapshot ?? [];
    this.pushedDuringSnapshot = null;
    this.complaints.clear();
    for (const item of items) this.complaints.set(item.id, item);
    this.hiddenByServer = Math.max(0, total - items.length);
    // A complaint the snapshot lists is at least as fresh there; one it lacks was opened (or left) after it was taken.
    for (const view of pushed) {
      if (this.leaves(view)) this.complaints.delete(view.id);
      else if (!this.complaints.has(view.id)) this.complaints.set(view.id, view);
    }
    for (const card of this.cards.values()) card.key = undefined;
    this.loaded = true;
  }

  /** Whether a pushed view takes its complaint off this board (resolved, or now another team's). */
  leaves(view) {
    return view.status === 'resolved' || (this.scope.team && view.teamId !== this.scope.team);
  }

  /** Applies a pushed ComplaintView: resolved (or moved to another team) leaves the board. */
  upsert(view) {
    this.pushedDuringSnapshot?.push(view);
    const inScope = !this.scope.team || view.teamId === this.scope.team;
    if (view.status === 'resolved' || !inScope) {
      this.complaints.delete(view.id);
      this.breachedSeen.delete(view.id);
    } else {
      this.complaints.set(view.id, view);
    }
  }

  /** Marks a clock breached as soon as the server says so, ahead of the complaintChanged that follows. */
  markBreached({ complaintId, clock, breachedAt, dueAt }) {
    const view = this.complaints.get(complaintId);
    const target = view?.clocks?.find((c) => c.name === clock);
    if (!target) return;
    target.state = 'breached';
    target.breachedAt = breachedAt ?? target.breachedAt;
    target.dueAt = dueAt ?? target.dueAt;
  }

  /** Shows a climb of the escalation chain at once, ahead of the complaintChanged that follows. */
  markEscalated({ complaintId, level, role }) {
    const view = this.complaints.get(complaintId);
    if (!view || !(level > (view.escalationLevel ?? 0))) return;
    view.escalationLevel = level;
    view.escalationRole = role ?? view.escalationRole;
  }

  /** Redraws every card for the given server time; returns the counts shown in the header. */
  render(nowMs) {
    const ordered = orderByUrgency([...this.complaints.values()], nowMs);
    const shown = ordered.slice(0, maxCards);
    const hidden = ordered.length - shown.length + this.hiddenByServer;

    const summary = { open: ordered.length + this.hiddenByServer, warning: 0, breached: 0, escalated: 0 };
    for (const { complaint, focus } of ordered) {
      if (focus?.band === 'breached') summary.breached++;
      else if (focus?.band === 'warning' || focus?.band === 'urgent') summary.warning++;
      if (complaint.escalationLevel > 0) summary.escalated++;
    }
    this.summary = summary;

    const wanted = new Set(shown.map((entry) => entry.complaint.id));
    for (const [id, card] of this.cards) {
      if (!wanted.has(id)) {
        card.element.remove();
        this.cards.delete(id);
      }
    }
    let previous = null;
    for (const entry of shown) {
      const card = this.cards.get(entry.complaint.id) ?? this.createCard(entry.complaint.id);
      this.fill(card, entry);
      // Move only cards that are out of place, so a stable order costs no DOM work.
      const expectedNext = previous ? previous.nextSibling : this.grid.firstChild;
      if (expectedNext !== card.element) this.grid.insertBefore(card.element, expectedNext);
      previous = card.element;
    }

    const layout = fitGrid(shown.length, this.grid.clientWidth, this.grid.clientHeight);
    const layoutKey = `${layout.columns}x${layout.rows}`;
    if (layoutKey !== this.lastLayout) {
      this.lastLayout = layoutKey;
      this.grid.style.setProperty('--columns', layout.columns);
      this.grid.style.setProperty('--rows', layout.rows);
    }
    this.grid.dataset.count = String(shown.length);
    this.grid.classList.toggle('is-empty', this.loaded && shown.length === 0);
    this.grid.dataset.emptyText = t('wallboard.empty');

    this.more.hidden = hidden <= 0;
    this.more.textContent = hidden > 0 ? t('wallboard.more', { count: hidden }) : '';
    return summary;
  }

  createCard(id) {
    const element = document.createElement('article');
    element.className = 'card';
    element.dataset.complaintId = id;
    // The card is the size container; the inner box is laid out in units of the card's size.
    element.innerHTML = `<div class="card-inner">
      <div class="card-head"><span class="card-id"></span><span class="card-badges"></span></div>
      <div class="card-clock"></div>
      <div class="card-countdown"></div>
      <div class="card-band"><span class="band-label"></span><span class="band-used"></span></div>
      <div class="card-meter"><div class="card-meter-fill"></div></div>
      <div class="card-foot"><span class="card-what"></span><span class="card-who"></span></div></div>`;
    const part = (name) => element.querySelector(`.${name}`);
    const card = {
      element,
      parts: {
        id: part('card-id'), badges: part('card-badges'), clock: part('card-clock'), countdown: part('card-countdown'),
        label: part('band-label'), used: part('band-used'), meter: part('card-meter-fill'), what: part('card-what'), who: part('card-who'),
      },
    };
    element.addEventListener('animationend', () => element.classList.remove('is-flashing'));
    this.cards.set(id, card);
    return card;
  }

  fill(card, { complaint, focus }) {
    const { element, parts } = card;
    const band = focus?.band ?? 'ok';
    if (card.band !== band) {
      element.classList.remove(...bands.map((b) => `band-${b}`));
      element.classList.add(`band-${band}`);
      element.dataset.band = band;
      if (band === 'breached' && !this.breachedSeen.has(complaint.id)) {
        this.breachedSeen.add(complaint.id);
        // Only a breach seen happening flashes; one already breached when the board loaded does not.
        if (card.band !== undefined) element.classList.add('is-flashing');
      }
      card.band = band;
    }

    // Text that only changes with the complaint itself (or the language) is rebuilt only then.
    const key = `${complaint.id}|${complaint.status}|${complaint.escalationLevel}|${complaint.escalationRole}|${complaint.agentId}|${complaint.severity}|${focus?.name}|${document.documentElement.lang}`;
    if (card.key !== key) {
      card.key = key;
      parts.id.textContent = complaint.id;
      parts.badges.replaceChildren(...this.badges(complaint));
      parts.clock.textContent = focus ? clockLabel(focus.name) : t(`complaint.status.${complaint.status}`);
      const category = complaint.category ? tOr(`category.${complaint.category}`, complaint.category) : '';
      const channel = complaint.channel ? tOr(`channel.${complaint.channel}`, complaint.channel) : '';
      parts.what.textContent = [category, channel].filter(Boolean).join(' · ');
      const agent = complaint.agentId ? t('complaint.agent', { agent: complaint.agentId }) : t('complaint.unassigned');
      parts.who.textContent = [complaint.customerName, agent].filter(Boolean).join(' · ');
      element.classList.toggle('is-high', complaint.severity === 'high');
      element.classList.toggle('is-escalated', complaint.escalationLevel > 0);
    }

    if (!focus) {
      parts.countdown.textContent = '—';
      parts.label.textContent = t(`complaint.status.${complaint.status}`);
      parts.used.textContent = '';
      parts.meter.style.transform = 'scaleX(0)';
      return;
    }
    const countdown = formatCountdown(focus.remainingMs, (days, rest) => t('duration.days', { days, rest }));
    if (parts.countdown.textContent !== countdown) {
      parts.countdown.textContent = countdown;
      // The type scales with the number of characters so "04:59" and "1天 23:59" both fill the card.
      parts.countdown.style.setProperty('--chars', String(Math.max(5, [...countdown].length)));
    }
    parts.label.textContent = t(`band.${band}`);
    parts.used.textContent = band === 'breached' ? '' : t('band.used', { percent: formatPercent(focus.usedFraction) });
    parts.meter.style.transform = `scaleX(${Math.min(1, Math.max(0, focus.usedFraction)).toFixed(3)})`;
    element.dataset.remainingMs = String(Math.round(focus.remainingMs));
  }

  badges(complaint) {
    const result = [];
    if (complaint.severity === 'high') result.push(badge('badge-high', t('complaint.severity.high')));
    if (complaint.escalationLevel > 0) {
      const role = complaint.escalationRole ? ` · ${t(`escalation.role.${complaint.escalationRole}`)}` : '';
      result.push(badge('badge-escalated', `${t('escalation.level', { level: complaint.escalationLevel })}${role}`));
    }
    if (complaint.status === 'paused') result.push(badge('badge-paused', t('complaint.status.paused')));
    return result;
  }
}

/** The localised name of a clock; unknown clock names (configured policies) show as sent. */
export function clockLabel(name) {
  return tOr(`clock.${name}`, name);
}

function badge(className, text) {
  const span = document.createElement('span');
  span.className = `badge ${className}`;
  span.textContent = text;
  return span;
}
