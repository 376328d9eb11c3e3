import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandOf, focusClock, orderByUrgency } from '../src/assets/js/urgency.js';

const now = Date.parse('2026-11-21T12:00:00Z');
const at = (offsetSeconds) => new Date(now + offsetSeconds * 1000).toISOString();
const running = (name, targetSeconds, dueInSeconds) => ({ name, state: 'running', target: `PT${targetSeconds}S`, dueAt: at(dueInSeconds) });
const complaint = (id, ...clocks) => ({ id, status: 'open', openedAt: at(-60), clocks });

test('bands follow the share of target used: <50 ok, 50–75 attention, 75–90 warning, ≥90 urgent', () => {
  assert.equal(bandOf(0.49, false), 'ok');
  assert.equal(bandOf(0.5, false), 'attention');
  assert.equal(bandOf(0.75, false), 'warning');
  assert.equal(bandOf(0.9, false), 'urgent');
  assert.equal(bandOf(1, false), 'breached');
  assert.equal(bandOf(0.2, true), 'breached');
});

test('the focus is the running clock with the least time left, counted from dueAt', () => {
  const focus = focusClock(complaint('C1', running('resolution', 172800, 172000), running('firstResponse', 120, 30)), now);
  assert.equal(focus.name, 'firstResponse');
  assert.equal(focus.remainingMs, 30_000);
  assert.equal(focus.band, 'warning');
});

test('a running clock past its deadline is shown breached before the server says so', () => {
  const focus = focusClock(complaint('C1', running('firstResponse', 120, -5)), now);
  assert.equal(focus.band, 'breached');
  assert.equal(focus.remainingMs, -5000);
});

test('met and not-started clocks do not count down; paused clocks keep their remaining time', () => {
  assert.equal(focusClock(complaint('C1', { name: 'firstResponse', state: 'met', target: 'PT2M' }), now), null);
  const paused = focusClock(complaint('C1', { name: 'resolution', state: 'paused', target: 'PT48H', remaining: 'PT24H', dueAt: null }), now);
  assert.equal(paused.band, 'paused');
  assert.equal(paused.remainingMs, 86_400_000);
});

test('order: breached first (most overdue first), then least remaining, then paused, then no clock', () => {
  const list = [
    complaint('paused', { name: 'resolution', state: 'paused', target: 'PT48H', remaining: 'PT1M' }),
    complaint('calm', running('firstResponse', 120, 100)),
    complaint('none', { name: 'firstResponse', state: 'met', target: 'PT2M' }),
    complaint('late', { name: 'firstResponse', state: 'breached', target: 'PT2M', dueAt: at(-10), breachedAt: at(-10) }),
    complaint('later', running('firstResponse', 120, -30)),
    complaint('tight', running('firstResponse', 120, 10)),
  ];
  assert.deepEqual(orderByUrgency(list, now).map((e) => e.complaint.id), ['later', 'late', 'tight', 'calm', 'paused', 'none']);
});
