// `npm run bench:experiments`: what a running experiment costs a cached storefront product page.
// A server process (PGlite in a scratch directory, background jobs off) with one store and one
// product; autocannon from this process, 10 connections, a pool of returning visitors (each with
// its own `sp_vid` cookie) cycling through requests. Measured without an experiment, then with an
// announcement-banner experiment running (assignment on every request, exposure on each visitor's
// first), then without again; prints req/s and the relative overhead. Asserts nothing.
// Options: BENCH_DURATION=seconds per run (default 10), BENCH_CONNECTIONS, BENCH_VISITORS, BENCH_PORT.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_DURATION ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const visitors = Number(process.env.BENCH_VISITORS ?? 2_000);
const port = Number(process.env.BENCH_PORT ?? 3910);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_S = 4;
const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

interface Ready {
  handle: string;
}

async function serve(dataDir: string) {
  const { buildApp } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { createApiKey, createStore, systemActor } = await import('../src/modules/access/index.ts');
  const { makeProduct } = await import('../src/modules/checkout/testing/selling-setup.ts');
  const config = { ...loadConfig({ dataDir, logLevel: 'silent' }, {}), jobs: false };
  const sp = await buildApp({ config });
  const actor = systemActor('experiment benchmark');
  const store = await createStore(sp.database.db, actor, {
    handle: 'bench',
    name: 'Bench',
    baseCurrency: 'EUR',
  });
  const product = await makeProduct(sp.database, store, {
    title: 'Brass Lamp',
    price: 4500,
    compareAt: 6000,
  });
  const perms = ['experiments:read', 'experiments:write'] as const;
  const { key } = await createApiKey(
    sp.database.db,
    actor,
    store.id,
    { name: 'bench', permissions: [...perms] },
    new Set(perms),
  );
  await sp.app.listen({ port, host: '127.0.0.1' });
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
  const experimentId = created.json().experiment.id as string;
  process.on('message', async (message: { running?: boolean; stop?: boolean }) => {
    if (message.stop) {
      await sp.app.close();
      process.exit(0);
    }
    await api(`/${experimentId}/${message.running ? 'start' : 'stop'}`);
    process.send!({ running: String(message.running) });
  });
  process.send!({ handle: product.handle } satisfies Ready);
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
  const nextMessage = () =>
    new Promise<Record<string, string>>((resolve) =>
      server.once('message', (m) => resolve(m as Record<string, string>)),
    );
  try {
    const { handle } = await nextMessage();
    const url = `http://127.0.0.1:${port}/s/bench/products/${handle}`;
    // Returning visitors, as the analytics cookie names them (`v_` + 16 base64url characters).
    const cookies = Array.from(
      { length: visitors },
      () => `sp_vid=v_${randomBytes(12).toString('base64url')}; sp_ses=`,
    );
    console.log(
      `Experiment overhead on a cached product page: autocannon, ${connections} connections, ${duration} s per run, ${visitors} returning visitors, PGlite, loopback.`,
    );
    // Alternating runs, so what grows as the server works (the events table, the heap) weighs on both.
    const runs: Record<'without' | 'with', Awaited<ReturnType<typeof load>>[]> = { without: [], with: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const running of [false, true]) {
        if (round > 0 || running) {
          server.send({ running });
          await nextMessage();
        }
        // Warm-up: the page cache, the JIT; with the experiment, every visitor assigned and exposed
        // once (a visitor's first exposure is a write; a returning visitor's page costs none).
        await load(url, cookies, WARM_UP_S);
        runs[running ? 'with' : 'without'].push(await load(url, cookies, duration));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const row = (label: string, list: Awaited<ReturnType<typeof load>>[]) =>
      `| ${label} | ${Math.round(median(list.map((r) => r.reqPerSec)))} | ${list.map((r) => Math.round(r.reqPerSec)).join(', ')} | ${median(list.map((r) => r.p99))} | ${list.reduce((n, r) => n + r.errors, 0)} |`;
    console.log('| run | req/s (median) | each round | p99 ms (median) | errors |');
    console.log('|---|---|---|---|---|');
    console.log(row('no experiment', runs.without));
    console.log(row('banner experiment running (assignment + exposure)', runs.with));
    const overhead =
      1 - median(runs.with.map((r) => r.reqPerSec)) / median(runs.without.map((r) => r.reqPerSec));
    console.log(`\nrelative overhead: ${(overhead * 100).toFixed(1)}% fewer req/s (target < 5%)`);
    server.send({ stop: true });
  } finally {
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
