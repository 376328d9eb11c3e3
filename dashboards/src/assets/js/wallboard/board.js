// The grid of complaint cards: one card per open complaint, most urgent first, at most
// maxCards on screen (the rest summarised), sized so the whole grid fits without scrolling.

import { t, tOr } from '../i18n.js';
import { orderByUrgency, lateStops, compareByUrgency } from '../urgency.js';
import { caseTypeLabel } from '../cases.js';
import { formatCountdown, formatPercent, formatResumeAt, formatSpan } from '../format.js';
import { planBoard } from './layout.js';

/** More cards than this would be unreadable from across the room. */
export const maxCards = 40;

const bands = ['ok', 'attention', 'warning', 'urgent', 'breached', 'paused'];

/** Bands whose cards are drawn large: breached and warned complaints must be readable across the room. */
const largeBands = new Set(['breached', 'urgent', 'warning']);

export class ComplaintBoard {
  /**
   * @param {HTMLElement} grid container of the cards
   * @param {HTMLElement} more the "+N more" line
   * @param {{ team: string | null, timeZone?: string }} scope timeZone: IANA zone of times shown on cards
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
    /** @type {import('../cases.js').CaseList | null} cases shown beside the complaints when warned or breached */
    this.cases = null;
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
    // Warned and breached cases (claims, follow-ups) take their place among the complaints by the same urgency.
    const cases = (this.cases?.warned(nowMs) ?? []).map((entry) => ({ ...entry, kind: 'case' }));
    const all = cases.length > 0 ? [...ordered, ...cases].sort(compareByUrgency) : ordered;
    const candidates = all.slice(0, maxCards);

    const summary = { open: ordered.length + this.hiddenByServer, warning: 0, breached: 0, escalated: 0 };
    for (const { complaint, focus } of ordered) {
      if (focus?.band === 'breached') summary.breached++;
      else if (focus?.band === 'warning' || focus?.band === 'urgent') summary.warning++;
      if (complaint.escalationLevel > 0) summary.escalated++;
    }
    this.summary = summary;

    // The plan changes only when a card changes size or the board its size, not every second.
    const large = candidates.map((entry) => largeBands.has(entry.focus?.band));
    const width = this.grid.clientWidth;
    const height = this.grid.clientHeight;
    // A smaller screen hangs nearer: its large cards may be smaller, more than in proportion, so that more fit.
    const screen = Math.min(1, (globalThis.innerWidth || 1920) / 1920, (globalThis.innerHeight || 1080) / 1080);
    const scale = Math.max(0.5, screen ** 1.5);
    const planKey = `${width}x${height}|${scale}|${large.map((l) => (l ? 'L' : 's')).join('')}`;
    if (planKey !== this.planKey) {
      this.planKey = planKey;
      this.plan = planBoard(large, width, height, { scale });
    }
    const plan = this.plan;
    const shown = candidates.filter((_, i) => plan.placements[i]);
    const hidden = all.length - shown.length + this.hiddenByServer;

    const wanted = new Set(shown.map(cardKey));
    for (const [id, card] of this.cards) {
      if (!wanted.has(id)) {
        card.element.remove();
        this.cards.delete(id);
      }
    }
    let previous = null;
    candidates.forEach((entry, i) => {
      const place = plan.placements[i];
      if (!place) return;
      const card = this.cards.get(cardKey(entry)) ?? this.createCard(entry);
      this.fill(card, entry, nowMs);
      const area = `${place.row + 1} / ${place.column + 1} / span ${place.span} / span ${place.span}`;
      if (card.area !== area) {
        card.area = area;
        card.element.style.gridArea = area;
        card.element.classList.toggle('is-large', place.span > 1);
      }
      // Move only cards that are out of place, so a stable order costs no DOM work.
      const expectedNext = previous ? previous.nextSibling : this.grid.firstChild;
      if (expectedNext !== card.element) this.grid.insertBefore(card.element, expectedNext);
      previous = card.element;
    });

