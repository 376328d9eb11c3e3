import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseList, caseTypeLabel } from '../src/assets/js/cases.js';
import { setLanguage } from '../src/assets/js/i18n.js';

const now = Date.parse('2026-11-02T01:00:00Z');
const iso = (ms) => new Date(ms).toISOString();

/** A claim whose 3-minute survey clock started `usedSeconds` ago (running), or breached when past 180 s. */
function claim(id, usedSeconds, extra = {}) {
  const breached = usedSeconds >= 180;
  return {
    id, caseType: 'claim', status: 'open', teamId: 'T1', agentId: 'A1', openedAt: iso(now - usedSeconds * 1000),
    clocks: [{
      name: 'surveyAcceptance', state: breached ? 'breached' : 'running', target: 'PT3M',
      elapsed: `PT${usedSeconds}S`, remaining: `PT${Math.max(0, 180 - usedSeconds)}S`,
      dueAt: iso(now + (180 - usedSeconds) * 1000), breachedAt: breached ? iso(now - (usedSeconds - 180) * 1000) : null, stoppedAt: null,
    }],
    ...extra,
  };
}

test('the board shows warned and breached cases only, breached first, then least time left', () => {
  const list = new CaseList({ team: 'T1' });
  list.load([claim('calm', 30), claim('warned', 140), claim('urgent', 170), claim('late', 200)]);
  assert.deepEqual(list.warned(now).map((e) => e.complaint.id), ['late', 'urgent', 'warned']);
  // Time passing on the board's clock is enough: the calm claim is warned once 75 % of its target is used.
  assert.deepEqual(list.warned(now + 110_000).map((e) => e.complaint.id), ['late', 'urgent', 'warned', 'calm']);
});

test('a claim breaches on the board at its due time, and caseBreached marks it at once', () => {
  const list = new CaseList({ team: 'T1' });
  list.load([claim('c-1', 175)]);
  assert.equal(list.warned(now)[0].focus.band, 'urgent');
  assert.equal(list.warned(now + 5_000)[0].focus.band, 'breached');
  assert.ok(list.markBreached({ caseId: 'c-1', clock: 'surveyAcceptance', breachedAt: iso(now + 5_000) }));
  assert.equal(list.cases.get('c-1').clocks[0].state, 'breached');
  assert.equal(list.markBreached({ caseId: 'unknown', clock: 'surveyAcceptance' }), false);
});

test('caseEscalated raises a case\'s escalation level and role at once, never lowers it', () => {
  const list = new CaseList({ team: 'T1' });
  list.load([claim('c-1', 200, { escalationLevel: 1, escalationRole: 'teamLead' })]);
  assert.ok(list.markEscalated({ caseId: 'c-1', clock: 'surveyAcceptance', level: 2, role: 'deputyDirector' }));
  assert.deepEqual([list.cases.get('c-1').escalationLevel, list.cases.get('c-1').escalationRole], [2, 'deputyDirector']);
  // A repeated or older push (at-least-once delivery) changes nothing.
  assert.equal(list.markEscalated({ caseId: 'c-1', level: 1, role: 'teamLead' }), false);
  assert.equal(list.cases.get('c-1').escalationRole, 'deputyDirector');
  assert.equal(list.markEscalated({ caseId: 'unknown', level: 1, role: 'teamLead' }), false);
});

test('a closed case, or one of another team or owner, leaves; pushes during a snapshot survive it', () => {
  const team = new CaseList({ team: 'T1' });
  team.beginSnapshot();
  team.upsert(claim('pushed', 150));
  team.upsert(claim('closed', 150, { status: 'closed' }));
  team.load([claim('listed', 150), claim('closed', 150), claim('other', 150, { teamId: 'T2' })]);
  assert.deepEqual([...team.cases.keys()].sort(), ['listed', 'pushed']);
  team.upsert(claim('listed', 150, { teamId: 'T2' }));
  assert.deepEqual([...team.cases.keys()], ['pushed']);

  const agent = new CaseList({ agent: 'A1' });
  agent.load([claim('mine', 10), claim('theirs', 10, { agentId: 'A2' })]);
  agent.upsert(claim('mine', 20, { agentId: 'A3' }));
  assert.equal(agent.cases.size, 0);
});

test('a case outside working hours keeps its working time left and is not counted as breached', () => {
  const list = new CaseList({});
  const outside = claim('night', 150);
  Object.assign(outside.clocks[0], { outsideWorkingHours: true, countingResumesAt: iso(now + 8 * 3600_000) });
  list.load([outside]);
  const [entry] = list.warned(now + 3600_000);
  assert.equal(entry.focus.outsideWorkingHours, true);
  assert.equal(entry.focus.remainingMs, 30_000);
  assert.equal(entry.focus.band, 'warning');
});

test('case types read in the board language; unknown types as sent', () => {
  setLanguage('zh-CN');
  assert.equal(caseTypeLabel('claim'), '理赔');
  setLanguage('en');
  assert.equal(caseTypeLabel('claim'), 'Claim');
  assert.equal(caseTypeLabel('followup'), 'Follow-up');
  assert.equal(caseTypeLabel('recovery'), 'recovery');
  setLanguage('zh-CN');
});
