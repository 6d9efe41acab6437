import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { Browser, makeMember } from '../../../../test/support/app-harness.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, systemActor } from '../../access/index.ts';
import { MAX_UPLOAD_BYTES } from './product-images.ts';
import { downloadProductImages } from './remote-image-downloads.ts';

interface Upload {
  field?: string;
  bytes: Buffer;
  filename?: string;
  type?: string;
  alt?: string;
}

/** A multipart body as a browser's FormData sends it (serialized by the platform, not by hand). */
async function multipart(upload: Upload) {
  const form = new FormData();
  if (upload.alt !== undefined) form.append('alt', upload.alt);
  form.append(
    upload.field ?? 'file',
    new Blob([new Uint8Array(upload.bytes)], { type: upload.type ?? 'image/png' }),
    upload.filename ?? 'photo.png',
  );
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

const picture = (width: number, height: number, background = '#b86b2d') =>
  sharp({ create: { width, height, channels: 3, background } });

interface ImageView {
  id: string;
  position: number;
  url: string;
  mediaKey: string | null;
  width: number;
  height: number;
  alt: string | null;
  altByLocale: Record<string, string>;
  format: string | null;
  sizes: { width: number; height: number; url: string }[];
  srcset: string | null;
  variantIds: string[];
  download: { status: string; errorCode: string | null; attempts: number } | null;
}

for (const target of testDatabaseTargets()) {
  describe(`product images on ${target.label}`, () => {
    let database: Database;
    let dataDir: string;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let owner: Browser;
    let content: Browser;
    let viewer: Browser;
    let storeId: string;
    let png: Buffer;
    const base = '/api/admin/stores/gallery';

    async function newProduct(payload: Record<string, unknown> = {}) {
      const res = await owner.request({
        method: 'POST',
        url: `${base}/products`,
        payload: { title: 'Linen Apron', price: { amount: 3900 }, ...payload },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product as {
        id: string;
        handle: string;
        variants: { id: string }[];
        updatedAt: string;
      };
    }

    async function upload(as: Browser, productId: string, body: Upload) {
      const { payload, headers } = await multipart(body);
      return as.request({ method: 'POST', url: `${base}/products/${productId}/images`, payload, headers });
    }

    async function countRows(table: string) {
      const [row] = await database.execute<{ n: string | number }>(`select count(*) as n from ${table}`);
      return Number(row?.n);
    }

    before(async () => {
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-gallery-'));
      const config = { ...loadConfig({ dataDir, logLevel: 'silent' }, {}), jobs: false };
      sp = await buildApp({ config, database, mediaStorage: new LocalDiskBlobStorage({ dataDir }) });
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'gallery',
        name: 'Gallery',
        baseCurrency: 'EUR',
        locales: ['en', 'de'],
      });
      storeId = store.id;
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      png = await picture(1200, 800).png().toBuffer();
    });
    after(async () => {
      await sp.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('an upload is stored by content hash in generated sizes, served with long cache headers, and audited', async () => {
      const product = await newProduct();
      const res = await upload(owner, product.id, { bytes: png, alt: 'Apron in sand' });
      assert.equal(res.statusCode, 201, res.body);
      const image = res.json().image as ImageView;
      assert.match(image.url, /^\/media\/[0-9a-f]{64}\.png$/);
      assert.equal(image.url, `/media/${image.mediaKey}`);
      assert.deepEqual(
        [image.width, image.height, image.format, image.alt],
        [1200, 800, 'png', 'Apron in sand'],
      );
      assert.deepEqual(
        image.sizes.map((s) => [s.width, s.height]),
        [
          [160, 107],
          [480, 320],
          [960, 640],
          [1200, 800],
        ],
      );
      assert.ok(image.srcset?.includes(`${image.sizes[0]!.url} 160w`));

      const file = await sp.app.inject({ method: 'GET', url: image.url });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/png');
      assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(file.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(file.rawPayload, png, 'a PNG without metadata is published as uploaded');
      const again = await sp.app.inject({
        method: 'GET',
        url: image.url,
        headers: { 'if-none-match': file.headers.etag as string },
      });
      assert.equal(again.statusCode, 304);
      const sized = await sp.app.inject({ method: 'GET', url: image.sizes[1]!.url });
      assert.equal(sized.headers['content-type'], 'image/webp');
      assert.equal((await sharp(sized.rawPayload).metadata()).width, 480);

      const after = (await owner.request({ method: 'GET', url: `${base}/products/${product.id}` })).json()
        .product;
      assert.equal(after.imageUrl, image.url, 'listings show the first image');
      assert.ok(
        new Date(after.updatedAt) > new Date(product.updatedAt),
        'the change time moves (sitemap lastmod)',
      );
      const audit = (
        await owner.request({ method: 'GET', url: `${base}/audit?entityId=${product.id}` })
      ).json();
      assert.equal(audit.items[0].action, 'product.image_added');
      assert.equal(audit.items[0].after.images[0].alt, 'Apron in sand');

      // Live, the product page shows the stored image.
      const published = await owner.request({
        method: 'POST',
        url: `${base}/products/${product.id}/publish`,
      });
      assert.equal(published.statusCode, 200, published.body);
      const page = await sp.app.inject({ method: 'GET', url: `/s/gallery/products/${product.handle}` });
      assert.equal(page.statusCode, 200);
      // …in its generated sizes, the browser picking the one for the screen.
      assert.ok(page.body.includes('srcset="'), 'the storefront offers the generated sizes');
      assert.ok(
        image.sizes.every((size: { url: string }) => page.body.includes(size.url)),
        'the storefront shows the uploaded image in every size',
      );

      // The same bytes uploaded again are the same stored file.
      const twin = await upload(owner, product.id, { bytes: png });
      assert.equal(twin.json().image.mediaKey, image.mediaKey);
      assert.equal(twin.json().images.length, 2);
    });

    test('a photo is published upright and without its EXIF data', async () => {
      const product = await newProduct();
      const photo = await picture(300, 200)
        .jpeg()
        .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Someone', Artist: 'A Person' } } })
        .toBuffer();
      const res = await upload(owner, product.id, {
        bytes: photo,
        filename: 'IMG_0001.JPG',
        type: 'image/jpeg',
      });
      assert.equal(res.statusCode, 201, res.body);
      const image = res.json().image as ImageView;
      assert.deepEqual([image.width, image.height, image.format], [200, 300, 'jpeg']);
      const served = await sp.app.inject({ method: 'GET', url: image.url });
      const metadata = await sharp(served.rawPayload).metadata();
      assert.equal(metadata.exif, undefined);
      assert.equal(metadata.width, 200);
    });

    test('anything that is not an image, a broken one, or one too big is refused and nothing is written', async () => {
      const product = await newProduct();
      const before = await countRows('product_images');
      const cases: [string, Upload, number, string][] = [
        [
          'a text file',
          { bytes: Buffer.from('hello, not a picture'), type: 'image/png' },
          422,
          'unsupported_image',
        ],
        [
          'an SVG',
          {
            bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            type: 'image/svg+xml',
          },
          422,
          'unsupported_image',
        ],
        ['a truncated PNG', { bytes: png.subarray(0, Math.floor(png.length / 2)) }, 422, 'corrupt_image'],
        ['an empty file', { bytes: Buffer.alloc(0) }, 400, 'file_required'],
        ['the wrong field', { bytes: png, field: 'picture' }, 400, 'file_required'],
        ['a file over the limit', { bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 1) }, 413, 'file_too_large'],
        ['alt text over 512 characters', { bytes: png, alt: 'x'.repeat(513) }, 400, 'validation_failed'],
      ];
      for (const [label, body, status, code] of cases) {
        const res = await upload(owner, product.id, body);
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      const json = await owner.request({
        method: 'POST',
        url: `${base}/products/${product.id}/images`,
        payload: { file: 'x' },
      });
      assert.equal(json.statusCode, 415);
      assert.equal(json.json().error.code, 'multipart_required');
      for (const garbage of [
        'not multipart at all',
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
      ]) {
        const res = await owner.request({
          method: 'POST',
          url: `${base}/products/${product.id}/images`,
          payload: garbage,
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
        });
        assert.ok([400, 422].includes(res.statusCode), `malformed multipart: ${res.statusCode} ${res.body}`);
        assert.equal(typeof res.json().error.code, 'string');
      }
      const missing = await upload(owner, 'prod_01jzzzzzzzzzzzzzzzzzzzzzzz', { bytes: png });
      assert.equal(missing.statusCode, 404);
      assert.equal(await countRows('product_images'), before);
      assert.equal(
        await countRows('product_image_files'),
        await countRows('product_images'),
        'no stray file rows',
      );
    });

    test('who may change images: writers on drafts, publishers on live products (writers stage), readers only look', async () => {
      const draft = await newProduct();
      const live = await newProduct({ status: 'active', handle: 'live-apron' });
      const byViewer = await upload(viewer, draft.id, { bytes: png });
      assert.equal(byViewer.statusCode, 403);
      assert.equal(byViewer.json().error.code, 'permission_denied');
      assert.equal((await upload(content, draft.id, { bytes: png })).statusCode, 201);
      const images = await countRows('product_images');
      const liveByContent = await upload(content, live.id, { bytes: png });
      assert.equal(liveByContent.statusCode, 202, liveByContent.body);
      assert.equal(liveByContent.json().staged, true, 'a live product’s new image waits for review');
      assert.equal(await countRows('product_images'), images);
      assert.equal((await upload(owner, live.id, { bytes: png })).statusCode, 201);
      const list = await viewer.request({ method: 'GET', url: `${base}/products/${draft.id}/images` });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().images.length, 1);
    });

    test('alt text per locale: the default on the image, others as translations; unserved locales refused', async () => {
      const product = await newProduct();
      const image = (await upload(owner, product.id, { bytes: png })).json().image as ImageView;
      const url = `${base}/products/${product.id}/images/${image.id}`;
      const english = await owner.request({
        method: 'PATCH',
        url,
        payload: { alt: 'Sand-coloured linen apron' },
      });
      assert.equal(english.statusCode, 200, english.body);
      const german = await owner.request({
        method: 'PATCH',
        url,
        payload: { alt: 'Leinenschürze in Sand', locale: 'de' },
      });
      assert.equal(german.statusCode, 200, german.body);
      const after = german.json().image as ImageView;
      assert.equal(after.alt, 'Sand-coloured linen apron');
      assert.deepEqual(after.altByLocale, { en: 'Sand-coloured linen apron', de: 'Leinenschürze in Sand' });
      const rows = await database.execute<{ value: string; product_id: string }>(
        "select value, product_id from catalog_translations where entity_id = $1 and locale = 'de' and field = 'alt'",
        [image.id],
      );
      assert.deepEqual(rows, [{ value: 'Leinenschürze in Sand', product_id: product.id }]);
      // The translations API sees the same text.
      const translation = await owner.request({
        method: 'GET',
        url: `${base}/products/${product.id}/translations/de`,
      });
      assert.equal(translation.json().translation.images[0].alt.value, 'Leinenschürze in Sand');

      const french = await owner.request({ method: 'PATCH', url, payload: { alt: 'Tablier', locale: 'fr' } });
      assert.equal(french.statusCode, 422);
      assert.equal(french.json().error.code, 'locale_not_enabled', 'the translations API’s code');
      assert.deepEqual(french.json().error.details, { locale: 'fr', enabled: ['en', 'de'] });
      const malformed = await owner.request({
        method: 'PATCH',
        url,
        payload: { alt: 'x', locale: 'not a locale!' },
      });
      assert.equal(malformed.statusCode, 400);
      const cleared = await owner.request({ method: 'PATCH', url, payload: { alt: null, locale: 'de' } });
      assert.deepEqual(cleared.json().image.altByLocale, { en: 'Sand-coloured linen apron' });
      const otherProduct = await newProduct();
      const wrongProduct = await owner.request({
        method: 'PATCH',
        url: `${base}/products/${otherProduct.id}/images/${image.id}`,
        payload: { alt: 'x' },
      });
      assert.equal(wrongProduct.statusCode, 404);
    });

    test('reorder, assign to variants, delete', async () => {
      const product = await newProduct({
        options: [{ name: 'Colour', values: ['Sand', 'Rust'] }],
        variants: [
          { optionValues: ['Sand'], price: { amount: 3900 } },
          { optionValues: ['Rust'], price: { amount: 3900 } },
        ],
        price: undefined,
      });
      const colours = ['#d8c3a5', '#b7410e', '#556b2f'];
      const images: ImageView[] = [];
      for (const colour of colours) {
        const bytes = await picture(400, 400, colour).png().toBuffer();
        images.push((await upload(owner, product.id, { bytes })).json().image);
      }
      const order = `${base}/products/${product.id}/images/order`;
      const reversed = [...images].reverse().map((i) => i.id);
      const res = await owner.request({ method: 'PUT', url: order, payload: { imageIds: reversed } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res.json().images.map((i: ImageView) => [i.id, i.position]),
        reversed.map((id, index) => [id, index + 1]),
      );
      const listed = (await owner.request({ method: 'GET', url: `${base}/products/${product.id}` })).json()
        .product;
      assert.equal(listed.imageUrl, images[2]!.url);
      for (const wrong of [
        reversed.slice(1),
        [...reversed, reversed[0]],
        [reversed[0], reversed[0], reversed[1]],
      ]) {
        const bad = await owner.request({ method: 'PUT', url: order, payload: { imageIds: wrong } });
        assert.equal(bad.statusCode, 422);
        assert.equal(bad.json().error.code, 'image_order_mismatch');
      }

      const [sand, rust] = product.variants;
      const rustImage = `${base}/products/${product.id}/images/${images[1]!.id}`;
      const assigned = await owner.request({
        method: 'PATCH',
        url: rustImage,
        payload: { variantIds: [rust!.id] },
      });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.deepEqual(assigned.json().image.variantIds, [rust!.id]);
      const view = (await owner.request({ method: 'GET', url: `${base}/products/${product.id}` })).json()
        .product;
      assert.equal(view.variants.find((v: { id: string }) => v.id === rust!.id).imageId, images[1]!.id);
      assert.equal(view.variants.find((v: { id: string }) => v.id === sand!.id).imageId, null);
      const foreign = await owner.request({
        method: 'PATCH',
        url: rustImage,
        payload: { variantIds: ['var_01jzzzzzzzzzzzzzzzzzzzzzzz'] },
      });
      assert.equal(foreign.statusCode, 422);
      assert.equal(foreign.json().error.code, 'unknown_variant');

      // A product edit through the product API keeps uploaded images and their variant links.
      const edited = await owner.request({
        method: 'PATCH',
        url: `${base}/products/${product.id}`,
        payload: { title: 'Linen Apron, washed' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().product.images.length, 3);

      const removed = await owner.request({ method: 'DELETE', url: rustImage });
      assert.equal(removed.statusCode, 200, removed.body);
      assert.deepEqual(
        removed.json().images.map((i: ImageView) => i.position),
        [1, 2],
      );
      const afterDelete = (
        await owner.request({ method: 'GET', url: `${base}/products/${product.id}` })
      ).json().product;
      assert.equal(afterDelete.variants.find((v: { id: string }) => v.id === rust!.id).imageId, null);
      const gone = await owner.request({ method: 'DELETE', url: rustImage });
      assert.equal(gone.statusCode, 404);
    });

    test('a content editor’s gallery changes to a live product are staged; the reviewer sees them; publishing applies them', async () => {
      const product = await newProduct({
        status: 'active',
        handle: 'staged-apron',
        options: [{ name: 'Colour', values: ['Sand', 'Rust'] }],
        variants: [
          { optionValues: ['Sand'], price: { amount: 3900 } },
          { optionValues: ['Rust'], price: { amount: 3900 } },
        ],
        price: undefined,
      });
      const [sand, rust] = product.variants;
      const front = (
        await upload(owner, product.id, {
          bytes: await picture(600, 600, '#d8c3a5').png().toBuffer(),
          alt: 'Front',
        })
      ).json().image as ImageView;
      const side = (
        await upload(owner, product.id, {
          bytes: await picture(600, 600, '#556b2f').png().toBuffer(),
          alt: 'Side',
        })
      ).json().image as ImageView;
      const images = `${base}/products/${product.id}/images`;
      const page = async () => {
        const res = await sp.app.inject({ url: `/s/gallery/products/${product.handle}` });
        assert.equal(res.statusCode, 200);
        return res.body;
      };
      const liveRows = await countRows('product_images');
      const events = await countRows('outbox_events');

      // Upload: the file is stored (and served), the image waits in the revision.
      const added = await upload(content, product.id, {
        bytes: await picture(800, 600, '#b7410e').png().toBuffer(),
        alt: 'Back',
      });
      assert.equal(added.statusCode, 202, added.body);
      const back = added.json().image as ImageView;
      assert.match(back.id, /^staged_/);
      assert.match(back.url, /^\/media\/[0-9a-f]{64}\.png$/);
      assert.deepEqual([back.width, back.height, back.alt, back.position], [800, 600, 'Back', 3]);
      assert.ok(back.srcset, 'the staged image has its sizes');
      assert.equal((await sp.app.inject({ url: back.url })).statusCode, 200, 'the blob is stored');
      const revisionId = added.json().revision.id;

      // Alt text (default locale and another), variants, order, removal: each staged in the same revision.
      const staged = async (method: 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => {
        const res = await content.request({ method, url, ...(payload ? { payload } : {}) });
        assert.equal(res.statusCode, 202, res.body);
        assert.equal(res.json().revision.id, revisionId);
        return res.json().images as ImageView[];
      };
      await staged('PATCH', `${images}/${front.id}`, { alt: 'Front, sand linen' });
      await staged('PATCH', `${images}/${front.id}`, { alt: 'Vorderseite', locale: 'de' });
      await staged('PATCH', `${images}/${back.id}`, { variantIds: [rust!.id] });
      await staged('PUT', `${images}/order`, { imageIds: [back.id, front.id, side.id] });
      const proposed = await staged('DELETE', `${images}/${side.id}`);
      assert.deepEqual(
        proposed.map((i) => [i.id, i.alt, i.variantIds]),
        [
          [back.id, 'Back', [rust!.id]],
          [front.id, 'Front, sand linen', []],
        ],
      );
      assert.deepEqual(proposed[1]!.altByLocale, { en: 'Front, sand linen', de: 'Vorderseite' });
      const untranslatable = await content.request({
        method: 'PATCH',
        url: `${images}/${back.id}`,
        payload: { alt: 'Rückseite', locale: 'de' },
      });
      assert.equal(untranslatable.statusCode, 409);
      assert.equal(untranslatable.json().error.code, 'image_not_published');

      // Nothing live changed: rows, storefront, events.
      assert.equal(await countRows('product_images'), liveRows);
      assert.equal(await countRows('outbox_events'), events);
      const gallery = (await content.request({ method: 'GET', url: images })).json();
      assert.deepEqual(
        gallery.images.map((i: ImageView) => [i.id, i.alt]),
        [
          [front.id, 'Front'],
          [side.id, 'Side'],
        ],
      );
      assert.deepEqual(
        gallery.staged.images.map((i: ImageView) => i.id),
        [back.id, front.id],
      );
      const before = await page();
      assert.ok(before.includes(front.mediaKey!.slice(0, 64)), 'the storefront shows the live gallery');
      assert.ok(!before.includes(back.url.slice(7, 71)), 'and not the staged image');

      // The reviewer's diff.
      const workflow = async () =>
        (await owner.request({ method: 'GET', url: `${base}/products/${product.id}/workflow` })).json()
          .workflow;
      const diff = (await workflow()).revision.diff;
      const field = (name: string) => diff.fields.find((f: { field: string }) => f.field === name);
      assert.deepEqual(
        field('images').items.map((i: { label: string; change: string }) => [i.label, i.change]),
        [
          [back.url, 'added'],
          [front.url, 'changed'],
          [side.url, 'removed'],
        ],
      );
      assert.deepEqual(field('variants').items, [
        { label: 'Rust', change: 'changed', fields: [{ field: 'image', before: null, after: back.url }] },
      ]);
      assert.deepEqual(field('translations.de').items, [
        { field: 'alt', label: front.url, before: null, after: 'Vorderseite' },
      ]);

      // Approved and published: the staged gallery goes live, the upload attached to its file.
      const submitted = await content.request({
        method: 'POST',
        url: `${base}/products/${product.id}/submit-for-review`,
        payload: {},
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const approved = await owner.request({
        method: 'POST',
        url: `${base}/products/${product.id}/approve`,
        payload: { fingerprint: (await workflow()).revision.fingerprint },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const published = await owner.request({
        method: 'POST',
        url: `${base}/products/${product.id}/publish`,
      });
      assert.equal(published.statusCode, 200, published.body);
      const after = (await owner.request({ method: 'GET', url: images })).json();
      assert.equal(after.staged, null);
      const [first, second] = after.images as ImageView[];
      assert.equal(after.images.length, 2);
      assert.deepEqual(
        [first!.mediaKey, first!.url, first!.width, first!.format, first!.alt, first!.variantIds],
        [back.mediaKey, back.url, 800, 'png', 'Back', [rust!.id]],
      );
      assert.deepEqual(
        first!.sizes.map((s) => s.url),
        back.sizes.map((s) => s.url),
        'the sizes made at upload are the live image’s',
      );
      assert.deepEqual(
        [second!.id, second!.alt, second!.altByLocale.de],
        [front.id, 'Front, sand linen', 'Vorderseite'],
      );
      const variants = (await owner.request({ method: 'GET', url: `${base}/products/${product.id}` })).json()
        .product.variants;
      assert.equal(variants.find((v: { id: string }) => v.id === rust!.id).imageId, first!.id);
      assert.equal(variants.find((v: { id: string }) => v.id === sand!.id).imageId, null);
      const live = await page();
      assert.ok(live.includes(back.url.slice(7, 71)), 'the storefront shows the published image');
      const audit = (
        await owner.request({ method: 'GET', url: `${base}/audit?entityId=${product.id}&limit=100` })
      ).json().items as { action: string }[];
      assert.deepEqual(
        audit
          .map((i) => i.action)
          .reverse()
          .filter((a) => !['product.created', 'product.image_added'].includes(a)),
        [
          'product.revision_staged',
          'product.revision_updated',
          'product.revision_updated',
          'product.revision_updated',
          'product.revision_updated',
          'product.revision_updated',
          'product.submitted_for_review',
          'product.approved',
          'product.published',
          'product.translated',
          'product.revision_published',
        ],
      );
    });

    test('/media serves only well-formed keys of stored images: no traversal, no other file types', async () => {
      const csv = await sp.mediaStorage.put(Buffer.from('a,b\n1,2\n'), { contentType: 'text/csv' });
      for (const url of [
        `/media/${csv.key}`,
        `/media/${'0'.repeat(64)}.png`,
        '/media/..%2F..%2F..%2Fetc%2Fpasswd',
        '/media/%2e%2e%2fstorepilot.runtime.json',
        `/media/${'A'.repeat(64)}.png`,
        '/media/',
      ]) {
        const res = await sp.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
        assert.notEqual(
          res.headers['cache-control'],
          'public, max-age=31536000, immutable',
          `${url}: a 404 is not cached`,
        );
      }
    });

    describe('images recorded by URL', () => {
      let server: Server;
      let origin: string;

      before(async () => {
        server = createServer((request, response) => {
          if (request.url === '/apron.png') {
            response.writeHead(200, { 'content-type': 'image/png' });
            response.end(png);
          } else if (request.url === '/page.html') {
            response.writeHead(200, { 'content-type': 'text/html' });
            response.end('<html></html>');
          } else {
            response.writeHead(404);
            response.end();
          }
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      });
      after(() => new Promise<void>((resolve) => server.close(() => resolve())));

      test('a product change queues the download job; the SSRF guard refuses a private address, recorded, never fatal', async () => {
        const product = await newProduct({ images: [{ url: `${origin}/apron.png`, alt: 'Apron' }] });
        await sp.dispatcher.dispatchOnce();
        const jobs = await database.execute<{ name: string; payload: { productId: string } }>(
          "select name, payload from jobs where name = 'catalog.media.download-images'",
        );
        assert.ok(
          jobs.some((job) => job.payload.productId === product.id),
          'the job is queued',
        );
        assert.ok((await sp.jobs.runDueJobsOnce()) >= 1);
        const [job] = await database.execute<{ status: string }>(
          "select status from jobs where name = 'catalog.media.download-images' and payload->>'productId' = $1",
          [product.id],
        );
        assert.equal(job?.status, 'completed', 'a failed download does not fail the job');
        const [image] = (
          await owner.request({ method: 'GET', url: `${base}/products/${product.id}/images` })
        ).json().images as ImageView[];
        assert.equal(image!.mediaKey, null);
        assert.equal(image!.url, `${origin}/apron.png`, 'the image keeps showing from its URL');
        assert.deepEqual(
          { status: image!.download?.status, code: image!.download?.errorCode },
          { status: 'failed', code: 'private_address' },
        );
        // A failure is final for that URL: the next change does not queue it again.
        await owner.request({
          method: 'PATCH',
          url: `${base}/products/${product.id}`,
          payload: { title: 'Renamed' },
        });
        await sp.dispatcher.dispatchOnce();
        assert.equal(await sp.jobs.runDueJobsOnce(), 0);
      });

      test('downloads store the image in every size and point listings at the stored copy; failures are recorded', async () => {
        const product = await newProduct({
          images: [
            { url: `${origin}/apron.png`, alt: 'Apron' },
            { url: `${origin}/missing.png`, alt: null },
            { url: `${origin}/page.html`, alt: null },
          ],
        });
        const outcomes = await downloadProductImages(
          database.db,
          { storeId, productId: product.id },
          { storage: sp.mediaStorage, fetch: { allowPrivateAddresses: true } },
        );
        assert.deepEqual(
          outcomes.map((o) => o.reason ?? 'ok'),
          ['ok', 'http_status', 'not_an_image'],
        );
        const images = (
          await owner.request({ method: 'GET', url: `${base}/products/${product.id}/images` })
        ).json().images as ImageView[];
        assert.match(images[0]!.url, /^\/media\/[0-9a-f]{64}\.png$/);
        assert.equal(images[0]!.sizes.length, 4);
        assert.equal(images[0]!.download?.status, 'stored');
        assert.equal(images[1]!.download?.errorCode, 'http_status');
        assert.equal(images[2]!.download?.errorCode, 'not_an_image');
        const listed = (await owner.request({ method: 'GET', url: `${base}/products/${product.id}` })).json()
          .product;
        assert.equal(listed.imageUrl, images[0]!.url);
        // Nothing is left to fetch, and a re-import by URL keeps the stored copy.
        assert.deepEqual(
          await downloadProductImages(
            database.db,
            { storeId, productId: product.id },
            { storage: sp.mediaStorage },
          ),
          [],
        );
        const reimported = await owner.request({
          method: 'PATCH',
          url: `${base}/products/${product.id}`,
          payload: { images: [{ url: `${origin}/apron.png`, alt: 'Apron' }] },
        });
        assert.equal(reimported.json().product.images[0].url, images[0]!.url);
      });
    });
  });
}
