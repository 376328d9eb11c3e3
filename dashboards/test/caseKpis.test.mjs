import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseClockOrder, caseClocks, caseKpiResource, caseKpisHaveData, caseKpisPath, kpiRotateSeconds, kpiRotationGroups, pushedCaseKpis } from '../src/assets/js/caseKpis.js';
import { kpiStatus, formatKpiValue } from '../src/assets/js/kpis.js';

test('a scope reads its own case KPIs: a team by its id, the floor without one', () => {
  assert.equal(caseKpisPath('T 1'), '/api/teams/T%201/case-kpis?window=today');
  assert.equal(caseKpisPath(null, 'qtd'), '/api/floor/case-kpis?window=qtd');
});

test('a caseKpiChanged push is taken only by its scope, in the asked window', () => {
  const today = [{ clock: 'surveyAcceptance', met: 1, breached: 1, rate: 50 }];
  const push = { teamId: 'T1', today, last7Days: [], quarterToDate: [] };
  assert.equal(pushedCaseKpis(push, 'T1'), today);
  assert.deepEqual(pushedCaseKpis(push, 'T1', '7d'), []);
  assert.equal(pushedCaseKpis(push, null), null);
  assert.equal(pushedCaseKpis(push, 'T2'), null);
  assert.equal(pushedCaseKpis({ ...push, teamId: 'floor' }, null), today);
  assert.equal(pushedCaseKpis(null, 'T1'), null);
});

test('every shipped clock is shown in order, then any other clock the server reports', () => {
  assert.deepEqual(caseClocks(null), [...caseClockOrder]);
  assert.deepEqual(caseClocks([{ clock: 'zeta' }, { clock: 'alpha' }, { clock: 'surveyAcceptance' }]), [...caseClockOrder, 'alpha', 'zeta']);
});

test('a clock reads as a percent KPI; "no data" only when no clock of it ended', () => {
  const kpis = [
    { clock: 'surveyAcceptance', met: 2, breached: 1, rate: 66.7 },
    { clock: 'smallClaimClosure', met: 0, breached: 3, rate: 0 },
    { clock: 'followupRecordEntry', met: 0, breached: 0, rate: null },
  ];
  const survey = caseKpiResource(kpis, 'surveyAcceptance');
  assert.equal(formatKpiValue(survey.value, 'percent'), '66.7%');
  assert.equal(kpiStatus(survey), 'tracked');
  assert.equal(survey.ended, 3);
  // 0 % is a real value (every one breached), not "no data".
  assert.equal(kpiStatus(caseKpiResource(kpis, 'smallClaimClosure')), 'tracked');
  assert.equal(formatKpiValue(caseKpiResource(kpis, 'smallClaimClosure').value, 'percent'), '0%');
  assert.equal(kpiStatus(caseKpiResource(kpis, 'followupRecordEntry')), 'noData');
  assert.equal(kpiStatus(caseKpiResource(kpis, 'unassessedClaimFollowUp')), 'noData');
});

test('a target, when one is sent, grades the clock as met or missed', () => {
  const kpis = [{ clock: 'surveyAcceptance', met: 9, breached: 1, rate: 90, target: 95 }, { clock: 'smallClaimClosure', met: 1, breached: 0, rate: 100, target: 95 }];
  assert.equal(kpiStatus(caseKpiResource(kpis, 'surveyAcceptance')), 'missed');
  assert.equal(kpiStatus(caseKpiResource(kpis, 'smallClaimClosure')), 'met');
});

test('the case clocks join the KPI strip\'s turn only when at least one of them has data', () => {
  // Not loaded yet, an empty scope, or every clock without an ended one (the demo): the complaint KPIs stay put.
  assert.deepEqual(kpiRotationGroups(null), ['complaint']);
  assert.deepEqual(kpiRotationGroups([]), ['complaint']);
  const empty = caseClockOrder.map((clock) => ({ clock, met: 0, breached: 0, rate: null }));
  assert.equal(caseKpisHaveData(empty), false);
  assert.deepEqual(kpiRotationGroups(empty), ['complaint']);
  // One clock with an ended case is enough, even at 0 % (every one breached), and even a clock the board does not ship.
  assert.deepEqual(kpiRotationGroups([...empty.slice(1), { clock: 'surveyAcceptance', met: 0, breached: 2, rate: 0 }]), ['complaint', 'case']);
  assert.deepEqual(kpiRotationGroups([...empty, { clock: 'extraClock', met: 1, breached: 0, rate: 100 }]), ['complaint', 'case']);
});

test('?kpiRotate= sets the seconds per group: 12 by default, at least 1', () => {
  assert.equal(kpiRotateSeconds(null), 12);
  assert.equal(kpiRotateSeconds(''), 12);
  assert.equal(kpiRotateSeconds('abc'), 12);
  assert.equal(kpiRotateSeconds('0'), 12);
  assert.equal(kpiRotateSeconds('-3'), 12);
  assert.equal(kpiRotateSeconds('1'), 1);
  assert.equal(kpiRotateSeconds('0.2'), 1);
  assert.equal(kpiRotateSeconds('30'), 30);
});
