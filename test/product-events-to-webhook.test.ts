// The app's own wiring: a product saved in the admin reaches an integrator's endpoint as a signed
// webhook, through the outbox, the dispatcher and the job runner — and a failed delivery is retried.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../src/platform/db/database.ts';
import { testDatabaseTargets } from '../src/platform/db/test-database.ts';
import { Browser, makeMember, makeStore, startTestApp, type TestApp } from './support/app-harness.ts';

for (const target of testDatabaseTargets()) {
  describe(`product events reach webhooks on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let failNext = 1;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (failNext-- > 0) {
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });

    before(async () => {
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'hook-shop');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
      receiver.close();
    });

    test('create endpoint → save product → signed delivery after one retry', async () => {
      const port = (receiver.address() as AddressInfo).port;
      const created = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/hook-shop/webhooks',
        payload: { url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['product.*'] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { endpoint, secret } = created.json();
      const product = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/hook-shop/products',
        payload: { title: 'Brass Bottle Opener', price: { amount: 1800 } },
      });
      assert.equal(product.statusCode, 201);

      assert.equal((await sp.dispatcher.dispatchOnce()).dispatched >= 1, true);
      await sp.jobs.runDueJobsOnce(); // first attempt: the receiver answers 503
      assert.equal(received.length, 0);
      // Make the retry due now instead of after its backoff.
      await database.execute(
        "update jobs set run_at = now() where name = 'webhooks.deliver' and status = 'pending'",
      );
      await sp.jobs.runDueJobsOnce();
      assert.equal(received.length, 1);
      const [delivery] = received;
      const verified = new Webhook(secret).verify(
        delivery!.body,
        delivery!.headers as Record<string, string>,
      ) as {
        type: string;
        data: { id: string };
      };
      assert.equal(verified.type, 'product.created');
      assert.equal(verified.data.id, product.json().product.id);

      const log = await owner.request({
        method: 'GET',
        url: `/api/admin/stores/hook-shop/webhooks/${endpoint.id}/deliveries`,
      });
      const [entry] = log.json().items;
      assert.equal(entry.status, 'delivered');
      assert.equal(entry.attempts, 2);
    });
  });
}
