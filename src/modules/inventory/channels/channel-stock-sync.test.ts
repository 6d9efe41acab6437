import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { updateInventoryItem } from '../items.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { updateLocation } from '../locations/locations.ts';
import { reserveStock } from '../reservations/reserve-stock.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { createChannel, listChannels, type SalesChannel, updateChannel } from './channels.ts';
import type { LevelChangedPayload } from './sync-channel-stock.ts';

for (const target of testDatabaseTargets()) {
  describe(`channel stock sync on ${target.label}`, () => {
    let database: Database;
    let store: { id: string; baseCurrency: string };
    let warehouse: { id: string };
    let shop: { id: string };
    let online: SalesChannel;
    let marketplace: SalesChannel;

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'channels');
      warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      shop = await makeLocation(database, store.id, 'Shop', { kind: 'retail', priority: 2 });
    });
    after(async () => {
      await database.close();
    });

    const move = (variantId: string, locationId: string, quantity: number) =>
      database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          {
            variantId,
            locationId,
            kind: quantity > 0 ? 'receive' : 'adjustment',
            reason: quantity > 0 ? null : 'damaged',
            quantity,
          },
        ]),
      );
    /** Sellable per channel name for a variant (absent: the channel does not list it). */
    const sellableOf = async (variantId: string) => {
      const rows = await database.execute<{ name: string; sellable: number }>(
        `select c.name, s.sellable from channel_stock s join sales_channels c on c.id = s.channel_id
         where s.variant_id = $1 order by c.name`,
        [variantId],
      );
      return Object.fromEntries(rows.map((r) => [r.name, Number(r.sellable)]));
    };
    const eventsOf = async (variantId: string) =>
      (
        await database.execute<{ payload: LevelChangedPayload }>(
          `select payload from outbox_events where type = 'inventory.level_changed'
           and payload->>'variantId' = $1`,
          [variantId],
        )
      ).map((r) => r.payload);

    test('a store gets its "Online store" channel on first use; sellable is available stock of active locations', async () => {
      const [a] = await makeVariants(database, store, 1);
      await move(a!, warehouse.id, 10);
      await move(a!, shop.id, 5);
      const channels = await database.db.transaction((tx) => listChannels(tx, store.id));
      assert.deepEqual(
        channels.map((c) => [c.name, c.kind, c.safetyBuffer, c.locationIds, c.active]),
        [['Online store', 'storefront', 0, [], true]],
      );
      online = channels[0]!;
      assert.deepEqual(await sellableOf(a!), { 'Online store': 15 });
      // Listing again makes no second channel.
      assert.equal((await database.db.transaction((tx) => listChannels(tx, store.id))).length, 1);
    });

    test('a buffer and a subset of locations: max(0, available there − buffer); reservations count', async () => {
      marketplace = await database.db.transaction((tx) =>
        createChannel(tx, store.id, {
          name: 'Marketplace',
          kind: 'marketplace',
          safetyBuffer: 3,
          locationIds: [shop.id],
        }),
      );
      const [a, b] = await makeVariants(database, store, 2);
      await move(a!, warehouse.id, 10);
      await move(a!, shop.id, 5);
      await move(b!, warehouse.id, 2);
      await move(b!, shop.id, 2);
      assert.deepEqual(await sellableOf(a!), { Marketplace: 2, 'Online store': 15 });
      assert.deepEqual(await sellableOf(b!), { Marketplace: 0, 'Online store': 4 }, 'never below 0');

      const reserve = (quantity: number) =>
        database.db.transaction((tx) =>
          reserveStock(tx, store.id, { items: [{ variantId: a!, quantity }], strategy: 'priority' }),
        );
      await reserve(8); // from the warehouse, first by priority
      assert.deepEqual(await sellableOf(a!), { Marketplace: 2, 'Online store': 7 });
      await reserve(4); // the warehouse has 2 left, so the shop holds these: 5 − 4 − 3 < 0
      assert.deepEqual(await sellableOf(a!), { Marketplace: 0, 'Online store': 3 });
    });

    test('inactive locations do not count, even when a channel names them', async () => {
      const outlet = await makeLocation(database, store.id, 'Outlet', { kind: 'retail', priority: 3 });
      const [a] = await makeVariants(database, store, 1);
      await move(a!, outlet.id, 7);
      await move(a!, shop.id, 5);
      assert.deepEqual(await sellableOf(a!), { Marketplace: 2, 'Online store': 12 });
      await updateLocation(database.db, store.id, outlet.id, { active: false });
      await move(a!, shop.id, 1);
      assert.deepEqual(await sellableOf(a!), { Marketplace: 3, 'Online store': 6 });
      const { after } = await database.db.transaction((tx) =>
        updateChannel(tx, store.id, marketplace.id, { locationIds: [shop.id, outlet.id] }),
      );
      assert.deepEqual(after.locationIds, [shop.id, outlet.id].sort());
      assert.deepEqual(await sellableOf(a!), { Marketplace: 3, 'Online store': 6 });
      await database.db.transaction((tx) =>
        updateChannel(tx, store.id, marketplace.id, { locationIds: [shop.id] }),
      );
    });

    test('switching a location off or on restates its variants at once: channels, events, low/out', async () => {
      const depot = await makeLocation(database, store.id, 'Depot', { priority: 4 });
      const [a] = await makeVariants(database, store, 1);
      await move(a!, depot.id, 4);
      await move(a!, shop.id, 2);
      await database.db.transaction((tx) => updateInventoryItem(tx, store.id, a!, { lowStockThreshold: 3 }));
      assert.deepEqual(await sellableOf(a!), { Marketplace: 0, 'Online store': 6 });
      // Off: the depot's 4 leave every total with no other stock change.
      await database.db.transaction((tx) => updateLocation(tx, store.id, depot.id, { active: false }));
      assert.deepEqual(await sellableOf(a!), { Marketplace: 0, 'Online store': 2 });
      assert.deepEqual(
        (await eventsOf(a!)).filter((e) => e.channelId === online.id).map((e) => e.sellable),
        [4, 6, 2],
      );
      const stateEvents = async () =>
        (
          await database.execute<{ type: string }>(
            `select type from outbox_events where type in ('inventory.low', 'inventory.restocked')
             and payload->>'variantId' = $1 order by created_at, id`,
            [a!],
          )
        ).map((r) => r.type);
      assert.deepEqual(await stateEvents(), ['inventory.low']);
      // Renaming it changes nothing else (it stays off) and tells nothing.
      const told = (await eventsOf(a!)).length;
      await database.db.transaction((tx) => updateLocation(tx, store.id, depot.id, { name: 'Old depot' }));
      assert.equal((await eventsOf(a!)).length, told);
      const [renamed] = await database.execute<{ active: boolean; fulfilment_priority: number }>(
        'select active, fulfilment_priority from inventory_locations where id = $1',
        [depot.id],
      );
      assert.deepEqual(renamed, { active: false, fulfilment_priority: 4 });
      // On again: back to 6, and no longer low.
      await database.db.transaction((tx) => updateLocation(tx, store.id, depot.id, { active: true }));
      assert.deepEqual(await sellableOf(a!), { Marketplace: 0, 'Online store': 6 });
      assert.deepEqual(await stateEvents(), ['inventory.low', 'inventory.restocked']);
    });

    test('one event per changed (channel, variant), none when the sellable quantity stays the same', async () => {
      const [a] = await makeVariants(database, store, 1);
      await move(a!, warehouse.id, 4);
      const first = await eventsOf(a!);
      assert.deepEqual(first.map((e) => [e.channelName, e.previous, e.sellable]).sort(), [
        ['Marketplace', null, 0],
        ['Online store', null, 4],
      ]);
      const [event] = first.filter((e) => e.channelId === online.id);
      assert.equal(event!.variantId, a);
      assert.match(event!.sku!, /^INV-/);
      assert.equal(event!.backorder, false);

      // The warehouse is not the marketplace's: only the online store moves.
      await move(a!, warehouse.id, 1);
      let events = await eventsOf(a!);
      assert.equal(events.length, 3);
      assert.deepEqual(
        events.filter((e) => e.previous === 4).map((e) => [e.channelName, e.sellable]),
        [['Online store', 5]],
      );
      // 2 at the shop is still within the marketplace's buffer of 3: its quantity stays 0, no event.
      await move(a!, shop.id, 2);
      events = await eventsOf(a!);
      assert.equal(events.length, 4);
      assert.equal(events.filter((e) => e.channelName === 'Marketplace').length, 1);
      await move(a!, shop.id, 2);
      events = await eventsOf(a!);
      assert.deepEqual(
        events.filter((e) => e.channelName === 'Marketplace').map((e) => [e.previous, e.sellable]),
        [
          [null, 0],
          [0, 1],
        ],
      );
    });

    test('changing a buffer resyncs the channel; switching it off forgets its stock until it is back', async () => {
      const [a] = await makeVariants(database, store, 1);
      await move(a!, shop.id, 6);
      assert.deepEqual(await sellableOf(a!), { Marketplace: 3, 'Online store': 6 });
      const before = (await eventsOf(a!)).length;
      await database.db.transaction((tx) => updateChannel(tx, store.id, marketplace.id, { safetyBuffer: 1 }));
      assert.deepEqual(await sellableOf(a!), { Marketplace: 5, 'Online store': 6 });
      const after = await eventsOf(a!);
      assert.equal(after.length, before + 1);
      assert.deepEqual(
        [after.at(-1)!.channelName, after.at(-1)!.previous, after.at(-1)!.sellable],
        ['Marketplace', 3, 5],
      );
      await database.db.transaction((tx) => updateChannel(tx, store.id, marketplace.id, { active: false }));
      assert.deepEqual(await sellableOf(a!), { 'Online store': 6 });
      await move(a!, shop.id, 1);
      assert.deepEqual(await sellableOf(a!), { 'Online store': 7 }, 'an inactive channel is not synced');
      await database.db.transaction((tx) => updateChannel(tx, store.id, marketplace.id, { active: true }));
      assert.deepEqual(await sellableOf(a!), { Marketplace: 6, 'Online store': 7 });
      await database.db.transaction((tx) => updateChannel(tx, store.id, marketplace.id, { safetyBuffer: 3 }));
    });

    test('untracked variants are not listed; variants that keep selling report 0 and flag back-orders', async () => {
      const [untracked] = await makeVariants(database, store, 1);
      await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: untracked!, quantity: 2 }] }),
      );
      assert.deepEqual(await sellableOf(untracked!), {});
      const [tracked] = await makeVariants(database, store, 1);
      await move(tracked!, shop.id, 2);
      assert.deepEqual(await sellableOf(tracked!), { Marketplace: 0, 'Online store': 2 });
      await database.db.transaction((tx) => updateInventoryItem(tx, store.id, tracked!, { tracked: false }));
      assert.deepEqual(await sellableOf(tracked!), {}, 'no longer tracked: dropped from the channels');

      const [backorder] = await makeVariants(database, store, 1, { policy: 'continue' });
      await move(backorder!, shop.id, 1);
      await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: backorder!, quantity: 3 }] }),
      );
      assert.deepEqual(await sellableOf(backorder!), { Marketplace: 0, 'Online store': 0 });
      const last = (await eventsOf(backorder!)).find(
        (e) => e.channelName === 'Online store' && e.previous === 1,
      );
      assert.deepEqual([last?.sellable, last?.backorder], [0, true]);
    });
  });
}
