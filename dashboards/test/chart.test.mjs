import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linePoints, sharedRange, barLayout, barShares } from '../src/assets/js/chart.js';

test('lines of one chart share one scale: the same value lies at the same height on every line', () => {
  const teams = [[8, 9, null], [6, 7, 8]];
  const range = sharedRange(teams, 8);
  assert.deepEqual(range, { min: 6, max: 9 });
  const box = { width: 100, height: 50, padding: 0, range };
  const first = linePoints(teams[0], box).points;
  const second = linePoints(teams[1], box).points;
  assert.equal(first[0].y, second[2].y, 'an 8 is an 8 on both lines');
  assert.equal(first[2], null, 'a day without surveys is a gap, not zero');
  assert.equal(second[0].y, 50);
  assert.equal(first[1].y, 0);
});

test('a shared range without data, or with one value, still has a height', () => {
  assert.deepEqual(sharedRange([[null], []]), { min: 0, max: 1 });
  assert.deepEqual(sharedRange([[95, 95]], 95), { min: 94, max: 96 });
});

test('bars sit on the baseline, scaled to the largest count, inside the box', () => {
  const bars = barLayout([0, 2, 4, 1], { width: 40, height: 20, gap: 2 });
  assert.equal(bars.length, 4);
  assert.deepEqual(bars.map((b) => b.height), [0, 10, 20, 5]);
  assert.ok(bars.every((b) => b.y + b.height === 20), 'every bar ends on the baseline');
  assert.deepEqual(bars.map((b) => b.x), [1, 11, 21, 31]);
  assert.ok(bars.every((b) => b.x + b.width <= 40), 'no bar leaves the box');
  assert.deepEqual(barLayout([0, 0], { width: 10, height: 10 }).map((b) => b.height), [0, 0]);
});

test('24 hourly bars fit a narrow box', () => {
  const bars = barLayout(Array.from({ length: 24 }, (_, h) => h), { width: 240, height: 60 });
  assert.equal(bars.at(-1).x + bars.at(-1).width, 239);
});

test('bar shares are percents of the largest count', () => {
  assert.deepEqual(barShares([10, 5, 0, 2.5]), [100, 50, 0, 25]);
  assert.deepEqual(barShares([]), []);
  assert.deepEqual(barShares([0]), [0]);
});
