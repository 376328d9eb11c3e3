// The sign-in page: the demo's one-click users, the built-in user/password form, or the single sign-on (OpenID Connect
// code flow with PKCE) when the server has an authority. It keeps the token for the session and goes back where the
// user came from (a path on this server only, so the page cannot be used to send users elsewhere).

import { keepToken } from './auth.js';

const params = new URLSearchParams(window.location.search);
const requested = params.get('return');
const back = requested && requested.startsWith('/') && !requested.startsWith('//') ? requested : null;
const error = document.getElementById('signin-error');

function done(token, landing) {
  keepToken(token);
  window.location.assign(back ?? landing ?? '/wallboard');
}

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.detail ?? `${path} answered ${response.status}`);
  return answer;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discovery(authority) {
  const response = await fetch(`${authority.replace(/\/$/, '')}/.well-known/openid-configuration`);
  return response.json();
}

/** Code flow with PKCE: the verifier stays in this session; the authority's answer comes back to this page. */
async function singleSignOn(config) {
  const oidc = await discovery(config.authority);
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('realtime.pkce', JSON.stringify({ verifier, state, back }));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId ?? '', redirect_uri: `${window.location.origin}/signin`, scope: 'openid profile',
    code_challenge: challenge, code_challenge_method: 'S256', state,
  });
  window.location.assign(`${oidc.authorization_endpoint}?${query}`);
}

async function finishSingleSignOn(config, code) {
  const pending = JSON.parse(sessionStorage.getItem('realtime.pkce') ?? '{}');
  sessionStorage.removeItem('realtime.pkce');
  if (!pending.verifier || pending.state !== params.get('state')) throw new Error('The sign-in answer does not match this session; sign in again.');
  const oidc = await discovery(config.authority);
  const response = await fetch(oidc.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${window.location.origin}/signin`, client_id: config.clientId ?? '', code_verifier: pending.verifier }),
  });
  const tokens = await response.json();
  if (!response.ok || !tokens.access_token) throw new Error(tokens.error_description ?? 'The single sign-on refused the code.');
  keepToken(tokens.access_token);
  window.location.assign(pending.back ?? '/wallboard');
}

async function main() {
  const config = await (await fetch('/api/auth/config', { headers: { Accept: 'application/json' } })).json();
  if (config.mode === 'oidc') {
    const code = params.get('code');
    if (code) return finishSingleSignOn(config, code);
    document.getElementById('sso-panel').hidden = false;
    document.getElementById('sso').addEventListener('click', () => singleSignOn(config));
    return undefined;
  }
  if (config.demoUsers.length > 0) {
    const panel = document.getElementById('demo-users');
    for (const demo of config.demoUsers) {
      const button = Object.assign(document.createElement('button'), { type: 'button', className: 'small-button demo-user', textContent: demo.label });
      button.dataset.user = demo.user;
      button.addEventListener('click', async () => {
        try {
          const answer = await post('/api/auth/demo', { user: demo.user });
          done(answer.accessToken, answer.landing);
        } catch (e) {
          error.textContent = e.message;
        }
      });
      panel.append(button);
    }
    document.getElementById('demo-panel').hidden = false;
  }
  document.getElementById('local-panel').hidden = false;
  document.getElementById('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await post('/api/auth/token', { user: document.getElementById('user').value, password: document.getElementById('password').value });
      done(answer.accessToken, null);
    } catch (e) {
      error.textContent = e.message;
    }
  });
  return undefined;
}

main().catch((e) => {
  error.textContent = e.message;
});
