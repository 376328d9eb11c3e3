// Generic cases (claims, follow-ups …) for the wall board and the agent view: the open cases of a scope, kept live by
// caseChanged, caseBreached and caseEscalated, and which of them the board shows (warned or breached). Pure state, unit-tested.

import { tOr } from './i18n.js';
import { orderByUrgency } from './urgency.js';

/** Bands a case must be in to be shown on the wall board: warned (75 % of its target used) or breached. */
export const shownBands = Object.freeze(new Set(['warning', 'urgent', 'breached']));

export class CaseList {
  /**
   * @param {{ team?: string | null, agent?: string | null }} scope the board's team, or the agent whose own cases these are
   */
  constructor(scope = {}) {
    this.scope = scope;
    /** @type {Map<string, object>} case id → CaseView */
    this.cases = new Map();
    /** @type {object[] | null} views pushed while a REST snapshot is on its way (null when none is) */
    this.pushedDuringSnapshot = null;
    this.loaded = false;
  }

  /** Starts a REST snapshot: pushes arriving meanwhile are re-applied on top of it (the snapshot may predate them). */
  beginSnapshot() {
    this.pushedDuringSnapshot = [];
  }

  /** Ends a snapshot that failed (load was never called). */
  endSnapshot() {
    this.pushedDuringSnapshot = null;
  }

  /** Replaces the state with a REST snapshot (GET /api/cases), then re-applies what was pushed meanwhile. */
  load(items) {
    const pushed = this.pushedDuringSnapshot ?? [];
    this.pushedDuringSnapshot = null;
    this.cases.clear();
    for (const item of items ?? []) {
      if (!this.leaves(item)) this.cases.set(item.id, item);
    }
    for (const view of pushed) {
      if (this.leaves(view)) this.cases.delete(view.id);
      else if (!this.cases.has(view.id)) this.cases.set(view.id, view);
    }
    this.loaded = true;
  }

  /** Whether a view is not (or no longer) this scope's: closed, another team's, or someone else's. */
  leaves(view) {
    if (!view || view.status === 'closed') return true;
    if (this.scope.team && view.teamId !== this.scope.team) return true;
    return Boolean(this.scope.agent) && view.agentId !== this.scope.agent;
  }

  /** Applies a pushed CaseView (caseChanged). */
  upsert(view) {
    if (!view?.id) return;
    this.pushedDuringSnapshot?.push(view);
    if (this.leaves(view)) this.cases.delete(view.id);
    else this.cases.set(view.id, view);
  }

  /** Marks a clock breached as soon as caseBreached says so, ahead of the caseChanged that follows. */
  markBreached({ caseId, clock, breachedAt, dueAt } = {}) {
    const target = this.cases.get(caseId)?.clocks?.find((c) => c.name === clock);
    if (!target) return false;
    target.state = 'breached';
    target.breachedAt = breachedAt ?? target.breachedAt;
    target.dueAt = dueAt ?? target.dueAt;
    return true;
  }

  /** Shows a climb of the escalation chain (caseEscalated) at once, ahead of the caseChanged that follows; never lowers it. */
  markEscalated({ caseId, level, role } = {}) {
    const view = this.cases.get(caseId);
    if (!view || !(level > (view.escalationLevel ?? 0))) return false;
    view.escalationLevel = level;
    view.escalationRole = role ?? view.escalationRole;
    return true;
  }

  /** Clears the list (the TV rotation moved the board to another team). */
  clear() {
    this.cases.clear();
  }

  /**
   * The cases in urgency order (breached first, then least working time left), each with its focus clock.
   * @param {number} nowMs server time
   */
  ordered(nowMs) {
    return orderByUrgency([...this.cases.values()], nowMs);
  }

  /**
   * The cases the wall board shows: those whose most urgent clock is warned or breached, most urgent first.
   * @param {number} nowMs server time
   */
  warned(nowMs) {
    return this.ordered(nowMs).filter(({ focus }) => focus && (shownBands.has(focus.band) || focus.state === 'breached'));
  }
}

/** The localised name of a case type ("理赔" / "Claim"); unknown (configured) types show as sent. */
export function caseTypeLabel(caseType) {
  return caseType ? tOr(`caseType.${caseType}`, caseType) : '';
}
