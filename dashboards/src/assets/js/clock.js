// The browser's clock can be minutes off on a wall PC; countdowns must agree with the server's
// deadlines, so every "now" on a dashboard is the browser clock corrected by the measured offset.

import { getJson } from './api.js';

let offsetMs = 0;
let lastRoundTripMs = Number.POSITIVE_INFINITY;

/** The server's current time as epoch milliseconds, estimated from the browser clock. */
export function serverNow() {
  return Date.now() + offsetMs;
}

/** The last measured offset (server minus browser) in milliseconds. */
export function clockOffsetMs() {
  return offsetMs;
}

/**
 * Measures the offset with GET /api/time, assuming the server read its clock halfway through
 * the round trip. A few samples are taken and the one with the shortest round trip wins,
 * because it bounds the error best.
 * @param {number} samples
 */
export async function syncServerClock(samples = 3) {
  let best = null;
  for (let i = 0; i < samples; i++) {
    const sentAt = Date.now();
    const body = await getJson('/api/time');
    const receivedAt = Date.now();
    const serverAt = Date.parse(body?.now);
    if (Number.isNaN(serverAt)) throw new Error('GET /api/time answered without a valid "now"');
    const roundTrip = receivedAt - sentAt;
    if (!best || roundTrip < best.roundTrip) best = { roundTrip, offset: serverAt - (sentAt + roundTrip / 2) };
  }
  offsetMs = best.offset;
  lastRoundTripMs = best.roundTrip;
  return { offsetMs, roundTripMs: lastRoundTripMs };
}
