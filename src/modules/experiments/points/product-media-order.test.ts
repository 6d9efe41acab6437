// The product media order point: the order rule and the change's schema on their own, then through
// the real app on both databases — a visitor in the variant sees the product's images (gallery,
// main image, structured data) in the variant's order and the control's visitor the stored order,
// counted only on that product's page; bad changes refused with nothing written; shipping writes
// the order to the product's gallery, or stages it for review without catalog:publish.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, sql } from 'drizzle-orm';
import {
  makeApiKey,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { listAudit, type Store, storeLocales, systemActor } from '../../access/index.ts';
import { createProduct, getProduct, productGallery } from '../../catalog/index.ts';
import { experimentExposures, experiments } from '../schema.ts';
import { inMediaOrder, productMediaOrder } from './product-media-order.ts';

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const PRODUCT = 'prod_01h455vb4pex5vsknk084sn02q';
const IMAGE = (n: number) => `img_01h455vb4pex5vsknk084sn0${n}a`;

test('listed images first in the listed order, the rest after in their order; unknown ids passed over', () => {
  const images = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  const ids = (order?: string[]) => inMediaOrder(order, images).map((i) => i.id);
  assert.deepEqual(ids(), ['a', 'b', 'c', 'd']);
  assert.deepEqual(ids([]), ['a', 'b', 'c', 'd']);
  assert.deepEqual(ids(['c', 'a']), ['c', 'a', 'b', 'd']);
  assert.deepEqual(ids(['gone', 'd']), ['d', 'a', 'b', 'c']);
  assert.deepEqual(ids(['d', 'c', 'b', 'a']), ['d', 'c', 'b', 'a']);
});

test('the change: a product id and image ids, each image once', () => {
  const ok = [
    { productId: PRODUCT },
    { productId: PRODUCT, order: [] },
    { productId: PRODUCT, order: [IMAGE(2), IMAGE(1)] },
  ];
  for (const change of ok) assert.equal(productMediaOrder.schema.safeParse(change).success, true);
  const bad = [
    {},
    { order: [IMAGE(1)] },
    { productId: 'lamp' },
    { productId: PRODUCT, order: ['img_1'] },
    { productId: PRODUCT, order: ['https://images.example/a.jpg'] },
    { productId: PRODUCT, order: [IMAGE(1), IMAGE(1)] },
    { productId: PRODUCT, order: IMAGE(1) },
    { productId: PRODUCT, images: [IMAGE(1)] },
  ];
  for (const change of bad) {
    assert.equal(productMediaOrder.schema.safeParse(change).success, false, JSON.stringify(change));
  }
  assert.equal(productMediaOrder.checkVariants?.([{ productId: PRODUCT }, { productId: PRODUCT }]), null);
  assert.ok(productMediaOrder.checkVariants?.([{ productId: PRODUCT }, { productId: 'prod_other' }]));
  assert.deepEqual(productMediaOrder.pageKinds, ['product']);
  assert.equal(
    productMediaOrder.appearsOn({ productId: PRODUCT }, { kind: 'product', productId: PRODUCT }),
    true,
  );
  assert.equal(
    productMediaOrder.appearsOn({ productId: PRODUCT }, { kind: 'product', productId: 'prod_x' }),
    false,
  );
  assert.equal(productMediaOrder.appearsOn({ productId: PRODUCT }, { kind: 'home' }), false);
});

/** A browser's cookies, enough for these requests. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(res: { cookies: { name: string; value: string }[] }) {
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The lamp's pictures by letter, as a page shows them: its image URLs in document order. */
const letters = (html: string) => [...html.matchAll(/lamp-([a-z])\.jpg/g)].map((m) => m[1]).join('');

/** What a product page shows of the gallery: the main image, the thumbnails, the structured data's images. */
function galleryOf(html: string) {
  const media = /<div class="product-media">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  const thumbs = /<ul class="thumbs">([\s\S]*?)<\/ul>/.exec(media)?.[1] ?? '';
  const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const og = /<meta property="og:image" content="([^"]*)"/.exec(html)?.[1] ?? '';
  return {
    main: letters(media.slice(0, media.indexOf('<ul'))),
    thumbs: letters(thumbs),
    structured: letters(ld),
    openGraph: letters(og),
  };
}

