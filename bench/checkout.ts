// `npm run bench:checkout`: shoppers buying over HTTP, as the storefront serves them — each adds a
// product to a new cart (the product page's form post), then gives an e-mail, an address and a
// shipping method, one in four enters a discount code, and places the order with the test card
// (the checkout's JSON posts, an Idempotency-Key each). BENCH_SHOPPERS (50) shoppers at once, each
// buying again as soon as its order is placed, for BENCH_DURATION (10) seconds, on PGlite and, when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL. The server runs as `storepilot
// start` in its own process. Prints orders/s and p50/p99 per step, then checks the books: every order
// placed sold its units through the ledger (no drift). Also prints the CPU each part spent per order
// (server, PostgreSQL, the shoppers; from /proc) and how long the dispatcher took to catch up with
// the orders' background work after the shoppers stopped (from /metrics). Asserts nothing;
// docs/benchmarks.md has figures.
// Options: BENCH_ONLY=pglite|postgres, BENCH_PROFILE_DIR=dir (a V8 CPU profile of the server),
// BENCH_WORKERS=N (server processes on PostgreSQL, `storepilot start --workers N`).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { CHECKOUT_STORE, setUpCheckoutStore } from './fixtures/checkout-store.ts';
import { startBenchServer, stopBenchServer } from './support/bench-server.ts';
import { buy, type Step, StepFailed, steps } from './support/checkout-shopper.ts';
import { cpuSnapshot, cpuSpent } from './support/process-cpu.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const shoppers = Number(process.env.BENCH_SHOPPERS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3902);
const base = `http://127.0.0.1:${port}`;
const shop = `${base}/s/${CHECKOUT_STORE}`;

/** Domain events the server's dispatcher has still to hand over, from its `/metrics`. */
async function outboxWaiting(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^storepilot_outbox_events_waiting (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(label: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-checkout-'));
  try {
    const variantIds = await setUpCheckoutStore(databaseUrl, dataDir);
    const nodeFlags = process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [];
    const workers = databaseUrl ? Number(process.env.BENCH_WORKERS ?? 1) : 1;
    const server = await startBenchServer({ port, dataDir, databaseUrl, demo: false, nodeFlags, workers });
    const timings = new Map<Step, number[]>(steps.map((s) => [s, []]));
    const failures = new Map<string, number>();
    let placed = 0;
    let elapsed = 0;
    let cpu = { server: 0, postgres: 0, shoppers: 0 };
    let backlog = 0;
    let drained = 0;
    try {
      let next = 0;
      const cpuBefore = cpuSnapshot(server.child.pid!, 'postgres');
      const shoppersBefore = process.cpuUsage();
      const started = performance.now();
      const until = started + duration * 1000;
      await Promise.all(
        Array.from({ length: shoppers }, async () => {
          while (performance.now() < until) {
            // Steps by a prime through the variants: shoppers mostly buy different things.
            next = (next + 7919) % variantIds.length;
            try {
              await buy(shop, variantIds[next]!, placed % 4 === 0, timings);
              placed += 1;
            } catch (err) {
              if (!(err instanceof StepFailed)) throw err;
              const key = err.message.slice(0, 120);
              failures.set(key, (failures.get(key) ?? 0) + 1);
            }
          }
        }),
      );
      elapsed = (performance.now() - started) / 1000;
      const cpuAfter = cpuSnapshot(server.child.pid!, 'postgres');
      const shoppersSpent = process.cpuUsage(shoppersBefore);
      cpu = {
        server: cpuSpent(cpuBefore.tree, cpuAfter.tree),
        postgres: databaseUrl ? cpuSpent(cpuBefore.named, cpuAfter.named) : 0,
        shoppers: (shoppersSpent.user + shoppersSpent.system) / 1e6,
      };
      // The orders' background work (confirmation e-mails, analytics facts) the dispatcher had not
      // done when the shoppers stopped: its time and CPU belong to the orders too.
      backlog = await outboxWaiting();
      const drainStarted = performance.now();
      while ((await outboxWaiting()) > 0 && performance.now() - drainStarted < 300_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      drained = (performance.now() - drainStarted) / 1000;
      const cpuDrained = cpuSnapshot(server.child.pid!, 'postgres');
      cpu.server += cpuSpent(cpuAfter.tree, cpuDrained.tree);
      cpu.postgres += databaseUrl ? cpuSpent(cpuAfter.named, cpuDrained.named) : 0;
    } finally {
      await stopBenchServer(server);
    }
    const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
    const report = await verifyInventory(database.db);
    const [orders] = await database.execute<{ n: number; sold: number }>(
      `select count(*)::int as n,
              (select coalesce(sum(-quantity), 0)::int from inventory_movements where kind = 'sale') as sold
       from orders`,
    );
    await database.close();
    console.log(
      `\n${label} (${shoppers} shoppers, ${workers} server process${workers > 1 ? 'es' : ''}, ${Math.round(elapsed)} s)`,
    );
    console.log(
      `  ${(placed / elapsed).toFixed(1)} orders/s, ${placed} placed, ${[...failures.values()].reduce((a, b) => a + b, 0)} failed`,
    );
    console.log(
      `  ${backlog} events waiting for the dispatcher when the shoppers stopped, handled ${drained.toFixed(1)} s later: ${(placed / (elapsed + drained)).toFixed(1)} orders/s with all their work done`,
    );
    const perOrder = (seconds: number) => (placed > 0 ? ((seconds * 1000) / placed).toFixed(1) : '–');
    console.log(
      `  CPU per order (the drain included): server ${perOrder(cpu.server)} ms, PostgreSQL ${perOrder(cpu.postgres)} ms (all its processes), shoppers ${perOrder(cpu.shoppers)} ms; ${availableParallelism()} cores give ${(availableParallelism() * 1000).toLocaleString('en')} ms a second`,
    );
    console.log('| step | requests | p50 ms | p99 ms |');
    console.log('|---|---|---|---|');
    for (const step of steps) {
      const sorted = [...timings.get(step)!].sort((a, b) => a - b);
      console.log(
        `| ${step} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`,
      );
    }
    for (const [message, count] of failures) console.log(`  failed ×${count}: ${message}`);
    console.log(
      `  books: ${orders!.n} orders in the database, ${orders!.sold} units sold through the ledger; drift ${report.drift.length}, broken balances ${report.balanceBreaks.length}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.env.BENCH_ONLY;
if (only !== 'postgres') await run('PGlite');
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (only !== 'pglite') {
  if (pgUrl) {
    const scratch = await scratchPostgresDatabase(pgUrl, 'sp_bench_checkout');
    try {
      await run('PostgreSQL', scratch.url);
    } finally {
      await scratch.drop();
    }
  } else {
    console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
  }
}
