// `npm run bench:http`: storefront product page and admin product list throughput and latency
// (autocannon, loopback, 10 connections, 10 s each), cold start to /ready with existing data, and
// idle memory — on PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL.
// Prints figures; asserts nothing. Options: BENCH_DURATION=seconds, BENCH_CONNECTIONS=n.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { rssMb, startBenchServer, stopBenchServer } from './support/bench-server.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;

async function load(title: string, url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration, headers });
  const non2xx = result.non2xx + result.errors;
  return {
    title,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: non2xx,
  };
}

async function signIn(): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@demo.storepilot.dev', password: 'storepilot-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sp_session='));
  return cookie!.split(';')[0]!;
}

async function run(label: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-bench-'));
  try {
    // First start creates and seeds; the timed cold start is the second one, on existing data.
    const options = { port, dataDir, databaseUrl, demo: true };
    await stopBenchServer(await startBenchServer(options));
    const server = await startBenchServer(options);
    await new Promise((r) => setTimeout(r, 3000));
    const idleRss = rssMb(server.child.pid!);
    const products = (await (
      await fetch(`${base}/api/admin/stores/alder-ash/products?status=active&limit=1`, {
        headers: { cookie: await signIn() },
      })
    ).json()) as { items: { handle: string }[] };
    const handle = products.items[0]!.handle;
    const cookie = await signIn();
    const rows = [
      await load('storefront product page', `${base}/s/alder-ash/products/${handle}`),
      await load('admin product list (20)', `${base}/api/admin/stores/alder-ash/products?limit=20`, {
        cookie,
      }),
    ];
    const busyRss = rssMb(server.child.pid!);
    await stopBenchServer(server);
    console.log(
      `\n${label}: cold start to /ready ${Math.round(server.readyMs)} ms, idle RSS ${idleRss} MB (${busyRss} MB after load)`,
    );
    console.log('| endpoint | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.title} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `Storepilot HTTP benchmark: autocannon, ${connections} connections, ${duration} s per endpoint, loopback.`,
);
await run('PGlite (embedded)');
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const fresh = await scratchPostgresDatabase(pgUrl, 'sp_bench');
  try {
    await run('PostgreSQL', fresh.url);
  } finally {
    await fresh.drop();
  }
} else {
  console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
}
