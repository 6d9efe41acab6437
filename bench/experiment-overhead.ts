// `npm run bench:experiments`: what a running experiment costs a cached storefront product page.
//
// One server process (PGlite in a scratch directory, background jobs off) with two identical
// stores, each selling the same product: "plain" runs no experiment, "tested" runs an
// announcement-banner experiment (50/50) on every page. autocannon from this process, 10
// connections, a pool of returning visitors (each with its own `sp_vid` cookie) cycling through
// requests. After a warm-up on both stores (the page caches, the JIT, and every visitor of the
// tested store assigned and exposed once), short runs alternate between the stores in pairs,
// ordered plain-tested then tested-plain (ABBA), so that what grows as the server works — the
// events table, the heap — weighs on both alike. Prints req/s per store, each pair's ratio, and
// the overhead read from the median ratio, and the server process's CPU time per request (all its
// threads), which the load generator on the same cores disturbs less. Asserts nothing.
// Options: BENCH_DURATION=seconds per run (default 4), BENCH_PAIRS (default 16), BENCH_CONNECTIONS,
// BENCH_VISITORS, BENCH_PORT.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_DURATION ?? 4);
const pairs = Number(process.env.BENCH_PAIRS ?? 16);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const visitors = Number(process.env.BENCH_VISITORS ?? 2_000);
const port = Number(process.env.BENCH_PORT ?? 3910);
const WARM_UP_S = 5;
const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

type StoreName = 'plain' | 'tested';

async function serve(dataDir: string) {
  const { buildApp } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { createApiKey, createStore, systemActor } = await import('../src/modules/access/index.ts');
  const { makeProduct } = await import('../src/modules/checkout/testing/selling-setup.ts');
  const config = { ...loadConfig({ dataDir, logLevel: 'silent' }, {}), jobs: false };
  const sp = await buildApp({ config });
  const actor = systemActor('experiment benchmark');
  const urls: Partial<Record<StoreName, string>> = {};
  for (const name of ['plain', 'tested'] as const) {
    const store = await createStore(sp.database.db, actor, {
      handle: name,
      name: 'Bench',
      baseCurrency: 'EUR',
    });
    const product = await makeProduct(sp.database, store, {
      title: 'Brass Lamp',
      price: 4500,
      compareAt: 6000,
    });
    urls[name] = `http://127.0.0.1:${port}/s/${name}/products/${product.handle}`;
    if (name === 'plain') continue;
    const perms = ['experiments:read', 'experiments:write'] as const;
    const { key } = await createApiKey(
      sp.database.db,
      actor,
      store.id,
      { name: 'bench', permissions: [...perms] },
      new Set(perms),
    );
    const api = (url: string, payload?: object) =>
      sp.app.inject({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/experiments${url}`,
        headers: { authorization: `Bearer ${key}` },
        ...(payload ? { payload } : {}),
      });
    const created = await api('', {
      key: 'delivery-banner',
      name: 'Delivery banner',
      point: 'announcement_banner',
      variants: [
        { key: 'control', name: 'None', weight: 50, change: { show: false } },
        { key: 'banner', name: 'Banner', weight: 50, change: { show: true, text: 'Free delivery over 50' } },
      ],
      primaryMetric: 'conversion_rate',
    });
    const started = await api(`/${created.json().experiment.id}/start`);
    if (started.statusCode !== 200) throw new Error(`experiment not started: ${started.body}`);
  }
  await sp.app.listen({ port, host: '127.0.0.1' });
  process.on('message', async (message: { cpu?: boolean }) => {
    if (message.cpu) {
      process.send!({ cpu: process.cpuUsage() });
      return;
    }
    await sp.app.close();
    process.exit(0);
  });
  process.send!(urls);
}

async function load(url: string, cookies: string[], seconds: number) {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'user-agent': chrome, cookie: cookies[next++ % cookies.length]! },
        }),
      },
    ],
  });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3]!);
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-experiments-'));
  const server = fork(fileURLToPath(import.meta.url), ['serve', dataDir], { execArgv: ['--import', 'tsx'] });
  try {
    const urls = await new Promise<Record<StoreName, string>>((resolve) =>
      server.once('message', (m) => resolve(m as Record<StoreName, string>)),
    );
    /** The server process's CPU time so far (all its threads), in µs. */
    const serverCpu = async () => {
      const answer = new Promise<NodeJS.CpuUsage>((resolve) =>
        server.once('message', (m) => resolve((m as { cpu: NodeJS.CpuUsage }).cpu)),
      );
      server.send({ cpu: true });
      const { user, system } = await answer;
      return user + system;
    };
    /** A run's req/s, and the server's CPU per request, which the load generator sharing the cores disturbs less. */
    const measure = async (url: string) => {
      const before = await serverCpu();
      const run = await load(url, cookies, duration);
      const cpuUs = (await serverCpu()) - before;
      return { ...run, cpuPerRequest: cpuUs / run.requests };
    };
    // Returning visitors, as the analytics cookie names them (`v_` + 16 base64url characters).
    const cookies = Array.from(
      { length: visitors },
      () => `sp_vid=v_${randomBytes(12).toString('base64url')}; sp_ses=`,
    );
    console.log(
      `Experiment overhead on a cached product page: autocannon, ${connections} connections, ${pairs} pairs of ${duration} s runs (ABBA), ${visitors} returning visitors, PGlite, loopback.`,
    );
    // Warm-up: both pages cached and compiled; on the tested store, every visitor's first exposure
    // (a write) is made here, so the runs measure returning visitors, whose pages cost no query.
    for (const name of ['plain', 'tested'] as const) await load(urls[name], cookies, WARM_UP_S);
    const runs: Record<StoreName, Awaited<ReturnType<typeof measure>>[]> = { plain: [], tested: [] };
    for (let pair = 0; pair < pairs; pair++) {
      const order: StoreName[] = pair % 2 === 0 ? ['plain', 'tested'] : ['tested', 'plain'];
      for (const name of order) runs[name].push(await measure(urls[name]));
    }
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const row = (label: string, list: Awaited<ReturnType<typeof measure>>[]) =>
      `| ${label} | ${Math.round(median(list.map((r) => r.reqPerSec)))} | ${list.map((r) => Math.round(r.reqPerSec)).join(', ')} | ${Math.round(median(list.map((r) => r.cpuPerRequest)))} | ${median(list.map((r) => r.p99))} | ${list.reduce((n, r) => n + r.errors, 0)} |`;
    console.log(
      '| store | req/s (median) | each run | server CPU µs/request (median) | p99 ms (median) | errors |',
    );
    console.log('|---|---|---|---|---|---|');
    console.log(row('no experiment', runs.plain));
    console.log(row('banner experiment running (assignment + exposure)', runs.tested));
    const ratios = runs.tested.map((r, i) => r.reqPerSec / runs.plain[i]!.reqPerSec);
    console.log(`\nper-pair req/s ratio (tested / plain): ${ratios.map((r) => r.toFixed(3)).join(', ')}`);
    const overhead = 1 - median(ratios);
    console.log(`relative overhead (median pair): ${(overhead * 100).toFixed(1)}% fewer req/s (target < 5%)`);
    const cpuRatios = runs.tested.map((r, i) => r.cpuPerRequest / runs.plain[i]!.cpuPerRequest);
    console.log(
      `server CPU per request (median pair): ${((median(cpuRatios) - 1) * 100).toFixed(1)}% more with the experiment`,
    );
    server.send({ stop: true });
  } finally {
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
