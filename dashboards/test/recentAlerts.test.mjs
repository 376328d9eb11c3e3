import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertsOldestFirst, newestFirstIndex } from '../src/assets/js/recentAlerts.js';

const payload = (complaintId) => ({ complaintId, clock: 'firstResponse', dueAt: '2026-11-21T12:02:00+00:00' });

test('the server answer (newest first) is added oldest first, each at its server instant', () => {
  const answer = {
    items: [
      { kind: 'escalated', at: '2026-11-21T12:02:00.500+00:00', payload: { complaintId: 'C1', level: 1, role: 'teamLead' } },
      { kind: 'breached', at: '2026-11-21T20:02:00+08:00', payload: payload('C1') },
      { kind: 'warning', at: '2026-11-21T12:01:00Z', payload: { ...payload('C1'), fraction: 0.5 } },
    ],
  };

  const alerts = alertsOldestFirst(answer);

  assert.deepEqual(alerts.map((a) => a.kind), ['warning', 'breached', 'escalated']);
  assert.deepEqual(alerts.map((a) => a.atMs), [Date.UTC(2026, 10, 21, 12, 1), Date.UTC(2026, 10, 21, 12, 2), Date.UTC(2026, 10, 21, 12, 2, 0, 500)]);
  assert.equal(alerts[0].payload.fraction, 0.5);
});

test('an empty, missing or malformed answer adds nothing', () => {
  assert.deepEqual(alertsOldestFirst(null), []);
  assert.deepEqual(alertsOldestFirst({}), []);
  assert.deepEqual(alertsOldestFirst({ items: [{ kind: 'caseBreached', at: '2026-11-21T12:00:00Z', payload: payload('C1') },
    { kind: 'breached', at: 'yesterday', payload: payload('C2') }, { kind: 'warning', at: '2026-11-21T12:00:00Z' }] }), []);
});

test('alerts go in newest first: live ones on top, fetched ones among their own time', () => {
  const entries = [{ atMs: 300 }, { atMs: 200 }, { atMs: 100 }];
  assert.equal(newestFirstIndex(entries, 400), 0);
  assert.equal(newestFirstIndex(entries, 200), 1);
  assert.equal(newestFirstIndex(entries, 150), 2);
  assert.equal(newestFirstIndex(entries, 50), 3);
  assert.equal(newestFirstIndex([], 50), 0);
});
