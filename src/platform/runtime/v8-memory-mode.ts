import { setFlagsFromString } from 'node:v8';

/**
 * The server runs V8 in its memory-saving mode (`--optimize-for-size`, set by bin/storepilot.js at
 * start): about 60 MB less resident memory while it serves requests, at no measurable cost to
 * request throughput. Bulk work that allocates heavily — a 100,000-row import — costs about a third
 * more CPU in that mode (more frequent collections, less optimised code), so it runs in V8's
 * default mode and the server goes back to saving memory when no such work is left.
 *
 * V8 reads this flag each time it decides how to collect and compile, which is why setting it
 * after start works (the start-up setting relies on the same); docs/benchmarks.md has the figures.
 */

/** What bin/storepilot.js records once it has put V8 in the memory-saving mode. */
export const LEAN_MEMORY_ENV = 'STOREPILOT_V8_MEMORY_MODE';

/**
 * In its default mode V8 lets the heap grow up to several times what is live between full
 * collections; an import's garbage then took the server to 480–490 MB. Growing by half at most
 * keeps it near 380 MB for about 5 % more CPU.
 */
const THROUGHPUT_HEAP_GROWTH = '--heap-growing-percent=50';

let running = 0;

/** Runs `work` with V8 in its default (throughput) mode; a no-op outside the lean server. */
export async function withThroughputMode<T>(work: () => Promise<T>): Promise<T> {
  if (process.env[LEAN_MEMORY_ENV] !== 'lean') return work();
  if (running++ === 0) setFlagsFromString(`--no-optimize-for-size ${THROUGHPUT_HEAP_GROWTH}`);
  try {
    return await work();
  } finally {
    if (--running === 0) setFlagsFromString('--optimize-for-size --heap-growing-percent=0');
  }
}

/** Puts V8 in the memory-saving mode and records it (what bin/storepilot.js does at start). */
export function enterLeanMemoryMode(): void {
  setFlagsFromString('--optimize-for-size');
  process.env[LEAN_MEMORY_ENV] = 'lean';
}
