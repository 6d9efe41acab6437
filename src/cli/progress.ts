/** A single self-updating progress line on a terminal; plain periodic lines when not a TTY. */
export function progressLine(label: string) {
  const tty = process.stdout.isTTY;
  // Without a terminal a line goes out every quarter of the way, and the first at once: a long
  // first quarter (the demo's history) would otherwise leave a log silent for a minute.
  let lastPrinted = -25;
  let started = false;
  let lastLine = '';
  return {
    update(done: number, total: number, detail = '') {
      started = true;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      const text = `  ${label}: ${done}/${total} (${pct}%) ${detail}`;
      if (tty) process.stdout.write(`\r${text.padEnd(78).slice(0, 78)}`);
      else if ((pct - lastPrinted >= 25 || done === total) && text !== lastLine) {
        lastPrinted = pct;
        lastLine = text;
        process.stdout.write(`${text}\n`);
      }
    },
    done(message?: string) {
      if (tty && started) process.stdout.write(`${'\r'.padEnd(80)}\r`);
      if (message) process.stdout.write(`  ${message}.\n`);
    },
  };
}
