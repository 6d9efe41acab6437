import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createStore, type Store, systemActor } from '../modules/access/index.ts';
import { ensureCategoryPath } from '../modules/catalog/categories.ts';
import { type CreateProductInput, createProduct } from '../modules/catalog/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { storefrontScript } from './cart/cart-link.tsx';
import { storefrontRoutes } from './index.ts';

const actor = systemActor('test');
const writer = { actor, canPublish: true };
const EVIL = '"><script>alert(1)</script>';

/** The href of every link in the page whose text includes `label`. */
function linksLabelled(html: string, label: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)]
    .filter((m) => m[2]!.replace(/<[^>]+>/g, '').includes(label))
    .map((m) => m[1]!.replaceAll('&amp;', '&'));
}

function cardTitles(html: string): string[] {
  return [...html.matchAll(/<h3 class="card-title">([^<]*)<\/h3>/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
  );
}

for (const target of testDatabaseTargets()) {
  describe(`search and category pages on ${target.label}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let shop: Store;

    before(async () => {
      database = await target.create();
      const { db } = database;
      shop = await createStore(db, actor, {
        handle: 'pantry',
        name: 'Pantry & Co',
        baseCurrency: 'EUR',
        domains: ['pantry.test'],
      });
      const tea = await ensureCategoryPath(db, shop.id, 'Drinks > Tea');
      const mugs = await ensureCategoryPath(db, shop.id, 'Kitchen > Mugs');
      const make = (input: CreateProductInput) =>
        createProduct(db, writer, shop, { status: 'active', ...input });
      await make({
        title: 'Chamomile Tea',
        vendor: 'Meadow Lane',
        productType: 'Tea',
        categoryId: tea,
        price: { amount: 650 },
      });
      await make({
        title: 'Green Tea Sencha',
        vendor: 'Kyoto Leaf',
        productType: 'Tea',
        categoryId: tea,
        description: 'Lovely after a chamomile.',
        price: { amount: 900 },
      });
      await make({ title: 'Hidden Draft Tea', status: 'draft', categoryId: tea, price: { amount: 100 } });
      // Enough mugs for two pages of 24.
      for (let i = 1; i <= 30; i++) {
        await make({
          title: `Stoneware Mug ${String(i).padStart(2, '0')}`,
          vendor: i % 3 === 0 ? 'Kiln Works' : 'Clay Studio',
          productType: 'Mugs',
          categoryId: mugs,
          options: [{ name: 'Color', values: ['Sand', 'Slate'] }],
          variants: [
            { optionValues: ['Sand'], price: { amount: 1000 + i * 100 } },
            ...(i % 2 === 0 ? [{ optionValues: ['Slate'], price: { amount: 1000 + i * 100 + 50 } }] : []),
          ],
        });
      }
      app = Fastify();
      await app.register(storefrontRoutes, { db, cache: { ttlMs: 60_000 } });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('the bare search page is a search box, never indexed', async () => {
      const res = await app.inject({ url: '/s/pantry/search' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<form class="search-form" method="get" action="\/s\/pantry\/search">/);
      assert.match(res.body, /<meta name="robots" content="noindex"/);
      assert.equal(cardTitles(res.body).length, 0);
    });

    test('a search lists active matches, best first, with facets and a count', async () => {
      const res = await app.inject({ url: '/s/pantry/search?q=chamomile' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(cardTitles(res.body), ['Chamomile Tea', 'Green Tea Sencha']);
      assert.match(res.body, /2 products/);
      assert.match(res.body, /<title>Search: chamomile \| Pantry &amp; Co<\/title>/);
      assert.ok(linksLabelled(res.body, 'Meadow Lane').some((href) => href.includes('vendor=Meadow+Lane')));
      assert.ok(!res.body.includes('Hidden Draft'));
    });

    test('a misspelt search says what it searched for instead', async () => {
      const res = await app.inject({ url: '/s/pantry/search?q=chamomle' });
      assert.equal(cardTitles(res.body)[0], 'Chamomile Tea');
      assert.match(
        res.body,
        /No exact matches for “chamomle”. Showing results for <strong>chamomile<\/strong>/,
      );
    });

    test('the query is escaped wherever it is shown', async () => {
      const res = await app.inject({ url: `/s/pantry/search?q=${encodeURIComponent(EVIL)}` });
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('<script>alert(1)</script>'), 'no raw markup');
      assert.ok(res.body.includes('Results for “&quot;>&lt;script>alert(1)&lt;/script>”'), 'shown as text');
      assert.ok(
        res.body.includes('name="q" value="&quot;>&lt;script>alert(1)&lt;/script>"'),
        'the input keeps it',
      );
      assert.ok(
        linksLabelled(res.body, 'Newest').every((href) => href.includes('q=%22%3E%3Cscript%3E')),
        'links carry it encoded',
      );
      const own = `<script>${storefrontScript}</script>`;
      assert.equal(
        (res.body.replace(own, '').match(/<script/g) ?? []).length,
        0,
        'the search page runs no script but the storefront’s own',
      );
    });

    test('a facet is a link that narrows the list, shows as chosen, and can be removed', async () => {
      const all = await app.inject({ url: '/s/pantry/search?q=mug' });
      assert.match(all.body, /30 products/);
      const [kiln] = linksLabelled(all.body, 'Kiln Works');
      assert.ok(kiln, 'a link per vendor');
      const narrowed = await app.inject({ url: kiln! });
      assert.match(narrowed.body, /10 products/);
      assert.ok(cardTitles(narrowed.body).every((t) => t.startsWith('Stoneware Mug')));
      assert.match(
        narrowed.body,
        /rel="nofollow" aria-current="true"><span class="tick" aria-hidden="true"><\/span><span class="facet-label">Kiln Works/,
      );
      const [remove] = linksLabelled(narrowed.body, 'Kiln Works ×');
      assert.equal(remove, '/s/pantry/search?q=mug');
      const [slate] = linksLabelled(narrowed.body, 'Slate');
      const both = await app.inject({ url: slate! });
      assert.match(both.body, /5 products/, 'Kiln Works mugs that come in slate: 6, 12, 18, 24, 30');
    });

    test('sorting and pages are links; pages cover the listing once', async () => {
      const first = await app.inject({ url: '/s/pantry/categories/kitchen-mugs?sort=price-desc' });
      assert.equal(first.statusCode, 200);
      const titles = cardTitles(first.body);
      assert.equal(titles.length, 24);
      assert.equal(titles[0], 'Stoneware Mug 30');
      const [next] = linksLabelled(first.body, 'Next');
      assert.equal(next, '/s/pantry/categories/kitchen-mugs?sort=price-desc&page=2');
      const second = await app.inject({ url: next! });
      assert.deepEqual(cardTitles(second.body), [
        'Stoneware Mug 06',
        'Stoneware Mug 05',
        'Stoneware Mug 04',
        'Stoneware Mug 03',
        'Stoneware Mug 02',
        'Stoneware Mug 01',
      ]);
      assert.ok(
        linksLabelled(first.body, 'Price, low to high').includes(
          '/s/pantry/categories/kitchen-mugs?sort=price-asc',
        ),
      );
      assert.equal((await app.inject({ url: '/s/pantry/categories/kitchen-mugs?page=3' })).statusCode, 404);
    });

    test('a category page lists its whole subtree, with breadcrumbs, subcategories and a canonical address', async () => {
      const res = await app.inject({ url: '/s/pantry/categories/drinks' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(cardTitles(res.body).sort(), ['Chamomile Tea', 'Green Tea Sencha']);
      assert.match(
        res.body,
        /<nav class="crumbs wrap" aria-label="Breadcrumb"><ol><li><a href="\/s\/pantry\/">Home<\/a><\/li><li aria-current="page">Drinks<\/li><\/ol><\/nav>/,
      );
      assert.ok(linksLabelled(res.body, 'Tea').includes('/s/pantry/categories/drinks-tea'));
      assert.match(
        res.body,
        /<link rel="canonical" href="http:\/\/localhost:80\/s\/pantry\/categories\/drinks"\/>/,
      );
      assert.match(res.body, /"@type":"BreadcrumbList"/);
      assert.ok(!/name="robots"/.test(res.body), 'the plain listing is indexed');
      const leaf = await app.inject({ url: '/s/pantry/categories/drinks-tea' });
      assert.match(
        leaf.body,
        /<li><a href="\/s\/pantry\/categories\/drinks">Drinks<\/a><\/li><li aria-current="page">Tea<\/li>/,
      );
      const filtered = await app.inject({ url: '/s/pantry/categories/drinks?vendor=Kyoto+Leaf' });
      assert.deepEqual(cardTitles(filtered.body), ['Green Tea Sencha']);
      assert.match(filtered.body, /<meta name="robots" content="noindex"/);
      assert.equal((await app.inject({ url: '/s/pantry/categories/no-such-thing' })).statusCode, 404);
    });

    test('a product page’s breadcrumbs follow its category up the tree', async () => {
      const res = await app.inject({ url: '/s/pantry/products/chamomile-tea' });
      assert.equal(res.statusCode, 200);
      assert.match(
        res.body,
        /<ol><li><a href="\/s\/pantry\/">Home<\/a><\/li><li><a href="\/s\/pantry\/categories\/drinks">Drinks<\/a><\/li><li><a href="\/s\/pantry\/categories\/drinks-tea">Tea<\/a><\/li><li aria-current="page">Chamomile Tea<\/li><\/ol>/,
      );
    });

    test('a store on its own domain answers at /search and /categories/…', async () => {
      const search = await app.inject({ url: '/search?q=sencha', headers: { host: 'pantry.test' } });
      assert.deepEqual(cardTitles(search.body), ['Green Tea Sencha']);
      assert.match(search.body, /action="\/search"/);
      const category = await app.inject({ url: '/categories/kitchen', headers: { host: 'pantry.test' } });
      assert.match(category.body, /30 products/);
      assert.equal((await app.inject({ url: '/search?q=tea' })).statusCode, 404, 'no store on localhost');
    });

    test('parameters are read one canonical way: unknown ones are ignored, order does not matter', async () => {
      const plain = await app.inject({ url: '/s/pantry/search?q=mug&vendor=Kiln+Works&sort=title' });
      const noisy = await app.inject({
        url: '/s/pantry/search?utm_source=mail&sort=title&vendor=Kiln+Works&q=mug&fbclid=x',
      });
      assert.equal(noisy.statusCode, 200);
      assert.equal(noisy.headers.etag, plain.headers.etag);
    });

    test('malformed parameters answer 400 with a page, never 500', async () => {
      for (const query of [
        'page=0',
        'page=abc',
        'page=501',
        'sort=cheapest',
        `q=${'x'.repeat(201)}`,
        'q=a&q=b',
        'min_price=ten',
        'min_price=10&max_price=5',
        'max_price=1.234',
        'option=Color',
        'option=:Sand',
        'in_stock=maybe',
        'category=Not%20A%20Handle',
        `vendor=${'v'.repeat(121)}`,
        Array.from({ length: 21 }, (_, i) => `vendor=v${i}`).join('&'),
        'option=A:1&option=B:1&option=C:1&option=D:1',
      ]) {
        for (const path of ['/s/pantry/search', '/s/pantry/categories/kitchen']) {
          const res = await app.inject({ url: `${path}?${query}` });
          assert.equal(res.statusCode, 400, `${path}?${query}: ${res.statusCode}`);
          assert.match(String(res.headers['content-type']), /^text\/html/);
          assert.match(res.body, /This address could not be read/);
        }
      }
      const unknown = await app.inject({ url: '/s/pantry/search?q=tea&category=no-such-category' });
      assert.equal(unknown.statusCode, 404);
      const beyond = await app.inject({ url: '/s/pantry/search?q=chamomile&page=2' });
      assert.equal(beyond.statusCode, 404, 'past the last page');
    });

    test('filters work together without script: price range form, in stock, option', async () => {
      const res = await app.inject({ url: '/s/pantry/categories/kitchen' });
      assert.match(
        res.body,
        /<form class="price-form" method="get" action="\/s\/pantry\/categories\/kitchen">/,
      );
      const ranged = await app.inject({ url: '/s/pantry/categories/kitchen?min_price=20&max_price=25' });
      // Mugs 10–15 have a Sand variant at 20.00–25.00 (and evens a Slate one at +0.50).
      assert.match(ranged.body, /6 products/);
      assert.ok(linksLabelled(ranged.body, '€20 – €25').length > 0, 'the chosen range can be removed');
      const stocked = await app.inject({ url: '/s/pantry/categories/kitchen?in_stock=1&option=Color:Slate' });
      assert.match(stocked.body, /15 products/);
    });
  });
}
