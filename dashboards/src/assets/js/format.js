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

/**
 * When a clock outside working hours counts again: "09:00" if that is today in the zone, else "10-08 09:00"
 * (hours resume at the next working period, often the next working day, after a holiday days later).
 * @param {number} epochMs the instant counting resumes
 * @param {number} nowMs server time
 * @param {string} [timeZone] IANA zone; the company default is Asia/Shanghai
 */
export function formatResumeAt(epochMs, nowMs, timeZone = 'Asia/Shanghai') {
  const date = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(epochMs));
  const day = date.format(new Date(epochMs));
  return day === date.format(new Date(nowMs)) ? time : `${day.slice(5)} ${time}`;
}

/**
 * A fixed span in words, to the two largest units ("20 s", "3 min 5 s", "1 h 2 min", "2 d 3 h"),
 * for what no longer moves (how late a stopped clock was). Seconds round down; under a second is "0 s".
 * @param {number} ms non-negative
 * @param {(unit: 'd' | 'h' | 'min' | 's', count: number) => string} unitText localised "count unit"
 */
export function formatSpan(ms, unitText = (unit, count) => `${count} ${unit}`) {
  const { days, hours, minutes, seconds } = splitSpan(ms);
  const parts = [['d', days], ['h', hours], ['min', minutes], ['s', seconds]];
  const first = parts.findIndex(([, count]) => count > 0);
  if (first < 0) return unitText('s', 0);
  return parts.slice(first, first + 2).filter(([, count]) => count > 0).map(([unit, count]) => unitText(unit, count)).join(' ');
}
