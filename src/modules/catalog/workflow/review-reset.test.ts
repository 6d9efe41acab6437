import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
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
import { getProduct } from '../products.ts';
import { contentOf, fingerprint } from './product-content.ts';

/**
 * A product that is not live is changed in place by every path — the editor, translations, the
 * gallery — and what its reviewer approves covers all of it: a translation or an image changed while
 * it is in review or approved sends the review back to draft, and nothing goes live unreviewed.
 */

interface DiffField {
  field: string;
  kind: string;
  items?: { field?: string; label: string | null; change?: string; before?: unknown; after?: unknown }[];
}

async function multipart(bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

for (const target of testDatabaseTargets()) {
  describe(`review of a product that is not live, on ${target.label}`, () => {
    let database: Database;
    let dataDir: string;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let manager: Browser;
    let content: Browser;
    let png: Buffer;
    let storeId: string;
    const store = '/api/admin/stores/loom';
    const products = `${store}/products`;

    const create = async (payload: Record<string, unknown>) => {
      const res = await content.request({ method: 'POST', url: products, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product as {
        id: string;
        handle: string;
        images: { id: string; url: string }[];
        variants: { id: string }[];
      };
    };
    const workflow = async (id: string) =>
      (await manager.request({ method: 'GET', url: `${products}/${id}/workflow` })).json().workflow;
    const diffField = async (id: string, field: string) =>
      ((await workflow(id)).revision.diff.fields as DiffField[]).find((f) => f.field === field);
    const submit = async (id: string) => {
      const res = await content.request({
        method: 'POST',
        url: `${products}/${id}/submit-for-review`,
        payload: {},
      });
      assert.equal(res.statusCode, 200, res.body);
    };
    const approve = async (id: string) => {
      const res = await manager.request({
        method: 'POST',
        url: `${products}/${id}/approve`,
        payload: { fingerprint: (await workflow(id)).revision.fingerprint },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().workflow.state, 'approved');
    };
    const publish = (id: string) => manager.request({ method: 'POST', url: `${products}/${id}/publish` });
    const auditActions = async (id: string) => {
      const res = await manager.request({ method: 'GET', url: `${store}/audit?entityId=${id}&limit=100` });
      return (res.json().items as { action: string }[]).map((i) => i.action).reverse();
    };
    const heading = async (url: string) => {
      const page = await sp.app.inject({ url });
      assert.equal(page.statusCode, 200, url);
      return /<h1[^>]*>([^<]*)<\/h1>/.exec(page.body)?.[1];
    };

    before(async () => {
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-review-reset-'));
      const config = { ...loadConfig({ dataDir, logLevel: 'silent' }, {}), jobs: false };
      sp = await buildApp({ config, database, mediaStorage: new LocalDiskBlobStorage({ dataDir }) });
      const created = await createStore(database.db, systemActor('test'), {
        handle: 'loom',
        name: 'Loom',
        baseCurrency: 'EUR',
        locales: ['en', 'de'],
      });
      storeId = created.id;
      manager = await Browser.signIn(sp.app, (await makeMember(database, created.id, 'manager')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, created.id, 'content')).email);
      png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3d6b8c' } })
        .png()
        .toBuffer();
    });
    after(async () => {
      await sp.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('a translation edit to an approved product sends it back to draft; the reviewer sees the locale; approved again, it is published', async () => {
      const blanket = await create({
        title: 'Wool Blanket',
        price: { amount: 8900 },
        options: [{ name: 'Colour', values: ['Grey'] }],
        variants: [{ optionValues: ['Grey'], price: { amount: 8900 } }],
      });
      const put = (payload: Record<string, unknown>) =>
        content.request({ method: 'PUT', url: `${products}/${blanket.id}/translations/de`, payload });
      assert.equal((await put({ title: 'Wolldecke' })).statusCode, 200);
      await submit(blanket.id);
      // The reviewer reads the translation with the rest of the product.
      assert.deepEqual(await diffField(blanket.id, 'translations.de'), {
        field: 'translations.de',
        kind: 'translation',
        locale: 'de',
        items: [{ field: 'title', label: null, before: null, after: 'Wolldecke' }],
      });
      await approve(blanket.id);

      // The same text again changes nothing: the approval holds.
      const same = await put({ title: 'Wolldecke' });
      assert.equal(same.statusCode, 200, same.body);
      assert.equal(same.json().reviewReset, false);
      assert.equal(same.json().revision.state, 'approved');
      assert.equal((await workflow(blanket.id)).state, 'approved');

      const edited = await put({
        title: 'Decke aus Wolle',
        options: { Colour: { name: 'Farbe', values: { Grey: 'Grau' } } },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const answer = edited.json();
      assert.equal(answer.staged, false, 'a product that is not live is translated in place');
      assert.equal(answer.reviewReset, true, 'the answer says the review starts over');
      assert.equal(answer.revision.state, 'draft');
      assert.equal(answer.translation.fields.title.value, 'Decke aus Wolle');
      assert.equal((await workflow(blanket.id)).state, 'draft');

      const refused = await publish(blanket.id);
      assert.equal(refused.statusCode, 409);
      assert.equal(
        refused.json().error.code,
        'review_pending',
        'the user was told: it waits for review again',
      );

      await submit(blanket.id);
      assert.deepEqual((await diffField(blanket.id, 'translations.de'))!.items, [
        { field: 'title', label: null, before: null, after: 'Decke aus Wolle' },
        { field: 'optionName', label: 'Colour', before: null, after: 'Farbe' },
        { field: 'optionValue', label: 'Colour: Grey', before: null, after: 'Grau' },
      ]);
      await approve(blanket.id);
      const published = await publish(blanket.id);
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(await heading(`/s/loom/de/products/${blanket.handle}`), 'Decke aus Wolle');

      // The history keeps the translations that went live with the product.
      const history = (
        await manager.request({ method: 'GET', url: `${products}/${blanket.id}/revisions` })
      ).json().items as { state: string; diff: { fields: DiffField[] } }[];
      const kept = history[0]!.diff.fields.find((f) => f.field === 'translations.de');
      assert.equal(history[0]!.state, 'published');
      assert.equal(kept?.items?.[0]?.after, 'Decke aus Wolle');

      const actions = await auditActions(blanket.id);
      assert.deepEqual(
        actions.filter((a) => a.startsWith('product.') && a !== 'product.translated'),
        [
          'product.created',
          'product.submitted_for_review',
          'product.approved',
          'product.review_reset',
          'product.submitted_for_review',
          'product.approved',
          'product.published',
          'product.revision_published',
        ],
      );
    });

    test('image changes to an approved product send it back to draft; the reviewer sees them; approved again, it is published', async () => {
      const rug = await create({
        title: 'Flatweave Rug',
        price: { amount: 12900 },
        images: [{ url: 'https://cdn.example.com/rug.jpg', alt: 'A blue rug' }],
      });
      const [photo] = rug.images;
      await submit(rug.id);
      await approve(rug.id);

      // An upload: the answer says the review was reset, as the editor's PATCH does.
      const { payload, headers } = await multipart(png);
      const uploaded = await content.request({
        method: 'POST',
        url: `${products}/${rug.id}/images`,
        payload,
        headers,
      });
      assert.equal(uploaded.statusCode, 201, uploaded.body);
      assert.equal(uploaded.json().staged, false);
      assert.equal(uploaded.json().reviewReset, true);
      assert.equal(uploaded.json().revision.state, 'draft');
      const added = uploaded.json().image as { id: string; url: string };
      assert.equal((await workflow(rug.id)).state, 'draft');

      await submit(rug.id);
      const images = await diffField(rug.id, 'images');
      assert.deepEqual(
        images?.items?.map((i) => [i.label, i.change]),
        [
          ['https://cdn.example.com/rug.jpg', 'added'],
          [added.url, 'added'],
        ],
      );
      await approve(rug.id);

      // Alt text in another language is a translation: reviewed too.
      const described = await content.request({
        method: 'PATCH',
        url: `${products}/${rug.id}/images/${photo!.id}`,
        payload: { alt: 'Ein blauer Teppich', locale: 'de' },
      });
      assert.equal(described.statusCode, 200, described.body);
      assert.equal(described.json().reviewReset, true);
      await submit(rug.id);
      assert.deepEqual((await diffField(rug.id, 'translations.de'))!.items, [
        { field: 'alt', label: 'https://cdn.example.com/rug.jpg', before: null, after: 'Ein blauer Teppich' },
      ]);
      await approve(rug.id);

      // Reordering and removing are image changes like any other.
      const reordered = await content.request({
        method: 'PUT',
        url: `${products}/${rug.id}/images/order`,
        payload: { imageIds: [added.id, photo!.id] },
      });
      assert.equal(reordered.statusCode, 200, reordered.body);
      assert.equal(reordered.json().reviewReset, true);
      await submit(rug.id);
      await approve(rug.id);
      const removed = await content.request({
        method: 'DELETE',
        url: `${products}/${rug.id}/images/${photo!.id}`,
      });
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal(removed.json().reviewReset, true);
      assert.equal((await publish(rug.id)).json().error.code, 'review_pending');
      await submit(rug.id);
      assert.deepEqual(
        (await diffField(rug.id, 'images'))?.items?.map((i) => [i.label, i.change]),
        [[added.url, 'added']],
      );
      await approve(rug.id);
      const published = await publish(rug.id);
      assert.equal(published.statusCode, 200, published.body);
      assert.deepEqual(
        published.json().product.images.map((i: { url: string }) => i.url),
        [added.url],
      );

      const resets = (await auditActions(rug.id)).filter((a) => a === 'product.review_reset');
      assert.equal(resets.length, 4, 'upload, alt text, order and removal each reset the review');
    });

    test('a translation changed by any other path after approval is refused when publishing', async () => {
      const throw_ = await create({ title: 'Linen Throw', price: { amount: 6900 } });
      const put = await content.request({
        method: 'PUT',
        url: `${products}/${throw_.id}/translations/de`,
        payload: { title: 'Leinendecke' },
      });
      assert.equal(put.statusCode, 200, put.body);
      await submit(throw_.id);
      await approve(throw_.id);
      // As an import or a script would: straight into the table, past every service.
      await database.execute(
        "update catalog_translations set value = 'Ungeprüft' where entity_id = $1 and field = 'title'",
        [throw_.id],
      );
      const refused = await publish(throw_.id);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'changed_since_approval');
    });

    test('a product without translations keeps the fingerprint of its content alone (approvals given before still hold)', async () => {
      const mat = await create({ title: 'Jute Mat', price: { amount: 2900 } });
      await submit(mat.id);
      const detail = await getProduct(database.db, storeId, mat.id);
      assert.equal((await workflow(mat.id)).revision.fingerprint, fingerprint(contentOf(detail)));
    });
  });
}
