// `npm test`: every *.test.ts under src/, test/ and admin/src/ with node's test runner (through tsx).
// Node 20's runner takes no globs, so the files are collected here. Extra arguments are passed on,
// e.g. `npm test -- --test-name-pattern=catalog`; plain paths narrow the run to those files.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test', 'admin/src'];
const args = process.argv.slice(2);
const fileArgs = args.filter((a) => !a.startsWith('-'));
const flagArgs = args.filter((a) => a.startsWith('-'));

function collect(dir, out) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

const files = fileArgs.length > 0 ? fileArgs : roots.flatMap((r) => collect(r, [])).sort();
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
console.log(
  `Running ${files.length} test files on PGlite${process.env.TEST_DATABASE_URL ? ' and PostgreSQL (TEST_DATABASE_URL)' : ' (set TEST_DATABASE_URL to add PostgreSQL)'}.`,
);
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    ...flagArgs,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