    const layoutKey = `${plan.columns}x${plan.rows}`;
    if (layoutKey !== this.lastLayout) {
      this.lastLayout = layoutKey;
      this.grid.style.setProperty('--columns', plan.columns);
      this.grid.style.setProperty('--rows', plan.rows);
    }
    this.fitText();
    this.grid.dataset.count = String(shown.length);
    this.grid.classList.toggle('is-empty', this.loaded && shown.length === 0);
    this.grid.dataset.emptyText = t('wallboard.empty');

    this.more.hidden = hidden <= 0;
    this.more.textContent = hidden > 0 ? t('wallboard.more', { count: hidden }) : '';
    return summary;
  }

  /**
   * Drops the least needed words of a card rather than cutting any (the category on the foot, the share used),
   * checked only for cards whose text or size changed since the last check.
   */
  fitText() {
    for (const card of this.cards.values()) {
      const check = `${card.key}|${card.area}|${this.lastLayout}|${card.band}|${card.parts.used.textContent.length}`;
      if (card.fitted === check) continue;
      card.fitted = check;
      for (const [row, optional] of [[card.parts.what.parentElement, card.parts.what], [card.parts.label.parentElement, card.parts.used]]) {
        optional.hidden = false;
        if (row.scrollWidth > row.clientWidth + 1) optional.hidden = true;
      }
    }
  }

  createCard(entry) {
    const id = entry.complaint.id;
    const element = document.createElement('article');
    element.className = entry.kind === 'case' ? 'card is-case' : 'card';
    if (entry.kind === 'case') element.dataset.caseId = id;
    else element.dataset.complaintId = id;
    // The card is the size container; the inner box is laid out in units of the card's size.
    // The id and the badges have lines of their own: neither may cut the other.
    element.innerHTML = `<div class="card-inner">
      <div class="card-id"></div>
      <div class="card-badges"></div>
      <div class="card-band"><span class="band-label"></span><span class="card-clock"></span><span class="band-used"></span></div>
      <div class="card-countdown"></div>
      <div class="card-note"></div>
      <div class="card-meter"><div class="card-meter-fill"></div></div>
      <div class="card-foot"><span class="card-what"></span><span class="card-who"></span></div></div>`;
    const part = (name) => element.querySelector(`.${name}`);
    const card = {
      element,
      parts: {
        id: part('card-id'), badges: part('card-badges'), clock: part('card-clock'), countdown: part('card-countdown'),
        label: part('band-label'), used: part('band-used'), note: part('card-note'), meter: part('card-meter-fill'), what: part('card-what'), who: part('card-who'),
      },
    };
    element.addEventListener('animationend', () => element.classList.remove('is-flashing'));
    this.cards.set(cardKey(entry), card);
    return card;
  }

  fill(card, { complaint, focus, kind }, nowMs) {
    const { element, parts } = card;
    const band = focus?.band ?? 'ok';
    const isCase = kind === 'case';
    if (card.band !== band) {
      element.classList.remove(...bands.map((b) => `band-${b}`));
      element.classList.add(`band-${band}`);
      element.dataset.band = band;
      const seenKey = cardKey({ complaint, kind });
      if (band === 'breached' && !this.breachedSeen.has(seenKey)) {
        this.breachedSeen.add(seenKey);
        // Only a breach seen happening flashes; one already breached when the board loaded does not.
        if (card.band !== undefined) element.classList.add('is-flashing');
      }
      card.band = band;
    }

    // Text that only changes with the complaint itself (or the language) is rebuilt only then.
    const stops = lateStops(complaint);
    const standing = focus ? standingText(focus, nowMs, this.scope.timeZone) : null;
    const key = `${kind}|${complaint.caseType}|${standing?.resumes}|${complaint.id}|${complaint.status}|${complaint.escalationLevel}|${complaint.escalationRole}|${complaint.agentId}|${complaint.severity}|${focus?.name}|${stops.map((x) => `${x.name}:${x.lateMs}`)}|${document.documentElement.lang}`;
    if (card.key !== key) {
      card.key = key;
      parts.id.textContent = complaint.id;
      // The id's type shrinks with its length so a long id is whole, never cut.
      parts.id.style.setProperty('--chars', String(Math.max(10, textColumns(complaint.id))));
      // When an outside-hours clock counts again goes on its own line: beside the band label it would be cut off.
      const notes = [...stops.map(lateStopText), standing?.resumes].filter(Boolean);
      parts.note.textContent = notes.join(' · ');
      parts.note.hidden = notes.length === 0;
      parts.badges.replaceChildren(...this.badges(complaint, isCase));
      parts.clock.textContent = focus ? clockLabel(focus.name) : t(`${isCase ? 'case' : 'complaint'}.status.${complaint.status}`);
      const category = complaint.category ? tOr(`category.${complaint.category}`, complaint.category) : '';
      const channel = complaint.channel ? tOr(`channel.${complaint.channel}`, complaint.channel) : '';
      parts.what.textContent = isCase ? caseTypeLabel(complaint.caseType) : [category, channel].filter(Boolean).join(' · ');
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
      parts.countdown.style.setProperty('--chars', String(Math.max(5, textColumns(countdown))));
    }
    parts.label.textContent = standing.label;
    // The long outside-hours label leaves no room for the share used; the meter still shows it.
    parts.used.textContent = focus.outsideWorkingHours ? '' : standing.used;
    parts.meter.style.transform = `scaleX(${Math.min(1, Math.max(0, focus.usedFraction)).toFixed(3)})`;
    element.dataset.remainingMs = String(Math.round(focus.remainingMs));
    element.classList.toggle('is-frozen', !focus.counting);
  }

  badges(complaint, isCase = false) {
    const result = [];
    // A case says what it is where nothing drops it: the badge line (the foot may lose its words on a small card).
    if (isCase) result.push(badge('badge-case', caseTypeLabel(complaint.caseType)));
    if (complaint.severity === 'high') result.push(badge('badge-high', t('complaint.severity.high')));
    if (complaint.escalationLevel > 0) result.push(badge('badge-escalated', escalationText(complaint)));
    if (complaint.status === 'paused') result.push(badge('badge-paused', t('complaint.status.paused')));
    return result;
  }
}

