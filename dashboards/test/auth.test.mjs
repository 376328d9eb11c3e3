import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orleansCookieFor } from '../src/assets/js/auth.js';

test('the token goes to Orleans\' dashboard in a strict same-site session cookie on its path only', () => {
  assert.equal(orleansCookieFor('a.b.c', false), 'realtime_orleans=a.b.c; Path=/orleans; SameSite=Strict');
  assert.equal(orleansCookieFor('a.b.c', true), 'realtime_orleans=a.b.c; Path=/orleans; SameSite=Strict; Secure');
});

test('signing out expires the cookie', () => {
  assert.equal(orleansCookieFor(null, false), 'realtime_orleans=; Path=/orleans; SameSite=Strict; Max-Age=0');
});
