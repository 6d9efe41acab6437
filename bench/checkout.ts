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
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { systemActor } from '../src/modules/access/index.ts';
import { createStore } from '../src/modules/access/stores.ts';
import { ensureDefaultChannel } from '../src/modules/inventory/channels/channels.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { createLocation } from '../src/modules/inventory/locations/locations.ts';
import { createDiscount } from '../src/modules/promotions/discounts.ts';
import { createRate } from '../src/modules/shipping/rates.ts';
import { createZone } from '../src/modules/shipping/zones.ts';
import { installTaxPreset } from '../src/modules/tax/install-preset.ts';
import { updateTaxSettings } from '../src/modules/tax/tax-settings.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { seedCatalog } from './fixtures/seed-catalog.ts';
import { startBenchServer, stopBenchServer } from './support/bench-server.ts';
import { cpuSnapshot, cpuSpent } from './support/process-cpu.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const shoppers = Number(process.env.BENCH_SHOPPERS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3902);
const base = `http://127.0.0.1:${port}`;
const STORE = 'bench-checkout';
const shop = `${base}/s/${STORE}`;
const steps = ['add to cart', 'contact', 'address', 'shipping', 'discount code', 'place order'] as const;
type Step = (typeof steps)[number];

/**
 * A German store selling in euro with VAT included: 2,000 products (5 variants each) with a million
 * units apiece at one warehouse, EU VAT, a zone for Germany with standard and express rates, and a
 * 10 % code without a usage limit. Returns the active variants shoppers may buy.
 */
async function setUp(databaseUrl: string | undefined, dataDir: string): Promise<string[]> {
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
  try {
    await migrateDatabase(database);
    const actor = systemActor('bench');
    const store = await createStore(database.db, actor, {
      handle: STORE,
      name: 'Bench Checkout',
      baseCurrency: 'EUR',
      locale: 'de',
      timezone: 'Europe/Berlin',
    });
    await seedCatalog(database.db, store, { products: 2000, variantsPerProduct: 5 });
    const location = await createLocation(database.db, store.id, { name: 'Lager', kind: 'warehouse' });
    await ensureDefaultChannel(database.db, store.id);
    // Opening stock written as the ledger would have it: one receipt per variant and its level.
    await database.execute(
      `insert into inventory_items (variant_id, store_id) select id, store_id from product_variants where store_id = $1`,
      [store.id],
    );
    await database.execute(
      `insert into inventory_levels (store_id, variant_id, location_id, on_hand)
       select store_id, id, $2, 1000000 from product_variants where store_id = $1`,
      [store.id, location.id],
    );
    await database.execute(
      `insert into inventory_movements (id, store_id, variant_id, location_id, kind, quantity, on_hand_after, actor_label)
       select 'mov_' || id, store_id, id, $2, 'receive', 1000000, 1000000, 'bench'
       from product_variants where store_id = $1`,
      [store.id, location.id],
    );
    await database.db.transaction(async (tx) => {
      await updateTaxSettings(tx, store.id, actor, { pricesIncludeTax: true });
      await installTaxPreset(tx, store.id, actor, 'eu', {});
      const zone = await createZone(tx, store.id, actor, {
        name: 'Deutschland',
        countries: [{ country: 'DE' }],
      });
      await createRate(tx, store.id, actor, zone.id, {
        name: 'Standard',
        type: 'flat',
        estimate: { minDays: 1, maxDays: 3 },
        prices: [{ currency: 'EUR', amount: 490, freeAbove: 5000 }],
      });
      await createRate(tx, store.id, actor, zone.id, {
        name: 'Express',
        type: 'flat',
        estimate: { minDays: 1, maxDays: 1 },
        prices: [{ currency: 'EUR', amount: 1290 }],
      });
      await createDiscount(tx, store.id, actor, {
        title: 'Bench: 10 % off',
        kind: 'code',
        codes: ['BENCH10'],
        type: 'percentage',
        percentBp: 1000,
      });
    });
    if (database.kind === 'postgres') await database.execute('vacuum analyze');
    else await database.execute('analyze');
    const variants = await database.execute<{ id: string }>(
      `select v.id from product_variants v join products p on p.id = v.product_id
       where v.store_id = $1 and p.status = 'active' order by v.id`,
      [store.id],
    );
    return variants.map((v) => v.id);
  } finally {
    await database.close();
  }
}

class StepFailed extends Error {}

/** Domain events the server's dispatcher has still to hand over, from its `/metrics`. */
async function outboxWaiting(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^storepilot_outbox_events_waiting (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}

/** One shopper's purchase; each step's time goes to `timings`. */
async function buy(variantId: string, withCode: boolean, timings: Map<Step, number[]>): Promise<void> {
  const timed = async (step: Step, send: () => Promise<Response>, expect: number) => {
    const started = performance.now();
    const res = await send();
    const body = res.status === 303 ? '' : await res.text();
    timings.get(step)!.push(performance.now() - started);
    if (res.status !== expect) throw new StepFailed(`${step}: ${res.status} ${body.slice(0, 300)}`);
    return { res, body };
  };
  // The product page's form: a new shopper, no cookie yet; the answer sets the cart cookie.
  const added = await timed(
    'add to cart',
    () =>
      fetch(`${shop}/cart/lines`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ variantId, quantity: '1' }).toString(),
        redirect: 'manual',
      }),
    303,
  );
  const cookie = added.res.headers.getSetCookie().find((c) => c.startsWith('sp_cart='));
  const cartToken = cookie?.slice('sp_cart='.length).split(';')[0];
  if (!cartToken) throw new StepFailed('add to cart: no cart cookie');
  const post = (step: Step, pathName: string, body: object, headers: Record<string, string> = {}) =>
    timed(
      step,
      () =>
        fetch(`${shop}/checkout/${pathName}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ cartToken, ...body }),
        }),
      step === 'place order' ? 201 : 200,
    );
  await post('contact', 'contact', { email: `shopper-${randomUUID().slice(0, 8)}@example.com` });
  const addressed = await post('address', 'address', {
    shippingAddress: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      line1: 'Heidestraße 17',
      city: 'Köln',
      postalCode: '51147',
      country: 'DE',
    },
  });
  const option = JSON.parse(addressed.body).priced.shipping.options[0].key as string;
  let priced = await post('shipping', 'shipping', { option });
  if (withCode) priced = await post('discount code', 'discount', { code: 'BENCH10' });
  const total = JSON.parse(priced.body).priced.totals.total as number;
  await post(
    'place order',
    'place',
    {
      payment: {
        provider: 'test_card',
        card: {
          cardNumber: '4242424242424242',
          expiry: `12/${(new Date().getFullYear() + 2) % 100}`,
          cvc: '123',
        },
      },
      expectedTotal: total,
    },
    { 'idempotency-key': randomUUID() },
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(label: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-checkout-'));
  try {
    const variantIds = await setUp(databaseUrl, dataDir);
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
              await buy(variantIds[next]!, placed % 4 === 0, timings);
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
