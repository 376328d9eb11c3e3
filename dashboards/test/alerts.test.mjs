import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertKey, SeenAlerts } from '../src/assets/js/alertKey.js';

const breach = (over = {}) => ({ complaintId: 'C1', clock: 'resolution', dueAt: '2026-11-21T12:00:00Z', breachedAt: '2026-11-21T12:00:00Z', late: null, ...over });

test('a breach pushed again after a restart (same due time, now marked late, other offset) is the same alert', () => {
  const seen = new SeenAlerts();
  assert.equal(seen.firstTime('breached', breach()), true);
  assert.equal(seen.firstTime('breached', breach({ dueAt: '2026-11-21T20:00:00+08:00', late: 'PT5S' })), false);
});

test('another clock, another complaint, a later due time (reopened) or another kind is a new alert', () => {
  const seen = new SeenAlerts();
  seen.firstTime('breached', breach());
  assert.equal(seen.firstTime('breached', breach({ clock: 'firstResponse' })), true);
  assert.equal(seen.firstTime('breached', breach({ complaintId: 'C2' })), true);
  assert.equal(seen.firstTime('breached', breach({ dueAt: '2026-11-23T12:00:00Z' })), true);
  assert.equal(seen.firstTime('warning', { ...breach(), fraction: 0.9 }), true);
  assert.equal(seen.firstTime('warning', { ...breach(), fraction: 0.75 }), true);
  assert.equal(seen.firstTime('escalated', { complaintId: 'C1', level: 1 }), true);
  assert.equal(seen.firstTime('escalated', { complaintId: 'C1', level: 2 }), true);
  assert.equal(seen.firstTime('escalated', { complaintId: 'C1', level: 2 }), false);
});

test('the memory of seen alerts is bounded: the oldest are forgotten first', () => {
  const seen = new SeenAlerts(2);
  seen.firstTime('breached', breach({ complaintId: 'A' }));
  seen.firstTime('breached', breach({ complaintId: 'B' }));
  seen.firstTime('breached', breach({ complaintId: 'C' }));
  assert.equal(seen.keys.size, 2);
  assert.equal(seen.firstTime('breached', breach({ complaintId: 'C' })), false);
  assert.equal(seen.firstTime('breached', breach({ complaintId: 'A' })), true);
  assert.notEqual(alertKey('breached', breach()), alertKey('warning', breach()));
});
