import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Fastify, { type FastifyInstance } from 'fastify';
import { createStore, type Store, systemActor } from '../modules/access/index.ts';
import { createCategory, updateCategory } from '../modules/catalog/category-tree/category-changes.ts';
import { createCollection } from '../modules/catalog/collections/collections.ts';
import {
  createProduct,
  type ProductDetail,
  putProductTranslation,
  unpublishProduct,
  updateProduct,
} from '../modules/catalog/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { invalidateStorefront, storefrontRoutes } from './index.ts';

const actor = systemActor('test');
const writer = { actor, canPublish: true };
const ORIGIN = 'http://localhost:80';
const STORE = `${ORIGIN}/s/maison`;
/** The store's locales as they appear in addresses, the default without a prefix. */
const PREFIXES: Record<string, string> = { en: '', fr: '/fr', 'de-CH': '/de-ch' };

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name),
});

interface SitemapUrl {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { rel: string; hreflang: string; href: string }[];
}

/** Parses a sitemap with a real XML parser, after checking that it is well-formed. */
function parseSitemap(body: string): {
  urlset?: { url?: SitemapUrl[] };
  sitemapindex?: { sitemap: SitemapUrl[] };
} {
  assert.equal(XMLValidator.validate(body), true, 'well-formed XML');
  return xml.parse(body);
}

function urlsOf(body: string): Map<string, SitemapUrl> {
  const parsed = parseSitemap(body);
  assert.ok(parsed.urlset, 'a URL set');
  return new Map((parsed.urlset.url ?? []).map((u) => [u.loc, u]));
}

/** hreflang → href of one URL's alternates. */
function alternatesOf(url: SitemapUrl): Record<string, string> {
  return Object.fromEntries((url['xhtml:link'] ?? []).map((l) => [l.hreflang, l.href]));
}

/** A page's address in every locale. */
function everyLocale(path: (locale: string) => string): string[] {
  return Object.entries(PREFIXES).map(([locale, prefix]) => `${STORE}${prefix}${path(locale)}`);
}

const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime()))).toISOString();

