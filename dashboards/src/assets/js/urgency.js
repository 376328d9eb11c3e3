// Which clock of a complaint matters most right now, how urgent it is, and in which order the
// board shows complaints. Pure functions of (ComplaintView, server time) so they are unit-tested.

import { parseDurationMs } from './duration.js';

/**
 * Share-of-target thresholds of the urgency bands: below 50 % ok, 50–75 % attention,
 * 75–90 % warning, from 90 % urgent, past the target breached.
 */
export const bandThresholds = Object.freeze({ attention: 0.5, warning: 0.75, urgent: 0.9 });

// Lower ranks are shown first: a breached clock outranks any running one, a paused clock
// (not counting down) comes after every running one.
const stateRank = { breached: 0, running: 1, paused: 2 };

/**
 * The urgency band of a clock from the share of its target already used.
 * @param {number} usedFraction elapsed ÷ target
 * @param {boolean} breached whether the target has passed
 * @returns {'ok' | 'attention' | 'warning' | 'urgent' | 'breached'}
 */
export function bandOf(usedFraction, breached) {
  if (breached || usedFraction >= 1) return 'breached';
  if (usedFraction >= bandThresholds.urgent) return 'urgent';
  if (usedFraction >= bandThresholds.warning) return 'warning';
  if (usedFraction >= bandThresholds.attention) return 'attention';
  return 'ok';
}

/**
 * One clock's standing at a server time: what is left (negative once overdue), the share of
 * the target used and its band. Null for clocks that no longer (or do not yet) count down:
 * not started, met, or breached and then stopped (`stoppedAt`), whose overdue time is history
 * (see {@link lateStops}), not a customer still waiting.
 * A breached clock that is paused has a frozen overdue time; `counting` says whether the time moves.
 * A running calendar clock outside working hours (`outsideWorkingHours`) keeps its working time left frozen
 * and says when counting resumes (`countingResumesAtMs`, null when unknown). Inside working hours it counts its
 * working time left (`remaining` as of `asOf`) down in wall time until `countingPausesAt`, and from then on reads as
 * outside working hours until `countingResumesAfterPauseAt`.
 * @param {object} clock a ComplaintView clock
 * @param {number} nowMs server time, epoch milliseconds
 */
export function clockStanding(clock, nowMs) {
  const rank = stateRank[clock?.state];
  if (rank === undefined || clock.stoppedAt) return null;
  const targetMs = parseDurationMs(clock.target);
  const dueAtMs = clock.dueAt ? Date.parse(clock.dueAt) : Number.NaN;
  const gap = workingTimeGap(clock, targetMs);
  const outsideHours = gap !== null && gap.startMs <= nowMs && !(nowMs >= gap.endMs);
  const counting = clock.state !== 'paused' && !outsideHours && !Number.isNaN(dueAtMs);
  let remainingMs;
  if (gap !== null) {
    // Working time only passes outside the gap; past its end (the server pushes nothing when hours begin) the board
    // counts on its own until the next push.
    const beforeGapMs = gap.startMs > gap.fromMs ? Math.max(0, Math.min(nowMs, gap.startMs) - gap.fromMs) : 0;
    const countedMs = beforeGapMs + (nowMs >= gap.endMs ? nowMs - gap.endMs : 0);
    remainingMs = gap.remainingMs - countedMs;
  } else if (counting) {
    remainingMs = dueAtMs - nowMs;
  } else {
    // Not counting (paused, also after its breach): what is left, or how far over, stays as the server computed it.
    const elapsedMs = parseDurationMs(clock.elapsed);
    remainingMs = targetMs !== null && elapsedMs !== null ? targetMs - elapsedMs : parseDurationMs(clock.remaining);
    if (remainingMs === null) return null;
  }
  // The server announces a breach a moment after the deadline; the board shows it on time.
  const breached = clock.state === 'breached' || (clock.state === 'running' && remainingMs <= 0);
  const usedFraction = targetMs ? (targetMs - remainingMs) / targetMs : breached ? 1 : 0;
  return {
    name: clock.name,
    state: breached ? 'breached' : clock.state,
    rank: breached ? stateRank.breached : rank,
    targetMs,
    remainingMs,
    usedFraction,
    counting,
    band: clock.state === 'paused' ? 'paused' : bandOf(usedFraction, breached),
    outsideWorkingHours: outsideHours,
    countingResumesAtMs: outsideHours && !Number.isNaN(gap.endMs) ? gap.endMs : null,
  };
}

/**
 * When a running calendar clock does not count, as the server told: from `startMs` (already begun outside working
 * hours) to `endMs` (NaN when unknown), with the working time left `remainingMs` as of `fromMs`. Null for a clock that
 * counts to its `dueAt` in wall time: a 24×7 clock, one due within the current working period, or one from a server
 * that sends no `countingPausesAt`/`asOf`.
 */
