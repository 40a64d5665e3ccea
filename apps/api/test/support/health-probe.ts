export interface HealthDuringAttack<T> {
  /** what the attack resolved with */
  attack: T;
  /** one entry per probe answered (or failed) while the attack ran: its status (0 = no answer) */
  probes: { status: number; error?: string }[];
}

/**
 * Asks `GET /api/health` again and again, one request at a time on a fresh connection each, for as
 * long as `attack` runs (and at least `minProbes` times), so a test can check the server kept
 * answering everyone else while it was under attack.
 */
export async function healthDuring<T>(url: string, attack: () => Promise<T>, { minProbes = 3, timeoutMs = 30_000 } = {}): Promise<HealthDuringAttack<T>> {
  const probes: HealthDuringAttack<T>['probes'] = [];
  let done = false;
  const running = attack().finally(() => (done = true));
  const probing = (async () => {
    while (!done || probes.length < minProbes) {
      try {
        const reply = await fetch(`${url}/api/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(timeoutMs) });
        await reply.arrayBuffer();
        probes.push({ status: reply.status });
      } catch (error) {
        probes.push({ status: 0, error: String((error as Error).cause ?? error) });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const [result] = await Promise.all([running, probing]);
  return { attack: result, probes };
}

/** Every status the probes saw, once each, for one readable assertion (how fast is bench:attacks' business). */
export function statusesOf(probes: HealthDuringAttack<unknown>['probes']): number[] {
  return [...new Set(probes.map((p) => p.status))].sort();
}