for (const target of testDatabaseTargets()) {
  describe(`product media order on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let withoutPublish: ReturnType<typeof withApiKey>;
    let lamp: { id: string; handle: string; images: string[] };
    let shade: { id: string; handle: string };
    const base = () => `/api/admin/stores/${store.id}/experiments`;
    const galleryStore = () => ({ id: store.id, locale: store.locale, locales: storeLocales(store) });
    /** The lamp's stored gallery, as letters. */
    const storedOrder = async () => {
      const { images } = await getProduct(database.db, store.id, lamp.id);
      return letters(images.map((i) => i.sourceUrl).join(' '));
    };

    const visit = async (jar: Jar, url: string) => {
      const res = await sp.app.inject({ url, headers: { 'user-agent': chrome, cookie: jar.header() } });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      jar.take(res);
      return res.body;
    };
    const exposure = async (experimentId: string, visitorId: string) => {
      const rows = await database.db
        .select({ variantKey: experimentExposures.variantKey })
        .from(experimentExposures)
        .where(
          and(
            eq(experimentExposures.experimentId, experimentId),
            eq(experimentExposures.visitorId, visitorId),
          ),
        );
      return rows.map((r) => r.variantKey);
    };
    const experimentCount = async () =>
      Number((await database.db.select({ n: count() }).from(experiments))[0]!.n);
    /** A test on the lamp: the control keeps the stored order, the variant shows c, a first. */
    const mediaTest = (key: string, variantOrder = [lamp.images[2]!, lamp.images[0]!]) => ({
      key,
      name: 'Lifestyle photo first',
      hypothesis: 'The lamp in a room sells it better than on white.',
      point: 'product_media_order',
      variants: [
        { key: 'control', name: 'As stored', weight: 1, change: { productId: lamp.id } },
        { key: 'room', name: 'Room first', weight: 1, change: { productId: lamp.id, order: variantOrder } },
      ],
      primaryMetric: 'add_to_cart_rate',
    });
    const startedTest = async (key: string, variantOrder?: string[]) => {
      const created = await api({ method: 'POST', url: base(), payload: mediaTest(key, variantOrder) });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().experiment.id as string;
      assert.equal((await api({ method: 'POST', url: `${base()}/${id}/start` })).statusCode, 200);
      return id;
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'gallery');
      const writer = { actor: systemActor('test'), canPublish: true };
      const made = await createProduct(database.db, writer, store, {
        title: 'Brass Lamp',
        status: 'active',
        price: { amount: 4500 },
        images: ['a', 'b', 'c', 'd'].map((n) => ({ url: `https://images.example/lamp-${n}.jpg`, alt: null })),
      });
      lamp = { id: made.product.id, handle: made.product.handle, images: made.images.map((i) => i.id) };
      const other = await createProduct(database.db, writer, store, {
        title: 'Linen Shade',
        status: 'active',
        price: { amount: 1900 },
      });
      shade = { id: other.product.id, handle: other.product.handle };
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['experiments:read', 'experiments:write', 'catalog:publish']),
      );
      withoutPublish = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['experiments:read', 'experiments:write']),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('bad changes are refused with invalid_change and nothing is written', async () => {
      const cases = [
        // Another product in the variant.
        [{ productId: lamp.id }, { productId: shade.id, order: [lamp.images[1]] }],
        // Not an image id.
        [{ productId: lamp.id }, { productId: lamp.id, order: ['https://images.example/lamp-c.jpg'] }],
        [{ productId: lamp.id }, { productId: lamp.id, order: ['img_nope'] }],
        // The same image twice.
        [{ productId: lamp.id }, { productId: lamp.id, order: [lamp.images[1], lamp.images[1]] }],
      ];
      for (const [control, variant] of cases) {
        const payload = mediaTest('bad-media');
        payload.variants[0]!.change = control as (typeof payload.variants)[0]['change'];
        payload.variants[1]!.change = variant as (typeof payload.variants)[1]['change'];
        const res = await api({ method: 'POST', url: base(), payload });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, 'invalid_change', JSON.stringify(variant));
      }
      assert.equal(await experimentCount(), 0);
    });

    test('the variant’s visitor sees its order, the control’s the stored one; counted on that product only', async () => {
      const id = await startedTest('room-first');
      const seen = new Set<string>();
      for (let i = 0; i < 40 && seen.size < 2; i++) {
        const jar = new Jar();
        await visit(jar, '/s/gallery/');
        const vid = jar.cookies.get('sp_vid')!;
        await visit(jar, `/s/gallery/products/${shade.handle}`);
        assert.deepEqual(await exposure(id, vid), [], 'neither the home page nor another product counts');
        const page = await visit(jar, `/s/gallery/products/${lamp.handle}`);
        const [variant] = await exposure(id, vid);
        assert.ok(variant, 'the lamp’s page counts the visitor');
        const expected =
          variant === 'room'
            ? { main: 'c', thumbs: 'cabd', structured: 'cabd', openGraph: 'c' }
            : { main: 'a', thumbs: 'abcd', structured: 'abcd', openGraph: 'a' };
        assert.deepEqual(galleryOf(page), expected, variant);
        // Again, from the page cache: the same order, still one exposure.
        assert.equal(await visit(jar, `/s/gallery/products/${lamp.handle}`), page);
        assert.deepEqual(await exposure(id, vid), [variant]);
        seen.add(variant);
      }
      assert.deepEqual([...seen].sort(), ['control', 'room']);
      assert.equal(await storedOrder(), 'abcd', 'the test changes no product');
      assert.equal((await api({ method: 'POST', url: `${base()}/${id}/stop` })).statusCode, 200);
    });

    test('shipping writes the winning order to the product, or stages it for review', async () => {
      const id = await startedTest('ship-room-first');
      const shipped = await api({
        method: 'POST',
        url: `${base()}/${id}/ship`,
        payload: { variant: 'room' },
      });
      assert.equal(shipped.statusCode, 200, shipped.body);
      assert.equal(shipped.json().experiment.status, 'shipped');
      assert.equal(await storedOrder(), 'cabd');
      const product = await getProduct(database.db, store.id, lamp.id);
      assert.equal(product.product.imageUrl, 'https://images.example/lamp-c.jpg', 'the cover follows');
      const audit = await listAudit(database.db, store.id, {
        limit: 5,
        offset: 0,
        entityType: 'product',
        entityId: lamp.id,
      });
      assert.equal(audit.items[0]!.action, 'product.images_reordered');
      // Shipped is no rollout: every visitor sees the product's own (new) order, nobody is counted.
      const jar = new Jar();
      assert.deepEqual(galleryOf(await visit(jar, `/s/gallery/products/${lamp.handle}`)).thumbs, 'cabd');
      assert.deepEqual(await exposure(id, jar.cookies.get('sp_vid')!), []);

      // Without catalog:publish the live gallery stays; the winning order waits in the product's revision.
      const second = await startedTest('ship-staged', [lamp.images[3]!]);
      const staged = await withoutPublish({
        method: 'POST',
        url: `${base()}/${second}/ship`,
        payload: { variant: 'room' },
      });
      assert.equal(staged.statusCode, 200, staged.body);
      assert.equal(await storedOrder(), 'cabd', 'the live product keeps its order');
      const proposed = (await productGallery(database.db, galleryStore(), lamp.id)).staged;
      assert.equal(letters((proposed?.images ?? []).map((i) => i.sourceUrl).join(' ')), 'dcab');
      const shippedEvents = resultRows<{ payload: { applied: string } }>(
        await database.db.execute(
          sql`select payload from outbox_events where type = 'experiment.shipped' and payload->>'experimentId' = ${second}`,
        ),
      );
      assert.equal(shippedEvents[0]!.payload.applied, 'the product’s new image order awaits review');
    });
  });
}
