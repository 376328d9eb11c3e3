// REST access to the Realtime server; the dashboards are served by the same origin.

/**
 * GETs a JSON document and fails loudly on any non-2xx answer.
 * @param {string} path
 */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
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

/** GETs a JSON document; null when the server answers 404 (e.g. a team or agent with no event yet). */
export async function getJsonOrNull(path) {
  try {
    return await getJson(path);
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
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
 * Every agent's score summary (today) with its team: from the floor board when it lists agents,
 * else from each team's board.
 * @param {string | null} team one team, or null for the floor
 */
export async function getAgentScores(team) {
  const known = (await getTeams()).map((item) => item.teamId);
  // Asking only for listed teams keeps a 404 (and the browser's console error for it) off a fresh team's board.
  const teamIds = team ? known.filter((id) => id === team) : known;
  const boards = await Promise.all(teamIds.map((id) => getTeamBoard(id)));
  return boards.filter(Boolean).flatMap((board) => board.agents.map((agent) => ({ ...agent, teamId: board.teamId })));
}

/** GET /api/agents/{id}/scorecard?window=, or null when the agent has no event yet. */
export function getScorecard(agentId, window = 'today') {
  return getJsonOrNull(`/api/agents/${encodeURIComponent(agentId)}/scorecard?window=${encodeURIComponent(window)}`);
}
