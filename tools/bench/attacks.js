// The attacks of the outside review (docs/api.md#limits), each run against the production build while
// one client keeps asking GET /api/health on a fresh connection every time: how fast health
// answers during each attack (the goal: p99 ≤ 100 ms) is measured here, never asserted in tests.
//
// `npm run bench:attacks [-- --seconds S] [--out FILE]` runs them alone against an API of its own
// (a throwaway embedded PostgreSQL: no seeded data needed); `npm run bench` runs them too, after
// its loads. Either way the section between the attack markers of docs/benchmarks.md is rewritten.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { REPO_ROOT, parseArgs } from '../seed/database.js';
import { startThrowawayApi } from './api-process.js';
import { percentile } from './http-load.js';
import { ms, passCell, writeSection } from './report.js';
import { codeVersion } from './version.js';

const START = '<!-- bench:attacks:start -->';
const END = '<!-- bench:attacks:end -->';

/** GET /api/health in a closed loop, a new connection each time (a flood of sockets shows at accept), until stopped. */
function healthSampler(url) {
  const { hostname, port } = new URL(url);
  const samples = [];
  const failures = {};
  let running = true;
  const one = () =>
    new Promise((done) => {
      const started = performance.now();
      const request = http.get({ hostname, port, path: '/api/health', agent: false, timeout: 10_000 }, (response) => {
        response.resume();
        response.on('end', () => {
          const ms = performance.now() - started;
          if (response.statusCode === 200) samples.push(ms);
          else failures[response.statusCode] = (failures[response.statusCode] ?? 0) + 1;
          done();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error) => {
        const key = error.code ?? error.message;
        failures[key] = (failures[key] ?? 0) + 1;
        done();
      });
    });
  const loop = (async () => {
    while (running) {
      await one();
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return async () => {
    running = false;
    await loop;
    samples.sort((a, b) => a - b);
    return {
      answered: samples.length,
      failed: Object.values(failures).reduce((a, b) => a + b, 0),
      failures,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      max: samples[samples.length - 1] ?? NaN,
    };
  };
}

/** Starts an attacker in a worker thread; resolves once it is under way, with a function that stops it and returns what it got. */
function inWorker(kind, data) {
  const worker = new Worker(new URL('./attack-worker.js', import.meta.url), { workerData: { kind, ...data } });
  return new Promise((started, failed) => {
    worker.once('error', failed);
    worker.once('message', () =>
      started(
        () =>
          new Promise((done) => {
            worker.once('message', ({ result }) => {
              void worker.terminate();
              done(result);
            });
            worker.postMessage('stop');
          }),
      ),
    );
  });
}

/** This process's soft limit on open files (`ulimit -n`), from /proc (Linux); undefined elsewhere. */
function openFileLimit() {
  try {
    const soft = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    return soft === undefined ? undefined : Number(soft);
  } catch {
    return undefined; // not Linux
  }
}

/** Sockets this process may still open: its soft limit on open files less those open now, less a reserve. */
function socketBudget(reserve = 1000) {
  const limit = openFileLimit() ?? 1024;
  let open = 0;
  try {
    open = readdirSync('/proc/self/fd').length;
  } catch {
    /* not Linux */
  }
  return Math.max(0, limit - open - reserve);
}

/** `{"0":0,"1":0,…}` of about `bytes` bytes: the review's body of short unknown keys. */
const manyKeys = (bytes) => {
  const parts = [];
  let size = 2;
  for (let i = 0; size < bytes - 20; i++) {
    const part = `"${i.toString(36)}":0`;
    parts.push(part);
    size += part.length + 1;
  }
  return { body: `{${parts.join(',')}}`, keys: parts.length };
};

/**
 * Runs every attack for `seconds` while sampling health, the calm first as the reference.
 * @returns {Promise<{ seconds: number, runs: object[] }>}
 */
export async function runAttacks({ url, seconds = 15, say = () => undefined }) {
  const wait = (s) => new Promise((r) => setTimeout(r, s * 1000));
  const runs = [];
  const run = async (name, description, start) => {
    say(`attack: ${name}, ${seconds} s`);
    const stopHealth = healthSampler(url);
    const began = performance.now();
    const stopAttack = await start();
    const left = seconds - (performance.now() - began) / 1000;
    if (left > 0) await wait(left);
    const attack = await stopAttack();
    const health = await stopHealth();
    runs.push({ name, description, attack, health });
    await wait(2); // let the server settle before the next one
  };
  const bigKeys = manyKeys(1024 * 1024 - 100);
  const deep = '{"a":'.repeat(150_000) + '1' + '}'.repeat(150_000);
  const elements = `{"email":"a@b.co","password":"bench-password","x":[${Array(330_000).fill('{}').join(',')}]}`;
  const budget = socketBudget();

  await run('calm', 'no attack: the reference', async () => async () => ({}));
  await run('big-key body', `6 clients posting 1 MiB of ${bigKeys.keys.toLocaleString('en-US')} short unknown keys to /api/auth/login, again and again`, () =>
    inWorker('bodyFlood', { url, path: '/api/auth/login', body: bigKeys.body, clients: 6 }),
  );
  await run('deep nesting', '6 clients posting JSON nested 150,000 levels (0.9 MB) to /api/auth/login, again and again', async () =>
    inWorker('bodyFlood', { url, path: '/api/auth/login', body: deep, clients: 6 }),
  );
  await run('many array elements', '6 clients posting 330,000 empty objects in an array (1 MiB) to /api/auth/register, again and again', async () =>
    inWorker('bodyFlood', { url, path: '/api/auth/register', body: elements, clients: 6 }),
  );
  await run(
    'slowloris, one client',
    `${budget.toLocaleString('en-US')} slow sockets from one address (all this process's descriptors allow), a header line a second`,
    () => inWorker('slowSockets', { url, addresses: 1, perAddress: budget }),
  );
  await run('thousands held open', '5,000 slow sockets from 20 addresses (250 each, under the per-client cap), a header line a second', async () =>
    inWorker('slowSockets', { url, addresses: 20, perAddress: 250 }),
  );
  return { seconds, socketBudget: budget, runs };
}

function attackSummary(run) {
  const a = run.attack;
  if (a.statuses) {
    const statuses = Object.entries(a.statuses)
      .map(([status, n]) => `${status} × ${n.toLocaleString('en-US')}`)
      .join(', ');
    return `${statuses}; largest answer ${a.largestAnswer.toLocaleString('en-US')} B`;
  }
  if (a.opened !== undefined) {
    return `${a.opened.toLocaleString('en-US')} opened (${a.failed} failed to connect), ${a.heldAfterConnecting.toLocaleString('en-US')} held once all were opened, ${a.heldAtEnd.toLocaleString('en-US')} still held at the end`;
  }
  return '';
}

/** One row per attack: health during it (budget p99 ≤ 100 ms, no failed call) and what the attack got. */
export function attackRows(results) {
  return results.runs.map((run) => {
    const h = run.health;
    const failures = Object.entries(h.failures)
      .map(([k, n]) => `${k} × ${n}`)
      .join(', ');
    return {
      measure: `/api/health during: ${run.name}`,
      result: `p99 ${ms(h.p99)} (p50 ${ms(h.p50)}, max ${ms(h.max)}, ${h.answered} answered${h.failed ? `, ${h.failed} failed: ${failures}` : ''})`,
      budget: 'p99 ≤ 100 ms, none failed',
      pass: h.p99 <= 100 && h.failed === 0,
      run,
    };
  });
}

export function printAttackTable(rows) {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => [row.measure, row.result, row.budget][i].length)));
  console.log('\nAttacks (docs/api.md#limits)');
  for (const row of rows) {
    console.log(`${row.measure.padEnd(widths[0])}  ${row.result.padEnd(widths[1])}  ${row.budget.padEnd(widths[2])}  ${row.pass ? 'pass' : 'FAIL'}`);
  }
}

function section(results, rows, machine) {
  const out = [];
  out.push('## Attacks: /api/health during each (docs/api.md#limits)', '');
  out.push(
    `_Generated by \`${machine.command}\` on ${machine.ranAt.slice(0, 16).replace('T', ' ')} UTC: ${machine.nproc} cores, Node ${machine.node}, load average ${machine.load.toFixed(2)} at the start; code ${machine.code}._`,
    '',
  );
  out.push(
    `Each attack runs ${results.seconds} s against the production build (\`NODE_ENV=production\`, default limits) while one client asks \`GET /api/health\` in a closed loop, a new connection for every call. The API's file-descriptor limit is this machine's (\`ulimit -n\` ${machine.fdLimit ?? 'unknown'}); the attacking process could hold ${results.socketBudget.toLocaleString('en-US')} sockets.`,
    '',
  );
  out.push('| attack | /api/health during it | budget | | what the attack got |', '|---|---|---|---|---|');
  for (const row of rows) {
    out.push(`| ${row.run.name}: ${row.run.description} | ${row.result} | ${row.budget} | ${passCell(row.pass)} | ${attackSummary(row.run)} |`);
  }
  out.push('');
  return out.join('\n');
}

/** Rewrites the attack section of the benchmarks file (appended after the generated results, before the hand-written analysis, the first time). */
export function writeAttackReport(file, results, rows, machine) {
  writeSection(file, {
    start: START,
    end: END,
    body: section(results, rows, machine),
    initial: '# Benchmarks\n',
    place: (current, block) => {
      const anchor = current.indexOf('<!-- bench:results:end -->');
      const at = anchor >= 0 ? anchor + '<!-- bench:results:end -->'.length : current.length;
      return `${current.slice(0, at)}\n\n${block}\n${current.slice(at)}`;
    },
  });
}

export function machineOf(command, code) {
  return { command, ranAt: new Date().toISOString(), nproc: cpus().length, node: process.version, load: loadavg()[0], fdLimit: openFileLimit(), code };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const seconds = Number(args.seconds ?? 15);
  const outFile = resolve(args.out ?? join(REPO_ROOT, 'docs', 'benchmarks.md'));
  const say = (line) => console.log(`[bench] ${line}`);
  say('starting the API (production build, NODE_ENV=production) on a throwaway embedded PostgreSQL');
  const api = await startThrowawayApi({ name: 'attacks', env: { JWT_SECRET: randomBytes(36).toString('base64url') } });
  try {
    const results = await runAttacks({ url: api.url, seconds, say });
    const rows = attackRows(results);
    printAttackTable(rows);
    writeAttackReport(outFile, results, rows, machineOf('npm run bench:attacks', codeVersion()));
    say(`wrote the attack section of ${outFile}`);
  } finally {
    await api.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
