// Pushes that arrive while a view reloads its state over REST. The view subscribes first and
// reloads second, so every change after the subscription is either in the REST answer or in a
// push; the pushes are held until the answer is applied and then merged on top of it.
//
// Merging: events (warnings, breaches, escalations) are replayed in arrival order, every one.
// State pushes (a complaint, a score, KPIs) describe the latest state of one thing: only the
// newest per thing is applied. The hub sends each connection its messages in order, so arrival
// order is the server's publication order and "newest" is the last to arrive.

/**
 * The identity of the thing a state push describes, or null for events.
 * @param {string} name hub method name
 * @param {any} payload
 * @returns {string | null}
 */
export function pushKey(name, payload) {
  switch (name) {
    case 'complaintChanged': return payload?.id ? `complaint:${payload.id}` : null;
    case 'scoreChanged': return payload?.agentId ? `score:${payload.agentId}:${payload.window}` : null;
    case 'kpiChanged': return payload?.teamId ? `kpi:${payload.teamId}:${payload.window}` : null;
    case 'caseKpiChanged': return payload?.teamId ? `caseKpi:${payload.teamId}` : null;
    case 'caseChanged': return payload?.id ? `case:${payload.id}` : null;
    case 'breachCausesChanged': return 'breachCauses';
    default: return null;
  }
}

export class PushBuffer {
  constructor() {
    /** @type {{ name: string, payload: any, key: string | null, superseded: boolean }[]} */
    this.entries = [];
    /** @type {Map<string, { superseded: boolean }>} latest entry per state key */
    this.latest = new Map();
  }

  /** Holds one push. */
  add(name, payload) {
    const key = pushKey(name, payload);
    const entry = { name, payload, key, superseded: false };
    if (key !== null) {
      const previous = this.latest.get(key);
      if (previous) previous.superseded = true;
      this.latest.set(key, entry);
    }
    this.entries.push(entry);
  }

  /** How many pushes are held (superseded ones included). */
  get size() {
    return this.entries.length;
  }

  /**
   * The pushes to apply on top of the REST answer, in arrival order: every event, and each
   * state push only if no newer one for the same thing arrived after it. Empties the buffer.
   * @returns {{ name: string, payload: any }[]}
   */
  drain() {
    const result = this.entries.filter((entry) => !entry.superseded).map(({ name, payload }) => ({ name, payload }));
    this.entries = [];
    this.latest.clear();
    return result;
  }
}
