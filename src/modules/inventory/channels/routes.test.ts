import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';

for (const target of testDatabaseTargets()) {
  describe(`sales channel routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let store: { id: string; baseCurrency: string };
    let warehouse: { id: string };
    let shop: { id: string };
    const base = '/api/admin/stores/chan-shop/inventory/channels';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'chan-shop');
      await makeStore(database, 'chan-other');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      shop = await makeLocation(database, store.id, 'Shop', { kind: 'retail', priority: 2 });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const receive = (variantId: string, locationId: string, quantity: number) =>
      database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [{ variantId, locationId, kind: 'receive', quantity }]),
      );
    const count = async (table: string) =>
      Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
    const auditActions = async (entityId: string) =>
      (
        await database.execute<{ action: string }>(
          'select action from audit_log where entity_id = $1 order by at',
          [entityId],
        )
      ).map((r) => r.action);

    test('list makes the storefront channel; create, change and remove are audited', async () => {
      const listed = await viewer.request({ method: 'GET', url: base });
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(
        listed.json().items.map((c: { name: string; kind: string }) => [c.name, c.kind]),
        [['Online store', 'storefront']],
      );
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: { name: 'Amazon', kind: 'marketplace', safetyBuffer: 2, locationIds: [shop.id, shop.id] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { channel } = created.json();
      assert.deepEqual(
        [channel.name, channel.kind, channel.safetyBuffer, channel.locationIds, channel.active],
        ['Amazon', 'marketplace', 2, [shop.id], true],
      );
      const changed = await owner.request({
        method: 'PATCH',
        url: `${base}/${channel.id}`,
        payload: { safetyBuffer: 0, name: 'Amazon DE' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual([changed.json().channel.name, changed.json().channel.safetyBuffer], ['Amazon DE', 0]);
      const one = await viewer.request({ method: 'GET', url: `${base}/${channel.id}` });
      assert.equal(one.json().channel.name, 'Amazon DE');
      const removed = await owner.request({ method: 'DELETE', url: `${base}/${channel.id}` });
      assert.equal(removed.statusCode, 204);
      assert.deepEqual(await auditActions(channel.id), [
        'sales_channel.created',
        'sales_channel.updated',
        'sales_channel.deleted',
      ]);
      assert.equal((await viewer.request({ method: 'GET', url: `${base}/${channel.id}` })).statusCode, 404);
    });

    test('bad input: clear 4xx codes and nothing written', async () => {
      const before = [await count('sales_channels'), await count('audit_log'), await count('outbox_events')];
      const cases: [string, 'POST' | 'PATCH' | 'DELETE', string, unknown, number, string][] = [
        ['duplicate name', 'POST', base, { name: 'Online store', kind: 'pos' }, 409, 'channel_name_taken'],
        [
          'unknown location',
          'POST',
          base,
          { name: 'Till', kind: 'pos', locationIds: ['loc_nope'] },
          422,
          'unknown_location',
        ],
        [
          'negative buffer',
          'POST',
          base,
          { name: 'Till', kind: 'pos', safetyBuffer: -1 },
          400,
          'validation_failed',
        ],
        ['unknown kind', 'POST', base, { name: 'Till', kind: 'shop' }, 400, 'validation_failed'],
        ['unknown field', 'PATCH', `${base}/chan_nope`, { colour: 'red' }, 400, 'validation_failed'],
        ['unknown channel', 'PATCH', `${base}/chan_nope`, { safetyBuffer: 1 }, 404, 'not_found'],
      ];
      for (const [label, method, url, payload, status, code] of cases) {
        const res = await owner.request({ method, url, payload: payload as object });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      const [online] = (await owner.request({ method: 'GET', url: base })).json().items;
      const last = await owner.request({ method: 'DELETE', url: `${base}/${online.id}` });
      assert.equal(last.statusCode, 409);
      assert.equal(last.json().error.code, 'last_channel');
      const denied = await viewer.request({ method: 'POST', url: base, payload: { name: 'X', kind: 'pos' } });
      assert.equal(denied.statusCode, 403);
      assert.deepEqual(
        [await count('sales_channels'), await count('audit_log'), await count('outbox_events')],
        before,
      );
      // Another store's channel is not found here.
      const other = await makeStore(database, 'chan-third');
      const owner3 = await Browser.signIn(sp.app, (await makeMember(database, other.id, 'owner')).email);
      const theirs = (
        await owner3.request({ method: 'GET', url: '/api/admin/stores/chan-third/inventory/channels' })
      ).json().items[0];
      assert.equal((await owner.request({ method: 'GET', url: `${base}/${theirs.id}` })).statusCode, 404);
    });

    test('stock pages by cursor in order of change, filters by updatedSince and SKU; CSV has every row', async () => {
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: { name: 'Shop till', kind: 'pos', locationIds: [shop.id], safetyBuffer: 1 },
      });
      const till = created.json().channel;
      const ids = await makeVariants(database, store, 5);
      for (const [i, id] of ids.entries()) await receive(id, shop.id, i + 1);
      await receive(ids[0]!, warehouse.id, 10); // not the till's location: its row keeps its time
      const seen: { variantId: string; sellable: number; sku: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `${base}/${till.id}/stock?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await viewer.request({ method: 'GET', url });
        assert.equal(res.statusCode, 200, res.body);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(
        seen.map((r) => [r.variantId, r.sellable]),
        ids.map((id, i) => [id, i]),
      );
      const variants = await findStockVariants(database.db, store.id, ids);
      assert.deepEqual(
        seen.map((r) => r.sku),
        ids.map((id) => variants.get(id)!.sku),
      );

      const mark = new Date();
      await sleep(5);
      await receive(ids[2]!, shop.id, 4);
      const since = await viewer.request({
        method: 'GET',
        url: `${base}/${till.id}/stock?updatedSince=${encodeURIComponent(mark.toISOString())}`,
      });
      assert.deepEqual(
        since.json().items.map((r: { variantId: string; sellable: number }) => [r.variantId, r.sellable]),
        [[ids[2], 6]],
      );
      const bySku = await viewer.request({
        method: 'GET',
        url: `${base}/${till.id}/stock?sku=${encodeURIComponent(variants.get(ids[4]!)!.sku!)}`,
      });
      assert.deepEqual(
        bySku.json().items.map((r: { variantId: string }) => r.variantId),
        [ids[4]],
      );
      const badCursor = await viewer.request({
        method: 'GET',
        url: `${base}/${till.id}/stock?cursor=bm9wZQ`,
      });
      assert.equal(badCursor.statusCode, 400);
      assert.equal(badCursor.json().error.code, 'invalid_cursor');

      const csv = await viewer.request({ method: 'GET', url: `${base}/${till.id}/stock.csv` });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const [header, ...rows] = parse(csv.body) as string[][];
      assert.deepEqual(header, ['SKU', 'Variant ID', 'Sellable']);
      const expected = ids.map((id, i) => [variants.get(id)!.sku!, id, String(i === 2 ? 6 : i)]);
      assert.deepEqual(
        rows.filter((r) => ids.includes(r[1]!)).sort((x, y) => x[1]!.localeCompare(y[1]!)),
        expected.sort((x, y) => x[1]!.localeCompare(y[1]!)),
      );
    });
  });
}
