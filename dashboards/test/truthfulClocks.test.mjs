import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusClock, lateStops, orderByUrgency } from '../src/assets/js/urgency.js';
import { formatSpan } from '../src/assets/js/format.js';
import { setLanguage } from '../src/assets/js/i18n.js';
import { lateStopText, escalationText, textColumns } from '../src/assets/js/wallboard/board.js';
import { planBoard, pack } from '../src/assets/js/wallboard/layout.js';

const now = Date.parse('2026-12-06T22:00:00Z');
const at = (offsetSeconds) => new Date(now + offsetSeconds * 1000).toISOString();
const hours = 3600;

// Opened 10 h ago; the first response came 20 s after its 2-minute target; the 48-hour resolution clock runs.
const answeredLate = {
  id: 'C2026120612345',
  status: 'open',
  openedAt: at(-10 * hours),
  escalationLevel: 1,
  escalationRole: 'teamLead',
  clocks: [
    { name: 'firstResponse', state: 'breached', target: 'PT2M', elapsed: 'PT2M20S', remaining: 'PT0S', dueAt: null,
      breachedAt: at(-10 * hours + 120), startedAt: at(-10 * hours), stoppedAt: at(-10 * hours + 140) },
    { name: 'resolution', state: 'running', target: 'P2D', elapsed: 'PT10H', remaining: 'PT38H', dueAt: at(38 * hours),
      breachedAt: null, startedAt: at(-10 * hours), stoppedAt: null },
  ],
};

test('a first response met late is not the focus: the card counts the running resolution clock down', () => {
  const focus = focusClock(answeredLate, now);
  assert.equal(focus.name, 'resolution');
  assert.equal(focus.remainingMs, 38 * hours * 1000);
  assert.equal(focus.band, 'ok');
  assert.equal(focus.counting, true);
  // Ten hours later it has not grown: there is no "+9:57:41" anywhere.
  assert.equal(focusClock(answeredLate, now + 10 * hours * 1000).name, 'resolution');
});

test('a clock that breached and then stopped reads as met late by a fixed amount', () => {
  assert.deepEqual(lateStops(answeredLate), [{ name: 'firstResponse', lateMs: 20_000 }]);
  setLanguage('zh-CN');
  assert.equal(lateStopText(lateStops(answeredLate)[0]), '首次响应：已响应 · 超时 20 秒');
  setLanguage('en');
  assert.equal(lateStopText(lateStops(answeredLate)[0]), 'First response: met late by 20 s');
  assert.equal(lateStopText({ name: 'resolution', lateMs: 3_720_000 }), 'Resolution: stopped late by 1 h 2 min');
  setLanguage('zh-CN');
});

test('without its running time, how late is the wall time from breach to stop', () => {
  const clock = { ...answeredLate.clocks[0], elapsed: undefined };
  assert.deepEqual(lateStops({ clocks: [clock] }), [{ name: 'firstResponse', lateMs: 20_000 }]);
});

test('a breached clock that is paused shows a frozen overdue time, not one growing from breachedAt', () => {
  const paused = {
    id: 'C1', status: 'paused', clocks: [
      { name: 'resolution', state: 'breached', target: 'P2D', elapsed: 'P2DT1H', remaining: 'PT0S', dueAt: null, breachedAt: at(-5 * hours), stoppedAt: null },
    ],
  };
  const focus = focusClock(paused, now);
  assert.equal(focus.band, 'breached');
  assert.equal(focus.remainingMs, -3_600_000);
  assert.equal(focus.counting, false);
  assert.equal(focusClock(paused, now + 60_000).remainingMs, -3_600_000);
});

test('a breached clock still running keeps counting from its breach', () => {
  const waiting = { id: 'C1', status: 'open', clocks: [{ name: 'firstResponse', state: 'breached', target: 'PT2M', dueAt: at(-30), breachedAt: at(-30), stoppedAt: null }] };
  assert.equal(focusClock(waiting, now).remainingMs, -30_000);
  assert.equal(focusClock(waiting, now + 1000).remainingMs, -31_000);
});

