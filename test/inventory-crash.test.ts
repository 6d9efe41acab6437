// A server killed (SIGKILL) in the middle of reservations loses nothing and leaks nothing: after a
// restart the levels still equal the ledger and the reservations that committed, and the expiry job
// gives back what abandoned reservations held.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testDatabaseTargets } from '../src/platform/db/test-database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 90_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const target of testDatabaseTargets()) {
  describe(`a server killed mid-reservation on ${target.label}`, () => {
    test('loses nothing and leaks nothing after a restart', async () => {
      const database = target.kind === 'postgres' ? await target.create() : undefined;
      const dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-crash-'));
      const env = {
        ...process.env,
        LOG_LEVEL: 'warn',
        DATABASE_URL: database?.url ?? '',
        STOREPILOT_JOB_POLL_MS: '200',
      };
      const cli = (args: string[]) => {
        const r = spawnSync(process.execPath, ['bin/storepilot.js', ...args, '--data-dir', dataDir], {
          cwd: root,
          env,
          encoding: 'utf8',
          timeout: 60_000,
        });
        return { code: r.status, out: r.stdout, err: r.stderr };
      };
      let server: ChildProcess | undefined;
      const start = async () => {
        let output = '';
        server = spawn(
          process.execPath,
          ['bin/storepilot.js', 'start', '--port', '0', '--no-demo', '--data-dir', dataDir],
          {
            cwd: root,
            env,
            stdio: ['ignore', 'pipe', 'ignore'],
          },
        );
        server.stdout!.on('data', (chunk) => {
          output += chunk;
        });
        // The banner names the storefront's address once the server listens.
        return waitFor('the server', () => output.match(/Storefront\s+(http:\/\/\S+?)\/\s/)?.[1]);
      };
      try {
        let url = await start();
        assert.equal(
          cli(['store', 'create', '--handle', 'crash', '--name', 'Crash', '--currency', 'EUR']).code,
          0,
        );
        const created = cli(['apikey', 'create', '--store', 'crash', '--name', 'crash test']);
        const key = created.out.match(/^\s+(\S+_\S+)\s*$/m)?.[1];
        assert.ok(key, created.out + created.err);
        const api = async (method: string, route: string, body?: unknown) => {
          const res = await fetch(`${url}/api/admin/stores/crash${route}`, {
            method,
            headers: {
              authorization: `Bearer ${key}`,
              ...(body ? { 'content-type': 'application/json' } : {}),
            },
            ...(body ? { body: JSON.stringify(body) } : {}),
          });
          // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field and checked by the asserts.
          return { status: res.status, body: (await res.json()) as Record<string, any> };
        };
        const location = (await api('POST', '/inventory/locations', { name: 'Warehouse', kind: 'warehouse' }))
          .body.location;
        const product = (
          await api('POST', '/products', {
            title: 'Last units',
            status: 'active',
            variants: [{ price: { amount: 1500 } }],
          })
        ).body.product;
        const variantId = product.variants[0].id as string;
        const stocked = await api('POST', '/inventory/adjustments', {
          items: [{ variantId, locationId: location.id, quantity: 20, reason: 'found' }],
        });
        assert.equal(stocked.status, 201);

        // 60 buyers at once; the server dies after the first answers arrive.
        let answered = 0;
        const buyers = Array.from({ length: 60 }, (_, i) =>
          api('POST', '/inventory/reservations', {
            items: [{ variantId, quantity: 1 }],
            // Long enough to outlast the restart on a busy machine (the check below reads them still
            // held), short enough that their expiry is seen within the wait that follows.
            ttlSeconds: 45,
            reference: `c${i}`,
          })
            .then((a) => {
              answered++;
              return a.status;
            })
            .catch(() => 'killed'),
        );
        await waitFor('first answers', () => (answered >= 5 ? true : undefined), 30_000);
        server!.kill('SIGKILL');
        const outcomes = await Promise.all(buyers);
        const reserved = outcomes.filter((s) => s === 201).length;
        console.log(
          `  ${reserved} reservations answered before the kill, ${outcomes.filter((s) => s === 'killed').length} cut off`,
        );
        const dead = server!;
        if (dead.exitCode === null && dead.signalCode === null)
          await new Promise((r) => dead.once('exit', r));

        url = await start();
        const verify = cli(['inventory', 'verify', '--store', 'crash']);
        assert.equal(verify.code, 0, verify.out + verify.err);
        assert.match(verify.out, /No drift/);
        const stockNow = async () => (await api('GET', `/inventory/variants/${variantId}`)).body.stock;
        const before = await stockNow();
        assert.equal(before.onHand, 20);
        assert.ok(before.reserved >= reserved, 'every answered reservation is still held until it expires');
        // Nothing was committed, so once the reservations expire the job gives every unit back.
        const released = await waitFor('expired reservations released', async () => {
          const stock = await stockNow();
          return stock.reserved === 0 ? stock : undefined;
        });
        assert.deepEqual([released.onHand, released.reserved, released.available], [20, 0, 20]);
        const again = cli(['inventory', 'verify', '--store', 'crash']);
        assert.equal(again.code, 0, again.out);
      } finally {
        if (server && server.exitCode === null) server.kill('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
        await database?.close();
      }
    });
  });
}
