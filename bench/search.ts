// `npm run bench:search`: storefront search and category pages on a 20,000-product catalog
// (× 5 variants, the import benchmark's catalog), through HTTP with autocannon on loopback — on
// PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL.
//
// - search: every request a different query (so no cached page answers it), mixed like shoppers
//   type: two or three words of a product name, one word, brand + noun, a misspelt word, a SKU;
//   some with an order. Latency at 1 connection (one shopper at a time) and
//   throughput at BENCH_CONNECTIONS.
// - category page with facets: the largest top-level category, one address (what a popular page
//   costs: mostly the page cache), and rotating over every category × order × page × brand filter
//   (each one rendered from the database).
// The catalog is loaded with multi-row INSERTs (bench/fixtures/seed-catalog.ts), not the CSV
// import, which has a benchmark of its own. Prints figures; asserts nothing.
// Options: BENCH_DURATION=seconds (10), BENCH_CONNECTIONS=n (10), BENCH_PRODUCTS=n (20000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createStore, systemActor } from '../src/modules/access/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { refreshPlannerStatistics } from '../src/platform/db/statistics-upkeep.ts';
import { generateProductRecords } from './fixtures/generate-shopify-csv.ts';
import { seedCatalog } from './fixtures/seed-catalog.ts';
import { rssMb, startBenchServer, stopBenchServer } from './support/bench-server.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const productCount = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const variantsPerProduct = 5;
const port = Number(process.env.BENCH_PORT ?? 3901);
const base = `http://127.0.0.1:${port}`;
const STORE = 'bench';

interface Row {
  engine: string;
  scenario: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  target: string;
}

/** Addresses cycled through by one load run; each request takes the next. */
function rotating(paths: string[]) {
  let i = 0;
  return () => paths[i++ % paths.length]!;
}