test('a complaint whose breached clock stopped sorts by the clock that still runs, after one still breached', () => {
  const waiting = { id: 'C-wait', status: 'open', openedAt: at(-60), clocks: [{ name: 'firstResponse', state: 'breached', target: 'PT2M', dueAt: at(-5), breachedAt: at(-5) }] };
  assert.deepEqual(orderByUrgency([answeredLate, waiting], now).map((e) => e.complaint.id), ['C-wait', 'C2026120612345']);
});

test('fixed spans in words, two largest units', () => {
  assert.equal(formatSpan(20_000), '20 s');
  assert.equal(formatSpan(185_000), '3 min 5 s');
  assert.equal(formatSpan(3_720_000), '1 h 2 min');
  assert.equal(formatSpan(3_600_000), '1 h');
  assert.equal(formatSpan(2 * 86_400_000 + 3 * 3_600_000 + 5_000), '2 d 3 h');
  assert.equal(formatSpan(400), '0 s');
});

test('the escalation badge names level and role in short words', () => {
  setLanguage('zh-CN');
  assert.equal(escalationText({ escalationLevel: 3, escalationRole: 'director' }), '升级3级 · 总监');
  setLanguage('en');
  assert.equal(escalationText({ escalationLevel: 2, escalationRole: 'deputyDirector' }), 'L2 · Deputy director');
  setLanguage('zh-CN');
});

test('wide characters take two monospace columns', () => {
  assert.equal(textColumns('C2026120612345'), 14);
  assert.equal(textColumns('+1天 03:12'), 10);
});

test('breached and warned cards take 2×2 cells and keep their minimum size; the least urgent small cards give way', () => {
  const large = [...Array(8).fill(true), ...Array(32).fill(false)];
  const plan = planBoard(large, 1450, 800);
  const cellWidth = (1450 - 14 * (plan.columns - 1)) / plan.columns;
  const cellHeight = (800 - 14 * (plan.rows - 1)) / plan.rows;
  assert.ok(2 * cellWidth + 14 >= 330 && 2 * cellHeight + 14 >= 190, `large card ${2 * cellWidth + 14}×${2 * cellHeight + 14}`);
  assert.ok(plan.placements.slice(0, 8).every((p) => p && p.span === 2), 'every large card is placed, 2×2');
  const shown = plan.placements.filter(Boolean).length;
  assert.ok(shown >= 20, `only ${shown} cards shown`);
  // Left out are the last (least urgent) ones.
  const firstLeftOut = plan.placements.findIndex((p) => !p);
  assert.ok(firstLeftOut === -1 || plan.placements.slice(firstLeftOut).every((p) => !p));
  // No two cards share a cell, and all lie inside the grid.
  const cells = new Set();
  for (const p of plan.placements.filter(Boolean)) {
    for (let r = p.row; r < p.row + p.span; r++) {
      for (let c = p.column; c < p.column + p.span; c++) {
        assert.ok(c < plan.columns && r < plan.rows);
        assert.ok(!cells.has(`${r},${c}`));
        cells.add(`${r},${c}`);
      }
    }
  }
});

test('too many breaches for the screen: as many as stay readable, in order, the rest counted as more', () => {
  const plan = planBoard(Array(40).fill(true), 1450, 800);
  const shown = plan.placements.filter(Boolean).length;
  assert.ok(shown >= 6 && shown < 40);
  assert.ok(plan.placements.slice(0, shown).every(Boolean));
});

test('first-fit packing fills holes with later small cards', () => {
  const { rows, placements } = pack([1, 2, 1, 1], 4);
  assert.deepEqual(placements, [{ column: 0, row: 0, span: 1 }, { column: 1, row: 0, span: 2 }, { column: 3, row: 0, span: 1 }, { column: 0, row: 1, span: 1 }]);
  assert.equal(rows, 2);
});
