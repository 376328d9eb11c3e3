import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PushBuffer, pushKey } from '../src/assets/js/pushBuffer.js';
import { ComplaintBoard } from '../src/assets/js/wallboard/board.js';

const complaint = (id, extra = {}) => ({ id, status: 'open', teamId: 'T1', clocks: [], ...extra });

test('state pushes are keyed by what they describe; events have no key', () => {
  assert.equal(pushKey('complaintChanged', { id: 'C1' }), 'complaint:C1');
  assert.equal(pushKey('scoreChanged', { agentId: 'A1', window: '7d' }), 'score:A1:7d');
  assert.equal(pushKey('kpiChanged', { teamId: 'floor', window: 'today' }), 'kpi:floor:today');
  assert.equal(pushKey('slaBreached', { complaintId: 'C1' }), null);
  assert.equal(pushKey('caseKpiChanged', { teamId: 'floor' }), 'caseKpi:floor');
  assert.equal(pushKey('caseChanged', { id: 'claim-1' }), 'case:claim-1');
  assert.equal(pushKey('caseBreached', { caseId: 'claim-1' }), null);
  assert.equal(pushKey('breachCausesChanged', { explained: 3 }), 'breachCauses');
});

test('held pushes drain in arrival order: every event, and only the newest state of each thing', () => {
  const buffer = new PushBuffer();
  buffer.add('complaintChanged', complaint('C1', { escalationLevel: 0 }));
  buffer.add('slaBreached', { complaintId: 'C1' });
  buffer.add('complaintChanged', complaint('C2'));
  buffer.add('escalated', { complaintId: 'C1', level: 1 });
  buffer.add('complaintChanged', complaint('C1', { escalationLevel: 1 }));
  assert.equal(buffer.size, 5);

  const drained = buffer.drain();

  assert.deepEqual(drained.map(({ name, payload }) => `${name}:${payload.id ?? payload.complaintId}`),
    ['slaBreached:C1', 'complaintChanged:C2', 'escalated:C1', 'complaintChanged:C1']);
  assert.equal(drained.at(-1).payload.escalationLevel, 1);
  assert.equal(buffer.size, 0);
  assert.deepEqual(buffer.drain(), []);
});

test('merged on top of a REST answer, pushes held during the reload leave nothing out and nothing stale', () => {
  // 500 complaints open; while the REST answer (which missed the 500th, opened meanwhile) was loading,
  // the 500th was pushed, C7 was pushed twice (escalated), and C9 was resolved.
  const snapshot = Array.from({ length: 499 }, (_, i) => complaint(`C${i}`));
  const buffer = new PushBuffer();
  buffer.add('complaintChanged', complaint('C7', { escalationLevel: 1 }));
  buffer.add('complaintChanged', complaint('C499'));
  buffer.add('complaintChanged', complaint('C9', { status: 'resolved' }));
  buffer.add('complaintChanged', complaint('C7', { escalationLevel: 2 }));
  const board = new ComplaintBoard(null, null, { team: 'T1' });

  board.load(snapshot, snapshot.length);
  for (const { payload } of buffer.drain()) board.upsert(payload);

  assert.equal(board.complaints.size, 499);
  assert.ok(board.complaints.has('C499'));
  assert.ok(!board.complaints.has('C9'));
  assert.equal(board.complaints.get('C7').escalationLevel, 2);
});

/** A stand-in for the SignalR browser client: the test drives invoke, pushes and reconnects by hand. */
function fakeSignalR() {
  const connection = {
    handlers: {}, invoked: [], reconnected: null, closed: null,
    state: 'Connected',
    on(name, handler) { this.handlers[name] = handler; },
    onreconnecting() {},
    onreconnected(callback) { this.reconnected = callback; },
    onclose(callback) { this.closed = callback; },
    async start() {},
    async stop() {},
    async invoke(method, scope) { this.invoked.push(`${method}:${scope}`); },
    push(name, payload) { this.handlers[name](payload); },
  };
  class HubConnectionBuilder {
    withUrl() { return this; }
    withAutomaticReconnect() { return this; }
    configureLogging() { return this; }
    build() { return connection; }
  }
  globalThis.signalR = { HubConnectionBuilder, LogLevel: { Warning: 3 }, HubConnectionState: { Disconnected: 'Disconnected' } };
  return connection;
}

function deferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}

