import { holdThroughputMode } from './v8-memory-mode.ts';

/**
 * Switches V8 to its throughput mode while the server is under sustained request load, and back to
 * its memory-saving mode once the load has been gone a while (v8-memory-mode.ts says why). Idle and
 * lightly used, the server keeps its small footprint; on the checkout benchmark the server's CPU
 * per order was about a fifth lower in throughput mode (docs/benchmarks.md, checkout round six).
 */
export interface RequestLoadWatch {
  /** Counts one request (the HTTP server's `request` event). */
  request(): void;
  /** Looks at the last interval's requests; called by the watch's timer, or by a test. */
  check(now?: number): void;
  /** Whether V8 is held in its throughput mode by this watch. */
  readonly busy: boolean;
  /** Stops watching and gives the mode back. */
  stop(): void;
}

export interface RequestLoadWatchOptions {
  /** Requests a second that count as load (default 40: a checkout step is several). */
  busyRequestsPerSecond?: number;
  /** How long the load must have been gone before memory saving comes back (default 30 s). */
  calmMs?: number;
  /** How often the rate is looked at (default 1 s); 0 for no timer (tests call `check`). */
  intervalMs?: number;
  /** Takes the throughput mode, returning its release (default: V8's, v8-memory-mode.ts). */
  hold?: () => () => void;
}

export function watchRequestLoad(options: RequestLoadWatchOptions = {}): RequestLoadWatch {
  const threshold = options.busyRequestsPerSecond ?? 40;
  const calmMs = options.calmMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 1000;
  const hold = options.hold ?? holdThroughputMode;
  let count = 0;
  let lastCheck = Date.now();
  let lastBusy = Number.NEGATIVE_INFINITY;
  let release: (() => void) | undefined;

  const check = (now = Date.now()) => {
    const seconds = Math.max(now - lastCheck, 1) / 1000;
    const rate = count / seconds;
    count = 0;
    lastCheck = now;
    if (rate >= threshold) {
      lastBusy = now;
      release ??= hold();
    } else if (release && now - lastBusy >= calmMs) {
      release();
      release = undefined;
    }
  };
  const timer = intervalMs > 0 ? setInterval(check, intervalMs) : undefined;
  timer?.unref();

  return {
    request() {
      count++;
    },
    check,
    get busy() {
      return release !== undefined;
    },
    stop() {
      if (timer) clearInterval(timer);
      release?.();
      release = undefined;
    },
  };
}
