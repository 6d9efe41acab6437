// One import measured in its own process (see bench/import.ts). BENCH_PHASE=setup creates the
// database and the store (with a warehouse, so the file's stock is imported) and exits;
// BENCH_PHASE=import opens that installation and imports, as `storepilot import products` does on an
// existing one (a new embedded database's first start costs memory of its own, which is not the
// import's). BENCH_STOCK=0 imports without stock, as before stock came with product files.
import { createReadStream } from 'node:fs';
import { systemActor } from '../src/modules/access/actor.ts';
import { createStore, getStore } from '../src/modules/access/index.ts';
import { importProducts } from '../src/modules/catalog/index.ts';
import { productStockPort } from '../src/modules/inventory/index.ts';
import { createLocation } from '../src/modules/inventory/locations/locations.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { enterLeanMemoryMode } from '../src/platform/runtime/v8-memory-mode.ts';

// V8's mode as bin/storepilot.js sets it for the server, which runs imports.
if (process.env.STOREPILOT_V8_OPTIMIZE_FOR !== 'speed') enterLeanMemoryMode();
const label = process.env.BENCH_LABEL ?? 'database';
const database = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.BENCH_DATA_DIR,
});
const actor = systemActor('bench');
const withStock = process.env.BENCH_STOCK !== '0';
if (process.env.BENCH_PHASE === 'setup') {
  await migrateDatabase(database);
  const created = await createStore(database.db, actor, {
    handle: 'bench-import',
    name: 'Bench',
    baseCurrency: 'USD',
  });
  if (withStock) await createLocation(database.db, created.id, { name: 'Warehouse', kind: 'warehouse' });
  await database.close();
  process.exit(0);
}
const store = await getStore(database.db, 'bench-import');
const baseline = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
let lastPrint = 0;
const report = await importProducts(
  database.db,
  { actor, canPublish: true },
  store,
  createReadStream(process.env.BENCH_FILE!),
  {
    format: 'shopify',
    dryRun: process.env.BENCH_DRY_RUN === '1',
    stock: withStock ? { port: productStockPort, allowed: true } : undefined,
    onProgress: (p) => {
      if (performance.now() - lastPrint < 5_000) return;
      lastPrint = performance.now();
      process.stderr.write(
        `  ${label}: ${p.rowsRead.toLocaleString('en')} rows… ${process.env.BENCH_MEMORY ? JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)]))) : ''}\n`,
      );
    },
  },
);
const seconds = report.durationMs / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`\n${label}`);
console.log(
  `  ${report.rowsRead.toLocaleString('en')} rows, ${report.products.toLocaleString('en')} products (${report.created} created, ${report.failed} failed, ${report.issueCount.errors} errors) in ${seconds.toFixed(1)} s`,
);
console.log(
  `  ${Math.round(report.rowsRead / seconds).toLocaleString('en')} rows/s (this process used ${cpuSeconds.toFixed(1)} s of CPU: ${Math.round(report.rowsRead / cpuSeconds).toLocaleString('en')} rows per CPU second)`,
);
if (withStock) {
  console.log(
    `  stock: ${report.stock.changed.toLocaleString('en')} variants set, ${report.stock.unchanged.toLocaleString('en')} unchanged, ${report.stock.skipped} not set`,
  );
}
console.log(
  `  peak RSS ${Math.round(peakMb)} MB (process at start of import ${Math.round(baseline / 1024 / 1024)} MB)`,
);
await database.close();
