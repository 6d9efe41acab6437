// `npm run bench:import`: writes a generated 100,000-row Shopify product CSV (20,000 products × 5
// variants) to disk, then imports it from the file through the import service, as
// `storepilot import products` does, into a fresh store on
// PGlite (on disk) and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL.
// Each database runs in its own process so peak RSS is that import's alone. Prints rows/s and peak
// RSS; asserts nothing. The store has a warehouse, so the file's stock (80 % of the variants are
// tracked) is set too. Options: BENCH_PRODUCTS (20000), BENCH_VARIANTS (5), BENCH_DRY_RUN=1,
// BENCH_ONLY=pglite|postgres (one database only), BENCH_STOCK=0 (no stock), BENCH_PROFILE_DIR
// (CPU profiles).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { generateShopifyCsv } from './fixtures/generate-shopify-csv.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const productCount = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const variantsPerProduct = Number(process.env.BENCH_VARIANTS ?? 5);

// BENCH_PROFILE_DIR=dir writes a V8 CPU profile of each worker there (open it in Chrome's DevTools).
const profileFlags = process.env.BENCH_PROFILE_DIR
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
  : [];

function runWorker(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...profileFlags, '--import', 'tsx', 'bench/import-worker.ts'], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        BENCH_FILE: file,
        LOG_LEVEL: 'silent',
      },
      stdio: 'inherit',
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
  });
}

console.log(
  `Import of a ${(productCount * variantsPerProduct).toLocaleString('en')}-row Shopify CSV (${productCount.toLocaleString('en')} products × ${variantsPerProduct} variants)`,
);
const workDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-import-'));
const file = path.join(workDir, 'products.csv');
await pipeline(
  generateShopifyCsv({ products: productCount, variantsPerProduct, seed: 7 }),
  createWriteStream(file),
);
console.log(`  file: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
const only = process.env.BENCH_ONLY;
const dataDir = path.join(workDir, 'data');
if (only !== 'postgres') {
  try {
    const pglite = { BENCH_LABEL: 'PGlite', BENCH_DATA_DIR: dataDir, DATABASE_URL: '' };
    await runWorker({ ...pglite, BENCH_PHASE: 'setup' });
    await runWorker({ ...pglite, BENCH_PHASE: 'import' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (only === 'pglite') {
  // PostgreSQL not asked for.
} else if (pgUrl) {
  const scratch = await scratchPostgresDatabase(pgUrl, 'sp_bench_import');
  try {
    const postgres = { BENCH_LABEL: 'PostgreSQL', DATABASE_URL: scratch.url };
    await runWorker({ ...postgres, BENCH_PHASE: 'setup' });
    await runWorker({ ...postgres, BENCH_PHASE: 'import' });
  } finally {
    await scratch.drop();
  }
} else {
  console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
}
rmSync(workDir, { recursive: true, force: true });
