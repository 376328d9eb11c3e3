import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusClock, orderByUrgency } from '../src/assets/js/urgency.js';
import { formatCountdown, formatResumeAt } from '../src/assets/js/format.js';
import { standingText } from '../src/assets/js/wallboard/board.js';
import { setLanguage } from '../src/assets/js/i18n.js';

// Calendar clocks (issue 24): outside working hours a running clock's working time left stands still.
// 2026-09-30 19:00 in Asia/Shanghai: after hours; counting resumes on 2026-10-08 09:00 after the National Day holidays.
const now = Date.parse('2026-09-30T11:00:00Z');
const at = (offsetSeconds) => new Date(now + offsetSeconds * 1000).toISOString();
const resumesAt = '2026-10-08T01:00:00Z';
const outsideHours = (remaining, extra = {}) => ({
  name: 'resolution', state: 'running', target: 'PT8H', elapsed: 'PT6H', remaining, dueAt: '2026-10-08T03:00:00Z',
  calendar: 'office', outsideWorkingHours: true, countingResumesAt: resumesAt, ...extra,
});
const complaint = (id, ...clocks) => ({ id, status: 'open', openedAt: at(-3600), clocks });

test('outside working hours the countdown shows the working time left, frozen, not the wall time to dueAt', () => {
  const first = focusClock(complaint('C1', outsideHours('PT2H')), now);
  const later = focusClock(complaint('C1', outsideHours('PT2H')), now + 5_000);
  assert.equal(first.remainingMs, 2 * 3_600_000);
  assert.equal(later.remainingMs, 2 * 3_600_000);
  assert.equal(formatCountdown(later.remainingMs), '2:00:00');
  assert.equal(first.counting, false);
  assert.equal(first.outsideWorkingHours, true);
  assert.equal(first.countingResumesAtMs, Date.parse(resumesAt));
  // Three quarters of the working target used: still a warning, whatever the hour.
  assert.equal(first.band, 'warning');
  assert.equal(first.state, 'running');
});

test('without remaining the frozen time is target − elapsed; without countingResumesAt it stays frozen', () => {
  const focus = focusClock(complaint('C1', outsideHours(undefined, { countingResumesAt: null })), now + 86_400_000 * 30);
  assert.equal(focus.remainingMs, 2 * 3_600_000);
  assert.equal(focus.outsideWorkingHours, true);
  assert.equal(focus.countingResumesAtMs, null);
});

test('once working hours begin (no push yet) the clock counts down from its frozen working time', () => {
  const focus = focusClock(complaint('C1', outsideHours('PT2H')), Date.parse(resumesAt) + 60_000);
  assert.equal(focus.remainingMs, 2 * 3_600_000 - 60_000);
  assert.equal(focus.counting, true);
  assert.equal(focus.outsideWorkingHours, false);
});

test('inside working hours a calendar clock counts down to its dueAt, like a 24×7 clock', () => {
  const inside = { name: 'resolution', state: 'running', target: 'PT8H', elapsed: 'PT7H', remaining: 'PT1H', dueAt: at(3600), calendar: 'office', outsideWorkingHours: false, countingResumesAt: null };
  assert.equal(focusClock(complaint('C1', inside), now + 10_000).remainingMs, 3_590_000);
  assert.equal(focusClock(complaint('C1', inside), now).outsideWorkingHours, false);
});

test('24×7 clocks are unchanged: they count down from dueAt and are never outside hours', () => {
  const clock = { name: 'firstResponse', state: 'running', target: 'PT2M', elapsed: 'PT1M', remaining: 'PT1M', dueAt: at(30), calendar: null, outsideWorkingHours: false };
  const focus = focusClock(complaint('C1', clock), now);
  assert.equal(focus.remainingMs, 30_000);
  assert.equal(focus.counting, true);
  assert.equal(focus.outsideWorkingHours, false);
  assert.equal(focus.countingResumesAtMs, null);
});

test('a frozen clock ranks by its working time left among running ones, before paused complaints', () => {
  const ordered = orderByUrgency([
    complaint('C-paused', { name: 'resolution', state: 'paused', target: 'PT8H', remaining: 'PT1M' }),
    complaint('C-frozen', outsideHours('PT2H')),
    complaint('C-soon', { name: 'resolution', state: 'running', target: 'PT8H', dueAt: at(600) }),
  ], now);
  assert.deepEqual(ordered.map((x) => x.complaint.id), ['C-soon', 'C-frozen', 'C-paused']);
});

test('the resume time is the time of day when it is today in the zone, else month-day and time', () => {
  assert.equal(formatResumeAt(Date.parse(resumesAt), now), '10-08 09:00');
  assert.equal(formatResumeAt(Date.parse('2026-09-30T12:30:00Z'), now), '20:30');
  assert.equal(formatResumeAt(Date.parse(resumesAt), now, 'Europe/Berlin'), '10-08 03:00');
});

test('the card says the clock is paused outside working hours and when it resumes, in both languages', () => {
  const focus = focusClock(complaint('C1', outsideHours('PT2H')), now);
  try {
    setLanguage('zh-CN');
    assert.deepEqual(standingText(focus, now, 'Asia/Shanghai'), { label: '暂停计时 · 非工作时间', used: '已用 75%', resumes: '10-08 09:00 恢复计时' });
    setLanguage('en');
    assert.deepEqual(standingText(focus, now, 'Asia/Shanghai'), { label: 'Paused · outside working hours', used: '75% used', resumes: 'resumes 10-08 09:00' });
    const unknown = focusClock(complaint('C1', outsideHours('PT2H', { countingResumesAt: null })), now);
    assert.equal(standingText(unknown, now).resumes, '');
  } finally {
    setLanguage('zh-CN');
  }
});

test('a 24×7 clock keeps its band label', () => {
  const focus = focusClock(complaint('C1', { name: 'firstResponse', state: 'running', target: 'PT2M', dueAt: at(30) }), now);
  setLanguage('zh-CN');
  assert.deepEqual(standingText(focus, now), { label: '预警', used: '已用 75%', resumes: '' });
});
