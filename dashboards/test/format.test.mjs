import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCountdown, formatPercent, formatTimeOfDay } from '../src/assets/js/format.js';
import { parseDurationMs } from '../src/assets/js/duration.js';
import { fitGrid } from '../src/assets/js/wallboard/layout.js';
import { missingKeys } from '../src/assets/js/i18n.js';

test('ISO 8601 durations as the server writes them', () => {
  assert.equal(parseDurationMs('PT2M'), 120_000);
  assert.equal(parseDurationMs('PT1M3.5S'), 63_500);
  assert.equal(parseDurationMs('P2D'), 172_800_000);
  assert.equal(parseDurationMs('P7DT1H'), 608_400_000);
  assert.equal(parseDurationMs('-PT5S'), -5000);
  assert.equal(parseDurationMs('PT'), null);
  assert.equal(parseDurationMs('P1M'), null);
  assert.equal(parseDurationMs(null), null);
});

test('countdowns read like a timer: whole seconds rounded up, hours and days when long, + when overdue', () => {
  assert.equal(formatCountdown(119_001), '02:00');
  assert.equal(formatCountdown(59_000), '00:59');
  assert.equal(formatCountdown(0), '00:00');
  assert.equal(formatCountdown(3_723_000), '1:02:03');
  assert.equal(formatCountdown(2 * 86_400_000 + 3_600_000, (d, rest) => `${d}天 ${rest}`), '2天 01:00');
  assert.equal(formatCountdown(-65_000), '+01:05');
});

test('percent used is whole and capped', () => {
  assert.equal(formatPercent(0.756), 75);
  assert.equal(formatPercent(50), 999);
  assert.equal(formatPercent(-1), 0);
});

test('time of day in the company time zone', () => {
  assert.equal(formatTimeOfDay(Date.parse('2026-11-21T04:05:06Z')), '12:05:06');
});

test('40 cards fit one 1920×1080 board area in a grid at least 7 wide', () => {
  const { columns, rows } = fitGrid(40, 1440, 880);
  assert.ok(columns * rows >= 40);
  assert.ok(columns >= 7 && rows <= 6, `${columns}×${rows}`);
  assert.deepEqual(fitGrid(1, 1440, 880), { columns: 3, rows: 2 });
});

test('both languages have the same labels', () => {
  assert.deepEqual(missingKeys(), { inEnglish: [], inChinese: [] });
});
