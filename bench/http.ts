// `npm run bench:http`: storefront product page and admin product list throughput and latency
// (autocannon, loopback, 10 connections, 10 s each), cold start to /ready with existing data, and
// idle memory — on PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL.
// Prints figures; asserts nothing. Options: BENCH_DURATION=seconds, BENCH_CONNECTIONS=n.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;

interface Server {
  child: ChildProcess;
  readyMs: number;
}

async function startServer(dataDir: string, databaseUrl?: string): Promise<Server> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/storepilot.js', 'start', '--port', String(port), '--data-dir', dataDir],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl ?? '', STOREPILOT_DEMO: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, readyMs: performance.now() - started };
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error('server did not stop within 20 s of SIGTERM; killing it');
    server.child.kill('SIGKILL');
  }, 20_000);
  await exited;
  clearTimeout(timer);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

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
    await stopServer(await startServer(dataDir, databaseUrl));
    const server = await startServer(dataDir, databaseUrl);
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
    await stopServer(server);
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

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sp_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

console.log(
  `Storepilot HTTP benchmark: autocannon, ${connections} connections, ${duration} s per endpoint, loopback.`,
);
await run('PGlite (embedded)');
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const fresh = await freshPostgres(pgUrl);
  try {
    await run('PostgreSQL', fresh.url);
  } finally {
    await fresh.drop();
  }
} else {
  console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
}
