// The team and department KPIs the views show, in order, and how each stands against its target.

/**
 * KPI keys of KpisResource with their unit; the labels are in the language files (kpi.{key}).
 * Targets come from the server (configured), never from here.
 */
export const kpiCatalog = Object.freeze([
  { key: 'resolvedWithin48hRate', unit: 'percent' },
  { key: 'satisfactionAverage10', unit: 'score10' },
  { key: 'followupCoverage', unit: 'percent' },
  { key: 'followupRecordCompliance', unit: 'percent' },
  { key: 'firstContactResolutionRate', unit: 'percent' },
  { key: 'quickResolution7dRate', unit: 'percent' },
  { key: 'averageFirstResponseSeconds', unit: 'seconds' },
]);

/**
 * Where a KPI stands: met / missed against a target, tracked (no target), or no data.
 * @param {{ value: number | null, target: number | null, met: boolean | null } | null | undefined} kpi
 * @returns {'met' | 'missed' | 'tracked' | 'noData'}
 */
export function kpiStatus(kpi) {
  if (!kpi || kpi.value === null || kpi.value === undefined) return 'noData';
  if (kpi.target === null || kpi.target === undefined || kpi.met === null || kpi.met === undefined) return 'tracked';
  return kpi.met ? 'met' : 'missed';
}

/**
 * A KPI value (or target) in its unit: "95%", "8.2", "1:29".
 * @param {number | null} value
 * @param {string} unit percent | score10 | seconds
 */
export function formatKpiValue(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'percent') return `${Math.round(value * 10) / 10}%`;
  if (unit === 'seconds') {
    const whole = Math.round(value);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }
  return String(Math.round(value * 10) / 10);
}

/** The comparison sign of a KPI's goal, for "target ≥ 95%". */
export function goalSign(kpi) {
  return kpi?.goal === 'atMost' ? '≤' : '≥';
}
