import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../../test/support/app-harness.ts';
import { type ChangeFeed, hasPendingChange, startChangeFeed } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { type CreateProductInput, createProduct } from '../../catalog/index.ts';
import { makeLocation } from '../testing/inventory-fixtures.ts';
import { inventoryTopic } from './stock-change-topic.ts';
import { availabilityOf } from './storefront-availability.ts';

test('availability: untracked sells, low at the threshold, out or back-order at none', () => {
  const tracked = (available: number, lowStockThreshold: number | null = 3) => ({
    tracked: true,
    lowStockThreshold,
    available,
  });
  assert.deepEqual(availabilityOf(undefined, 'deny'), { status: 'in_stock', available: null });
  assert.deepEqual(availabilityOf({ ...tracked(0), tracked: false }, 'deny'), {
    status: 'in_stock',
    available: null,
  });
  assert.deepEqual(availabilityOf(tracked(4), 'deny'), { status: 'in_stock', available: 4 });
  assert.deepEqual(availabilityOf(tracked(3), 'deny'), { status: 'low_stock', available: 3 });
  assert.deepEqual(availabilityOf(tracked(1, null), 'deny'), { status: 'in_stock', available: 1 });
  assert.deepEqual(availabilityOf(tracked(0), 'deny'), { status: 'out_of_stock', available: 0 });
  assert.deepEqual(availabilityOf(tracked(-2), 'continue'), { status: 'backorder', available: 0 });
  assert.deepEqual(
    availabilityOf(tracked(2), 'continue'),
    { status: 'in_stock', available: 2 },
    'a variant that keeps selling has no "last units"',
  );
});

const actor = systemActor('availability test');

function jsonLdOffers(html: string): Map<string, string> {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(block, 'the page has structured data');
  const data = JSON.parse(block[1]!);
  const offers: { sku: string; availability: string }[] = Array.isArray(data.offers)
    ? data.offers
    : [data.offers];
  return new Map(offers.map((o) => [o.sku, o.availability.replace('https://schema.org/', '')]));
}

/** The text of the availability shown on a product page, and its status class. */
function shownStock(html: string): [string, string] {
  const match = /<span class="stock stock-([a-z_]+)">([^<]*)<\/span>/.exec(html);
  assert.ok(match, 'the page shows availability');
  return [match[1]!, match[2]!];
}

/** The in-stock facet's count on a listing (0 when the facet is not offered). */
function inStockCount(html: string, label = 'In stock'): number {
  const match = new RegExp(`<span class="facet-label">${label}</span><span class="count">(\\d+)</span>`).exec(
    html,
  );
  return match ? Number(match[1]) : 0;
}

function feedAvailability(xml: string): Map<string, string> {
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
  return new Map(
    items.map((item) => [
      /<g:id>([^<]*)<\/g:id>/.exec(item)![1]!,
      /<g:availability>([^<]*)<\/g:availability>/.exec(item)![1]!,
    ]),
  );
}

