// Where the two cores go during a load: CPU time of the API process, of the PostgreSQL server (the
// postmaster and its backends), of this load generator and of everything else on the machine
// (other people's test suites: the noise), from /proc (Linux, clock ticks of 1/100 s).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const TICK = 0.01;

function ticksOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // starttime (field 22) tells a process from a later one that got the same pid
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), started: fields[19] };
  } catch {
    return null;
  }
}

/** Ticks of the postmaster and each of its children, by process (backends come and go with the pool). */
function postgresTicks(dataDir) {
  const ticks = new Map();
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return ticks;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const main = ticksOf(postmaster);
  if (main) ticks.set(`${postmaster}:${main.started}`, main.ticks);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = ticksOf(entry);
    if (stat && stat.ppid === postmaster) ticks.set(`${entry}:${stat.started}`, stat.ticks);
  }
  return ticks;
}

/** Ticks spent between two readings by the processes alive at the second (a backend that exited in between is missed). */
const spent = (before, after) => [...after.entries()].reduce((sum, [pid, ticks]) => sum + ticks - (before.get(pid) ?? 0), 0);

function machineTicks() {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  return values.slice(0, 8).reduce((a, b) => a + b, 0) - idle;
}

/** A reading to subtract from a later one: `const before = cpuSnapshot(...); ...; cpuSince(before, cpuSnapshot(...))`. */
export function cpuSnapshot({ apiPid, dataDir, extraPids = [] }) {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    api: apiPid ? (ticksOf(apiPid)?.ticks ?? 0) : 0,
    postgres: postgresTicks(dataDir),
    extra: extraPids.reduce((sum, pid) => sum + (ticksOf(pid)?.ticks ?? 0), 0),
    bench: (usage.user + usage.system) / 1e6,
    machine: machineTicks(),
  };
}

/** Cores used on average between two readings, by whom. */
export function cpuSince(a, b) {
  const seconds = (b.at - a.at) / 1000;
  const cores = (ticks) => (ticks * TICK) / seconds;
  const api = cores(b.api - a.api);
  const postgres = cores(spent(a.postgres, b.postgres));
  const extra = cores(b.extra - a.extra);
  const bench = (b.bench - a.bench) / seconds;
  const machine = cores(b.machine - a.machine);
  return { seconds, api, postgres, extra, bench, others: Math.max(0, machine - api - postgres - extra - bench), machine };
}
