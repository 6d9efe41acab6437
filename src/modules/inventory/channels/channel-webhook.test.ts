// A stock change made in the admin reaches an integrator's endpoint as a signed
// `inventory.level_changed` webhook, with the app's background work running as in production:
// the request wakes the outbox dispatcher, the webhooks consumer queues the delivery, the job
// runner sends it. How long that took is printed, not asserted.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { Browser, makeMember, makeStore } from '../../../../test/support/app-harness.ts';
import { buildApp, type StorepilotApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { makeVariants } from '../testing/inventory-fixtures.ts';

for (const target of testDatabaseTargets()) {
  describe(`channel stock reaches webhooks on ${target.label}`, () => {
    let database: Database;
    let sp: StorepilotApp;
    let owner: Browser;
    let store: { id: string; baseCurrency: string };
    const received: { headers: IncomingHttpHeaders; body: string; at: number }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body, at: performance.now() });
        res.writeHead(204).end();
      });
    });

    before(async () => {
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      database = await target.create();
      // Background work on, with the default poll interval: what a running server does.
      const config = { ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}), jobs: true };
      sp = await buildApp({ config, database });
      store = await makeStore(database, 'hook-stock');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
      receiver.close();
    });

    test('an adjustment → one signed inventory.level_changed per channel that moved', async () => {
      const base = '/api/admin/stores/hook-stock';
      const port = (receiver.address() as AddressInfo).port;
      const location = await owner.request({
        method: 'POST',
        url: `${base}/inventory/locations`,
        payload: { name: 'Warehouse', kind: 'warehouse' },
      });
      assert.equal(location.statusCode, 201, location.body);
      const locationId = location.json().location.id;
      const channels = await owner.request({ method: 'GET', url: `${base}/inventory/channels` });
      const online = channels.json().items[0];
      const till = await owner.request({
        method: 'POST',
        url: `${base}/inventory/channels`,
        payload: { name: 'Market stall', kind: 'pos', safetyBuffer: 10 },
      });
      assert.equal(till.statusCode, 201, till.body);
      const hook = await owner.request({
        method: 'POST',
        url: `${base}/webhooks`,
        payload: { url: `http://127.0.0.1:${port}/stock`, eventTypes: ['inventory.level_changed'] },
      });
      assert.equal(hook.statusCode, 201, hook.body);
      const { secret } = hook.json();
      const [variantId] = await makeVariants(database, store, 1);
      // Deliveries of the product's own events (none subscribed) or earlier ones must not count.
      await sleep(100);
      received.length = 0;

      const sent = performance.now();
      const adjusted = await owner.request({
        method: 'POST',
        url: `${base}/inventory/adjustments`,
        payload: { items: [{ variantId, locationId, quantity: 7, reason: 'found' }] },
      });
      assert.equal(adjusted.statusCode, 201, adjusted.body);
      const deadline = Date.now() + 15_000;
      while (received.length < 2) {
        assert.ok(Date.now() < deadline, `waiting for 2 deliveries, have ${received.length}`);
        await sleep(5);
      }
      const events = received.map((delivery) => {
        const verified = new Webhook(secret).verify(
          delivery.body,
          delivery.headers as Record<string, string>,
        ) as { type: string; data: Record<string, unknown> };
        assert.equal(verified.type, 'inventory.level_changed');
        return verified.data;
      });
      assert.deepEqual(
        events
          .map((e) => [e.channelId, e.channelName, e.variantId, e.sellable, e.previous])
          .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
        [
          [till.json().channel.id, 'Market stall', variantId, 0, null],
          [online.id, 'Online store', variantId, 7, null],
        ],
      );
      assert.match(String(events[0]!.sku), /^INV-/);
      const tampered = received[0]!.body.replace('"sellable":', '"sellable":1');
      assert.throws(() =>
        new Webhook(secret).verify(tampered, received[0]!.headers as Record<string, string>),
      );
      const lastAt = Math.max(...received.map((r) => r.at));
      console.log(
        `[${target.label}] adjustment request sent → both level_changed webhooks received: ${(lastAt - sent).toFixed(0)} ms`,
      );

      // A second change that leaves the stall's quantity at 0 (within its buffer) sends only one.
      received.length = 0;
      const again = await owner.request({
        method: 'POST',
        url: `${base}/inventory/adjustments`,
        payload: { items: [{ variantId, locationId, quantity: 2, reason: 'found' }] },
      });
      assert.equal(again.statusCode, 201);
      while (received.length < 1) {
        assert.ok(Date.now() < deadline + 15_000, 'waiting for the delivery');
        await sleep(5);
      }
      await sleep(1500); // room for a wrong second delivery to arrive
      assert.deepEqual(
        received.map((r) => {
          const data = JSON.parse(r.body).data;
          return [data.channelName, data.previous, data.sellable];
        }),
        [['Online store', 7, 9]],
      );
    });
  });
}
