// `npm run bench:reservations`: stock reservation throughput through the admin API — 50 concurrent
// clients (autocannon, loopback) reserving one unit each, first all on ONE hot variant, then spread
// over 10,000 variants — on PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on
// PostgreSQL. The server runs as `storepilot start` in its own process. Prints reservations/s,
// p50/p99 latency and refusals, then checks the ledger (no drift); asserts nothing.
// Options: BENCH_DURATION=seconds (10), BENCH_CONNECTIONS=n (50), BENCH_ONLY=pglite|postgres,
// BENCH_PROFILE_DIR=dir (a V8 CPU profile of the server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApiKey, systemActor } from '../src/modules/access/index.ts';
import { createStore } from '../src/modules/access/stores.ts';
import { ensureDefaultChannel } from '../src/modules/inventory/channels/channels.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { createLocation } from '../src/modules/inventory/locations/locations.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { writeOpeningStock } from './fixtures/opening-stock.ts';
import { seedCatalog } from './fixtures/seed-catalog.ts';
import { startBenchServer, stopBenchServer } from './support/bench-server.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3901);
const base = `http://127.0.0.1:${port}`;
const STORE = 'bench-stock';
const variantCount = 10_000;

interface Setup {
  storeId: string;
  key: string;
  variantIds: string[];
}

/** A store with 10,000 variants, each with a million units received at one warehouse. */
async function setUp(databaseUrl: string | undefined, dataDir: string): Promise<Setup> {
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
  try {
    await migrateDatabase(database);
    const actor = systemActor('bench');
    const store = await createStore(database.db, actor, {
      handle: STORE,
      name: 'Bench Stock',
      baseCurrency: 'USD',
    });
    await seedCatalog(database.db, store, { products: variantCount / 5, variantsPerProduct: 5 });
    const location = await createLocation(database.db, store.id, { name: 'Warehouse', kind: 'warehouse' });
    // The store's own sales channel, made before the stock as it would be in use.
    await ensureDefaultChannel(database.db, store.id);
    await writeOpeningStock(database, store.id, location.id);
    if (database.kind === 'postgres') await database.execute('vacuum analyze');
    else await database.execute('analyze');
    const { key } = await createApiKey(
      database.db,
      actor,
      store.id,
      { name: 'bench', permissions: ['inventory:read', 'inventory:write'] },
      new Set(['inventory:read', 'inventory:write'] as const),
    );
    const variants = await database.execute<{ id: string }>(
      'select id from product_variants where store_id = $1 order by id',
      [store.id],
    );
    return { storeId: store.id, key, variantIds: variants.map((v) => v.id) };
  } finally {
    await database.close();
  }
}

async function load(setup: Setup, pick: () => string) {
  const result = await autocannon({
    url: `${base}/api/admin/stores/${setup.storeId}/inventory/reservations`,
    connections,
    duration,
    method: 'POST',
    headers: { authorization: `Bearer ${setup.key}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ items: [{ variantId: pick(), quantity: 1 }], ttlSeconds: 3600 }),
        }),
      },
    ],
  });
  return {
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    refused: result.non2xx + result.errors,
    total: result.requests.total,
  };
}

async function run(label: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-stock-'));
  try {
    const setup = await setUp(databaseUrl, dataDir);
    const nodeFlags = process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [];
    const server = await startBenchServer({ port, dataDir, databaseUrl, demo: false, nodeFlags });
    let hot: Awaited<ReturnType<typeof load>>;
    let spread: Awaited<ReturnType<typeof load>>;
    try {
      const hotVariant = setup.variantIds[0]!;
      hot = await load(setup, () => hotVariant);
      // Steps by a prime through the variants: every client hits a different row most of the time.
      let next = 0;
      spread = await load(setup, () => {
        next = (next + 7919) % setup.variantIds.length;
        return setup.variantIds[next]!;
      });
    } finally {
      await stopBenchServer(server);
    }
    const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
    const report = await verifyInventory(database.db);
    await database.close();
    console.log(`\n${label} (${connections} clients, ${duration} s each)`);
    console.log('| variants | reservations/s | p50 ms | p99 ms | refused |');
    console.log('|---|---|---|---|---|');
    console.log(`| 1 hot variant | ${hot.perSecond} | ${hot.p50} | ${hot.p99} | ${hot.refused} |`);
    console.log(
      `| 10,000 variants | ${spread.perSecond} | ${spread.p50} | ${spread.p99} | ${spread.refused} |`,
    );
    console.log(
      `  ledger check: ${report.levels} levels, ${report.movements} movements, drift ${report.drift.length}, broken balances ${report.balanceBreaks.length}`,
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
    const scratch = await scratchPostgresDatabase(pgUrl, 'sp_bench_stock');
    try {
      await run('PostgreSQL', scratch.url);
    } finally {
      await scratch.drop();
    }
  } else {
    console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
  }
}
