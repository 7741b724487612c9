// Builds the web app into web/dist when it is missing or older than its sources.
// Used by `npm install` (prepare) and by `shanhai serve` before it starts.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export function webIsStale() {
  if (!fs.existsSync(path.join(web, 'index.html'))) return false; // no web sources: nothing to build
  return !fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(web);
}

export function buildWeb({ force = false } = {}) {
  if (!force && !webIsStale()) return true;
  console.log('Building the web app (vite)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return r.status === 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = buildWeb({ force: process.argv.includes('--force') }) ? 0 : 1;
}