for (const target of testDatabaseTargets()) {
  describe(`store sitemap on ${target.label}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let maison: Store;
    let mug: ProductDetail;
    let towel: ProductDetail;
    const ids: Record<string, string> = {};
    const collectionUpdatedAt: Record<string, Date> = {};

    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
    const lastmodOf = async (loc: string) =>
      urlsOf((await get('/s/maison/sitemap.xml')).body).get(loc)?.lastmod;

    before(async () => {
      database = await target.create();
      const { db } = database;
      maison = await createStore(db, actor, {
        handle: 'maison',
        name: 'Maison',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'fr', 'de-CH'],
        domains: ['maison.test'],
      });
      await createStore(db, actor, { handle: 'solo', name: 'Solo', baseCurrency: 'EUR' });
      const category = async (name: string, handle: string, parent?: string) => {
        ids[handle] = (
          await createCategory(db, actor, maison.id, { name, handle, parentId: parent ?? null })
        ).id;
      };
      await category('Kitchen', 'kitchen');
      await category('Mugs', 'mugs', ids.kitchen);
      await category('Bowls', 'bowls', ids.kitchen);
      await category('Garden', 'garden');
      await category('Linen', 'linen');
      mug = await createProduct(db, writer, maison, {
        title: 'Stoneware Mug',
        handle: 'stoneware-mug',
        status: 'active',
        price: { amount: 2400 },
        categoryId: ids.mugs,
      });
      towel = await createProduct(db, writer, maison, {
        title: 'Linen Towel',
        handle: 'linen-towel',
        status: 'active',
        price: { amount: 1500 },
        tags: ['sale'],
        categoryId: ids.linen,
      });
      const draft = await createProduct(db, writer, maison, {
        title: 'Draft Bowl',
        status: 'draft',
        price: { amount: 900 },
        tags: ['sale'],
        categoryId: ids.bowls,
      });
      await putProductTranslation(db, writer, maison, mug.product.id, 'fr', {
        title: 'Tasse en grès',
        handle: 'tasse-en-gres',
      });
      const collection = async (input: Parameters<typeof createCollection>[3]) => {
        const created = await createCollection(db, actor, maison.id, input);
        collectionUpdatedAt[created.handle] = created.updatedAt;
      };
      await collection({
        title: 'Gifts',
        handle: 'gifts',
        kind: 'manual',
        productIds: [mug.product.id, draft.product.id],
      });
      await collection({ title: 'Drafts', handle: 'drafts', kind: 'manual', productIds: [draft.product.id] });
      await collection({ title: 'Empty', handle: 'empty', kind: 'manual' });
      await collection({
        title: 'Sale',
        handle: 'sale',
        kind: 'rules',
        rules: [{ field: 'tag', operator: 'equals', value: 'sale' }],
      });
      await collection({
        title: 'Kitchen things',
        handle: 'kitchen-things',
        kind: 'rules',
        rules: [{ field: 'category', operator: 'in', value: ids.kitchen! }],
      });
      await collection({
        title: 'Nobody’s',
        handle: 'nobodys',
        kind: 'rules',
        rules: [{ field: 'vendor', operator: 'equals', value: 'Nobody' }],
      });

      app = Fastify();
      await app.register(storefrontRoutes, { db, cache: { ttlMs: 60_000 } });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('lists the home, the category and collection pages with live products, and the products, in every locale', async () => {
      const res = await get('/s/maison/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/xml/);
      const urls = urlsOf(res.body);
      const expected = [
        ...everyLocale(() => '/'),
        // Kitchen has no product of its own: the mug in Mugs, below it, is on its page.
        ...everyLocale(() => '/categories/kitchen'),
        ...everyLocale(() => '/categories/mugs'),
        ...everyLocale(() => '/categories/linen'),
        ...everyLocale(() => '/collections/gifts'),
        ...everyLocale(() => '/collections/kitchen-things'),
        ...everyLocale(() => '/collections/sale'),
        ...everyLocale((l) => `/products/${l === 'fr' ? 'tasse-en-gres' : 'stoneware-mug'}`),
        ...everyLocale(() => '/products/linen-towel'),
      ];
      assert.deepEqual([...urls.keys()].sort(), expected.sort());
      // Left out: Bowls (a draft only), Garden (nothing), the collections of drafts or of nothing.
      for (const absent of ['bowls', 'garden', 'drafts', 'empty', 'nobodys']) {
        assert.ok(!res.body.includes(`/${absent}<`), absent);
      }
    });

    test('every URL lists its page in each locale and x-default, at the addresses the pages use', async () => {
      const urls = urlsOf((await get('/s/maison/sitemap.xml')).body);
      const cases: [string, Record<string, string>][] = [
        ['/collections/sale', {}],
        ['/categories/mugs', {}],
        ['/products/stoneware-mug', { fr: '/products/tasse-en-gres' }],
      ];
      for (const [path, localized] of cases) {
        const wanted: Record<string, string> = {};
        for (const [locale, prefix] of Object.entries(PREFIXES)) {
          wanted[locale] = `${STORE}${prefix}${localized[locale] ?? path}`;
        }
        wanted['x-default'] = wanted.en!;
        for (const [locale, prefix] of Object.entries(PREFIXES)) {
          const url = urls.get(`${STORE}${prefix}${localized[locale] ?? path}`);
          assert.ok(url, `${locale} ${path}`);
          assert.deepEqual(alternatesOf(url), wanted, `${locale} ${path}`);
          assert.ok(url['xhtml:link']!.every((l) => l.rel === 'alternate'));
        }
      }
      const page = await get('/s/maison/fr/categories/mugs');
      assert.ok(
        page.body.includes(`<link rel="alternate" hreflang="de-CH" href="${STORE}/de-ch/categories/mugs"/>`),
        'the same alternates as the page itself',
      );

      const solo = await get('/s/solo/sitemap.xml');
      assert.ok(!solo.body.includes('xhtml'), 'a one-locale store has no alternates');
      assert.deepEqual([...urlsOf(solo.body).keys()], [`${ORIGIN}/s/solo/`]);
    });

    test('a listing’s lastmod is the latest change of the listing or of a live product on it', async () => {
      const urls = urlsOf((await get('/s/maison/sitemap.xml')).body);
      const lastmod = (path: string) => urls.get(`${STORE}${path}`)?.lastmod;
      assert.equal(lastmod('/collections/gifts'), latest(collectionUpdatedAt.gifts!, mug.product.updatedAt));
      assert.equal(lastmod('/collections/sale'), latest(collectionUpdatedAt.sale!, towel.product.updatedAt));
      assert.equal(lastmod('/fr/collections/sale'), lastmod('/collections/sale'), 'the same in every locale');
      assert.equal(lastmod('/categories/mugs'), mug.product.updatedAt.toISOString());
      assert.equal(lastmod('/categories/kitchen'), mug.product.updatedAt.toISOString());
    });

    test('lastmod moves when a product in the listing changes, once the cached sitemap is dropped', async () => {
      const { db } = database;
      const before = await lastmodOf(`${STORE}/collections/gifts`);
      await sleep(5);
      mug = await updateProduct(db, writer, maison.id, mug.product.id, { title: 'Stoneware Mug, Sand' });
      assert.equal(await lastmodOf(`${STORE}/collections/gifts`), before, 'served from the page cache');
      invalidateStorefront(maison.id);
      const changed = mug.product.updatedAt.toISOString();
      for (const path of [
        '/collections/gifts',
        '/collections/kitchen-things',
        '/categories/mugs',
        '/categories/kitchen',
      ]) {
        assert.equal(await lastmodOf(`${STORE}${path}`), changed, path);
        assert.equal(await lastmodOf(`${STORE}/de-ch${path}`), changed, `de-CH ${path}`);
      }
      assert.equal(
        await lastmodOf(`${STORE}/collections/sale`),
        latest(collectionUpdatedAt.sale!, towel.product.updatedAt),
        'other listings keep theirs',
      );
    });

    test('a category’s rename moves its lastmod and its parent’s; an empty subcategory’s does not', async () => {
      const { db } = database;
      const kitchenBefore = await lastmodOf(`${STORE}/categories/kitchen`);
      await sleep(5);
      await updateCategory(db, actor, maison.id, ids.bowls!, { name: 'Serving Bowls' });
      invalidateStorefront(maison.id);
      assert.equal(await lastmodOf(`${STORE}/categories/kitchen`), kitchenBefore, 'Bowls shows nowhere');

      const renamed = await updateCategory(db, actor, maison.id, ids.mugs!, { name: 'Cups and Mugs' });
      invalidateStorefront(maison.id);
      assert.equal(await lastmodOf(`${STORE}/categories/mugs`), renamed.updatedAt.toISOString());
      assert.equal(await lastmodOf(`${STORE}/categories/kitchen`), renamed.updatedAt.toISOString());
    });

    test('a listing whose last live product goes is left out', async () => {
      const { db } = database;
      const { product } = await createProduct(db, writer, maison, {
        title: 'Garden Kneeler',
        status: 'active',
        price: { amount: 1800 },
        categoryId: ids.garden,
      });
      invalidateStorefront(maison.id);
      assert.ok(await lastmodOf(`${STORE}/categories/garden`));
      await unpublishProduct(db, writer, maison.id, product.id);
      await unpublishProduct(db, writer, maison.id, towel.product.id);
      invalidateStorefront(maison.id);
      const urls = urlsOf((await get('/s/maison/sitemap.xml')).body);
      for (const path of [
        '/categories/garden',
        '/categories/linen',
        '/collections/sale',
        '/products/linen-towel',
      ]) {
        assert.ok(!urls.has(`${STORE}${path}`), path);
      }
      assert.ok(urls.has(`${STORE}/collections/gifts`));
      towel = await updateProduct(db, writer, maison.id, towel.product.id, { status: 'active' });
      invalidateStorefront(maison.id);
    });

    describe('split into numbered files', () => {
      let small: FastifyInstance;
      before(async () => {
        small = Fastify();
        // Two pages (six URLs: three locales each) per file.
        await small.register(storefrontRoutes, { db: database.db, sitemap: { urlsPerFile: 6 } });
      });
      after(() => small.close());

      test('sitemap.xml indexes the files, which hold every URL once, whole pages each', async () => {
        const whole = urlsOf((await get('/s/maison/sitemap.xml')).body);
        const pages = whole.size / 3;
        const res = await small.inject({ url: '/s/maison/sitemap.xml' });
        assert.equal(res.statusCode, 200);
        const index = parseSitemap(res.body).sitemapindex;
        assert.ok(index, 'a sitemap index');
        const files = index.sitemap;
        assert.deepEqual(
          files.map((f) => f.loc),
          Array.from({ length: Math.ceil(pages / 2) }, (_, i) => `${STORE}/sitemap-${i + 1}.xml`),
        );
        const seen: string[] = [];
        for (const file of files) {
          const part = await small.inject({ url: file.loc.slice(ORIGIN.length) });
          assert.equal(part.statusCode, 200, file.loc);
          const urls = [...urlsOf(part.body).values()];
          assert.ok(urls.length > 0 && urls.length <= 6, file.loc);
          assert.equal(urls.length % 3, 0, 'a page’s locale versions stay together');
          const newest = urls
            .map((u) => u.lastmod!)
            .sort()
            .at(-1);
          assert.equal(file.lastmod, newest, 'the index carries each file’s latest lastmod');
          seen.push(...urls.map((u) => u.loc));
        }
        assert.deepEqual([...seen].sort(), [...whole.keys()].sort());

        for (const missing of [
          `sitemap-${files.length + 1}.xml`,
          'sitemap-0.xml',
          'sitemap-01.xml',
          'sitemap-x.xml',
        ]) {
          assert.equal((await small.inject({ url: `/s/maison/${missing}` })).statusCode, 404, missing);
        }
        const byHost = await small.inject({ url: '/sitemap-1.xml', headers: { host: 'maison.test' } });
        assert.equal(byHost.statusCode, 200);
        assert.ok(urlsOf(byHost.body).has('http://maison.test/'));
        assert.equal(
          (await small.inject({ url: '/sitemap-1.xml' })).statusCode,
          404,
          'no store on this host',
        );
      });

      test('the installation’s index lists a large store’s files, never its index', async () => {
        const res = await small.inject({ url: '/sitemap.xml' });
        const locs = parseSitemap(res.body).sitemapindex!.sitemap.map((s) => s.loc);
        assert.ok(locs.includes(`${STORE}/sitemap-1.xml`));
        assert.ok(!locs.includes(`${STORE}/sitemap.xml`));
        assert.ok(
          locs.includes(`${ORIGIN}/s/solo/sitemap.xml`),
          'a store that fits one file is listed as it is',
        );
      });

      test('a byte bound splits files too', async () => {
        const bytes = 3_000;
        const bounded = Fastify();
        await bounded.register(storefrontRoutes, { db: database.db, sitemap: { bytesPerFile: bytes } });
        try {
          const index = parseSitemap((await bounded.inject({ url: '/s/maison/sitemap.xml' })).body)
            .sitemapindex!;
          assert.ok(index.sitemap.length > 1);
          for (const file of index.sitemap) {
            const part = await bounded.inject({ url: file.loc.slice(ORIGIN.length) });
            assert.ok(
              Buffer.byteLength(part.body) <= bytes,
              `${file.loc}: ${Buffer.byteLength(part.body)} bytes`,
            );
            urlsOf(part.body);
          }
        } finally {
          await bounded.close();
        }
      });
    });
  });
}
