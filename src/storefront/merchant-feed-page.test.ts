import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { Browser, makeMember, startTestApp, type TestApp } from '../../test/support/app-harness.ts';
import { createStore, type Store, systemActor } from '../modules/access/index.ts';
import { ensureCategoryPath } from '../modules/catalog/categories.ts';
import {
  type CreateProductInput,
  createProduct,
  putProductTranslation,
  updateProduct,
} from '../modules/catalog/index.ts';
import { feedAttributeOrder } from '../modules/catalog/merchant-feed/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';

const writer = { actor: systemActor('test'), canPublish: true };
const GOOGLE_NS = 'http://base.google.com/ns/1.0';
type Item = Record<string, string | string[] | undefined>;

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Values stay text (prices, GTINs with leading zeros); repeated tags become arrays where Google allows them.
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'g:additional_image_link',
});

function parseFeed(xml: string) {
  const doc = xmlParser.parse(xml, true);
  const rss = doc.rss;
  assert.equal(rss['@version'], '2.0');
  assert.equal(rss['@xmlns:g'], GOOGLE_NS);
  const items: Item[] = (rss.channel.item ?? []).map((raw: Record<string, string>) =>
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key.replace(/^g:/, ''), value])),
  );
  return { channel: rss.channel, items };
}

const description =
  '<p>Washed linen that gets softer with every wash.</p><ul><li>100% linen</li><li>Machine wash</li></ul>';

/** Google's required attributes and identifier rules, checked on every item of a feed. */
function assertValidItem(item: Item) {
  for (const attribute of [
    'id',
    'title',
    'description',
    'link',
    'image_link',
    'availability',
    'price',
    'condition',
  ]) {
    const value = item[attribute];
    assert.ok(typeof value === 'string' && value.trim() !== '', `${item.id}: ${attribute} is required`);
  }
  assert.ok((item.id as string).length <= 50);
  assert.ok((item.title as string).length <= 150);
  assert.ok((item.description as string).length <= 5000);
  assert.doesNotMatch(item.description as string, /<[a-z]/i, 'the description is plain text');
  assert.match(item.link as string, /^https?:\/\/[^ ]+$/);
  assert.match(item.image_link as string, /^https?:\/\/[^ ]+$/);
  assert.ok(['in_stock', 'out_of_stock', 'preorder', 'backorder'].includes(item.availability as string));
  assert.match(item.price as string, /^\d+\.\d{2} EUR$/);
  if (item.sale_price) assert.match(item.sale_price as string, /^\d+\.\d{2} EUR$/);
  assert.ok(['new', 'refurbished', 'used'].includes(item.condition as string));
  // Unique product identifiers: a GTIN, or brand with MPN, or an explicit identifier_exists = no.
  const identified = Boolean(item.gtin) || (Boolean(item.brand) && Boolean(item.mpn));
  assert.ok(identified || item.identifier_exists === 'no', `${item.id}: identifiers`);
  if (identified) assert.equal(item.identifier_exists, undefined);
  if (item.gtin) assert.match(item.gtin as string, /^\d{8}$|^\d{12,14}$/);
  if (item.shipping_weight) assert.match(item.shipping_weight as string, /^\d+(\.\d+)? (g|kg|lb|oz)$/);
}

