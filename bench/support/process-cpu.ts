// CPU time of processes on this machine, read from /proc (Linux): what a benchmark's parts (the
// server and its workers, PostgreSQL's processes, the load generator) each spent over a run.
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime, seconds. */
  cpu: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command sits in parentheses and may hold spaces; the fields after it are fixed.
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const rest = text
      .slice(close + 2)
      .split(' ')
      .map(Number);
    // rest[0] is the state (NaN here), [1] ppid, [11] utime, [12] stime.
    return { pid, comm, ppid: rest[1]!, cpu: (rest[11]! + rest[12]!) / ticksPerSecond };
  } catch {
    return null; // gone meanwhile
  }
}

function allProcesses(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readStat(Number(name)) ?? []);
}

/**
 * A snapshot of CPU seconds so far: of `root` and every process under it, and of every process
 * named `name` (e.g. `postgres`: the server's backends, its WAL writer and checkpointer).
 */
export function cpuSnapshot(
  root: number,
  name: string,
): { tree: Map<number, number>; named: Map<number, number> } {
  const processes = allProcesses();
  const children = new Map<number, number[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const inTree = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    inTree.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return {
    tree: new Map(processes.filter((p) => inTree.has(p.pid)).map((p) => [p.pid, p.cpu])),
    named: new Map(processes.filter((p) => p.comm === name).map((p) => [p.pid, p.cpu])),
  };
}

/** CPU seconds spent between two snapshots (a process that started meanwhile counts from zero). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}
