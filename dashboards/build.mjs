// Builds dist/: the dashboards' pages and assets as the server serves them from wwwroot/.
// No bundler: the pages are plain ES modules; the SignalR browser build is copied from
// node_modules so nothing is fetched from a CDN. Asset links in the pages get a content hash
// (?v=) so a wall PC never mixes a new page with stale cached scripts.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const source = join(root, 'src');
const dist = join(root, 'dist');
const signalrBrowser = join(root, 'node_modules', '@microsoft', 'signalr', 'dist', 'browser');

if (!existsSync(signalrBrowser)) {
  console.error(`build: ${signalrBrowser} is missing; run "npm ci" in ${root} first.`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
cpSync(source, dist, { recursive: true });
mkdirSync(join(dist, 'assets', 'vendor'), { recursive: true });
for (const file of ['signalr.min.js', 'signalr.min.js.map']) {
  cpSync(join(signalrBrowser, file), join(dist, 'assets', 'vendor', file));
}

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// One hash over every asset, appended to every asset URL in the pages and to every relative
// import between modules, so any change makes the browser fetch the whole module graph afresh.
const hash = createHash('sha256');
const assets = filesUnder(join(dist, 'assets')).sort();
for (const file of assets) {
  hash.update(relative(dist, file).split(sep).join('/'));
  hash.update(readFileSync(file));
}
const version = hash.digest('hex').slice(0, 12);

const pages = readdirSync(dist).filter((name) => name.endsWith('.html'));
for (const page of pages) {
  const path = join(dist, page);
  const html = readFileSync(path, 'utf8').replace(/((?:src|href)=")(\/assets\/[^"?]+)(")/g, `$1$2?v=${version}$3`);
  writeFileSync(path, html);
}

for (const file of assets.filter((path) => path.endsWith('.js') && !path.includes(`${sep}vendor${sep}`))) {
  const code = readFileSync(file, 'utf8').replace(/(\bfrom\s+['"])(\.{1,2}\/[^'"?]+\.js)(['"])/g, `$1$2?v=${version}$3`);
  writeFileSync(file, code);
}

console.log(`build: ${pages.length} page(s), ${assets.length} asset(s), version ${version} → ${relative(process.cwd(), dist) || dist}`);