async function load(url: string, next: (() => string) | undefined, conns: number) {
  const result = await autocannon({
    url,
    connections: conns,
    duration,
    ...(next
      ? {
          requests: [
            {
              method: 'GET' as const,
              setupRequest: (request: autocannon.Request) => ({ ...request, path: next() }),
            },
          ],
        }
      : {}),
  });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** Drops a letter from the middle of a word: the typo a shopper makes. */
function misspelt(word: string, seed: number): string {
  const at = 1 + (seed % (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
}

/** Search addresses in the mix shoppers type, all different, from the catalog's own names. */
function searchPaths(): { paths: string[]; mix: string } {
  const records = [...generateProductRecords({ products: productCount, variantsPerProduct, seed: 1 })];
  const kinds: Record<string, string[]> = {
    'two words of a name': [],
    'three words': [],
    'one word': [],
    'brand + noun': [],
    misspelt: [],
    SKU: [],
  };
  const weights: [string, number][] = [
    ['two words of a name', 40],
    ['three words', 20],
    ['one word', 15],
    ['brand + noun', 10],
    ['misspelt', 10],
    ['SKU', 5],
  ];
  const seen = new Set<string>();
  const sorts = ['', '', '', '&sort=price-asc', '&sort=newest'];
  for (let i = 0; seen.size < 20_000 && i < records.length * 4; i++) {
    const record = records[(i * 7919) % records.length]!;
    const words = record.title.split(' ').slice(0, -1); // the last word is the product's number
    const noun = words.slice(2).join(' ');
    const roll = i % 100;
    let kind = weights[0]![0];
    for (let acc = 0, w = 0; w < weights.length; w++) {
      acc += weights[w]![1];
      if (roll < acc) {
        kind = weights[w]![0];
        break;
      }
    }
    let q: string;
    if (kind === 'two words of a name') q = i % 2 ? `${words[1]} ${noun}` : `${words[0]} ${noun}`;
    else if (kind === 'three words') q = words.join(' ');
    else if (kind === 'one word') q = i % 2 ? words[1]! : noun;
    else if (kind === 'brand + noun') q = `${record.vendor} ${noun}`;
    else if (kind === 'misspelt') {
      const longest = [...words].sort((a, b) => b.length - a.length)[0]!.toLowerCase();
      q = words.map((w) => (w.toLowerCase() === longest ? misspelt(longest, i) : w)).join(' ');
    } else q = record.variants[i % record.variants.length]!.sku!;
    const query = `q=${encodeURIComponent(q).replace(/%20/g, '+')}${sorts[i % sorts.length]}`;
    if (seen.has(query)) continue;
    seen.add(query);
    kinds[kind]!.push(`/s/${STORE}/search?${query}`);
  }
  // Interleaved, so every stretch of the run has the same mix.
  const paths: string[] = [];
  const lists = Object.values(kinds);
  for (let i = 0; lists.some((l) => i < l.length); i++)
    for (const l of lists) if (i < l.length) paths.push(l[i]!);
  const mix = weights.map(([k, w]) => `${w}% ${k}`).join(', ');
  return { paths, mix };
}

async function seed(databaseUrl: string | undefined, dataDir: string) {
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
  try {
    await migrateDatabase(database);
    const store = await createStore(database.db, systemActor('bench'), {
      handle: STORE,
      name: 'Bench Supply',
      baseCurrency: 'USD',
    });
    const report = await seedCatalog(database.db, store, { products: productCount, variantsPerProduct });
    // What autovacuum does on PostgreSQL and the server's upkeep on PGlite, done now so the run does
    // not depend on when they get to it.
    const started = performance.now();
    if (database.kind === 'pglite') await refreshPlannerStatistics(database);
    else await database.execute('vacuum analyze');
    const categories = await database.execute<{ handle: string; path: string; n: number }>(
      `select c.handle, c.path, count(p.id)::int as n from categories c
       left join products p on p.category_id = c.id or p.category_id in (
         select d.id from categories d where d.store_id = c.store_id and d.path like c.path || ' > %')
       where c.store_id = $1 group by c.handle, c.path order by n desc`,
      [store.id],
    );
    return { report, statisticsMs: performance.now() - started, categories };
  } finally {
    await database.close();
  }
}

async function run(engine: string, databaseUrl?: string): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-search-'));
  try {
    const seeded = await seed(databaseUrl, dataDir);
    const { report } = seeded;
    const rows = report.products + report.variants + report.images;
    console.log(
      `\n${engine}: catalog of ${report.products.toLocaleString('en')} products, ${report.variants.toLocaleString('en')} variants, ${report.images.toLocaleString('en')} images loaded in ${report.seconds.toFixed(1)} s (${Math.round(rows / report.seconds).toLocaleString('en')} rows/s, search columns included); statistics ${Math.round(seeded.statisticsMs)} ms`,
    );
    const server = (await startBenchServer({ port, dataDir, databaseUrl, demo: false })).child;
    try {
      const { paths, mix } = searchPaths();
      const top = seeded.categories.find((c) => !c.path.includes(' > '))!;
      const sorts = ['', '?sort=price-asc', '?sort=newest', '?sort=title'];
      const vendors = ['', 'Acme', 'Northwind', 'Blue Harbor', 'Studio Nine'];
      const categoryPaths: string[] = [];
      for (const c of seeded.categories)
        for (const sort of sorts)
          for (let page = 1; page <= 3; page++)
            for (const vendor of vendors) {
              const params = new URLSearchParams(sort.slice(1));
              if (vendor) params.append('vendor', vendor);
              if (page > 1) params.set('page', String(page));
              const query = params.toString();
              categoryPaths.push(`/s/${STORE}/categories/${c.handle}${query ? `?${query}` : ''}`);
            }
      // Warm up the server (code paths, connections) on addresses the runs do not use.
      for (const warm of ['/s/bench/search?q=warm+up', `/s/${STORE}/categories/${top.handle}?page=4`]) {
        for (let i = 0; i < 5; i++) await fetch(`${base}${warm}`);
      }
      const searchNext = rotating(paths);
      console.log(`search mix: ${mix}; ${paths.length.toLocaleString('en')} different queries`);
      console.log(
        `category page: /categories/${top.handle} (${top.n.toLocaleString('en')} products); rotation over ${categoryPaths.length.toLocaleString('en')} category addresses`,
      );
      const results: Row[] = [];
      const add = (scenario: string, conns: number, target: string, r: Awaited<ReturnType<typeof load>>) =>
        results.push({ engine, scenario, connections: conns, target, ...r });
      add('search, every query new', 1, 'p50 < 20 ms, p99 < 100 ms', await load(base, searchNext, 1));
      add('search, every query new', connections, '', await load(base, searchNext, connections));
      add(
        'category page with facets, one address',
        connections,
        '≥ 1,000 req/s',
        await load(`${base}/s/${STORE}/categories/${top.handle}`, undefined, connections),
      );
      add(
        'category pages with facets, rotating (uncached)',
        connections,
        '',
        await load(base, rotating(categoryPaths), connections),
      );
      console.log(`server RSS after the runs: ${rssMb(server.pid!)} MB`);
      return results;
    } finally {
      await stopBenchServer({ child: server, readyMs: 0 });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `Storepilot search benchmark: ${productCount.toLocaleString('en')} products × ${variantsPerProduct} variants, autocannon ${duration} s per row, loopback.`,
);
const rows = await run('PGlite');
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const fresh = await scratchPostgresDatabase(pgUrl, 'sp_bench_search');
  try {
    rows.push(...(await run('PostgreSQL', fresh.url)));
  } finally {
    await fresh.drop();
  }
} else {
  console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
}
console.log('\n| database | scenario | connections | req/s | p50 ms | p99 ms | errors | target |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.engine} | ${r.scenario} | ${r.connections} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.target} |`,
  );
}
