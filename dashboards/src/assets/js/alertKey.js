// What makes two alerts the same alert. The server pushes an alert in the turn that detects it, before its record is
// durable; if it dies in between, the restart detects the same breach again (same due time, marked late) and pushes it
// a second time. Views show each alert once.

/**
 * The identity of a warning, breach or escalation.
 * @param {'warning' | 'breached' | 'escalated'} kind
 * @param {{ complaintId?: string, clock?: string, fraction?: number, dueAt?: string, level?: number }} payload
 * @returns {string}
 */
export function alertKey(kind, payload) {
  switch (kind) {
    case 'warning':
      return `warning|${payload.complaintId}|${payload.clock}|${payload.fraction}|${Date.parse(payload.dueAt ?? '')}`;
    case 'breached':
      return `breached|${payload.complaintId}|${payload.clock}|${Date.parse(payload.dueAt ?? '')}`;
    default:
      return `${kind}|${payload.complaintId}|${payload.level}`;
  }
}

/** Remembers the most recent alert keys (a bounded set: old ones are forgotten first). */
export class SeenAlerts {
  /** @param {number} capacity */
  constructor(capacity = 2000) {
    this.capacity = capacity;
    /** @type {Set<string>} */
    this.keys = new Set();
  }

  /**
   * Records an alert; false when it was seen already.
   * @param {'warning' | 'breached' | 'escalated'} kind
   * @param {object} payload
   */
  firstTime(kind, payload) {
    const key = alertKey(kind, payload);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value);
    return true;
  }
}
