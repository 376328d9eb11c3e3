// The agent's own open complaints as a list with countdowns, most urgent first. Same urgency
// and countdown code as the wall board; redrawn from the page's one animation loop.

import { t, tOr } from '../i18n.js';
import { orderByUrgency } from '../urgency.js';
import { formatCountdown } from '../format.js';
import { clockLabel, standingText } from '../wallboard/board.js';

const bands = ['ok', 'attention', 'warning', 'urgent', 'breached', 'paused'];

export class AgentComplaints {
  /**
   * @param {HTMLOListElement} list
   * @param {HTMLElement} count
   * @param {string} agentId
   * @param {string} [timeZone] IANA zone of times shown (when a paused calendar clock resumes)
   */
  constructor(list, count, agentId, timeZone = 'Asia/Shanghai') {
    this.timeZone = timeZone;
    this.list = list;
    this.count = count;
    this.agentId = agentId;
    /** @type {Map<string, object>} */
    this.complaints = new Map();
    /** @type {Map<string, { element: HTMLLIElement, parts: Record<string, HTMLElement>, key?: string }>} */
    this.rows = new Map();
    this.loaded = false;
    this.emptyKey = 'agent.complaintsEmpty';
    this.statusPrefix = 'complaint';
  }

  /** @param {object[]} items ComplaintViews assigned to the agent */
  load(items) {
    this.complaints.clear();
    for (const item of items) this.complaints.set(item.id, item);
    for (const row of this.rows.values()) row.key = undefined;
    this.loaded = true;
  }

  /** A pushed ComplaintView: resolved or reassigned to someone else leaves the list. */
  upsert(view) {
    if (view.status === 'resolved' || view.agentId !== this.agentId) this.complaints.delete(view.id);
    else this.complaints.set(view.id, view);
  }

  /** The complaint's current view, if it is on the list. */
  get(id) {
    return this.complaints.get(id) ?? null;
  }

  render(nowMs) {
    const ordered = orderByUrgency([...this.complaints.values()], nowMs);
    const wanted = new Set(ordered.map((entry) => entry.complaint.id));
    for (const [id, row] of this.rows) {
      if (!wanted.has(id)) {
        row.element.remove();
        this.rows.delete(id);
      }
    }
    let previous = null;
    for (const entry of ordered) {
      const row = this.rows.get(entry.complaint.id) ?? this.createRow(entry.complaint.id);
      this.fill(row, entry, nowMs);
      const expectedNext = previous ? previous.nextSibling : this.list.firstChild;
      if (expectedNext !== row.element) this.list.insertBefore(row.element, expectedNext);
      previous = row.element;
    }
    this.list.classList.toggle('is-empty', this.loaded && ordered.length === 0);
    this.list.dataset.emptyText = t(this.emptyKey);
    this.count.textContent = this.loaded ? String(ordered.length) : '';
  }

  /** What the row says beside the id: the category and the (masked) customer. */
  describe(complaint) {
    const category = complaint.category ? tOr(`category.${complaint.category}`, complaint.category) : '';
    return [category, complaint.customerName].filter(Boolean).join(' · ');
  }

  createRow(id) {
    const element = document.createElement('li');
    element.className = 'agent-complaint';
    element.dataset.complaintId = id;
    element.innerHTML = `<div class="ac-main"><span class="ac-id"></span><span class="ac-what"></span><span class="ac-badges"></span></div>
      <div class="ac-clock"><span class="ac-clock-name"></span><span class="ac-countdown"></span></div>
      <div class="ac-band"><span class="band-label"></span><span class="band-used"></span></div>
      <div class="card-meter"><div class="card-meter-fill"></div></div>`;
    const part = (name) => element.querySelector(`.${name}`);
    const row = {
      element,
      parts: {
        id: part('ac-id'), what: part('ac-what'), badges: part('ac-badges'), clock: part('ac-clock-name'), countdown: part('ac-countdown'),
        label: part('band-label'), used: part('band-used'), meter: part('card-meter-fill'),
      },
    };
    this.rows.set(id, row);
    return row;
  }

  fill(row, { complaint, focus }, nowMs) {
    const { element, parts } = row;
    const band = focus?.band ?? 'ok';
    if (element.dataset.band !== band) {
      element.classList.remove(...bands.map((b) => `band-${b}`));
      element.classList.add(`band-${band}`);
      element.dataset.band = band;
    }
    const key = `${complaint.status}|${complaint.escalationLevel}|${complaint.severity}|${focus?.name}|${document.documentElement.lang}`;
    if (row.key !== key) {
      row.key = key;
      parts.id.textContent = complaint.id;
      parts.what.textContent = this.describe(complaint);
      const badges = [];
      if (complaint.severity === 'high') badges.push(badge('badge-high', t('complaint.severity.high')));
      if (complaint.escalationLevel > 0) {
        const role = complaint.escalationRole ? ` · ${t(`escalation.role.${complaint.escalationRole}`)}` : '';
        badges.push(badge('badge-escalated', `${t('escalation.level', { level: complaint.escalationLevel })}${role}`));
      }
      parts.badges.replaceChildren(...badges);
      parts.clock.textContent = focus ? clockLabel(focus.name) : t(`${this.statusPrefix}.status.${complaint.status}`);
    }
    if (!focus) {
      parts.countdown.textContent = '—';
      parts.label.textContent = t(`${this.statusPrefix}.status.${complaint.status}`);
      parts.used.textContent = '';
      parts.meter.style.transform = 'scaleX(0)';
      return;
    }
    const countdown = formatCountdown(focus.remainingMs, (days, rest) => t('duration.days', { days, rest }));
    if (parts.countdown.textContent !== countdown) parts.countdown.textContent = countdown;
    const { label, used, resumes } = standingText(focus, nowMs, this.timeZone);
    parts.label.textContent = label;
    parts.used.textContent = [resumes, used].filter(Boolean).join(' · ');
    parts.meter.style.transform = `scaleX(${Math.min(1, Math.max(0, focus.usedFraction)).toFixed(3)})`;
  }
}

function badge(className, text) {
  const span = document.createElement('span');
  span.className = `badge ${className}`;
  span.textContent = text;
  return span;
}
