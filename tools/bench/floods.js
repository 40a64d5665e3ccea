// Login and registration floods (`npm run bench:floods`): what a flood of password hashing does to
// everyone else. The production build runs on a throw-away embedded PostgreSQL; the flood comes
// from other loopback addresses (127.0.x.y) than the admin's 127.0.0.1, so that per-IP limits see
// what they would see in the wild: one attacker address, or hundreds. Meanwhile a real admin signs
// in over and over, and reads /api/me (a request that needs a database connection). Writes
// tmp/bench/floods.json and prints a table; docs/benchmarks.md keeps the numbers by hand.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../seed/database.js';
import { startThrowawayApi } from './api-process.js';
import { percentile } from './http-load.js';

const ADMIN = { email: 'flood-admin@example.com', password: 'flood-admin-password-1' };
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FLOOD = option('flood', 400);
const REGISTRATIONS = option('registrations', 200);

/** One JSON request over a fresh connection from `localAddress`; resolves with status, body and milliseconds. */
function call(url, method, path, { body, token, localAddress = '127.0.0.1' } = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      url + path,
      {
        method,
        localAddress,
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text, ms: performance.now() - t0 }));
      },
    );
    request.on('error', (error) => resolve({ status: 0, text: error.message, ms: performance.now() - t0 }));
    request.end(payload);
  });
}

/** The i-th attacker address: 127.0.1.0 upwards (every 127/8 address is this machine's loopback). */
const attacker = (i, distributed) => (distributed ? `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` : '127.0.0.2');

const counts = (replies) => replies.reduce((all, r) => ({ ...all, [r.status]: (all[r.status] ?? 0) + 1 }), {});
const summary = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), max: sorted[sorted.length - 1] };
};

let adminLogins = 0;
const adminAddress = () => `127.0.9.${1 + (adminLogins++ % 250)}`;

/**
 * While `flood` runs, a real admin signs in one request after another, and a signed-in admin reads
 * /api/me one request after another (both loops go on until the flood is answered, 3 times at least).
 */
async function adminWhile(url, token, flood) {
  let done = false;
  const finished = flood.then((replies) => {
    done = true;
    return replies;
  });
  const loop = async (send) => {
    const replies = [];
    while (!done || replies.length < 3) replies.push(await send());
    return replies;
  };
  const [logins, reads, replies] = await Promise.all([
    // from an address of its own each time, so that its own sign-ins never meet the per-IP limit
    loop(() => call(url, 'POST', '/api/auth/login', { body: ADMIN, localAddress: adminAddress() })),
    loop(() => call(url, 'GET', '/api/me', { token })),
    finished,
  ]);
  return {
    floodStatuses: counts(replies),
    floodSeconds: Math.max(...replies.map((r) => r.ms)) / 1000,
    adminLogin: { ...summary(logins.map((r) => r.ms)), statuses: counts(logins) },
    adminRead: { ...summary(reads.map((r) => r.ms)), statuses: counts(reads) },
  };
}

async function main() {
  const api = await startThrowawayApi({
    name: 'floods',
    env: {
      JWT_SECRET: randomBytes(36).toString('base64url'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      // to compare settings: PASSWORD_HASH_CONCURRENCY=1 npm run bench:floods
      ...Object.fromEntries(['PASSWORD_HASH_CONCURRENCY', 'PASSWORD_HASH_QUEUE'].filter((name) => process.env[name]).map((name) => [name, process.env[name]])),
    },
  });
  const results = {};
  try {
    // warm up (the first hash builds the dummy; the JIT settles)
    for (let i = 0; i < 5; i++) await call(api.url, 'POST', '/api/auth/login', { body: ADMIN, localAddress: adminAddress() });

    const quiet = [];
    for (let i = 0; i < 20; i++) quiet.push(await call(api.url, 'POST', '/api/auth/login', { body: ADMIN, localAddress: adminAddress() }));
    const token = JSON.parse(quiet[0].text).accessToken;
    const quietReads = [];
    for (let i = 0; i < 20; i++) quietReads.push(await call(api.url, 'GET', '/api/me', { token }));
    results.quiet = {
      adminLogin: { ...summary(quiet.map((r) => r.ms)), statuses: counts(quiet) },
      adminRead: { ...summary(quietReads.map((r) => r.ms)), statuses: counts(quietReads) },
    };

    for (const distributed of [false, true]) {
      const name = distributed ? `loginFloodFrom${FLOOD}Addresses` : 'loginFloodFromOneAddress';
      const flood = Promise.all(
        Array.from({ length: FLOOD }, (_, i) =>
          call(api.url, 'POST', '/api/auth/login', {
            body: { email: `nobody-${randomBytes(6).toString('hex')}@example.com`, password: 'guess-guess' },
            localAddress: attacker(i, distributed),
          }),
        ),
      );
      results[name] = await adminWhile(api.url, token, flood);
    }

    const registrations = Promise.all(
      Array.from({ length: REGISTRATIONS }, (_, i) =>
        call(api.url, 'POST', '/api/auth/register', {
          body: { email: `flood-${i}-${randomBytes(4).toString('hex')}@example.com`, password: 'flood-password', fullName: 'Flood' },
          localAddress: attacker(i, true),
        }),
      ),
    );
    results[`registrationFloodFrom${REGISTRATIONS}Addresses`] = await adminWhile(api.url, token, registrations);
  } finally {
    await api.stop();
  }

  const outDir = join(REPO_ROOT, 'tmp/bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'floods.json'), JSON.stringify(results, null, 2));
  const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '–');
  console.log('| scenario | flood answers | admin login p50 / max | admin GET /api/me p50 / max |');
  console.log('|---|---|---|---|');
  for (const [name, r] of Object.entries(results)) {
    const flood = r.floodStatuses ? `${JSON.stringify(r.floodStatuses)} in ${r.floodSeconds.toFixed(1)} s` : '–';
    const read = r.adminRead ? `${ms(r.adminRead.p50)} / ${ms(r.adminRead.max)}` : '–';
    console.log(`| ${name} | ${flood} | ${ms(r.adminLogin.p50)} / ${ms(r.adminLogin.max)} ${JSON.stringify(r.adminLogin.statuses)} | ${read} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
