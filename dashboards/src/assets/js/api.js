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
export async function getOpenComplaints(scope = {}) {
  const query = new URLSearchParams({ status: 'open' });
  if (scope.team) query.set('team', scope.team);
  if (scope.agent) query.set('agent', scope.agent);
  const answer = await getJson(`/api/complaints?${query}`);
  const items = answer.items ?? [];
  return { items, total: Math.max(items.length, answer.total ?? 0) };
}
