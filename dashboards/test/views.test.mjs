import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextBand, liftHint, formatIndicatorValue, formatScore, totalBand } from '../src/assets/js/score.js';
import { sortRows, nextSort } from '../src/assets/js/table.js';
import { kpiStatus, formatKpiValue, goalSign } from '../src/assets/js/kpis.js';
import { linePoints } from '../src/assets/js/chart.js';
import { snapshotRows, snapshotDimensionIds, teamRanking, snapshotCsvUrl } from '../src/assets/js/quarters.js';

test('the next band up, and none at the top or without data', () => {
  assert.equal(nextBand('fail'), 'pass');
  assert.equal(nextBand('good'), 'excellent');
  assert.equal(nextBand('excellent'), null);
  assert.equal(nextBand(null), null);
});

test('lift hint names the next band only, unless the server sends the band edges', () => {
  assert.deepEqual(liftHint({ band: null }), { kind: 'noData' });
  assert.deepEqual(liftHint({ band: 'excellent' }), { kind: 'top' });
  assert.deepEqual(liftHint({ band: 'good' }), { kind: 'next', band: 'excellent' });
  const edges = { excellent: 5, good: 10, pass: 20 };
  assert.deepEqual(liftHint({ band: 'good', direction: 'lowerIsBetter', edges }), { kind: 'next', band: 'excellent', edge: 5, comparison: '<' });
  assert.deepEqual(liftHint({ band: 'pass', direction: 'lowerIsBetter', edges }), { kind: 'next', band: 'good', edge: 10, comparison: '≤' });
  assert.deepEqual(liftHint({ band: 'good', direction: 'lowerIsBetter', edges: { ...edges, excellentInclusive: true } }).comparison, '≤');
  assert.deepEqual(liftHint({ band: 'pass', direction: 'higherIsBetter', edges: { excellent: 90, good: 80, pass: 60 } }),
    { kind: 'next', band: 'good', edge: 80, comparison: '≥' });
});

test('indicator values in their units; no data as a dash, never zero', () => {
  assert.equal(formatIndicatorValue(2.5, 'percent'), '2.5%');
  assert.equal(formatIndicatorValue(65, 'seconds'), '1:05');
  assert.equal(formatIndicatorValue(3, 'count'), '3');
  assert.equal(formatIndicatorValue(87.55, 'score'), '87.6');
  assert.equal(formatIndicatorValue(null, 'score'), '—');
  assert.equal(formatScore(88), '88');
  assert.equal(totalBand({ total: 88 }), null);
  assert.equal(totalBand({ band: 'good' }), 'good');
});

test('sorting: numbers numerically, no data last in both directions, ties by key', () => {
  const rows = [{ id: 'b', v: 10 }, { id: 'a', v: null }, { id: 'c', v: 9 }, { id: 'd', v: 10 }];
  assert.deepEqual(sortRows(rows, (r) => r.v, 'asc', (r) => r.id).map((r) => r.id), ['c', 'b', 'd', 'a']);
  assert.deepEqual(sortRows(rows, (r) => r.v, 'desc', (r) => r.id).map((r) => r.id), ['b', 'd', 'c', 'a']);
  assert.deepEqual(sortRows([{ id: 'A-10' }, { id: 'A-9' }], (r) => r.id, 'asc').map((r) => r.id), ['A-9', 'A-10']);
  assert.deepEqual(nextSort({ column: 'total', direction: 'desc' }, 'total'), { column: 'total', direction: 'asc' });
  assert.deepEqual(nextSort({ column: 'total', direction: 'desc' }, 'agent', 'asc'), { column: 'agent', direction: 'asc' });
});

test('KPI status: met / missed against a target, tracked without one, no data without a value', () => {
  assert.equal(kpiStatus({ value: 96, target: 95, met: true }), 'met');
  assert.equal(kpiStatus({ value: 90, target: 95, met: false }), 'missed');
  assert.equal(kpiStatus({ value: 70, target: null, met: null }), 'tracked');
  assert.equal(kpiStatus({ value: null, target: 95, met: null }), 'noData');
  assert.equal(formatKpiValue(95, 'percent'), '95%');
  assert.equal(formatKpiValue(89.3, 'seconds'), '1:29');
  assert.equal(goalSign({ goal: 'atMost' }), '≤');
});

test('line chart geometry keeps the target inside and leaves gaps for missing values', () => {
  const { points, targetY } = linePoints([50, null, 100], { width: 100, height: 50, padding: 0, target: 75 });
  assert.deepEqual(points, [{ x: 0, y: 50 }, null, { x: 100, y: 0 }]);
  assert.equal(targetY, 25);
  const flat = linePoints([7], { width: 10, height: 10, padding: 0 });
  assert.deepEqual(flat.points, [{ x: 5, y: 5 }]);
});

test('a snapshot becomes table rows and a team ranking', () => {
  const answer = {
    quarter: '2026Q3',
    snapshot: {
      agents: [{ agentId: 'A1', teamId: 'T1', finalScore: 90, dimensions: [{ id: 'customer_satisfaction', score: 88 }], indicators: [] }],
      teams: [{ teamId: 'T2', rank: 2 }, { teamId: 'T1', rank: 1 }],
    },
  };
  const [row] = snapshotRows(answer);
  assert.equal(row.finalScore, 90);
  assert.equal(row.bonusCoefficient, null);
  assert.equal(row.dimensions.customer_satisfaction, 88);
  assert.deepEqual(snapshotDimensionIds(answer), ['customer_satisfaction']);
  assert.deepEqual(teamRanking(answer).map((t) => t.teamId), ['T1', 'T2']);
  assert.equal(snapshotCsvUrl('2026Q3'), '/api/quarters/2026Q3/snapshot?format=csv');
});

test('a total is graded by the server band, else by the edges the server sent, never by a guess', async () => {
  const { gradeTotal } = await import('../src/assets/js/score.js');
  const edges = { excellent: 90, good: 80, pass: 60 };
  assert.equal(totalBand({ total: 88, totalBand: 'good' }), 'good');
  assert.equal(totalBand({ total: 88 }, edges), 'good');
  assert.equal(totalBand({ total: 90 }, edges), 'excellent');
  assert.equal(totalBand({ total: 59.9 }, edges), 'fail');
  assert.equal(totalBand({ total: null }, edges), null);
  assert.equal(gradeTotal(60, edges), 'pass');
  assert.equal(gradeTotal(60, null), null);
});

test('a daily series becomes sparkline values, today following the live KPI', async () => {
  const { dailyValues } = await import('../src/assets/js/chart.js');
  const series = { days: [{ satisfactionAverage10: { value: 8.5 } }, { satisfactionAverage10: { value: null } }, { satisfactionAverage10: { value: 7 } }] };
  assert.deepEqual(dailyValues(series, 'satisfactionAverage10'), [8.5, null, 7]);
  assert.deepEqual(dailyValues(series, 'satisfactionAverage10', 9.1), [8.5, null, 9.1]);
  assert.deepEqual(dailyValues(series, 'satisfactionAverage10', null), [8.5, null, null]);
  assert.deepEqual(dailyValues(null, 'satisfactionAverage10', 3), []);
});
