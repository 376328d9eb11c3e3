// Quarter snapshots (issue 7): the API client and the pure shaping of a snapshot for tables.
// The endpoints may not be deployed on a server; then every call says so ({ available: false })
// and the view shows that, never made-up figures.

import { authFetch } from './auth.js';
import { sortRows } from './table.js';

/** Thrown when the quarter endpoints are missing on this server (404 on the list). */
export class QuartersUnavailable extends Error {}

async function request(method, path) {
  const response = await authFetch(path, { method, headers: { Accept: 'application/json' }, cache: 'no-store' });
  let body = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) body = await response.json();
  return { status: response.status, ok: response.ok, body };
}

/**
 * GET /api/quarters.
 * @returns {Promise<{ available: false } | { available: true, quarters: { quarter: string, status: string, closedAt?: string, hash?: string }[] }>}
 */
export async function loadQuarters() {
  const answer = await request('GET', '/api/quarters');
  if (answer.status === 404 || answer.status === 405) return { available: false };
  if (!answer.ok) throw new Error(`GET /api/quarters answered ${answer.status}`);
  const list = Array.isArray(answer.body) ? answer.body : answer.body?.items ?? [];
  return { available: true, quarters: [...list].sort((a, b) => String(b.quarter).localeCompare(String(a.quarter))) };
}

/**
 * POST /api/quarters/{q}/close: the snapshot, or the server's reason for refusing (409 not over, 400 malformed).
 * @param {string} quarter
 */
export async function closeQuarter(quarter) {
  const answer = await request('POST', `/api/quarters/${encodeURIComponent(quarter)}/close`);
  if (answer.ok) return { ok: true, snapshot: answer.body };
  return { ok: false, status: answer.status, detail: answer.body?.detail ?? answer.body?.title ?? null };
}

/** GET /api/quarters/{q}/snapshot, or null when the quarter has none. */
export async function loadSnapshot(quarter) {
  const answer = await request('GET', `/api/quarters/${encodeURIComponent(quarter)}/snapshot`);
  if (answer.status === 404) return null;
  if (!answer.ok) throw new Error(`GET snapshot of ${quarter} answered ${answer.status}`);
  return answer.body;
}

/** GET /api/agents/{id}/quarters: the agent's closed quarters, oldest first; [] when unknown. */
export async function loadAgentQuarters(agentId) {
  const answer = await request('GET', `/api/agents/${encodeURIComponent(agentId)}/quarters`);
  if (answer.status === 404) return [];
  if (!answer.ok) throw new Error(`GET quarters of ${agentId} answered ${answer.status}`);
  const list = Array.isArray(answer.body) ? answer.body : answer.body?.items ?? [];
  return [...list].sort((a, b) => String(a.quarter).localeCompare(String(b.quarter)));
}

/** The CSV download address of a snapshot. */
export function snapshotCsvUrl(quarter) {
  return `/api/quarters/${encodeURIComponent(quarter)}/snapshot?format=csv`;
}

/**
 * One table row per agent of a snapshot, with each dimension's score by id.
 * @param {object} snapshotAnswer the GET snapshot answer ({ quarter, hash, snapshot: { agents } })
 */
export function snapshotRows(snapshotAnswer) {
  const agents = snapshotAnswer?.snapshot?.agents ?? [];
  return agents.map((agent) => ({
    agentId: agent.agentId,
    teamId: agent.teamId ?? null,
    selfTotal: agent.selfTotal ?? null,
    supervisorTotal: agent.supervisorTotal ?? null,
    finalScore: agent.finalScore ?? null,
    bonusCoefficient: agent.bonusCoefficient ?? null,
    rankInTeam: agent.rankInTeam ?? null,
    rankOnFloor: agent.rankOnFloor ?? null,
    dimensions: Object.fromEntries((agent.dimensions ?? []).map((d) => [d.id, d.score ?? null])),
    indicators: agent.indicators ?? [],
  }));
}

/** The dimension ids a snapshot's agents have, in first-seen order (the rubric's order). */
export function snapshotDimensionIds(snapshotAnswer) {
  const ids = [];
  for (const agent of snapshotAnswer?.snapshot?.agents ?? []) {
    for (const d of agent.dimensions ?? []) if (!ids.includes(d.id)) ids.push(d.id);
  }
  return ids;
}

/** The snapshot's team ranking, best first (by the frozen rank, ties by team id). */
export function teamRanking(snapshotAnswer) {
  return sortRows(snapshotAnswer?.snapshot?.teams ?? [], (team) => team.rank, 'asc', (team) => team.teamId);
}
