/**
 * A pause that something else can cut short: background loops (job runner, outbox dispatcher) poll
 * on an interval but start at once when told there is work, or when asked to stop.
 */
export function createInterruptibleSleep() {
  let interrupt: (() => void) | undefined;
  return {
    sleep(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          interrupt = undefined;
          resolve();
        }
        interrupt = done;
      });
    },
    /** Ends the current pause, if any. */
    interrupt(): void {
      interrupt?.();
    },
  };
}
