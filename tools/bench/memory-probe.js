// Preloaded (`node --import ./tools/bench/memory-probe.js`) into the API processes the bench starts,
// never into production: every 5 s it appends the process's own view of its memory as one JSON line
// to the file named by BENCH_MEMORY_FILE, so the bench can split the resident memory it samples from
// /proc into V8 heap, memory outside the heap that V8 knows of (external, of which ArrayBuffers), and
// the rest (code, stacks, malloc arenas of native modules). Without BENCH_MEMORY_FILE it does nothing.
import { appendFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const sample = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const { total_available_size: heapAvailable } = getHeapStatistics();
    try {
      // a few hundred bytes every 5 s: written synchronously, so a line is whole when the bench reads it
      appendFileSync(file, `${JSON.stringify({ at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers, heapAvailable })}\n`);
    } catch {
      /* a measurement aid: never the reason the API fails */
    }
  };
  // unref'd: the timer never keeps the API alive when it is shutting down
  setInterval(sample, 5000).unref();
}
