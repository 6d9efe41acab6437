import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { createStore, type Store, systemActor } from '../modules/access/index.ts';
import {
  type CreateProductInput,
  createProduct,
  type Product,
  updateProduct,
} from '../modules/catalog/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { formatMoney } from '../platform/money.ts';
import { storefrontScript } from './cart/cart-link.tsx';
import { invalidateStorefront, storefrontRoutes } from './index.ts';

const actor = systemActor('test');
const writer = { actor, canPublish: true };
const EVIL = '</script><script>alert(1)</script>';

function jsonLdOf(html: string): Record<string, unknown> & { offers: Record<string, string> } {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  assert.equal(blocks.length, 1, 'one JSON-LD block');
  return JSON.parse(blocks[0]![1]!);
}

function metaContent(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const match = new RegExp(`<meta ${attr}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html);
  return match?.[1];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function canonicalOf(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
}

function locsOf(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeEntities(m[1]!));
}

for (const target of testDatabaseTargets()) {
  describe(`storefront on ${target.label}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let alder: Store;
    let north: Store;
    const made: Record<string, Product> = {};

    const product = (store: Store, key: string, input: CreateProductInput) =>
      createProduct(database.db, writer, store, input).then((p) => (made[key] = p.product));

    before(async () => {
      database = await target.create();
      const { db } = database;
      alder = await createStore(db, actor, {
        handle: 'alder',
        name: 'Alder & Ash',
        baseCurrency: 'EUR',
        locale: 'de-DE',
        domains: ['shop.alder.test'],
      });
      north = await createStore(db, actor, {
        handle: 'north',
        name: 'North Supply',
        baseCurrency: 'USD',
        domains: ['north.test'],
      });
      await product(alder, 'mug', {
        title: 'Oat Mug',
        handle: 'oat-mug',
        price: { amount: 1999 },
        status: 'active',
        sku: 'MUG-1',
        vendor: 'Töpferei Lenz',
        productType: 'Ceramics',
        description: `A speckled mug.\nThrown by hand.\n\nSecond paragraph with <b>markup</b> & more. ${'Long text. '.repeat(30)}`,
      });
      await product(alder, 'seo', {
        title: 'Linen Towel',
        price: { amount: 1200 },
        status: 'active',
        seoTitle: 'Linen Tea Towel, Stonewashed',
        seoDescription: 'Soft stonewashed linen.',
        imageUrl: 'https://cdn.example.com/towel.jpg',
      });
      await product(alder, 'evil', {
        title: `Evil ${EVIL} Bowl`,
        price: { amount: 500 },
        status: 'active',
        vendor: EVIL,
        sku: `E-${EVIL}`.slice(0, 60),
        description: `Before ${EVIL} after`,
      });
      await product(alder, 'draft', { title: 'Secret Draft', price: { amount: 100 }, status: 'draft' });
      await product(north, 'parka', {
        title: 'Storm Parka',
        price: { amount: 24900 },
        status: 'active',
        sku: 'NP-1',
      });

      app = Fastify();
      // A long TTL so the invalidation test shows the cache at work rather than its expiry.
      await app.register(storefrontRoutes, { db, cache: { ttlMs: 60_000 } });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('the home page lists the store’s active products only, with formatted prices', async () => {
      const res = await app.inject({ url: '/s/alder/' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      const html = res.body;
      assert.ok(html.startsWith('<!DOCTYPE html><html lang="de-DE">'));
      assert.match(html, /<title>Alder &amp; Ash<\/title>/);
      for (const key of ['mug', 'seo', 'evil'])
        assert.ok(html.includes(`href="/s/alder/products/${made[key]!.handle}"`), key);
      assert.ok(!html.includes('Secret Draft'), 'drafts are not listed');
      assert.ok(!html.includes('Storm Parka'), 'another store’s products are not listed');
      assert.ok(html.includes(formatMoney(1999, 'EUR', 'de-DE')));
      assert.equal(canonicalOf(html), 'http://localhost:80/s/alder/');
    });

    test('a product page has its title, meta description, canonical URL, Open Graph and JSON-LD', async () => {
      const res = await app.inject({ url: '/s/alder/products/oat-mug' });
      assert.equal(res.statusCode, 200);
      const html = res.body;
      const canonical = 'http://localhost:80/s/alder/products/oat-mug';
      assert.match(html, /<title>Oat Mug \| Alder &amp; Ash<\/title>/);
      const description = decodeEntities(metaContent(html, 'name', 'description')!);
      assert.ok(
        description.startsWith('A speckled mug. Thrown by hand. Second paragraph with markup & more.'),
      );
      assert.ok(description.length <= 155 && description.endsWith('…'), description);
      assert.equal(canonicalOf(html), canonical);
      assert.equal(metaContent(html, 'property', 'og:url'), canonical);
      assert.equal(metaContent(html, 'property', 'og:type'), 'product');
      assert.equal(
        metaContent(html, 'property', 'og:image'),
        'http://localhost:80/assets/demo/alder/oat-mug.svg',
      );
      assert.equal(metaContent(html, 'property', 'og:locale'), 'de_DE');
      assert.equal(metaContent(html, 'property', 'product:price:amount'), '19.99');

      const ld = jsonLdOf(html);
      assert.equal(ld['@type'], 'Product');
      assert.equal(ld.name, 'Oat Mug');
      assert.equal(ld.sku, 'MUG-1');
      assert.deepEqual(ld.brand, { '@type': 'Brand', name: 'Töpferei Lenz' });
      assert.equal(ld.image, 'http://localhost:80/assets/demo/alder/oat-mug.svg');
      assert.equal(ld.offers['@type'], 'Offer');
      assert.equal(ld.offers.price, '19.99');
      assert.equal(ld.offers.priceCurrency, 'EUR');
      assert.equal(ld.offers.availability, 'https://schema.org/InStock');
      assert.equal(ld.offers.url, canonical);

      assert.ok(html.includes(formatMoney(1999, 'EUR', 'de-DE')));
      // The store writes German: the storefront's own words are German too.
      assert.ok(html.includes('MUG-1') && html.includes('Auf Lager') && html.includes('Ceramics'));
      assert.ok(
        html.includes('Second paragraph with <b>markup</b> &amp; more.'),
        'descriptions are HTML, shown through the allowlist',
      );
    });

    test('SEO fields override the defaults; absolute image URLs stay as they are', async () => {
      const html = (await app.inject({ url: `/s/alder/products/${made.seo!.handle}` })).body;
      assert.match(html, /<title>Linen Tea Towel, Stonewashed<\/title>/);
      assert.equal(metaContent(html, 'name', 'description'), 'Soft stonewashed linen.');
      assert.equal(jsonLdOf(html).image, 'https://cdn.example.com/towel.jpg');
      assert.equal(jsonLdOf(html).offers.price, '12.00');
    });

    test('markup in a title, vendor or description is escaped everywhere it appears', async () => {
      const evil = made.evil!;
      for (const url of [`/s/alder/products/${evil.handle}`, '/s/alder/']) {
        const html = (await app.inject({ url })).body;
        assert.ok(!html.includes('<script>alert(1)'), url);
        assert.ok(!html.includes('</script><script>'), url);
        // Besides the storefront's own small script (cart count, forms), only the JSON-LD block.
        const scripts = html.replace(`<script>${storefrontScript}</script>`, '').match(/<script/g) ?? [];
        assert.equal(scripts.length, url === '/s/alder/' ? 0 : 1, 'only the JSON-LD script element exists');
      }
      const html = (await app.inject({ url: `/s/alder/products/${evil.handle}` })).body;
      assert.ok(html.includes(`<h1>Evil &lt;/script>&lt;script>alert(1)&lt;/script> Bowl</h1>`));
      const ld = jsonLdOf(html);
      assert.equal(ld.name, `Evil ${EVIL} Bowl`, 'JSON-LD keeps the exact text');
      assert.deepEqual(ld.brand, { '@type': 'Brand', name: EVIL });
      assert.equal(
        decodeEntities(/<title>([^<]*)<\/title>/.exec(html)![1]!),
        `Evil ${EVIL} Bowl | Alder & Ash`,
      );
      const sitemap = (await app.inject({ url: '/s/alder/sitemap.xml' })).body;
      assert.ok(!sitemap.includes('<script>'));
    });

    test('a draft or unknown product is a 404 page in the store’s layout; an unknown store is a 404 page', async () => {
      for (const url of [
        '/s/alder/products/secret-draft',
        '/s/alder/products/no-such-thing',
        '/s/alder/nothing/here',
      ]) {
        const res = await app.inject({ url });
        assert.equal(res.statusCode, 404, url);
        assert.match(String(res.headers['content-type']), /^text\/html/);
        assert.ok(res.body.includes('Alder &amp; Ash'), 'inside the store layout');
        assert.ok(res.body.includes('<meta name="robots" content="noindex"/>'));
        assert.ok(!res.body.includes('Secret Draft'));
      }
      const parka = await app.inject({ url: '/s/alder/products/storm-parka' });
      assert.equal(parka.statusCode, 404, 'another store’s product is not found here');
      const store = await app.inject({ url: '/s/nope/' });
      assert.equal(store.statusCode, 404);
      assert.match(store.body, /<!DOCTYPE html>/);
      const id = await app.inject({ url: `/s/${alder.id}/` });
      assert.equal(id.statusCode, 404, 'store ids are not storefront addresses');
    });

    test('the host name picks the store; any other host gets the list of stores', async () => {
      const home = await app.inject({ url: '/', headers: { host: 'shop.alder.test' } });
      assert.equal(home.statusCode, 200);
      assert.ok(home.body.includes('href="/products/oat-mug"'));
      assert.ok(!home.body.includes('Storm Parka'));
      assert.equal(canonicalOf(home.body), 'http://shop.alder.test/');

      const other = await app.inject({ url: '/', headers: { host: 'NORTH.test:8080' } });
      assert.ok(other.body.includes('Storm Parka') && !other.body.includes('Oat Mug'));

      const page = await app.inject({ url: '/products/oat-mug', headers: { host: 'shop.alder.test' } });
      assert.equal(page.statusCode, 200);
      assert.equal(canonicalOf(page.body), 'http://shop.alder.test/products/oat-mug');
      assert.equal(
        (await app.inject({ url: '/products/oat-mug', headers: { host: 'north.test' } })).statusCode,
        404,
      );
      assert.equal((await app.inject({ url: '/products/oat-mug' })).statusCode, 404, 'no store on localhost');

      const directory = await app.inject({ url: '/' });
      assert.equal(directory.statusCode, 200);
      assert.ok(directory.body.includes('href="/s/alder/"') && directory.body.includes('href="/s/north/"'));
      assert.ok(directory.body.includes('Alder &amp; Ash') && directory.body.includes('North Supply'));

      const redirect = await app.inject({ url: '/s/alder' });
      assert.equal(redirect.statusCode, 301);
      assert.equal(redirect.headers.location, '/s/alder/');
    });

    test('the sitemap lists the home page and exactly the active products, with lastmod', async () => {
      const res = await app.inject({ url: '/s/alder/sitemap.xml' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/xml/);
      assert.ok(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
      const expected = ['mug', 'seo', 'evil'].map(
        (k) => `http://localhost:80/s/alder/products/${made[k]!.handle}`,
      );
      assert.deepEqual(locsOf(res.body).sort(), ['http://localhost:80/s/alder/', ...expected].sort());
      assert.ok(res.body.includes(`<lastmod>${made.mug!.updatedAt.toISOString()}</lastmod>`));

      const byHost = await app.inject({ url: '/sitemap.xml', headers: { host: 'north.test' } });
      assert.deepEqual(locsOf(byHost.body), ['http://north.test/', 'http://north.test/products/storm-parka']);
      const index = await app.inject({ url: '/sitemap.xml' });
      assert.match(index.body, /<sitemapindex/);
      assert.deepEqual(locsOf(index.body), [
        'http://localhost:80/s/alder/sitemap.xml',
        'http://localhost:80/s/north/sitemap.xml',
      ]);
    });

    test('robots.txt allows the shop, keeps crawlers out of the admin and API, and names the sitemap', async () => {
      const res = await app.inject({ url: '/s/alder/robots.txt' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      const lines = res.body.split('\n');
      for (const line of ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api'])
        assert.ok(lines.includes(line), line);
      assert.ok(lines.includes('Sitemap: http://localhost:80/s/alder/sitemap.xml'));
      const byHost = await app.inject({ url: '/robots.txt', headers: { host: 'shop.alder.test' } });
      assert.ok(byHost.body.includes('Sitemap: http://shop.alder.test/sitemap.xml'));
    });

    test('pages are cached until invalidateStorefront is called for their store', async () => {
      const before = await app.inject({ url: '/s/north/' });
      assert.ok(!before.body.includes('Wool Beanie'));
      const beanie = await product(north, 'beanie', {
        title: 'Wool Beanie',
        price: { amount: 2500 },
        status: 'active',
      });
      assert.ok(
        !(await app.inject({ url: '/s/north/' })).body.includes('Wool Beanie'),
        'served from the cache',
      );
      invalidateStorefront(alder.id);
      assert.ok(
        !(await app.inject({ url: '/s/north/' })).body.includes('Wool Beanie'),
        'another store’s invalidation',
      );
      invalidateStorefront(north.id);
      assert.ok((await app.inject({ url: '/s/north/' })).body.includes('Wool Beanie'));
      assert.equal((await app.inject({ url: '/s/north/products/wool-beanie' })).statusCode, 200);

      await updateProduct(database.db, writer, north.id, beanie.id, { status: 'draft' });
      assert.equal(
        (await app.inject({ url: '/s/north/products/wool-beanie' })).statusCode,
        200,
        'still cached',
      );
      invalidateStorefront();
      assert.equal((await app.inject({ url: '/s/north/products/wool-beanie' })).statusCode, 404);
    });

    test('responses carry an ETag for 304s and are compressed when the client accepts it', async () => {
      const first = await app.inject({ url: '/s/alder/products/oat-mug' });
      const etag = String(first.headers.etag);
      assert.match(etag, /^W\/"/);
      const again = await app.inject({
        url: '/s/alder/products/oat-mug',
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const br = await app.inject({
        url: '/s/alder/products/oat-mug',
        headers: { 'accept-encoding': 'gzip, br' },
      });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers.vary, 'accept-encoding');
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), first.body);
      const head = await app.inject({ method: 'HEAD', url: '/s/alder/products/oat-mug' });
      assert.equal(head.statusCode, 200);
    });

    test('demo artwork is served for products of any status, and 404 otherwise', async () => {
      const draft = await app.inject({ url: '/assets/demo/alder/secret-draft.svg' });
      assert.equal(draft.statusCode, 200);
      assert.equal(draft.headers['content-type'], 'image/svg+xml');
      assert.match(String(draft.headers['cache-control']), /max-age=\d{5,}/);
      assert.match(draft.body, /^(<\?xml[^>]*>\s*)?<svg/);
      const active = await app.inject({ url: '/assets/demo/alder/oat-mug.svg' });
      assert.equal(active.statusCode, 200);
      assert.notEqual(active.body, draft.body, 'each product has its own picture');
      for (const url of [
        '/assets/demo/alder/nope.svg',
        '/assets/demo/nope/oat-mug.svg',
        '/assets/demo/north/oat-mug.svg',
        '/assets/demo/alder/oat-mug.png',
      ]) {
        assert.equal((await app.inject({ url })).statusCode, 404, url);
      }
    });
  });
}

describe('storefront with a public URL', () => {
  const [target] = testDatabaseTargets();
  let database: Database;
  let app: FastifyInstance;

  before(async () => {
    database = await target!.create();
    const store = await createStore(database.db, actor, {
      handle: 'kiosk',
      name: 'Kiosk',
      baseCurrency: 'JPY',
      domains: ['kiosk.example.jp'],
    });
    await createProduct(database.db, writer, store, {
      title: 'Tea Bowl',
      price: { amount: 4800 },
      status: 'active',
    });
    app = Fastify();
    await app.register(storefrontRoutes, { db: database.db, publicUrl: 'https://shops.example.com/' });
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  test('canonical URLs use the public URL for path-mounted stores and its scheme for store domains', async () => {
    const html = (await app.inject({ url: '/s/kiosk/products/tea-bowl' })).body;
    assert.equal(canonicalOf(html), 'https://shops.example.com/s/kiosk/products/tea-bowl');
    assert.equal(jsonLdOf(html).offers.price, '4800', 'JPY has no minor digits');
    const byHost = (await app.inject({ url: '/products/tea-bowl', headers: { host: 'kiosk.example.jp' } }))
      .body;
    assert.equal(canonicalOf(byHost), 'https://kiosk.example.jp/products/tea-bowl');
  });
});
