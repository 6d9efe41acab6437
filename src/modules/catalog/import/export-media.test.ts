// Uploaded images in product exports: written as absolute URLs of the installation's media, read
// back by the same store as the images it already has, downloaded like any image by another store.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { Browser, makeMember } from '../../../../test/support/app-harness.ts';
import { buildApp, type StorepilotApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, systemActor } from '../../access/index.ts';
import type { CatalogFormat } from '../interchange/index.ts';
import { readText } from '../interchange/testing/parse-results.ts';
import { updateProductImage, uploadProductImage } from '../media/product-images.ts';
import { downloadProductImages } from '../media/remote-image-downloads.ts';
import { createProduct } from '../products.ts';
import { exportProducts } from './export-products.ts';
import { importProducts } from './import-products.ts';

const writer = { actor: systemActor('export media test'), canPublish: true };
const PUBLIC_URL = 'https://shop.example.test';
const REMOTE = 'https://images.example.test/apron-back.jpg';
const formats: CatalogFormat[] = ['shopify', 'woocommerce', 'storepilot'];

interface ImageRow {
  id: string;
  product_id: string;
  position: number;
  source_url: string | null;
  media_key: string | null;
  alt: string | null;
}

for (const target of testDatabaseTargets()) {
  describe(`uploaded images in product exports on ${target.label}`, () => {
    let database: Database;
    let dataDir: string;
    let storage: LocalDiskBlobStorage;
    let sp: StorepilotApp;
    let store: { id: string; handle: string; baseCurrency: string };
    let productId: string;
    let uploadedKey: string;

    const count = async (sql: string, params: unknown[]) => {
      const [row] = await database.execute<{ n: string | number }>(sql, params);
      return Number(row!.n);
    };
    const imagesOf = (storeId: string) =>
      database.execute<ImageRow>(
        `select i.id, i.product_id, i.position, i.source_url, i.media_key, i.alt from product_images i
         where i.store_id = $1 order by i.product_id, i.position`,
        [storeId],
      );
    const variantImages = (storeId: string) =>
      database.execute<{ sku: string; image_id: string | null }>(
        'select sku, image_id from product_variants where store_id = $1 order by sku',
        [storeId],
      );
    const importText = (into: { id: string; baseCurrency: string }, text: string, format: CatalogFormat) =>
      importProducts(database.db, writer, into, Readable.from([Buffer.from(text)]), {
        format,
        dryRun: false,
      });
    const storedKeys = async () => {
      const keys: string[] = [];
      for await (const blob of storage.list()) keys.push(blob.key);
      return keys.sort();
    };

    before(async () => {
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-export-media-'));
      storage = new LocalDiskBlobStorage({ dataDir });
      const config = {
        ...loadConfig({ dataDir, logLevel: 'silent' }, {}),
        jobs: false,
        publicUrl: PUBLIC_URL,
      };
      sp = await buildApp({ config, database, mediaStorage: storage });
      store = await createStore(database.db, systemActor('test'), {
        handle: 'exporter',
        name: 'Exporter',
        baseCurrency: 'EUR',
      });
      const product = await createProduct(database.db, writer, store, {
        title: 'Linen Apron',
        handle: 'linen-apron',
        status: 'active',
        options: [{ name: 'Colour', values: ['Sand', 'Rust'] }],
        variants: [
          { sku: 'APRON-SAND', optionValues: ['Sand'], price: { amount: 3900 } },
          { sku: 'APRON-RUST', optionValues: ['Rust'], price: { amount: 3900 } },
        ],
        images: [{ url: REMOTE, alt: 'The back' }],
      });
      productId = product.product.id;
      const gallery = { id: store.id, locale: 'en', locales: ['en'] };
      const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#a0522d' } })
        .png()
        .toBuffer();
      const { image } = await uploadProductImage(database.db, storage, writer, gallery, productId, {
        bytes: png,
        alt: 'Rust apron, front',
      });
      uploadedKey = image.mediaKey!;
      const rust = product.variants.find((v) => v.sku === 'APRON-RUST')!;
      await updateProductImage(database.db, writer, gallery, productId, image.id, { variantIds: [rust.id] });
    });
    after(async () => {
      await sp?.close();
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    for (const format of formats) {
      test(`a ${format} export names the uploaded image by its absolute media URL`, async () => {
        const text = await readText(
          exportProducts(database.db, store, format, { publicBaseUrl: PUBLIC_URL }),
        );
        assert.ok(text.includes(`${PUBLIC_URL}/media/${uploadedKey}`), text);
        assert.ok(text.includes(REMOTE), 'an image recorded by URL keeps its own URL');
        assert.ok(!/(^|[,;"\s|])\/media\//m.test(text), 'no path that only this server understands');
      });
    }

    test('the admin export writes media URLs under the configured public URL', async () => {
      const owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      const res = await owner.request({
        method: 'GET',
        url: '/api/admin/stores/exporter/products/export?format=shopify',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.body.includes(`${PUBLIC_URL}/media/${uploadedKey}`));
    });

    for (const format of formats) {
      test(`re-importing a ${format} export into the same store changes nothing`, async () => {
        const before = {
          images: await imagesOf(store.id),
          variants: await variantImages(store.id),
          audit: await count('select count(*) as n from audit_log where store_id = $1', [store.id]),
          events: await count('select count(*) as n from outbox_events where store_id = $1', [store.id]),
          jobs: await count('select count(*) as n from jobs', []),
          files: await storedKeys(),
        };
        assert.equal(before.images.length, 2);
        const text = await readText(
          exportProducts(database.db, store, format, { publicBaseUrl: PUBLIC_URL }),
        );
        const report = await importText(store, text, format);
        assert.deepEqual(
          report.issues.filter((i) => i.severity === 'error'),
          [],
        );
        assert.deepEqual([report.products, report.unchanged], [1, 1], JSON.stringify(report));
        assert.deepEqual(await imagesOf(store.id), before.images);
        assert.deepEqual(await variantImages(store.id), before.variants);
        assert.equal(
          await count('select count(*) as n from audit_log where store_id = $1', [store.id]),
          before.audit,
        );
        assert.equal(
          await count('select count(*) as n from outbox_events where store_id = $1', [store.id]),
          before.events,
        );
        assert.equal(await count('select count(*) as n from jobs', []), before.jobs, 'no download queued');
        assert.deepEqual(await storedKeys(), before.files);
      });
    }

    test('an edited export updates the product and keeps the uploaded image, its id and its variant', async () => {
      const before = await imagesOf(store.id);
      const rustImage = (await variantImages(store.id)).find((v) => v.sku === 'APRON-RUST')!.image_id;
      const text = await readText(
        exportProducts(database.db, store, 'shopify', { publicBaseUrl: PUBLIC_URL }),
      );
      const edited = text.replace('Linen Apron', 'Linen Apron (organic)');
      assert.notEqual(edited, text);
      const report = await importText(store, edited, 'shopify');
      assert.deepEqual([report.updated, report.failed], [1, 0], JSON.stringify(report.issues));
      assert.deepEqual(await imagesOf(store.id), before);
      const variants = await variantImages(store.id);
      assert.equal(variants.find((v) => v.sku === 'APRON-RUST')!.image_id, rustImage);
    });

    test('another store downloads the exported media URL like any remote image, into the same file', async () => {
      // The exporting installation, reachable over HTTP (its media route serves the upload).
      await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(sp.app.server.address() as AddressInfo).port}`;
      const other = await createStore(database.db, systemActor('test'), {
        handle: 'importer',
        name: 'Importer',
        baseCurrency: 'EUR',
      });
      const text = await readText(exportProducts(database.db, store, 'storepilot', { publicBaseUrl: base }));
      const report = await importText(other, text, 'storepilot');
      assert.equal(report.created, 1, JSON.stringify(report.issues));
      const recorded = await imagesOf(other.id);
      assert.deepEqual(
        recorded.map((i) => [i.source_url, i.media_key]),
        [
          [REMOTE, null],
          [`${base}/media/${uploadedKey}`, null],
        ],
        'in the same order, recorded by URL, waiting for the download',
      );
      const filesBefore = await storedKeys();
      const outcomes = await downloadProductImages(
        database.db,
        { storeId: other.id, productId: recorded[0]!.product_id },
        { storage, fetch: { allowPrivateAddresses: true, timeoutMs: 5_000 } },
      );
      const mediaImage = outcomes.find((o) => o.imageId === recorded[1]!.id)!;
      assert.equal(mediaImage.ok, true, mediaImage.reason);
      const downloaded = (await imagesOf(other.id))[1];
      assert.equal(downloaded!.media_key, uploadedKey, 'the same content, so the same stored file');
      assert.deepEqual(await storedKeys(), filesBefore, 'nothing new stored');
      // The rust variant shows the downloaded image, as in the exporting store.
      const rust = (await variantImages(other.id)).find((v) => v.sku === 'APRON-RUST')!;
      assert.equal(rust.image_id, downloaded!.id);
    });
  });
}
