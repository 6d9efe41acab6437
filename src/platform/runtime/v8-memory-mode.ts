import { setFlagsFromString } from 'node:v8';

/**
 * The server runs V8 in its memory-saving mode (`--optimize-for-size`, set by bin/storepilot.js at
 * start): about 60 MB less resident memory. Work that allocates heavily costs more CPU in that mode
 * (more frequent collections, less optimised code): a 100,000-row import about a third more, a
 * checkout under load about a fifth more on the server. So bulk work (`withThroughputMode`) and
 * sustained request load (`watchRequestLoad`, throughput-under-load.ts) run in V8's default mode,
 * and the server goes back to saving memory when neither is left.
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

let holds = 0;

/**
 * Puts V8 in its default (throughput) mode until the returned release is called; the lean mode
 * comes back when no hold is left. A no-op outside the lean server.
 */
export function holdThroughputMode(): () => void {
  if (process.env[LEAN_MEMORY_ENV] !== 'lean') return () => {};
  if (holds++ === 0) setFlagsFromString(`--no-optimize-for-size ${THROUGHPUT_HEAP_GROWTH}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0) setFlagsFromString('--optimize-for-size --heap-growing-percent=0');
  };
}

/** Runs `work` with V8 in its default (throughput) mode; a no-op outside the lean server. */
export async function withThroughputMode<T>(work: () => Promise<T>): Promise<T> {
  const release = holdThroughputMode();
  try {
    return await work();
  } finally {
    release();
  }
}

/** Puts V8 in the memory-saving mode and records it (what bin/storepilot.js does at start). */
export function enterLeanMemoryMode(): void {
  setFlagsFromString('--optimize-for-size');
  process.env[LEAN_MEMORY_ENV] = 'lean';
}
