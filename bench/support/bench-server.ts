// The real server as benchmarks run it: `storepilot start` in a child process, ready when /ready
// answers, stopped with SIGTERM (SIGKILL after 20 s), its resident memory read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BenchServer {
  child: ChildProcess;
  /** From spawn to the first successful /ready. */
  readyMs: number;
}

export async function startBenchServer(options: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  /** Node flags for the server process, e.g. a CPU profile. */
  nodeFlags?: string[];
  /** Server processes (`--workers`, PostgreSQL only); 1 by default. */
  workers?: number;
}): Promise<BenchServer> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      'bin/storepilot.js',
      'start',
      '--port',
      String(options.port),
      '--data-dir',
      options.dataDir,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        DATABASE_URL: options.databaseUrl ?? '',
        STOREPILOT_DEMO: String(options.demo),
        STOREPILOT_WORKERS: String(options.workers ?? 1),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // With several workers the first answers /ready before the others listen; load sent then would
  // keep its connections on the first. The primary says when all serve.
  let output = '';
  const allServing = new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4096);
      if (/server processes serve/.test(output)) resolve();
    });
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${options.port}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if ((options.workers ?? 1) > 1) await allServing;
  return { child, readyMs: performance.now() - started };
}

export async function stopBenchServer(server: BenchServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error('server did not stop within 20 s of SIGTERM; killing it');
    child.kill('SIGKILL');
  }, 20_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
