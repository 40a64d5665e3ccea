// A CPU profile of the API under one load: a second API process of the same build (DATABASE_URL,
// so it leaves the PostgreSQL alone) started with --cpu-prof, loaded, stopped; the profile is then
// summarised by package (self and inclusive time) and by function.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOAD_LIMITS, startApi } from './api-process.js';

/** What a frame belongs to: an npm package, one of our libs, the app, or Node/V8 itself. */
function areaOf(frame) {
  const url = frame.url ?? '';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const lib = /dist\/libs\/([^/]+)\//.exec(url);
  if (lib) return `@chance/${lib[1]}`;
  if (/dist\/apps\//.test(url)) return 'apps/api';
  if (url.startsWith('node:')) return 'node internals';
  if (frame.functionName?.startsWith('(')) return frame.functionName;
  return url ? 'other' : 'V8/native';
}

/**
 * @param window  optional [fromEndUs, toEndUs]: only samples taken that many microseconds before the
 *                profile's end (the load, not the start-up or the shutdown)
 */
export function summariseProfile(file, top = 15, window = null) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas ?? []) times.push((t += delta));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map();
  const inclusive = new Map();
  const functions = new Map();
  let busy = 0;
  let idle = 0;
  for (const [i, id] of profile.samples.entries()) {
    if (window && times[i] !== undefined && (times[i] < profile.endTime - window[0] || times[i] > profile.endTime - window[1])) continue;
    const node = nodes.get(id);
    if (node.callFrame.functionName === '(idle)') {
      idle++;
      continue;
    }
    busy++;
    const area = areaOf(node.callFrame);
    self.set(area, (self.get(area) ?? 0) + 1);
    const f = node.callFrame;
    // native and Node-internal frames (writev, ...) are named after the first package up their stack
    let via = '';
    if (area === 'V8/native' || area === 'node internals') {
      for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
        const a = areaOf(nodes.get(at).callFrame);
        if (a !== 'V8/native' && a !== 'node internals' && !a.startsWith('(')) {
          via = ` (called from ${a})`;
          break;
        }
      }
    }
    const key = `${f.functionName || '(anonymous)'} — ${area}${f.url ? ` ${f.url.split('/').slice(-1)[0]}:${f.lineNumber + 1}` : ''}${via}`;
    functions.set(key, (functions.get(key) ?? 0) + 1);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const a = areaOf(nodes.get(at).callFrame);
      if (!seen.has(a)) {
        seen.add(a);
        inclusive.set(a, (inclusive.get(a) ?? 0) + 1);
      }
    }
  }
  const share = (n) => n / Math.max(1, busy);
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return {
    busyShare: busy / Math.max(1, busy + idle),
    areas: sorted(self)
      .slice(0, top)
      .map(([area, n]) => ({ area, self: share(n), inclusive: share(inclusive.get(area) ?? 0) })),
    inclusive: sorted(inclusive)
      .filter(([a]) => !a.startsWith('('))
      .slice(0, top)
      .map(([area, n]) => ({ area, inclusive: share(n) })),
    functions: sorted(functions)
      .slice(0, top)
      .map(([name, n]) => ({ name, self: share(n) })),
  };
}

/** Profiles the API while `load(url)` runs. */
export async function profileUnder({ name, databaseUrl, dataDir, jwtSecret, port, dir, load }) {
  const out = join(dir, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const api = await startApi({
    port,
    dataDir,
    env: { JWT_SECRET: jwtSecret, DATABASE_URL: databaseUrl, OUTBOX_RELAY: 'off', ...LOAD_LIMITS },
    logFile: join(out, 'api.log'),
    ownsPostgres: false,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${out}`],
  });
  let began;
  let ended;
  try {
    began = performance.now();
    await load(api.url);
    ended = performance.now();
  } finally {
    await api.stop();
  }
  const exited = performance.now();
  const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
  // the profile ends when the process exits: keep the samples of the load only
  return file ? summariseProfile(join(out, file), 15, [(exited - began) * 1000, (exited - ended) * 1000]) : null;
}
