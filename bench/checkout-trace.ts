// `npm run bench:checkout-trace`: what one order costs the server, step by step. One shopper buys
// BENCH_ORDERS (40) times, one by one, from a server running in this process with its background
// work off; then the dispatcher and the job runner work off what the orders left them. Prints, per
// step, the server's CPU (process.cpuUsage from the request's arrival to its answer) and the SQL
// statements it sent (transaction control included), and the same for the background work per
// order. On PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL), else on PGlite (statements are
// counted on PostgreSQL only). BENCH_TRACE_SQL=1 also lists each step's statements with their
// counts per order, the most frequent first; BENCH_PROFILE_DIR=dir writes V8 CPU profiles of the
// steps and of the background work (the shopper's own work is in the steps' profile). Asserts nothing; the figures go to docs/benchmarks.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { configCacheStats } from '../src/platform/cache/index.ts';
import { CHECKOUT_STORE, setUpCheckoutStore } from './fixtures/checkout-store.ts';
import { buy, type Step, steps } from './support/checkout-shopper.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const orders = Number(process.env.BENCH_ORDERS ?? 40);
const listStatements = process.env.BENCH_TRACE_SQL === '1';
const warmUp = 5;
const profileDir = process.env.BENCH_PROFILE_DIR;

/** A V8 CPU profile of this process while `fn` runs, written to BENCH_PROFILE_DIR/<name>.cpuprofile. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!profileDir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

type Phase = Step | 'background';
interface PhaseCost {
  requests: number;
  cpuMs: number;
  statements: Map<string, number>;
}

/** Where statements sent now are counted; undefined between requests. */
let counting: PhaseCost | undefined;
const sqlOf = (args: unknown[]) => {
  const first = args[0] as string | { text?: string };
  return typeof first === 'string' ? first : (first?.text ?? '?');
};
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const text = sqlOf(args).replace(/\s+/g, ' ').trim();
    counting.statements.set(text, (counting.statements.get(text) ?? 0) + 1);
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** Which step a checkout request is, from its method and path. */
function stepOf(method: string, url: string): Step | undefined {
  if (method !== 'POST') return undefined;
  if (url.endsWith('/cart/lines')) return 'add to cart';
  const name = /\/checkout\/([a-z]+)$/.exec(url)?.[1];
  const byName: Record<string, Step> = {
    contact: 'contact',
    address: 'address',
    shipping: 'shipping',
    discount: 'discount code',
    place: 'place order',
  };
  return name ? byName[name] : undefined;
}

async function run(label: string, databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-trace-'));
  const costs = new Map<Phase, PhaseCost>();
  const costOf = (phase: Phase) => {
    const cost = costs.get(phase) ?? { requests: 0, cpuMs: 0, statements: new Map() };
    costs.set(phase, cost);
    return cost;
  };
  let configReads = { hits: 0, misses: 0 };
  try {
    const variantIds = await setUpCheckoutStore(databaseUrl, dataDir);
    // The set-up announced its configuration changes from this process before any change feed
    // listened, so they stay pending (caches bypassed) until they expire: ten seconds.
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const config = loadConfig(
      { port: 0, dataDir, demo: false, logLevel: 'silent' },
      { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), STOREPILOT_JOBS: 'false' },
    );
    const sp = await buildApp({ config });
    let measuring = false;
    const started = new WeakMap<object, NodeJS.CpuUsage>();
    sp.app.addHook('onRequest', (request, _reply, done) => {
      const step = measuring ? stepOf(request.method, request.url) : undefined;
      if (step) {
        counting = costOf(step);
        started.set(request, process.cpuUsage());
      }
      done();
    });
    sp.app.addHook('onResponse', (request, _reply, done) => {
      const before = started.get(request);
      if (before && counting) {
        const spent = process.cpuUsage(before);
        counting.cpuMs += (spent.user + spent.system) / 1000;
        counting.requests += 1;
      }
      counting = undefined;
      done();
    });
    const address = await sp.app.listen({ port: 0, host: '127.0.0.1' });
    const shop = `${address}/s/${CHECKOUT_STORE}`;
    const timings = new Map<Step, number[]>(steps.map((s) => [s, []]));
    try {
      // The first purchases warm the caches and V8's code; then one purchase at a time, one in
      // four with the code, as in the throughput benchmark.
      for (let i = 0; i < warmUp; i += 1) await buy(shop, variantIds[i]!, i % 4 === 0, timings);
      while ((await sp.dispatcher.dispatchOnce()).dispatched > 0);
      while ((await sp.jobs.runDueJobsOnce()) > 0);
      measuring = true;
      const cacheBefore = configCacheStats();
      await profiled('steps', async () => {
        for (let i = 0; i < orders; i += 1) {
          await buy(shop, variantIds[(i * 7919) % variantIds.length]!, i % 4 === 0, timings);
        }
      });
      measuring = false;
      const cacheAfter = configCacheStats();
      configReads = {
        hits: (cacheAfter.hits - cacheBefore.hits) / orders,
        misses: (cacheAfter.misses - cacheBefore.misses) / orders,
      };
      const background = costOf('background');
      counting = background;
      const before = process.cpuUsage();
      await profiled('background', async () => {
        while ((await sp.dispatcher.dispatchOnce()).dispatched > 0);
        while ((await sp.jobs.runDueJobsOnce()) > 0);
      });
      const spent = process.cpuUsage(before);
      background.cpuMs = (spent.user + spent.system) / 1000;
      background.requests = orders;
      counting = undefined;
    } finally {
      await sp.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const total = (cost: PhaseCost) => [...cost.statements.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${label}: ${orders} orders, one at a time (per request; background per order)`);
  console.log('| step | requests | server CPU ms | statements |');
  console.log('|---|---|---|---|');
  let cpuPerOrder = 0;
  let statementsPerOrder = 0;
  for (const phase of [...steps, 'background'] as Phase[]) {
    const cost = costs.get(phase);
    if (!cost || cost.requests === 0) continue;
    cpuPerOrder += cost.cpuMs / orders;
    statementsPerOrder += total(cost) / orders;
    console.log(
      `| ${phase} | ${cost.requests} | ${(cost.cpuMs / cost.requests).toFixed(2)} | ${databaseUrl ? (total(cost) / cost.requests).toFixed(1) : '–'} |`,
    );
  }
  console.log(
    `  per order: server CPU ${cpuPerOrder.toFixed(1)} ms${databaseUrl ? `, ${statementsPerOrder.toFixed(1)} statements` : ''}`,
  );
  console.log(
    `  configuration cache per order (the steps): ${configReads.hits.toFixed(1)} hits, ${configReads.misses.toFixed(1)} misses`,
  );
  if (!listStatements || !databaseUrl) return;
  for (const phase of [...steps, 'background'] as Phase[]) {
    const cost = costs.get(phase);
    if (!cost || cost.requests === 0) continue;
    console.log(`\n${phase} (per request):`);
    for (const [text, count] of [...cost.statements].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${(count / cost.requests).toFixed(2).padStart(6)}  ${text.slice(0, 220)}`);
    }
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const scratch = await scratchPostgresDatabase(pgUrl, 'sp_bench_trace');
  try {
    await run('PostgreSQL', scratch.url);
  } finally {
    await scratch.drop();
  }
} else {
  await run('PGlite', undefined);
}