/**
 * A LiveConnection on the fake client whose reloads wait until the test resolves them (`reloads[k].resolve()`);
 * `applied` records each reload (with how many subscribes preceded it), each finished load and what the handlers add.
 */
async function liveWithHeldReloads(connection, scopes, handlers) {
  const { LiveConnection } = await import('../src/assets/js/live.js');
  const applied = [];
  const reloads = [];
  const indicator = { dataset: {}, textContent: '' };
  const live = new LiveConnection({
    scopes,
    indicator,
    resync: () => {
      const reload = deferred();
      reloads.push(reload);
      const n = reloads.length;
      applied.push(`reload${n}:subscribed=${connection.invoked.length}`);
      return reload.promise.then(() => applied.push(`loaded${n}`));
    },
    handlers: handlers(applied),
  });
  return { live, applied, reloads, indicator };
}

test('the live connection subscribes before it reloads, holds pushes during the reload and reruns a reload overtaken by a reconnect', async () => {
  const connection = fakeSignalR();
  const { live, applied, reloads, indicator } = await liveWithHeldReloads(connection, ['team:T1'], (applied) => ({
    complaintChanged: (view) => applied.push(`push:${view.id}:${view.escalationLevel ?? 0}`),
    slaBreached: (p) => applied.push(`breach:${p.complaintId}`),
  }));

  const started = live.start();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(applied, ['reload1:subscribed=1']);
  connection.push('complaintChanged', complaint('C1'));
  connection.push('slaBreached', { complaintId: 'C1' });
  // The connection drops and comes back while the first reload is still loading.
  connection.reconnected();
  connection.push('complaintChanged', complaint('C1', { escalationLevel: 1 }));
  reloads[0].resolve();
  await new Promise((r) => setImmediate(r));
  assert.equal(reloads.length, 2, 'the overtaken reload runs again');
  assert.equal(indicator.dataset.state, 'connecting');
  reloads[1].resolve();
  await started;

  assert.deepEqual(applied, ['reload1:subscribed=1', 'loaded1', 'reload2:subscribed=2', 'loaded2', 'breach:C1', 'push:C1:1']);
  assert.equal(indicator.dataset.state, 'connected');
  connection.push('complaintChanged', complaint('C2'));
  assert.equal(applied.at(-1), 'push:C2:0');
});

test('a board the server says fell behind reloads, holding the pushes that arrive meanwhile', async () => {
  const connection = fakeSignalR();
  const { live, applied, reloads, indicator } = await liveWithHeldReloads(connection, ['floor'], (applied) => ({
    complaintChanged: (view) => applied.push(`push:${view.id}`),
  }));
  const started = live.start();
  await new Promise((r) => setImmediate(r));
  reloads[0].resolve();
  await started;
  connection.push('complaintChanged', complaint('C1'));

  connection.push('resync', { missed: 20000 });
  await new Promise((r) => setImmediate(r));
  assert.equal(reloads.length, 2, 'the resync reloads');
  assert.deepEqual(connection.invoked, ['Subscribe:floor', 'Subscribe:floor']);
  connection.push('complaintChanged', complaint('C2'));
  assert.equal(applied.at(-1), 'reload2:subscribed=2', 'a push during the reload is held');
  reloads[1].resolve();
  await live.syncing;

  assert.deepEqual(applied, ['reload1:subscribed=1', 'loaded1', 'push:C1', 'reload2:subscribed=2', 'loaded2', 'push:C2']);
  assert.equal(indicator.dataset.state, 'connected');
});

test('a board with a preload shows its REST data before the hub connects, and synchronises only after the preload', async () => {
  const connection = fakeSignalR();
  const connected = deferred();
  connection.start = () => connected.promise;
  const { LiveConnection } = await import('../src/assets/js/live.js');
  const log = [];
  const indicator = { dataset: {}, textContent: '' };
  const live = new LiveConnection({
    scopes: ['floor'],
    indicator,
    preload: async () => { log.push('preload'); },
    resync: async () => { log.push(`resync:subscribed=${connection.invoked.length}`); },
    handlers: {},
  });

  const started = live.start();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(log, ['preload'], 'loaded while the hub is still connecting');
  assert.equal(indicator.dataset.state, 'connecting');
  connected.resolve();
  await started;

  assert.deepEqual(log, ['preload', 'resync:subscribed=1']);
  assert.equal(indicator.dataset.state, 'connected');
});
