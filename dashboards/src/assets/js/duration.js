// ISO 8601 durations as the server writes them (TimeSpan → "PT2M", "PT1M3.5S", "P2D", "P7DT0H").
// Months and years never occur in SLA targets, and their length is ambiguous, so they are rejected.

const PATTERN = /^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration into milliseconds.
 * @param {string | null | undefined} text e.g. "PT1M3.5S"
 * @returns {number | null} milliseconds, or null when absent or not a duration
 */
export function parseDurationMs(text) {
  if (typeof text !== 'string' || text === 'P' || text.endsWith('T')) return null;
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, sign, w, d, h, min, s] = m;
  const ms = ((+(w ?? 0) * 7 + +(d ?? 0)) * 86_400 + +(h ?? 0) * 3_600 + +(min ?? 0) * 60 + +(s ?? 0)) * 1000;
  return sign ? -ms : ms;
}

/**
 * Splits a non-negative span into whole days, hours, minutes and seconds (seconds rounded down).
 * @param {number} ms
 */
export function splitSpan(ms) {
  let total = Math.floor(Math.max(0, ms) / 1000);
  const seconds = total % 60; total = (total - seconds) / 60;
  const minutes = total % 60; total = (total - minutes) / 60;
  const hours = total % 24;
  const days = (total - hours) / 24;
  return { days, hours, minutes, seconds };
}
