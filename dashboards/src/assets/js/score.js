// Scorecard presentation shared by the views: indicator bands in order, values in their units,
// and "what would lift it". Pure functions of the API's scorecard JSON so they are unit-tested.

/** Scorecard bands from best to worst, as the API names them. */
export const scoreBands = Object.freeze(['excellent', 'good', 'pass', 'fail']);

/**
 * The band one step better than band, or null at the top (or without data).
 * @param {string | null} band
 */
export function nextBand(band) {
  const index = scoreBands.indexOf(band);
  return index > 0 ? scoreBands[index - 1] : null;
}

/**
 * What would lift an indicator into its next band. The edge is given only when the server
 * sends the rubric's band edges with the indicator (`direction`, `edges`); otherwise only the
 * next band is named — a number we do not have is never made up.
 * @param {{ band: string | null, direction?: string, edges?: { excellent: number, good: number, pass: number, excellentInclusive?: boolean } }} indicator
 * @returns {{ kind: 'noData' } | { kind: 'top' } | { kind: 'next', band: string, edge?: number, comparison?: '≥' | '≤' | '<' }}
 */
export function liftHint(indicator) {
  if (!indicator?.band) return { kind: 'noData' };
  const band = nextBand(indicator.band);
  if (!band) return { kind: 'top' };
  const edge = indicator.edges?.[band];
  if (typeof edge !== 'number' || (indicator.direction !== 'higherIsBetter' && indicator.direction !== 'lowerIsBetter')) {
    return { kind: 'next', band };
  }
  // Mirrors BandEdges.Classify on the server: higher-is-better edges are inclusive; lower-is-better
  // ones are inclusive too except the excellent edge, unless the rubric marks it inclusive.
  let comparison = '≥';
  if (indicator.direction === 'lowerIsBetter') comparison = band === 'excellent' && !indicator.edges.excellentInclusive ? '<' : '≤';
  return { kind: 'next', band, edge, comparison };
}

/**
 * An indicator's value in its unit, e.g. "2.5%", "1:05", "87.5", "3"; null (no data) as "—".
 * @param {number | null} value
 * @param {string} unit score | percent | seconds | count
 */
export function formatIndicatorValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'percent': return `${trimNumber(value)}%`;
    case 'seconds': {
      const whole = Math.round(value);
      const minutes = Math.floor(whole / 60);
      return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
    }
    case 'count': return String(Math.round(value));
    default: return trimNumber(value);
  }
}

/** A score or total with at most one decimal ("88", "87.5"); null as "—". */
export function formatScore(value) {
  return value === null || value === undefined ? '—' : trimNumber(value);
}

function trimNumber(value) {
  return String(Math.round(value * 10) / 10);
}

/**
 * The band of a total: the server's (`totalBand` on boards and scorecards), else the total graded
 * with the edges the server sent (`totalBands`, for pushes that carry no band), else null — a
 * total is never graded by a guess.
 * @param {{ total?: number | null, totalBand?: string | null, band?: string | null } | null | undefined} score
 * @param {{ excellent: number, good: number, pass: number } | null} [edges]
 */
export function totalBand(score, edges = null) {
  if (scoreBands.includes(score?.totalBand)) return score.totalBand;
  if (scoreBands.includes(score?.band)) return score.band;
  return gradeTotal(score?.total, edges);
}

/**
 * Mirrors TotalScoreBands on the server: higher is better, a total on an edge takes the better band.
 * @param {number | null | undefined} total
 * @param {{ excellent: number, good: number, pass: number } | null | undefined} edges
 */
export function gradeTotal(total, edges) {
  if (typeof total !== 'number' || !Number.isFinite(total) || !edges) return null;
  if (total >= edges.excellent) return 'excellent';
  if (total >= edges.good) return 'good';
  if (total >= edges.pass) return 'pass';
  return 'fail';
}
