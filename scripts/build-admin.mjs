#!/usr/bin/env node
/**
 * Builds the admin console into admin/dist, which the server serves at /admin.
 *
 *   node scripts/build-admin.mjs             build now
 *   node scripts/build-admin.mjs --if-stale  build only when the sources changed since the last build
 *
 * It runs as npm's postinstall, so it prints one line and exits non-zero with the reason on failure.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminRoot = path.join(projectRoot, 'admin');
const distDir = path.join(adminRoot, 'dist');
const hashFile = path.join(distDir, '.build-hash');
const configFile = path.join(adminRoot, 'vite.config.ts');

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** One hash over every input of the build: names and contents, in a stable order. */
async function hashSources() {
  const inputs = [
    ...(await listFiles(path.join(adminRoot, 'src'))),
    path.join(adminRoot, 'index.html'),
    configFile,
    path.join(projectRoot, 'package-lock.json'),
  ].filter((file) => existsSync(file));
  const relative = inputs.map((file) => path.relative(projectRoot, file).split(path.sep).join('/')).sort();
  const hash = createHash('sha256');
  for (const file of relative) {
    hash.update(file);
    hash.update('\0');
    hash.update(await readFile(path.join(projectRoot, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function storedHash() {
  try {
    return (await readFile(hashFile, 'utf8')).trim();
  } catch {
    return null;
  }
}

function fail(reason) {
  process.stderr.write(`\nAdmin console build failed: ${reason}\n`);
  process.exit(1);
}

async function main() {
  const ifStale = process.argv.includes('--if-stale');
  const sourceHash = await hashSources();
  if (ifStale && existsSync(path.join(distDir, 'index.html')) && (await storedHash()) === sourceHash) {
    process.stdout.write('Admin console up to date\n');
    return;
  }

  process.stdout.write('Building admin console… ');
  const started = Date.now();
  let build;
  try {
    ({ build } = await import('vite'));
  } catch (error) {
    fail(`Vite is not installed (${error.message}). Run npm install first.`);
  }
  try {
    // Vite prints its own diagnostics for errors; success stays quiet.
    await build({ configFile, logLevel: 'error', mode: 'production' });
  } catch (error) {
    fail(error?.message ?? String(error));
  }
  await writeFile(hashFile, `${sourceHash}\n`);
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s (admin/dist)\n`);
}

main().catch((error) => fail(error?.stack ?? String(error)));
