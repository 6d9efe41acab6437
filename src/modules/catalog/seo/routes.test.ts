import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';

const longDescription = (topic: string) =>
  `<p>${topic} ${'made from washed European linen that softens with every wash and keeps its shape for years '.repeat(5)}</p>`;

interface AuditItem {
  code: string;
  severity: string;
  impact: number;
  productId: string;
  message: string;
  fix: string;
  editorPath: string;
  product: { id: string; title: string; status: string };
}

for (const target of testDatabaseTargets()) {
  describe(`SEO audit API on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    const base = '/api/admin/stores/seo-shop';
    const ids: Record<string, string> = {};

    async function create(key: string, payload: Record<string, unknown>) {
      const res = await owner.request({ method: 'POST', url: `${base}/products`, payload });
      assert.equal(res.statusCode, 201, res.body);
      ids[key] = res.json().product.id;
    }

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'seo-shop');
      await makeStore(database, 'elsewhere');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      const polished = {
        seoTitle: 'Stonewashed linen apron with pockets | Seo Shop',
        seoDescription:
          'A stonewashed linen apron with two deep pockets and an adjustable neck strap, made to last for years.',
        images: [{ url: 'https://images.example/apron.jpg', alt: 'Linen apron in sand' }],
        status: 'active',
        price: { amount: 3900 },
      };
      await create('clean', {
        ...polished,
        title: 'Stonewashed Linen Apron',
        description: longDescription('An apron'),
      });
      // Two live products with the same title (case and spacing differ) and a draft with it too.
      await create('twinA', {
        ...polished,
        seoTitle: null,
        title: 'Linen Napkin Set',
        description: longDescription('Napkins'),
      });
      await create('twinB', {
        ...polished,
        seoTitle: null,
        title: 'linen  napkin set',
        handle: 'napkins-b',
        description: longDescription('Napkins <a href="/s/seo-shop/products/no-such-thing">see also</a>'),
      });
      await create('twinDraft', {
        title: 'Linen Napkin Set',
        handle: 'napkins-draft',
        price: { amount: 100 },
      });
      await create('archived', { title: 'Linen Napkin Set', handle: 'napkins-old', price: { amount: 100 } });
      const archived = await owner.request({
        method: 'PATCH',
        url: `${base}/products/${ids.archived}`,
        payload: { status: 'archived' },
      });
      assert.equal(archived.statusCode, 200, archived.body);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('the store audit ranks findings by impact and links each to the product editor', async () => {
      const res = await viewer.request({ method: 'GET', url: `${base}/seo/audit?limit=200` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const items = body.items as AuditItem[];
      assert.equal(body.total, items.length);
      assert.equal(body.summary.productsAudited, 4, 'archived products do not count');
      for (let i = 1; i < items.length; i++) {
        assert.ok(items[i - 1]!.impact >= items[i]!.impact, `ranked by impact at ${i}`);
      }
      assert.ok(!items.some((f) => f.productId === ids.archived), 'archived products are not listed');
      const duplicates = items.filter((f) => f.code === 'duplicate_title').map((f) => f.productId);
      assert.deepEqual(new Set(duplicates), new Set([ids.twinA, ids.twinB, ids.twinDraft]));
      const live = items.find((f) => f.code === 'duplicate_title' && f.productId === ids.twinA)!;
      const draft = items.find((f) => f.code === 'duplicate_title' && f.productId === ids.twinDraft)!;
      assert.ok(live.impact > draft.impact, 'a live duplicate is worth more than a draft one');
      assert.equal(live.editorPath, `/admin/stores/seo-shop/products/${ids.twinA}`);
      assert.equal(live.product.title, 'Linen Napkin Set');
      assert.match(live.fix, /unique/);
      const broken = items.find((f) => f.code === 'broken_internal_links');
      assert.equal(broken?.productId, ids.twinB);
      assert.ok(!items.some((f) => f.productId === ids.clean), 'the polished product has no findings');
      assert.equal(body.summary.countsByCode.duplicate_title, 3);
      const rule = body.rules.find((r: { code: string }) => r.code === 'duplicate_title');
      assert.deepEqual(rule, {
        code: 'duplicate_title',
        severity: 'critical',
        weight: 10,
        field: 'title',
        products: 3,
      });
    });

    test('filter by rule and page through the ranking', async () => {
      const all = (await owner.request({ method: 'GET', url: `${base}/seo/audit?limit=200` })).json();
      const page = (await owner.request({ method: 'GET', url: `${base}/seo/audit?limit=3&offset=2` })).json();
      assert.deepEqual(
        page.items.map((f: AuditItem) => `${f.productId} ${f.code}`),
        all.items.slice(2, 5).map((f: AuditItem) => `${f.productId} ${f.code}`),
      );
      assert.equal(page.total, all.total);
      const filtered = (
        await owner.request({ method: 'GET', url: `${base}/seo/audit?rule=meta_description_missing` })
      ).json();
      assert.ok(filtered.items.length > 0);
      assert.ok(filtered.items.every((f: AuditItem) => f.code === 'meta_description_missing'));
      assert.equal(filtered.total, all.summary.countsByCode.meta_description_missing);
      const unknownRule = await owner.request({ method: 'GET', url: `${base}/seo/audit?rule=made_up` });
      assert.equal(unknownRule.statusCode, 400);
      assert.equal(unknownRule.json().error.code, 'validation_failed');
    });

    test("a product's findings and its search-result preview", async () => {
      const res = await viewer.request({ method: 'GET', url: `${base}/products/${ids.twinB}/seo` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const codes = body.findings.map((f: { code: string }) => f.code);
      assert.ok(codes.includes('duplicate_title'), codes.join());
      assert.ok(codes.includes('broken_internal_links'), codes.join());
      assert.ok(body.score < 100 && body.score >= 0);
      assert.equal(body.editorPath, `/admin/stores/seo-shop/products/${ids.twinB}`);
      assert.equal(body.snippet.title, 'linen napkin set | Store seo-shop');
      assert.equal(body.snippet.titleTruncated, false);
      assert.equal(body.snippet.descriptionSource, 'meta_description');
      assert.match(
        body.snippet.displayUrl,
        /^http:\/\/localhost(:\d+)? › s › seo-shop › products › napkins-b$/,
      );
      assert.equal(body.snippet.url, 'http://localhost/s/seo-shop/products/napkins-b');

      const clean = (await owner.request({ method: 'GET', url: `${base}/products/${ids.clean}/seo` })).json();
      assert.deepEqual(clean.findings, []);
      assert.equal(clean.score, 100);
    });

    test('a long meta title is cut in the preview the way Google cuts it', async () => {
      const long = 'Handmade stonewashed linen apron with two deep pockets and a cross-back strap';
      await create('long', { title: 'Long Apron', seoTitle: long, price: { amount: 100 } });
      const body = (await owner.request({ method: 'GET', url: `${base}/products/${ids.long}/seo` })).json();
      assert.equal(body.snippet.titleTruncated, true);
      assert.ok(body.snippet.title.endsWith('…'));
      assert.ok(body.snippet.titleWidthPx <= 580);
      assert.ok(long.startsWith(body.snippet.title.slice(0, -1).trimEnd()));
      assert.ok(body.findings.some((f: { code: string }) => f.code === 'meta_title_too_long'));
    });

    test('fixing a product drops its findings at once (the cached audit follows catalog changes)', async () => {
      const before = (
        await owner.request({ method: 'GET', url: `${base}/seo/audit?rule=duplicate_title` })
      ).json();
      assert.ok(before.items.some((f: AuditItem) => f.productId === ids.twinDraft));
      const renamed = await owner.request({
        method: 'PATCH',
        url: `${base}/products/${ids.twinDraft}`,
        payload: { title: 'Linen Napkin Set in Rust' },
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      const after = (
        await owner.request({ method: 'GET', url: `${base}/seo/audit?rule=duplicate_title` })
      ).json();
      assert.deepEqual(
        new Set(after.items.map((f: AuditItem) => f.productId)),
        new Set([ids.twinA, ids.twinB]),
      );
    });

    test('unknown products, other stores and bad ids answer in the error model', async () => {
      const missing = await owner.request({
        method: 'GET',
        url: `${base}/products/prod_01jzzzzzzzzzzzzzzzzzzzzzzz/seo`,
      });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      const foreign = await owner.request({ method: 'GET', url: '/api/admin/stores/elsewhere/seo/audit' });
      assert.equal(foreign.statusCode, 404);
      const anonymous = await sp.app.inject({ method: 'GET', url: `${base}/seo/audit` });
      assert.equal(anonymous.statusCode, 401);
      const badPaging = await owner.request({ method: 'GET', url: `${base}/seo/audit?limit=0` });
      assert.equal(badPaging.statusCode, 400);
    });
  });
}
