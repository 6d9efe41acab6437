import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { createStore, type Store, systemActor } from '../modules/access/index.ts';
import { ensureCategoryPath } from '../modules/catalog/categories.ts';
import { createCollection } from '../modules/catalog/collections/collections.ts';
import { createProduct, type ProductDetail } from '../modules/catalog/index.ts';
import { uploadProductImage } from '../modules/catalog/media/product-images.ts';
import { LocalDiskBlobStorage } from '../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { storefrontRoutes } from './index.ts';

const writer = { actor: systemActor('test'), canPublish: true };
const EXTERNAL = 'https://images.example/linen-towel.jpg';

interface ImageTag {
  src: string;
  srcset?: string;
  sizes?: string;
  width?: string;
}

/** Every `<img>` of a page with its attributes. */
function imagesOf(html: string): ImageTag[] {
  return [...html.matchAll(/<img ([^>]*)\/?>/g)].map((m) => {
    const attrs = Object.fromEntries(
      [...m[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!.replaceAll('&amp;', '&')]),
    );
    return attrs as unknown as ImageTag;
  });
}

/** The widths a srcset offers, each at a /media address of a WebP rendition. */
function srcsetWidths(srcset: string): number[] {
  return srcset.split(', ').map((entry) => {
    const match = /^\/media\/[0-9a-f]{64}\.webp (\d+)w$/.exec(entry);
    assert.ok(match, `a rendition: ${entry}`);
    return Number(match[1]);
  });
}

for (const target of testDatabaseTargets()) {
  describe(`product images with generated sizes on ${target.label}`, () => {
    let database: Database;
    let dataDir: string;
    let app: FastifyInstance;
    let shop: Store;
    let lamp: ProductDetail;
    let towel: ProductDetail;

    const get = (url: string) => app.inject({ url });

    before(async () => {
      database = await target.create();
      const { db } = database;
      dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-srcset-'));
      const storage = new LocalDiskBlobStorage({ dataDir });
      shop = await createStore(db, writer.actor, { handle: 'pics', name: 'Pics', baseCurrency: 'EUR' });
      const category = await ensureCategoryPath(db, shop.id, 'Home');
      // An uploaded photo: stored with renditions 160, 480, 960 and its own width (1200).
      lamp = await createProduct(db, writer, shop, {
        title: 'Brass Lamp',
        status: 'active',
        categoryId: category,
        tags: ['light'],
        price: { amount: 4900 },
      });
      const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c8a165' } })
        .png()
        .toBuffer();
      const gallery = { id: shop.id, locale: shop.locale, locales: [shop.locale] };
      await uploadProductImage(db, storage, writer, gallery, lamp.product.id, { bytes: photo, alt: 'Lamp' });
      // A product whose first image is still at the address it was recorded with (not downloaded).
      towel = await createProduct(db, writer, shop, {
        title: 'Linen Towel',
        status: 'active',
        categoryId: category,
        tags: ['light'],
        price: { amount: 1500 },
        images: [{ url: EXTERNAL, alt: 'Towel' }],
      });
      await uploadProductImage(db, storage, writer, gallery, towel.product.id, {
        bytes: photo,
        alt: 'Folded',
      });
      await createCollection(db, writer.actor, shop.id, {
        title: 'Light',
        handle: 'light',
        kind: 'rules',
        rules: [{ field: 'tag', operator: 'equals', value: 'light' }],
        sortOrder: 'title_asc',
      });
      app = Fastify();
      await app.register(storefrontRoutes, { db, cache: { ttlMs: 60_000 } });
    });
    after(async () => {
      await app?.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('cards of stored images carry srcset and sizes on every listing; a remote image shows as it is', async () => {
      for (const url of [
        '/s/pics/',
        '/s/pics/collections/light',
        '/s/pics/search?q=lamp',
        '/s/pics/categories/home',
        `/s/pics/products/${towel.product.handle}`,
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        // Cards are the pictures shown at a column's width (on the towel's page, the related products).
        const cards = imagesOf(res.body).filter((img) => img.width === '480' || img.width === '600');
        const card = cards.find((img) => img.src.startsWith('/media/'));
        assert.ok(card, `${url}: the lamp's card`);
        assert.deepEqual(srcsetWidths(card.srcset!), [160, 480, 960, 1200], url);
        assert.equal(card.sizes, '(max-width: 560px) 50vw, (max-width: 1180px) 34vw, 300px', url);
        assert.ok(card.srcset!.includes(`${card.src} 480w`), `${url}: src is the 480 rendition`);
        assert.equal(card.width, '480');
        if (url.includes('/products/') || url.includes('q=lamp')) continue;
        const remote = cards.find((img) => img.src === EXTERNAL);
        assert.ok(remote, `${url}: the towel's card`);
        assert.equal(remote.width, '600', 'shown at the size the grid reserves');
        assert.equal(remote.srcset, undefined, `${url}: no srcset for a remote image`);
        assert.equal(remote.sizes, undefined);
      }
    });

    test('the product page gallery: stored pictures with their sizes, a remote one as recorded', async () => {
      const lampPage = imagesOf((await get(`/s/pics/products/${lamp.product.handle}`)).body);
      const main = lampPage[0]!;
      assert.deepEqual(srcsetWidths(main.srcset!), [160, 480, 960, 1200]);
      assert.ok(main.srcset!.includes(`${main.src} 960w`), 'the main picture falls back to 960');
      assert.equal(main.sizes, '(min-width: 1180px) 600px, (min-width: 880px) 52vw, 100vw');

      const towelPage = imagesOf((await get(`/s/pics/products/${towel.product.handle}`)).body);
      assert.equal(towelPage[0]!.src, EXTERNAL, 'the first picture is the remote one');
      assert.equal(towelPage[0]!.srcset, undefined);
      const [remoteThumb, storedThumb] = towelPage.slice(1, 3);
      assert.equal(remoteThumb!.src, EXTERNAL);
      assert.equal(remoteThumb!.srcset, undefined);
      assert.deepEqual(srcsetWidths(storedThumb!.srcset!), [160, 480, 960, 1200]);
      assert.equal(storedThumb!.sizes, '96px');
      assert.ok(storedThumb!.srcset!.includes(`${storedThumb!.src} 160w`));
    });
  });
}