function workingTimeGap(clock, targetMs) {
  if (clock.state !== 'running') return null;
  const remainingMs = frozenRemainingMs(clock, targetMs);
  if (remainingMs === null) return null;
  const asOfMs = clock.asOf ? Date.parse(clock.asOf) : Number.NaN;
  if (clock.outsideWorkingHours === true) {
    // Nothing counts between the view and the resume, so when the view was taken does not matter.
    const endMs = clock.countingResumesAt ? Date.parse(clock.countingResumesAt) : Number.NaN;
    return { fromMs: -Infinity, startMs: -Infinity, endMs, remainingMs };
  }
  const pausesAtMs = clock.countingPausesAt ? Date.parse(clock.countingPausesAt) : Number.NaN;
  if (Number.isNaN(pausesAtMs) || Number.isNaN(asOfMs)) return null;
  const endMs = clock.countingResumesAfterPauseAt ? Date.parse(clock.countingResumesAfterPauseAt) : Number.NaN;
  return { fromMs: asOfMs, startMs: pausesAtMs, endMs, remainingMs };
}

// Working time left as the server computed it (remaining, else target − elapsed); null when it sent neither.
function frozenRemainingMs(clock, targetMs) {
  const remainingMs = parseDurationMs(clock.remaining);
  if (remainingMs !== null) return remainingMs;
  const elapsedMs = parseDurationMs(clock.elapsed);
  return targetMs !== null && elapsedMs !== null ? targetMs - elapsedMs : null;
}

/**
 * Clocks that breached and then stopped (e.g. a first response given 20 s late), with how late
 * they stopped: running time past the target, fixed once stopped. Oldest stop first.
 * @param {object} complaint a ComplaintView
 * @returns {{ name: string, lateMs: number }[]}
 */
export function lateStops(complaint) {
  const result = [];
  for (const clock of complaint?.clocks ?? []) {
    if (clock?.state !== 'breached' || !clock.stoppedAt) continue;
    const targetMs = parseDurationMs(clock.target);
    const elapsedMs = parseDurationMs(clock.elapsed);
    let lateMs = targetMs !== null && elapsedMs !== null ? elapsedMs - targetMs : Number.NaN;
    // Without the running time, the wall time from breach to stop (equal unless it was paused in between).
    if (!(lateMs >= 0) && clock.breachedAt) lateMs = Date.parse(clock.stoppedAt) - Date.parse(clock.breachedAt);
    result.push({ name: clock.name, lateMs: Math.max(0, lateMs || 0), stoppedAtMs: Date.parse(clock.stoppedAt) });
  }
  return result.sort((a, b) => a.stoppedAtMs - b.stoppedAtMs).map(({ name, lateMs }) => ({ name, lateMs }));
}

/**
 * The complaint's most urgent clock still open: the most overdue breached one, else the running one
 * with the least time left, else the paused one with the least left; null when none counts down.
 * A stopped clock is never the focus, so a first response met late leaves the resolution countdown on the card.
 * @param {object} complaint a ComplaintView
 * @param {number} nowMs
 */
export function focusClock(complaint, nowMs) {
  let best = null;
  for (const clock of complaint?.clocks ?? []) {
    const standing = clockStanding(clock, nowMs);
    if (standing && (!best || compareStandings(standing, best) < 0)) best = standing;
  }
  return best;
}

function compareStandings(a, b) {
  return a.rank - b.rank || a.remainingMs - b.remainingMs;
}

/**
 * Orders complaints for the board: breached first (most overdue first), then least time left;
 * complaints without a counting clock last. Ties fall back to opening time, then id, so the
 * order is stable from one second to the next.
 * @param {object[]} complaints ComplaintViews
 * @param {number} nowMs
 * @returns {{ complaint: object, focus: ReturnType<typeof focusClock> }[]}
 */
export function orderByUrgency(complaints, nowMs) {
  return complaints
    .map((complaint) => ({ complaint, focus: focusClock(complaint, nowMs) }))
    .sort(compareByUrgency);
}

/**
 * The board's order of two entries ({ complaint, focus }, complaints or cases alike): by focus clock, then opening time, then id.
 * @returns {number}
 */
export function compareByUrgency(a, b) {
  if (a.focus && b.focus) {
    const byFocus = compareStandings(a.focus, b.focus);
    if (byFocus !== 0) return byFocus;
  } else if (a.focus || b.focus) {
    return a.focus ? -1 : 1;
  }
  const byOpened = (Date.parse(a.complaint.openedAt) || 0) - (Date.parse(b.complaint.openedAt) || 0);
  return byOpened || String(a.complaint.id).localeCompare(String(b.complaint.id));
}