/** A card's identity: complaints by id, cases apart (a claim may share an id with a complaint). */
function cardKey(entry) {
  return entry.kind === 'case' ? `case:${entry.complaint.id}` : entry.complaint.id;
}

/**
 * The band label and the share used for a focus clock ("预警", "已用 80%"); for a calendar clock outside working hours
 * "暂停计时 · 非工作时间" and when it counts again (`resumes`, '' if unknown), so a frozen countdown is not read as a fault.
 * @param {ReturnType<typeof import('../urgency.js').clockStanding>} focus
 * @param {number} nowMs server time
 * @param {string} [timeZone] IANA zone of the resume time
 */
export function standingText(focus, nowMs, timeZone) {
  const used = focus.band === 'breached' ? '' : t('band.used', { percent: formatPercent(focus.usedFraction) });
  if (!focus.outsideWorkingHours) return { label: t(`band.${focus.band}`), used, resumes: '' };
  const resumes = focus.countingResumesAtMs === null ? '' : t('clock.resumesAt', { time: formatResumeAt(focus.countingResumesAtMs, nowMs, timeZone) });
  return { label: t('clock.outsideHours'), used, resumes };
}

/** The escalation badge: level and role, e.g. "升级3级 · 总监" / "L3 · Director". */
export function escalationText(complaint) {
  const level = complaint.escalationLevel;
  return complaint.escalationRole
    ? t('escalation.badge', { level, role: t(`escalation.role.${complaint.escalationRole}`) })
    : t('escalation.level', { level });
}

/** How late a stopped clock was, e.g. "首次响应：已响应 · 超时 20 秒" / "First response: met late by 20 s". */
export function lateStopText({ name, lateMs }) {
  const time = formatSpan(lateMs, (unit, count) => t(`span.${unit}`, { count }));
  const text = t(tOr(`stop.late.${name}`, null) === null ? 'stop.late' : `stop.late.${name}`, { time });
  return t('card.lateStop', { clock: clockLabel(name), text });
}

/** Width of a text in monospace columns: CJK and other wide characters take two. */
export function textColumns(text) {
  let columns = 0;
  for (const ch of String(text)) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return columns;
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
