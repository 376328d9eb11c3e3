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

// Inside working hours (issue 24): Monday 2026-11-02 17:00 in Asia/Shanghai, hours 09:00-12:00 and 13:30-18:00.
// Two working hours are left: one until 18:00 today and one from 09:00 tomorrow, so the clock is due tomorrow at 10:00,
// 17 wall-clock hours away.
const five = Date.parse('2026-11-02T09:00:00Z');
const minutes = (n) => n * 60_000;
const insideHours = (extra = {}) => ({
  name: 'resolution', state: 'running', target: 'PT8H', elapsed: 'PT6H', remaining: 'PT2H',
  dueAt: '2026-11-03T02:00:00Z', calendar: 'office', outsideWorkingHours: false, countingResumesAt: null,
  countingPausesAt: '2026-11-02T10:00:00Z', countingResumesAfterPauseAt: '2026-11-03T01:00:00Z', asOf: '2026-11-02T09:00:00Z', ...extra,
});

test('inside working hours the countdown reads the working time left, not the wall time to dueAt', () => {
  const focus = focusClock(complaint('C1', insideHours()), five);
  assert.equal(focus.remainingMs, minutes(120));
  assert.equal(formatCountdown(focus.remainingMs), '2:00:00');
  assert.equal(focus.counting, true);
  assert.equal(focus.outsideWorkingHours, false);
  assert.equal(focus.band, 'warning');
});

test('it counts down to the end of the working period, then stands still until counting resumes', () => {
  const at = (ms) => focusClock(complaint('C1', insideHours()), ms);
  assert.equal(formatCountdown(at(five + minutes(30)).remainingMs), '1:30:00');
  assert.equal(formatCountdown(at(five + minutes(60) - 1_000).remainingMs), '1:00:01');
  for (const evening of [five + minutes(60), five + minutes(5 * 60), Date.parse('2026-11-03T00:59:59Z')]) {
    const frozen = at(evening);
    assert.equal(formatCountdown(frozen.remainingMs), '1:00:00');
    assert.equal(frozen.counting, false);
    assert.equal(frozen.outsideWorkingHours, true);
    assert.equal(frozen.countingResumesAtMs, Date.parse('2026-11-03T01:00:00Z'));
  }
  setLanguage('zh-CN');
  assert.deepEqual(standingText(at(five + minutes(5 * 60)), five + minutes(5 * 60), 'Asia/Shanghai'),
    { label: '暂停计时 · 非工作时间', used: '已用 87%', resumes: '11-03 09:00 恢复计时' });
  // Tomorrow from 09:00 it counts again, and reaches zero at its dueAt.
  const morning = at(Date.parse('2026-11-03T01:30:00Z'));
  assert.equal(formatCountdown(morning.remainingMs), '30:00');
  assert.equal(morning.outsideWorkingHours, false);
  const due = at(Date.parse('2026-11-03T02:00:00Z'));
  assert.equal(due.remainingMs, 0);
  assert.equal(due.state, 'breached');
});

test('a view computed earlier counts from its asOf; without a resume time the pause lasts until the next push', () => {
  const earlier = insideHours({ remaining: 'PT3H', elapsed: 'PT5H', asOf: '2026-11-02T08:00:00Z' });
  assert.equal(focusClock(complaint('C1', earlier), five).remainingMs, minutes(120));
  const unknown = focusClock(complaint('C1', insideHours({ countingResumesAfterPauseAt: null })), Date.parse('2026-11-03T05:00:00Z'));
  assert.equal(unknown.remainingMs, minutes(60));
  assert.equal(unknown.outsideWorkingHours, true);
  assert.equal(unknown.countingResumesAtMs, null);
});

test('a calendar clock due within the working period, or from a server without asOf, counts to its dueAt', () => {
  const withinPeriod = insideHours({ remaining: 'PT30M', dueAt: '2026-11-02T09:30:00Z', countingPausesAt: null, countingResumesAfterPauseAt: null });
  assert.equal(focusClock(complaint('C1', withinPeriod), five + minutes(10)).remainingMs, minutes(20));
  const older = insideHours({ asOf: undefined, countingPausesAt: undefined, countingResumesAfterPauseAt: undefined, remaining: 'PT17H', dueAt: '2026-11-03T02:00:00Z' });
  assert.equal(focusClock(complaint('C1', older), five).remainingMs, minutes(17 * 60));
});

test('a 24×7 clock with an asOf still counts down to its dueAt in wall time', () => {
  const clock = { name: 'resolution', state: 'running', target: 'P2D', elapsed: 'PT6H', remaining: 'PT42H', dueAt: '2026-11-04T03:00:00Z', calendar: null, outsideWorkingHours: false, countingPausesAt: null, asOf: '2026-11-02T09:00:00Z' };
  const later = focusClock(complaint('C1', clock), five + minutes(60 * 9));
  assert.equal(later.remainingMs, minutes(33 * 60));
  assert.equal(later.counting, true);
  assert.equal(later.outsideWorkingHours, false);
});

test('a calendar clock with 2 working hours left ranks before a 24×7 clock 3 hours from its dueAt', () => {
  const ordered = orderByUrgency([
    complaint('C-24x7', { name: 'resolution', state: 'running', target: 'P2D', dueAt: '2026-11-02T12:00:00Z' }),
    complaint('C-office', insideHours()),
  ], five);
  assert.deepEqual(ordered.map((x) => x.complaint.id), ['C-office', 'C-24x7']);
});
