import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { findEvent } from '../../platform/events/index.ts';
import { recordMovements, updateInventoryItem } from '../inventory/index.ts';
import {
  inventoryTestActor as actor,
  makeLocation,
  makeVariants,
} from '../inventory/testing/inventory-fixtures.ts';
import { inventoryAlertsConsumer } from './inventory-alerts.ts';

interface NotificationBody {
  id: string;
  topic: string;
  key: string;
  severity: string;
  title: string;
  body: string;
  link: string;
  resolvedAt: string | null;
  unread: boolean;
}

for (const target of testDatabaseTargets()) {
  describe(`stock notifications on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let content: Browser;
    let store: { id: string; baseCurrency: string };
    let warehouse: { id: string };
    let tote: string[];
    const base = '/api/admin/stores/alerts/notifications';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'alerts');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      warehouse = await makeLocation(database, store.id, 'Warehouse');
      tote = await makeVariants(database, store, 2, { title: 'Alert Tote' });
      for (const variantId of tote) {
        await database.db.transaction((tx) =>
          updateInventoryItem(tx, store.id, variantId, { lowStockThreshold: 5 }),
        );
      }
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    /** Changes stock and lets the dispatcher hand the events to the consumers, as the app does. */
    const move = async (variantId: string, quantity: number) => {
      await database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          {
            variantId,
            locationId: warehouse.id,
            kind: quantity > 0 ? 'receive' : 'adjustment',
            reason: quantity > 0 ? null : 'lost',
            quantity,
          },
        ]),
      );
      while ((await sp.dispatcher.dispatchOnce()).dispatched > 0);
    };
    const list = async (who: Browser, query = '') => {
      const res = await who.request({ method: 'GET', url: `${base}${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: NotificationBody[]; total: number; unread: number };
    };
    const ofVariant = (items: NotificationBody[], variantId: string) =>
      items.filter((n) => n.key === `inventory:${variantId}`);

    test('running low opens a notification; out of stock replaces it; restock resolves it', async () => {
      const [s1] = tote;
      // Tracking a variant that has no stock yet (its threshold was set in before()) is "out of stock".
      const open = async () => ofVariant((await list(owner, '?state=open')).items, s1!);
      assert.deepEqual(
        ofVariant((await list(owner)).items, s1!).map((n) => n.title),
        [],
        'nothing until the dispatcher ran',
      );
      await move(s1!, 10);
      assert.deepEqual(await open(), [], 'restocked: resolved');
      const [first] = ofVariant((await list(owner)).items, s1!);
      assert.deepEqual([first?.title, Boolean(first?.resolvedAt)], ['Out of stock: Alert Tote – S1', true]);

      await move(s1!, -7);
      const [low] = await open();
      assert.deepEqual(
        [low?.topic, low?.severity, low?.title, low?.link, low?.resolvedAt],
        [
          'inventory.low',
          'warning',
          'Running low: Alert Tote – S1 (3 left)',
          `/admin/stores/alerts/inventory?variant=${s1}`,
          null,
        ],
      );
      assert.match(low!.body, /threshold is 5/);

      await move(s1!, -3);
      const replaced = await open();
      assert.equal(replaced.length, 1, 'one open notification per variant');
      assert.deepEqual(
        [replaced[0]!.id, replaced[0]!.topic, replaced[0]!.severity, replaced[0]!.title],
        [low!.id, 'inventory.out', 'critical', 'Out of stock: Alert Tote – S1'],
      );

      await move(s1!, 20);
      assert.deepEqual(await open(), []);
      // Low again later: a new open notification, listed before the resolved ones.
      await move(s1!, -17);
      const again = ofVariant((await list(owner)).items, s1!);
      assert.deepEqual(
        again.map((n) => [n.title, n.resolvedAt === null]),
        [
          ['Running low: Alert Tote – S1 (3 left)', true],
          ['Out of stock: Alert Tote – S1', false],
          ['Out of stock: Alert Tote – S1', false],
        ],
      );
      assert.notEqual(again[0]!.id, low!.id);
    });

    test('the same event twice, or an older one late, changes nothing', async () => {
      const [, s2] = tote;
      await move(s2!, 4); // out (no stock when its threshold was set) → low: 4 ≤ 5
      const [lowEvent] = await database.execute<{ id: string }>(
        `select id from outbox_events where type = 'inventory.low' and payload->>'variantId' = $1`,
        [s2],
      );
      await move(s2!, -4);
      const before = ofVariant((await list(owner)).items, s2!);
      assert.deepEqual(
        before.map((n) => n.title),
        ['Out of stock: Alert Tote – S2'],
      );
      const event = (await findEvent(database.db, lowEvent!.id))!;
      await database.db.transaction((tx) => inventoryAlertsConsumer.handle(tx, event));
      await database.db.transaction((tx) => inventoryAlertsConsumer.handle(tx, event));
      assert.deepEqual(ofVariant((await list(owner)).items, s2!), before);
    });

    test('unread counts open notifications newer than my cursor; seen moves it', async () => {
      await sleep(5);
      const mine = await owner.request({ method: 'POST', url: `${base}/seen`, payload: {} });
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal((await list(owner)).unread, 0);
      assert.ok((await list(viewer)).unread >= 2, "the viewer's cursor has not moved");
      const [other] = await makeVariants(database, store, 1, { title: 'Quiet Lamp' });
      await database.db.transaction((tx) =>
        updateInventoryItem(tx, store.id, other!, { lowStockThreshold: 1 }),
      );
      await move(other!, 1);
      const after = await list(owner);
      assert.equal(after.unread, 1);
      assert.deepEqual(
        after.items.filter((n) => n.unread).map((n) => n.title),
        ['Running low: Quiet Lamp (1 left)'],
      );
      const bad = await owner.request({ method: 'POST', url: `${base}/seen`, payload: { at: 'yesterday' } });
      assert.equal(bad.statusCode, 400);
    });

    test('dismiss needs inventory:write for stock notifications; those without inventory:read never see them', async () => {
      const [open] = (await list(owner, '?state=open')).items;
      assert.ok(open);
      const auditRows = async () =>
        Number(
          (
            await database.execute<{ n: number }>(
              "select count(*)::int as n from audit_log where action = 'notification.dismissed'",
            )
          )[0]!.n,
        );
      assert.equal((await list(content)).total, 0, 'content editors have no inventory:read');
      const hidden = await content.request({ method: 'POST', url: `${base}/${open.id}/dismiss` });
      assert.equal(hidden.statusCode, 404);
      const denied = await viewer.request({ method: 'POST', url: `${base}/${open.id}/dismiss` });
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json().error.code, 'permission_denied');
      assert.equal(await auditRows(), 0);

      const dismissed = await owner.request({ method: 'POST', url: `${base}/${open.id}/dismiss` });
      assert.equal(dismissed.statusCode, 200, dismissed.body);
      assert.ok(dismissed.json().notification.resolvedAt);
      assert.equal(await auditRows(), 1);
      const twice = await owner.request({ method: 'POST', url: `${base}/${open.id}/dismiss` });
      assert.equal(twice.statusCode, 200);
      assert.equal(await auditRows(), 1, 'nothing changed the second time');
      assert.ok(!(await list(owner, '?state=open')).items.some((n) => n.id === open.id));
      const missing = await owner.request({ method: 'POST', url: `${base}/ntf_nope/dismiss` });
      assert.equal(missing.statusCode, 404);
    });
  });
}