for (const target of testDatabaseTargets()) {
  describe(`storefront availability on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let feed: ChangeFeed;
    const topics: string[] = [];
    let warehouse: { id: string };
    const variant: Record<string, string> = {};

    const product = async (input: CreateProductInput) =>
      createProduct(database.db, { actor, canPublish: true }, store, {
        status: 'active',
        // What the Merchant feed needs to list an item: a description and an image.
        description: '<p>Made by hand.</p>',
        images: [{ url: 'https://images.example/lantern.jpg', alt: null }],
        ...input,
      });

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'lanterns',
        name: 'Lantern House',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'de'],
      });
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['inventory:read', 'inventory:write']));
      warehouse = await makeLocation(database, store.id, 'Warehouse');
      const lantern = await product({
        title: 'Paper Lantern',
        handle: 'paper-lantern',
        options: [{ name: 'Size', values: ['Small', 'Large'] }],
        variants: [
          { optionValues: ['Small'], sku: 'LAN-S', price: { amount: 1500 } },
          { optionValues: ['Large'], sku: 'LAN-L', price: { amount: 2500 } },
        ],
      });
      variant.small = lantern.variants[0]!.id;
      variant.large = lantern.variants[1]!.id;
      const candle = await product({
        title: 'Beeswax Candle',
        handle: 'beeswax-candle',
        variants: [{ sku: 'CANDLE', price: { amount: 900 }, inventoryPolicy: 'continue' }],
      });
      variant.candle = candle.variants[0]!.id;
      feed = await startChangeFeed(database);
      feed.subscribe((topic) => {
        if (topic) topics.push(topic);
      });
    });
    after(async () => {
      await feed.close();
      await sp.close();
      await database.close();
    });

    const get = (url: string) => sp.app.inject({ url });
    /** Until this instance has heard its own stock announcement back (the cached pages are then dropped). */
    const settled = async () => {
      for (let i = 0; i < 200 && hasPendingChange([inventoryTopic(store.id)]); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const change = async (payload: object) => {
      const res = await api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/inventory/adjustments`,
        payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      await settled();
    };
    const adjust = (variantId: string, quantity: number) =>
      change({ items: [{ variantId, locationId: warehouse.id, quantity, reason: 'correction' }] });
    const page = async (path = '/s/lanterns/products/paper-lantern') => {
      const res = await get(path);
      assert.equal(res.statusCode, 200, res.body);
      return res.body;
    };
    const search = async (query: string) => (await get(`/s/lanterns/search?q=lantern${query}`)).body;

    test('product pages, listings and the feed follow stock as it changes, without stale cached pages', async () => {
      // Nothing tracked yet: everything sells.
      assert.deepEqual(shownStock(await page()), ['in_stock', 'In stock']);
      assert.deepEqual(Object.fromEntries(jsonLdOffers(await page())), {
        'LAN-S': 'InStock',
        'LAN-L': 'InStock',
      });
      assert.equal(inStockCount(await search('')), 1);

      await adjust(variant.small!, 5);
      await adjust(variant.large!, 1);
      const threshold = await api({
        method: 'PATCH',
        url: `/api/admin/stores/${store.id}/inventory/variants/${variant.small}`,
        payload: { lowStockThreshold: 3 },
      });
      assert.equal(threshold.statusCode, 200, threshold.body);
      await settled();
      assert.deepEqual(shownStock(await page()), ['in_stock', 'In stock'], 'five units, above the threshold');

      await adjust(variant.small!, -3);
      const low = await page();
      assert.deepEqual(shownStock(low), ['low_stock', 'Only 2 left']);
      assert.equal(jsonLdOffers(low).get('LAN-S'), 'LimitedAvailability');
      assert.deepEqual(shownStock(await page('/s/lanterns/de/products/paper-lantern')), [
        'low_stock',
        'Nur noch 2 auf Lager',
      ]);
      assert.equal(
        feedAvailability((await get('/s/lanterns/feeds/google/en.xml')).body).get(variant.small!),
        'in_stock',
      );

      await adjust(variant.large!, -1);
      const large = await page(`/s/lanterns/products/paper-lantern?variant=${variant.large}`);
      assert.deepEqual(shownStock(large), ['out_of_stock', 'Out of stock']);
      assert.match(
        large,
        /<li class="sold-out"><a href="\?variant=[^"]+"[^>]*>Large · [^<]* · Out of stock<\/a>/,
      );
      assert.deepEqual(Object.fromEntries(jsonLdOffers(large)), {
        'LAN-S': 'LimitedAvailability',
        'LAN-L': 'OutOfStock',
      });
      assert.equal(inStockCount(await search('')), 1, 'the small one still sells');
      assert.match(await search('&in_stock=1'), /Paper Lantern/);

      await adjust(variant.small!, -2);
      assert.deepEqual(shownStock(await page()), ['out_of_stock', 'Out of stock']);
      assert.equal(inStockCount(await search('')), 0);
      assert.doesNotMatch(await search('&in_stock=1'), /Paper Lantern/);
      const sold = feedAvailability((await get('/s/lanterns/feeds/google/en.xml')).body);
      assert.deepEqual(
        [sold.get(variant.small!), sold.get(variant.large!)],
        ['out_of_stock', 'out_of_stock'],
      );

      // A candle that keeps selling when none are left is on back-order, and still counts as available.
      await adjust(variant.candle!, 1);
      await adjust(variant.candle!, -1);
      const candle = await page('/s/lanterns/products/beeswax-candle');
      assert.deepEqual(shownStock(candle), ['backorder', 'Available on back-order']);
      assert.equal(jsonLdOffers(candle).get('CANDLE'), 'BackOrder');
      assert.equal(
        feedAvailability((await get('/s/lanterns/feeds/google/en.xml')).body).get(variant.candle!),
        'backorder',
      );
      assert.equal(inStockCount((await get('/s/lanterns/search?q=candle')).body), 1);

      // Stock back: the cached sold-out page is gone.
      await adjust(variant.small!, 10);
      assert.deepEqual(shownStock(await page()), ['in_stock', 'In stock']);
      assert.equal(inStockCount(await search('')), 1);
    });

    test('only changes a shopper can see announce: a sale well above the threshold keeps the cached pages', async () => {
      const [lamp] = (
        await product({ title: 'Oil Lamp', handle: 'oil-lamp', sku: 'LAMP', price: { amount: 4000 } })
      ).variants;
      await adjust(lamp!.id, 50);
      await settled();
      await new Promise((resolve) => setTimeout(resolve, 50));
      topics.length = 0;
      await adjust(lamp!.id, -1); // 49 left, no threshold: "In stock" before and after
      await adjust(lamp!.id, -49); // none left: visible
      for (let i = 0; i < 200 && topics.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(
        topics.filter((t) => t === inventoryTopic(store.id)),
        [inventoryTopic(store.id)],
        'one announcement, for the sell-out',
      );
    });
  });
}
