// `npm test`: every test tier that can run on this machine.
//   unit  — pure code, always
//   data  — a real database: PGlite always; the PostgreSQL server too when one answers
//           (TEST_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
//   e2e   — the built app in Chromium, when a Chromium binary is found (CHROMIUM_PATH or /usr/bin/chromium)
// With CI=true a tier that cannot run is a failure, not a skip.
import fs from 'node:fs';
import net from 'node:net';
import { spawnSync } from 'node:child_process';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const extra = process.argv.slice(2);
const results = [];

function vitest(project, env = {}, label = project) {
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', project, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  results.push([label, r.status === 0 ? 'passed' : 'FAILED']);
  return r.status === 0;
}

function skip(label, why) {
  console.log(`\n━━ ${label} ━━\nskipped: ${why}`);
  results.push([label, ci ? `FAILED (cannot run in CI: ${why})` : `skipped (${why})`]);
}

function reachable(url) {
  return new Promise((resolve) => {
    let host = '127.0.0.1';
    let port = 5432;
    try {
      const u = new URL(url);
      host = u.hostname || host;
      port = Number(u.port) || port;
    } catch { /* keep defaults */ }
    const s = net.connect({ host, port, timeout: 1500 }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

vitest('unit');
vitest('data', { DATABASE_URL: '', TEST_DATABASE_URL: '' }, 'data (PGlite)');

const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
if (await reachable(pgUrl)) vitest('data', { TEST_DATABASE_URL: pgUrl, DATABASE_URL: '' }, 'data (PostgreSQL)');
else skip('data (PostgreSQL)', `no PostgreSQL server answers at ${pgUrl.replace(/:[^:@/]*@/, ':***@')}`);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (fs.existsSync(chromium)) vitest('e2e', { CHROMIUM_PATH: chromium, DATABASE_URL: '', TEST_DATABASE_URL: '' });
else skip('e2e', `no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

console.log('\nSummary:');
for (const [label, status] of results) console.log(`  ${label.padEnd(20)} ${status}`);
process.exitCode = results.some(([, s]) => s.startsWith('FAILED')) ? 1 : 0;
