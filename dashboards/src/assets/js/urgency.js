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
 * the target used and its band. Null for clocks that no longer (or do not yet) count down.
 * @param {object} clock a ComplaintView clock
 * @param {number} nowMs server time, epoch milliseconds
 */
export function clockStanding(clock, nowMs) {
  const rank = stateRank[clock?.state];
  if (rank === undefined) return null;
  const targetMs = parseDurationMs(clock.target);
  const dueAtMs = clock.dueAt ? Date.parse(clock.dueAt) : Number.NaN;
  let remainingMs;
  if (clock.state === 'paused' || Number.isNaN(dueAtMs)) {
    // A paused clock has no deadline; what is left stays as the server last computed it.
    remainingMs = parseDurationMs(clock.remaining);
    if (remainingMs === null && targetMs !== null) remainingMs = targetMs - (parseDurationMs(clock.elapsed) ?? 0);
    if (remainingMs === null) return null;
  } else {
    remainingMs = dueAtMs - nowMs;
  }
  // The server announces a breach a moment after the deadline; the board shows it on time.
  const breached = clock.state === 'breached' || (clock.state === 'running' && remainingMs <= 0);
  if (clock.state === 'breached' && clock.breachedAt && Number.isNaN(dueAtMs)) {
    remainingMs = Date.parse(clock.breachedAt) - nowMs;
  }
  const usedFraction = targetMs ? (targetMs - remainingMs) / targetMs : breached ? 1 : 0;
  return {
    name: clock.name,
    state: breached ? 'breached' : clock.state,
    rank: breached ? stateRank.breached : rank,
    targetMs,
    remainingMs,
    usedFraction,
    band: clock.state === 'paused' ? 'paused' : bandOf(usedFraction, breached),
  };
}

/**
 * The complaint's most urgent clock: the most overdue breached one, else the running one with
 * the least time left, else the paused one with the least left; null when none counts down.
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
    .sort((a, b) => {
      if (a.focus && b.focus) {
        const byFocus = compareStandings(a.focus, b.focus);
        if (byFocus !== 0) return byFocus;
      } else if (a.focus || b.focus) {
        return a.focus ? -1 : 1;
      }
      const byOpened = (Date.parse(a.complaint.openedAt) || 0) - (Date.parse(b.complaint.openedAt) || 0);
      return byOpened || String(a.complaint.id).localeCompare(String(b.complaint.id));
    });
}
