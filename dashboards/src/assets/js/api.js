// REST access to the Realtime server; the dashboards are served by the same origin.

import { authFetch } from './auth.js';
import { caseKpisPath } from './caseKpis.js';
import { alertsOldestFirst } from './recentAlerts.js';

/**
 * GETs a JSON document and fails loudly on any non-2xx answer.
 * @param {string} path
 */
export async function getJson(path) {
  const response = await authFetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw Object.assign(new Error(`GET ${path} answered ${response.status}`), { status: response.status });
  return response.json();
}

/**
 * Every unresolved complaint in the scope ("open" includes paused ones), as ComplaintView
 * objects, and how many there are in total (the server lists at most a page of them).
 * @param {{ team?: string | null, agent?: string | null }} scope
 * @returns {Promise<{ items: object[], total: number }>}
 */
export async function getOpenComplaints(scope = {}, limit = 200) {
  const query = new URLSearchParams({ status: 'open', limit: String(limit) });
  if (scope.team) query.set('team', scope.team);
  if (scope.agent) query.set('agent', scope.agent);
  const answer = await getJson(`/api/complaints?${query}`);
  const items = answer.items ?? [];
  return { items, total: Math.max(items.length, answer.total ?? 0) };
}

/**
 * Every case not closed in the scope (claims, follow-ups …; paused ones included), as CaseView objects, most urgent first.
 * @param {{ team?: string | null, agent?: string | null }} scope
 * @returns {Promise<{ items: object[], total: number }>}
 */
export async function getOpenCases(scope = {}, limit = 200) {
  const query = new URLSearchParams({ status: 'open', limit: String(limit) });
  if (scope.team) query.set('team', scope.team);
  if (scope.agent) query.set('agent', scope.agent);
  const answer = await getJson(`/api/cases?${query}`);
  const items = answer.items ?? [];
  return { items, total: Math.max(items.length, answer.total ?? 0) };
}

/** GETs a JSON document; null when the server answers 404 (e.g. a team or agent with no event yet). */
export async function getJsonOrNull(path) {
  try {
    return await getJson(path);
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

/**
 * The scope's recent warnings, breaches and escalations, oldest first with their server instants (GET /api/floor/alerts,
 * /api/teams/{id}/alerts or /api/agents/{id}/alerts); none when the server cannot answer, since the ticker then simply
 * starts with the live alerts.
 * @param {{ team?: string | null, agent?: string | null }} scope none for the floor
 */
export async function getRecentAlerts(scope = {}) {
  const path = scope.agent ? `/api/agents/${encodeURIComponent(scope.agent)}/alerts`
    : scope.team ? `/api/teams/${encodeURIComponent(scope.team)}/alerts` : '/api/floor/alerts';
  try {
    return alertsOldestFirst(await getJson(path));
  } catch (error) {
    console.warn(`[alerts] ${error.message}`);
    return [];
  }
}

/** GET /api/floor/board: department KPIs, every team's KPIs, the most urgent open complaints. */
export function getFloorBoard({ window = 'today', limit = 1 } = {}) {
  return getJson(`/api/floor/board?${new URLSearchParams({ window, limit: String(limit) })}`);
}

/** GET /api/teams/{id}/board, or null when the team has no event yet. */
export function getTeamBoard(team, { window = 'today', limit = 1 } = {}) {
  return getJsonOrNull(`/api/teams/${encodeURIComponent(team)}/board?${new URLSearchParams({ window, limit: String(limit) })}`);
}

/** The team's board when the server knows the team (it is listed by GET /api/teams), else null. */
export async function getKnownTeamBoard(team, options) {
  const known = await getTeams();
  return known.some((item) => item.teamId === team) ? getTeamBoard(team, options) : null;
}

/** GET /api/teams: the team ids with their open counts. */
export async function getTeams() {
  return (await getJson('/api/teams')).items ?? [];
}

/**
 * A board's KPIs (over the window), its agents' scores (over the window, each with its team and
 * total band) and the edges that grade totals: the floor board, or one team's (null before the
 * team's first event).
 * @param {string | null} team one team, or null for the floor
 * @returns {Promise<{ kpis: object | null, agents: object[], totalBands: object | null }>}
 */
export async function getBoard(team, window = 'today') {
  const board = team ? await getKnownTeamBoard(team, { window }) : await getFloorBoard({ window });
  if (!board) return { kpis: null, agents: [], totalBands: null };
  return {
    kpis: team ? board.kpis : board.floor,
    agents: (board.agents ?? []).map((agent) => ({ ...agent, teamId: agent.teamId ?? board.teamId })),
    totalBands: board.totalBands ?? null,
  };
}

/** Every agent's score over the window with its team (the floor board lists them all). */
export async function getAgentScores(team, window = 'today') {
  return (await getBoard(team, window)).agents;
}

/**
 * Daily KPI series over the last `days` days: GET /api/floor/kpis/daily ({ floor, teams }) for
 * the floor, GET /api/teams/{id}/kpis/daily for a team (null before its first event).
 * @param {string | null} team
 */
export async function getDailyKpis(team, days = 14) {
  const query = new URLSearchParams({ days: String(days) });
  if (!team) return getJson(`/api/floor/kpis/daily?${query}`);
  const known = await getTeams();
  return known.some((item) => item.teamId === team) ? getJsonOrNull(`/api/teams/${encodeURIComponent(team)}/kpis/daily?${query}`) : null;
}

/** GET /api/agents/{id}/scorecard?window=, or null when the agent has no event yet. */
export function getScorecard(agentId, window = 'today') {
  return getJsonOrNull(`/api/agents/${encodeURIComponent(agentId)}/scorecard?window=${encodeURIComponent(window)}`);
}

/** A team's (or, without team, the floor's) case clock KPIs of a window: the kpis list, empty when there is none. */
export async function getCaseKpis(team, window = 'today') {
  return (await getJsonOrNull(caseKpisPath(team, window)))?.kpis ?? [];
}
