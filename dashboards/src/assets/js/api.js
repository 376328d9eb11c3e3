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

// A server that only filters by "open" (and counts paused complaints as open) rejects the
// "paused" filter with 400; that is not an error for the board.
async function getPausedOrNothing(path) {
  try {
    return await getJson(path);
  } catch (error) {
    if (error.status === 400) return { items: [], total: 0 };
    throw error;
  }
}

/**
 * Every complaint that is still open (or paused) in the scope, as ComplaintView objects.
 * The server may or may not count paused complaints as open, so both statuses are asked for
 * and merged by id.
 * @param {{ team?: string | null, agent?: string | null }} scope
 * @returns {Promise<{ items: object[], total: number }>}
 */
export async function getUnresolvedComplaints(scope = {}) {
  const query = (status) => {
    const q = new URLSearchParams({ status });
    if (scope.team) q.set('team', scope.team);
    if (scope.agent) q.set('agent', scope.agent);
    return `/api/complaints?${q}`;
  };
  const [open, paused] = await Promise.all([getJson(query('open')), getPausedOrNothing(query('paused'))]);
  const byId = new Map();
  for (const item of [...(open.items ?? []), ...(paused.items ?? [])]) byId.set(item.id, item);
  const listed = (open.items?.length ?? 0) + (paused.items?.length ?? 0);
  const total = (open.total ?? 0) + (paused.total ?? 0);
  // A server that pages its answers reports more in total than it listed.
  return { items: [...byId.values()], total: byId.size + Math.max(0, total - listed) };
}
