import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ComplaintBoard } from '../src/assets/js/wallboard/board.js';

const view = (id, extra = {}) => ({ id, teamId: 'T1', status: 'open', clocks: [], ...extra });

test('a complaint pushed while the snapshot was on its way survives the snapshot that predates it', () => {
  const board = new ComplaintBoard(null, null, { team: 'T1' });
  board.beginSnapshot();
  board.upsert(view('C-new'));
  board.load([view('C-1'), view('C-2')], 2);
  assert.deepEqual([...board.complaints.keys()].sort(), ['C-1', 'C-2', 'C-new']);
});

test('the snapshot keeps its own view of a complaint it lists, and a push that ends a complaint still ends it', () => {
  const board = new ComplaintBoard(null, null, { team: 'T1' });
  board.beginSnapshot();
  board.upsert(view('C-1', { status: 'paused' }));
  board.upsert(view('C-2', { status: 'resolved' }));
  board.upsert(view('C-3', { teamId: 'T2' }));
  board.load([view('C-1', { status: 'open' }), view('C-2'), view('C-3')], 3);
  assert.deepEqual([...board.complaints.keys()], ['C-1']);
  assert.equal(board.complaints.get('C-1').status, 'open');
});

test('pushes are replayed in their order, and only into the snapshot they arrived during', () => {
  const board = new ComplaintBoard(null, null, { team: 'T1' });
  board.beginSnapshot();
  board.upsert(view('C-9'));
  board.upsert(view('C-9', { status: 'resolved' }));
  board.load([], 0);
  assert.equal(board.complaints.size, 0);

  board.beginSnapshot();
  board.upsert(view('C-10'));
  board.endSnapshot();
  board.beginSnapshot();
  board.load([], 0);
  assert.equal(board.complaints.size, 0, 'a failed snapshot keeps nothing for the next one');
});
