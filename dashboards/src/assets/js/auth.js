// Sign-in for the dashboards. The token comes from the URL fragment (#access_token=..., for wall boards on TVs that
// cannot type a password) or from the sign-in page, and is kept for this browser session only (sessionStorage).
// Without one the API answers 401 and the page goes to /signin; with anonymous roles configured it never does.

const storageKey = 'realtime.accessToken';
const browser = typeof window !== 'undefined' && typeof sessionStorage !== 'undefined';
// Orleans' own dashboard (/orleans) is a page the server does not write, so it cannot send the token: a session cookie
// scoped to that path carries it there (strict same-site, so another site's page cannot ride on it).
export const orleansCookie = 'realtime_orleans';

/** The cookie that carries `token` to /orleans (an expired one when `token` is null), as document.cookie takes it. */
export function orleansCookieFor(token, secure) {
  const value = token ? encodeURIComponent(token) : '';
  return `${orleansCookie}=${value}; Path=/orleans; SameSite=Strict${secure ? '; Secure' : ''}${token ? '' : '; Max-Age=0'}`;
}

function carryToOrleans(token) {
  if (browser && typeof document !== 'undefined') document.cookie = orleansCookieFor(token, window.location.protocol === 'https:');
}

/** Moves a token from the fragment into the session and removes it from the address bar (and so from history). */
function takeFragmentToken() {
  if (!browser || !window.location.hash.includes('access_token=')) return;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('access_token');
  if (token) sessionStorage.setItem(storageKey, token);
  if (token) carryToOrleans(token);
  params.delete('access_token');
  const rest = params.toString();
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
}
takeFragmentToken();

/** The session's token, or null. */
export function accessToken() {
  return browser ? sessionStorage.getItem(storageKey) : null;
}

/** Keeps `token` for the session. */
export function keepToken(token) {
  if (browser) sessionStorage.setItem(storageKey, token);
  carryToOrleans(token);
}

/** The Authorization header for the session's token, if any. */
export function authHeaders() {
  const token = accessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Forgets the token and goes to the sign-in page, which brings the user back here. */
export function signIn() {
  if (!browser) return;
  sessionStorage.removeItem(storageKey);
  carryToOrleans(null);
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/signin?return=${encodeURIComponent(back)}`);
}

/** fetch() with the session's token; a 401 sends the user to sign in. */
export async function authFetch(path, init = {}) {
  const response = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), ...authHeaders() } });
  if (response.status === 401) signIn();
  return response;
}

/** Downloads `path` with the token (a plain link cannot send it) under `fileName`. */
export async function download(path, fileName) {
  const response = await authFetch(path, { cache: 'no-store' });
  if (!response.ok) return;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** GET /api/auth/me: { user, roles, agentId, teamIds } of the session, or null. */
export async function whoAmI() {
  const response = await authFetch('/api/auth/me', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  return response.ok ? response.json() : null;
}