for (const target of testDatabaseTargets()) {
  describe(`Google Merchant feed on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let owner: Browser;
    const ids: Record<string, string> = {};
    const variantIds: Record<string, string[]> = {};

    async function product(key: string, input: CreateProductInput) {
      const detail = await createProduct(database.db, writer, store, input);
      ids[key] = detail.product.id;
      variantIds[key] = detail.variants.map((v) => v.id);
    }

    const get = (url: string, headers: Record<string, string> = {}) =>
      sp.app.inject({ method: 'GET', url, headers: { host: 'installation.test', ...headers } });

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, writer.actor, {
        handle: 'feedshop',
        name: 'Alder & Ash',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'de-CH'],
        domains: ['shop.feed.test'],
      });
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      await product('apron', {
        title: 'Linen Apron',
        description,
        vendor: 'Alder & Ash',
        status: 'active',
        categoryId: await ensureCategoryPath(database.db, store.id, 'Kitchen > Aprons'),
        options: [{ name: 'Colour', values: ['Sand', 'Rust'] }],
        images: [
          { url: 'https://images.example/apron-sand.jpg', alt: 'Sand apron' },
          { url: 'https://images.example/apron-rust.jpg', alt: 'Rust apron' },
        ],
        variants: [
          {
            optionValues: ['Sand'],
            sku: 'APR-SAND',
            barcode: '4006381333931',
            price: { amount: 3900 },
            compareAtPrice: { amount: 4900 },
            weightGrams: 250,
            imagePosition: 1,
          },
          {
            optionValues: ['Rust'],
            sku: 'APR-RUST',
            price: { amount: 3900 },
            weightGrams: 250,
            imagePosition: 2,
          },
        ],
      });
      await product('towel', {
        title: 'Waffle Towel',
        description,
        status: 'active',
        price: { amount: 1850 },
        sku: 'TOWEL-1',
        images: [{ url: 'https://images.example/towel.jpg', alt: null }],
      });
      await product('draft', {
        title: 'Secret Draft',
        description,
        price: { amount: 100 },
        images: [{ url: 'https://images.example/draft.jpg', alt: null }],
      });
      await product('imageless', {
        title: 'No Picture',
        description,
        status: 'active',
        price: { amount: 500 },
      });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('the XML feed lists each variant of the live products with every required attribute', async () => {
      const res = await get('/s/feedshop/feeds/google/en.xml');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      const { channel, items } = parseFeed(res.body);
      assert.equal(channel.title, 'Alder & Ash');
      assert.equal(channel.language, 'en');
      for (const item of items) assertValidItem(item);
      const byId = new Map(items.map((item) => [item.id as string, item]));
      assert.deepEqual(
        new Set(byId.keys()),
        new Set([...variantIds.apron!, ...variantIds.towel!]),
        'drafts and imageless products are left out',
      );

      const sand = byId.get(variantIds.apron![0]!)!;
      assert.equal(sand.item_group_id, ids.apron, 'variants of one product share item_group_id');
      assert.equal(sand.title, 'Linen Apron – Sand');
      assert.equal(sand.color, 'Sand');
      assert.equal(sand.gtin, '4006381333931');
      assert.equal(sand.brand, 'Alder & Ash');
      assert.equal(sand.mpn, 'APR-SAND');
      assert.equal(sand.price, '49.00 EUR', 'the compare-at price is the regular price');
      assert.equal(sand.sale_price, '39.00 EUR');
      assert.equal(sand.availability, 'in_stock');
      assert.equal(sand.shipping_weight, '250 g');
      assert.equal(sand.image_link, 'https://images.example/apron-sand.jpg');
      assert.deepEqual(sand.additional_image_link, ['https://images.example/apron-rust.jpg']);
      assert.equal(
        sand.link,
        `http://installation.test/s/feedshop/products/linen-apron?variant=${variantIds.apron![0]}`,
      );
      assert.equal(
        sand.description,
        'Washed linen that gets softer with every wash.\n\n100% linen\n\nMachine wash',
      );
      assert.equal(byId.get(variantIds.apron![1]!)!.image_link, 'https://images.example/apron-rust.jpg');

      const towel = byId.get(variantIds.towel![0]!)!;
      assert.equal(towel.item_group_id, undefined, 'a product with one variant is not a group');
      assert.equal(towel.identifier_exists, 'no', 'no GTIN and no brand: identifier_exists is no');
      assert.equal(towel.shipping_weight, undefined);

      // Every link leads to the live product page.
      for (const item of items) {
        const page = await get(new URL(item.link as string).pathname + new URL(item.link as string).search);
        assert.equal(page.statusCode, 200, item.link as string);
      }
    });

    test('the TSV feed carries the same items under the attribute header', async () => {
      const [xml, tsv] = await Promise.all([
        get('/s/feedshop/feeds/google/en.xml'),
        get('/s/feedshop/feeds/google/en.tsv'),
      ]);
      assert.equal(tsv.statusCode, 200);
      assert.equal(tsv.headers['content-type'], 'text/tab-separated-values; charset=utf-8');
      const rows: string[][] = parseCsv(tsv.body, {
        delimiter: '\t',
        quote: false,
        relax_column_count: false,
      });
      assert.deepEqual(rows[0], [...feedAttributeOrder]);
      const records = rows
        .slice(1)
        .map((row) => Object.fromEntries(rows[0]!.map((name, i) => [name, row[i] || undefined])));
      for (const record of records) assertValidItem(record);
      const xmlIds = parseFeed(xml.body).items.map((item) => item.id);
      assert.deepEqual(
        records.map((r) => r.id),
        xmlIds,
      );
    });

    test("on the store's own domain, and per served locale with translated text", async () => {
      const onDomain = await get('/feeds/google/en.xml', { host: 'shop.feed.test' });
      assert.equal(onDomain.statusCode, 200);
      const links = parseFeed(onDomain.body).items.map((item) => item.link as string);
      assert.ok(
        links.every((link) => link.startsWith('http://shop.feed.test/products/')),
        links.join(),
      );

      const translated = await sp.app.inject({
        method: 'PUT',
        url: `/api/admin/stores/feedshop/products/${ids.towel}/translations/de-CH`,
        payload: { title: 'Waffeltuch', handle: 'waffeltuch' },
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
      });
      assert.equal(translated.statusCode, 200, translated.body);
      const german = await get('/feeds/google/de-ch.xml', { host: 'shop.feed.test' });
      assert.equal(german.statusCode, 200, german.body);
      const feed = parseFeed(german.body);
      assert.equal(feed.channel.language, 'de-CH');
      const towel = feed.items.find((item) => item.id === variantIds.towel![0])!;
      assert.equal(towel.title, 'Waffeltuch');
      assert.equal(towel.link, 'http://shop.feed.test/de-ch/products/waffeltuch');
      const apron = feed.items.find((item) => item.id === variantIds.apron![0])!;
      assert.equal(apron.title, 'Linen Apron – Sand', 'untranslated text falls back to the default locale');
    });

    test('a feed in another locale: translated title, description, option values and link; Google’s codes stay', async () => {
      await putProductTranslation(database.db, writer, store, ids.apron!, 'de-CH', {
        title: 'Leinenschürze',
        description: '<p>Gewaschenes Leinen, das mit jeder Wäsche weicher wird.</p>',
        handle: 'leinenschuerze',
        // "Farbton" is no colour word Google's attribute list knows: the default name ("Colour") decides.
        options: { Colour: { name: 'Farbton', values: { Sand: 'Sandfarben' } } },
      });
      const german = await get('/s/feedshop/feeds/google/de-ch.xml');
      assert.equal(german.statusCode, 200);
      const { channel, items } = parseFeed(german.body);
      assert.equal(channel.description, 'Produkte von Alder & Ash');
      assert.equal(channel.link, 'http://installation.test/s/feedshop/de-ch/');
      for (const item of items) assertValidItem(item);
      const byId = new Map(items.map((item) => [item.id as string, item]));
      const [sandId, rustId] = variantIds.apron!;
      const sand = byId.get(sandId!)!;
      assert.equal(sand.title, 'Leinenschürze – Sandfarben');
      assert.equal(sand.description, 'Gewaschenes Leinen, das mit jeder Wäsche weicher wird.');
      assert.equal(
        sand.link,
        `http://installation.test/s/feedshop/de-ch/products/leinenschuerze?variant=${sandId}`,
      );
      assert.equal(
        sand.color,
        'Sandfarben',
        'the translated value, under the attribute the default name names',
      );
      assert.equal(sand.availability, 'in_stock', 'availability is Google’s code in every language');
      assert.equal(sand.condition, 'new');
      assert.equal(
        sand.product_type,
        'Kitchen > Aprons',
        'categories have no translations: the default text',
      );
      const rust = byId.get(rustId!)!;
      assert.equal(rust.title, 'Leinenschürze – Rust', 'an untranslated value falls back to the default');
      assert.equal(rust.color, 'Rust');
      const page = await get(new URL(sand.link as string).pathname);
      assert.equal(page.statusCode, 200, 'the link is the product’s page in that locale');
      assert.match(page.body, /<h1>Leinenschürze<\/h1>/);

      const tsv = parseCsv((await get('/s/feedshop/feeds/google/de-ch.tsv')).body, {
        delimiter: '\t',
        columns: true,
        quote: false,
      }) as Record<string, string>[];
      assert.equal(tsv.find((row) => row.id === sandId)?.title, 'Leinenschürze – Sandfarben');

      const english = parseFeed((await get('/s/feedshop/feeds/google/en.xml')).body);
      assert.equal(english.channel.description, 'Products of Alder & Ash');
      const englishSand = english.items.find((item) => item.id === sandId)!;
      assert.equal(englishSand.title, 'Linen Apron – Sand');
      assert.equal(englishSand.color, 'Sand');
    });

    test('a locale the store does not serve, an unknown format or store: 404', async () => {
      for (const url of [
        '/s/feedshop/feeds/google/fr.xml',
        '/s/feedshop/feeds/google/en.json',
        '/s/feedshop/feeds/google/..%2F..%2Fetc%2Fpasswd',
        '/s/no-such-store/feeds/google/en.xml',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
      }
      const noStoreHost = await get('/feeds/google/en.xml', { host: 'nobody.test' });
      assert.equal(noStoreHost.statusCode, 404);
    });

    test('kept in the page cache with an ETag, compressed on request, dropped when the catalog changes', async () => {
      const url = '/s/feedshop/feeds/google/en.xml';
      await get(url);
      const cached = await get(url);
      const etag = cached.headers.etag as string;
      assert.ok(etag, 'a kept feed has an ETag');
      assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304);
      const gzipped = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzipped.rawPayload).toString(), cached.body);

      await updateProduct(database.db, writer, store.id, ids.towel!, { title: 'Waffle Bath Towel' });
      const fresh = await get(url, { 'if-none-match': etag });
      assert.equal(fresh.statusCode, 200);
      const towel = parseFeed(fresh.body).items.find((item) => item.id === variantIds.towel![0])!;
      assert.equal(towel.title, 'Waffle Bath Towel');
    });

    test('an image stored in media storage is linked at its absolute /media address', async () => {
      const key = `${'ab'.repeat(32)}.webp`;
      await database.execute('update product_images set media_key = $1 where product_id = $2', [
        key,
        ids.towel,
      ]);
      // Any change through the catalog announces it, so the kept feed is dropped.
      await updateProduct(database.db, writer, store.id, ids.towel!, { vendor: 'Alder & Ash' });
      const { items } = parseFeed((await get('/s/feedshop/feeds/google/en.xml')).body);
      const towel = items.find((item) => item.id === variantIds.towel![0])!;
      assert.equal(towel.image_link, `http://installation.test/media/${key}`);
      assert.equal(towel.brand, 'Alder & Ash');
      assert.equal(towel.mpn, 'TOWEL-1');
      assert.equal(towel.identifier_exists, undefined, 'brand and MPN identify it now');
    });

    test('a large catalog streams in chunks and every item stays valid', async () => {
      for (let n = 0; n < 60; n++) {
        await createProduct(database.db, writer, store, {
          title: `Bulk Tea Towel ${n}`,
          description: `${description}<p>${'Extra care notes. '.repeat(40)}</p>`,
          status: 'active',
          vendor: 'Alder & Ash',
          options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
          images: [{ url: `https://images.example/bulk-${n}.jpg`, alt: null }],
          variants: ['S', 'M', 'L'].map((size) => ({
            optionValues: [size],
            sku: `BULK-${n}-${size}`,
            price: { amount: 1200 },
            weightGrams: 120,
          })),
        });
      }
      const res = await get('/s/feedshop/feeds/google/en.xml');
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.length > 64 * 1024, 'more than one chunk');
      const { items } = parseFeed(res.body);
      assert.equal(items.length, 3 + 60 * 3);
      for (const item of items) assertValidItem(item);
      const sizes = items.filter((item) => item.item_group_id && item.size).map((item) => item.size);
      assert.equal(sizes.length, 180);
    });
  });
}
