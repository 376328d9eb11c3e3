// Case clock KPIs (claims, follow-ups) as the views read them: the REST windows, the caseKpiChanged payload's
// properties, and one clock's share met shaped as a KpiResource so the shared KPI tile can show it.

/** The clocks the boards show, in order (appsettings.json ships them); others a server adds follow by name. */
export const caseClockOrder = Object.freeze([
  'surveyAcceptance', 'smallClaimClosure', 'smallInjuryClaimClosure', 'unassessedClaimFollowUp', 'followupRecordEntry',
]);

/** The windows of GET …/case-kpis?window=, each with the property of a caseKpiChanged payload that carries it. */
export const caseKpiWindows = Object.freeze([
  { window: 'today', pushed: 'today' },
  { window: '7d', pushed: 'last7Days' },
  { window: 'qtd', pushed: 'quarterToDate' },
]);

/** The REST path of a scope's case KPIs: a team's, or the floor's when team is empty. */
export function caseKpisPath(team, window = 'today') {
  const scope = team ? `/api/teams/${encodeURIComponent(team)}` : '/api/floor';
  return `${scope}/case-kpis?window=${encodeURIComponent(window)}`;
}

/**
 * The KPI list of one window from a caseKpiChanged payload, or null when the push is another scope's.
 * @param {object} payload `{ teamId, today, last7Days, quarterToDate }`; the floor's teamId is "floor"
 * @param {string | null} team the view's team (null: the floor)
 */
export function pushedCaseKpis(payload, team, window = 'today') {
  if (!payload || payload.teamId !== (team || 'floor')) return null;
  const pushed = caseKpiWindows.find((entry) => entry.window === window)?.pushed;
  return pushed ? payload[pushed] ?? [] : null;
}

/** Every clock to show: the known ones in their order, then any other the server reports. */
export function caseClocks(kpis) {
  const extra = (kpis ?? []).map((kpi) => kpi.clock).filter((clock) => !caseClockOrder.includes(clock));
  return [...caseClockOrder, ...[...new Set(extra)].sort()];
}

/**
 * One clock's KPI as a KpiResource (`{ value, target, met }`), or null when no clock of it ended in the window
 * (a rate without ended clocks would be a made-up 0 % or 100 %). Case KPIs carry no configured target.
 */
export function caseKpiResource(kpis, clock) {
  const kpi = (kpis ?? []).find((entry) => entry.clock === clock);
  if (!kpi || kpi.rate === null || kpi.rate === undefined || kpi.met + kpi.breached === 0) return null;
  // A target, should the server ever send one, grades the tile as the complaint KPIs' do.
  const target = kpi.target ?? null;
  return { value: kpi.rate, target, goal: 'atLeast', met: target === null ? null : kpi.rate >= target, metCount: kpi.met, ended: kpi.met + kpi.breached };
}

/** Whether any clock has a value in the window (at least one clock of it ended), i.e. something but "no data" to show. */
export function caseKpisHaveData(kpis) {
  return caseClocks(kpis).some((clock) => caseKpiResource(kpis, clock) !== null);
}

/**
 * The groups the wall board's KPI strip shows in turn: the complaint KPIs always, the case clocks only when at least one
 * of them has data in the board's scope (a group of five "no data" tiles would only take the complaint KPIs' time).
 * @returns {('complaint' | 'case')[]}
 */
export function kpiRotationGroups(caseKpis) {
  return caseKpisHaveData(caseKpis) ? ['complaint', 'case'] : ['complaint'];
}

/** The seconds each group stays on screen: ?kpiRotate=<seconds> (at least 1), 12 by default. */
export function kpiRotateSeconds(parameter, fallback = 12) {
  const seconds = Number(parameter);
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(1, seconds) : fallback;
}
