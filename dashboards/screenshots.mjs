// Regenerates the README's screenshots (docs/screenshots/*.png) from the demo in headless Chromium, so they never go
// stale: starts the built server with --demo on a free port, signs in as the demo manager and the demo agent, waits
// for the simulated floor to fill, and captures the wall board, the agent view and the manager view in zh-CN at
// 1920×1080. No npm package: Chromium is driven over its DevTools protocol (Node's WebSocket, --experimental-websocket
// on Node 20). Run from the repository root after a build:
//   dotnet build src/Realtime.Server && node --experimental-websocket dashboards/screenshots.mjs
// Options (environment): CHROMIUM (default /usr/bin/chromium), SERVER_DLL (default the Debug build), WAIT_SECONDS (420).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const serverDll = process.env.SERVER_DLL ?? join(root, 'src/Realtime.Server/bin/Debug/net10.0/Realtime.Server.dll');
const waitSeconds = Number(process.env.WAIT_SECONDS ?? 420);
const out = join(root, 'docs/screenshots');
const [width, height] = [1920, 1080];

// Each page with who signs in for it and what must be on screen before the shot.
const shots = [
  { file: 'wallboard.png', user: 'demo-manager', path: '/wallboard?lang=zh-CN', ready: '#board .card' },
  { file: 'agent.png', user: 'demo-agent', path: '/agent?id=A101&lang=zh-CN', ready: '.score-total-value' },
  { file: 'manager.png', user: 'demo-manager', path: '/manager?lang=zh-CN', ready: '#charts [data-chart=byHour] .bar-chart' },
];

if (typeof WebSocket === 'undefined') fail('this Node has no WebSocket: run it with --experimental-websocket (Node 20) or Node 22+.');
if (!existsSync(chromium)) fail(`no Chromium at ${chromium} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM).`);
if (!existsSync(serverDll)) fail(`no server build at ${serverDll}: run "dotnet build src/Realtime.Server" first (or set SERVER_DLL).`);

const children = [];
process.on('exit', () => { for (const child of children) child.kill('SIGTERM'); });
process.on('SIGINT', () => process.exit(130));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn('dotnet', [serverDll, '--demo', '--urls', base], { cwd: dirname(serverDll), stdio: ['ignore', 'pipe', 'pipe'] });
children.push(server);
let serverLog = '';
server.stdout.on('data', (chunk) => { serverLog = (serverLog + chunk).slice(-20_000); });
server.stderr.on('data', (chunk) => { serverLog = (serverLog + chunk).slice(-20_000); });
server.on('exit', (code) => { if (code !== null && code !== 0) fail(`the server stopped (${code}):\n${serverLog}`); });

await until(async () => (await fetch(`${base}/health`).catch(() => null))?.ok, 180, 'the server to become healthy');
const tokens = {};
for (const user of new Set(shots.map((s) => s.user))) {
  const answer = await fetch(`${base}/api/auth/demo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  if (!answer.ok) fail(`demo sign-in as ${user} answered ${answer.status}`);
  tokens[user] = (await answer.json()).accessToken;
}
// The demo's seeded history breaches nothing; its live breaches begin a few minutes in. Wait for them, so every chart has data.
await until(async () => {
  const hours = await (await fetch(`${base}/api/floor/breaches/by-hour?days=1`, { headers: { Authorization: `Bearer ${tokens['demo-manager']}` } })).json();
  return hours.total >= 2;
}, waitSeconds, 'the demo to breach a few clocks');

const profile = mkdtempSync(join(tmpdir(), 'realtime-shots-'));
const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars', '--remote-debugging-port=0',
  `--user-data-dir=${profile}`, `--window-size=${width},${height}`, '--lang=zh-CN', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });
children.push(browser);
const devtools = await new Promise((resolve) => {
  let text = '';
  browser.stderr.on('data', (chunk) => {
    text += chunk;
    const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
    if (match) resolve(match[1]);
  });
});
const cdp = await connect(devtools);
mkdirSync(out, { recursive: true });

for (const shot of shots) {
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const page = (method, params = {}) => cdp.send(method, params, sessionId);
  await page('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  await page('Page.enable');
  // The token travels in the fragment, as a TV's address does; the page moves it into its session.
  await page('Page.navigate', { url: `${base}${shot.path}#access_token=${tokens[shot.user]}` });
  await until(async () => (await page('Runtime.evaluate', { expression: `!!document.querySelector(${JSON.stringify(shot.ready)})`, returnByValue: true })).result.value,
    60, `${shot.path} to show ${shot.ready}`);
  // Let the live connection come up and a few pushes land (countdowns tick, the live dot turns green).
  await until(async () => (await page('Runtime.evaluate', { expression: "document.querySelector('#live-indicator')?.dataset.state === 'connected'", returnByValue: true })).result.value,
    30, `${shot.path} to go live`);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const { data } = await page('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } });
  writeFileSync(join(out, shot.file), Buffer.from(data, 'base64'));
  console.log(`screenshots: ${shot.file} (${Math.round(Buffer.from(data, 'base64').length / 1024)} KiB)`);
  await cdp.send('Target.closeTarget', { targetId });
}

cdp.close();
browser.kill('SIGTERM');
server.kill('SIGTERM');
await new Promise((resolve) => setTimeout(resolve, 500));
rmSync(profile, { recursive: true, force: true });
console.log(`screenshots: written to ${out}`);
process.exit(0);

/** A CDP client over one WebSocket: send(method, params, sessionId) → result. */
async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  let next = 0;
  const pending = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.id === undefined || !pending.has(message.id)) return;
    const { resolve, reject } = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
    else resolve(message.result);
  };
  return {
    send(method, params = {}, sessionId = undefined) {
      const id = ++next;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    close: () => socket.close(),
  };
}

/** Polls `condition` once a second until it holds, for at most `seconds`. */
async function until(condition, seconds, what) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try { if (await condition()) return; } catch { /* not yet */ }
    if (Date.now() > deadline) fail(`gave up waiting ${seconds} s for ${what}.\n${serverLog.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}
