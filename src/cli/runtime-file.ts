import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A running server on the embedded database leaves this file in its data dir: the embedded
 * database admits one process, so CLI commands find the server here and ask it to do the work.
 */
export interface RuntimeInfo {
  pid: number;
  url: string;
  /** Random secret for the loopback-only CLI endpoint; the file is readable by its owner only. */
  cliToken: string;
  startedAt: string;
}

export function runtimeFilePath(dataDir: string): string {
  return path.join(dataDir, 'storepilot.runtime.json');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running server for this data dir, if any; a file left by a crashed server is ignored. */
export function readRuntimeInfo(dataDir: string): RuntimeInfo | undefined {
  const file = runtimeFilePath(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
    if (info.pid !== process.pid && isAlive(info.pid)) return info;
  } catch {
    // unreadable: treat as stale
  }
  return undefined;
}

export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(runtimeFilePath(dataDir), JSON.stringify(info, null, 2), { mode: 0o600 });
}

export function removeRuntimeInfo(dataDir: string): void {
  const file = runtimeFilePath(dataDir);
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
    if (info.pid === process.pid) rmSync(file, { force: true });
  } catch {
    // already gone
  }
}
