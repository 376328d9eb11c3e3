// Countdown and time-of-day text of the wall board.

import { splitSpan } from './duration.js';

const pad = (n) => String(n).padStart(2, '0');

/**
 * A countdown as read from across the room: "04:59" under an hour, "1:04:59" under a day,
 * "{days}d 04:59" (via the days template) beyond; overdue spans get a leading "+".
 * @param {number} remainingMs negative once overdue
 * @param {(days: number, rest: string) => string} formatDays localised "N days + rest"
 */
export function formatCountdown(remainingMs, formatDays = (days, rest) => `${days}d ${rest}`) {
  const overdue = remainingMs < 0;
  // Count down in whole seconds the way a kitchen timer does: 00:00 is shown only at the deadline.
  const wholeMs = overdue ? -remainingMs : Math.ceil(remainingMs / 1000) * 1000;
  const { days, hours, minutes, seconds } = splitSpan(wholeMs);
  let text;
  if (days > 0) text = formatDays(days, `${pad(hours)}:${pad(minutes)}`);
  else if (hours > 0) text = `${hours}:${pad(minutes)}:${pad(seconds)}`;
  else text = `${pad(minutes)}:${pad(seconds)}`;
  return overdue ? `+${text}` : text;
}

/**
 * Share of target used as a whole percentage, capped so a long-breached clock does not read "4312 %".
 * @param {number} usedFraction
 */
export function formatPercent(usedFraction) {
  return Math.min(999, Math.max(0, Math.floor(usedFraction * 100)));
}

/**
 * Server wall-clock time as HH:MM:SS in the board's time zone.
 * @param {number} epochMs
 * @param {string} [timeZone] IANA zone; the company default is Asia/Shanghai
 */
export function formatTimeOfDay(epochMs, timeZone = 'Asia/Shanghai') {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone,
  }).format(new Date(epochMs));
}
