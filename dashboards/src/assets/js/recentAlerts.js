// A board opened (or reconnected) mid-shift shows the alerts of the last minutes at once: the server keeps each scope's
// recent warnings, breaches and escalations (GET /api/floor/alerts …) and the views add them before the live ones.

const kinds = new Set(['warning', 'breached', 'escalated']);

/**
 * The alerts of a GET /api/…/alerts answer (newest first), oldest first as views add them, each with its
 * server instant; anything malformed is left out.
 * @param {{ items?: { kind: string, at: string, payload: object }[] } | null | undefined} answer
 * @returns {{ kind: 'warning' | 'breached' | 'escalated', payload: object, atMs: number }[]}
 */
export function alertsOldestFirst(answer) {
  const items = Array.isArray(answer?.items) ? answer.items : [];
  return items
    .map((item) => ({ kind: item?.kind, payload: item?.payload, atMs: Date.parse(item?.at ?? '') }))
    .filter((alert) => kinds.has(alert.kind) && alert.payload && typeof alert.payload === 'object' && Number.isFinite(alert.atMs))
    .reverse();
}

/**
 * Where an alert of `atMs` goes in a list kept newest first: above every entry of the same time or older, so alerts
 * added oldest first (or live, at "now") keep the list in order, and one fetched after a reconnect lands among its own
 * time instead of above newer entries.
 * @param {{ atMs: number }[]} entries newest first
 * @param {number} atMs
 */
export function newestFirstIndex(entries, atMs) {
  const index = entries.findIndex((entry) => entry.atMs <= atMs);
  return index < 0 ? entries.length : index;
}
