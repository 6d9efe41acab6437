import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createStore, type Store, systemActor } from '../modules/access/index.ts';
import { ensureCategoryPath } from '../modules/catalog/categories.ts';
import { createCollection, updateCollection } from '../modules/catalog/collections/collections.ts';
import {
  type CreateProductInput,
  createProduct,
  type ProductDetail,
  putProductTranslation,
} from '../modules/catalog/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { formatMoney } from '../platform/money.ts';
import { storefrontRoutes } from './index.ts';

const actor = systemActor('test');
const writer = { actor, canPublish: true };
const ORIGIN = 'http://localhost:80';

/** The href of every link in the page whose text includes `label`. */
function linksLabelled(html: string, label: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)]
    .filter((m) => m[2]!.replace(/<[^>]+>/g, '').includes(label))
    .map((m) => m[1]!.replaceAll('&amp;', '&'));
}

const cardTitles = (html: string) =>
  [...html.matchAll(/<h3 class="card-title">([^<]*)<\/h3>/g)].map((m) => m[1]!);
const countOf = (html: string) => /<p class="listing-count" role="status">([^<]*)<\/p>/.exec(html)?.[1];
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
const langOf = (html: string) => /^<!DOCTYPE html><html lang="([^"]*)"/.exec(html)?.[1];
const isNoindex = (html: string) => html.includes('<meta name="robots" content="noindex"/>');
/** The facet group titles, in order. */
const facetTitles = (html: string) => [...html.matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1]!);
/** Sort link labels, and the one marked current. */
function sortLinks(html: string) {
  const nav = /<nav class="sort-links"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  const links = [...nav.matchAll(/<a href="([^"]*)"( aria-current="true")?[^>]*>([^<]*)<\/a>/g)];
  return {
    labels: links.map((m) => m[3]!),
    current: links.find((m) => m[2])?.[3],
    hrefs: new Map(links.map((m) => [m[3]!, m[1]!.replaceAll('&amp;', '&')])),
  };
}

function hreflangsOf(html: string): Map<string, string> {
  const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)];
  return new Map(links.map((m) => [m[1]!, m[2]!]));
}

for (const target of testDatabaseTargets()) {
  describe(`collection pages on ${target.label}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let shop: Store;
    const mugs: ProductDetail[] = [];
    const bowls: ProductDetail[] = [];
    let manualId: string;

    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

    before(async () => {
      database = await target.create();
      const { db } = database;
      shop = await createStore(db, actor, {
        handle: 'atelier',
        name: 'Atelier',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'de'],
        domains: ['atelier.test'],
      });
      const mugCategory = await ensureCategoryPath(db, shop.id, 'Kitchen > Mugs');
      const bowlCategory = await ensureCategoryPath(db, shop.id, 'Kitchen > Bowls');
      const make = (input: CreateProductInput) =>
        createProduct(db, writer, shop, { status: 'active', ...input });
      for (let i = 1; i <= 3; i++) {
        bowls.push(
          await make({
            title: `Serving Bowl ${i}`,
            vendor: 'Kiln Works',
            categoryId: bowlCategory,
            tags: ['ceramic'],
            price: { amount: 400 + i * 100 },
          }),
        );
      }
      // Thirty mugs: two pages of 24 with the bowls; every third from Kiln Works, the even ones in slate too.
      for (let i = 1; i <= 30; i++) {
        mugs.push(
          await make({
            title: `Stoneware Mug ${String(i).padStart(2, '0')}`,
            vendor: i % 3 === 0 ? 'Kiln Works' : 'Clay Studio',
            categoryId: mugCategory,
            tags: ['ceramic'],
            options: [{ name: 'Color', values: ['Sand', 'Slate'] }],
            variants: [
              { optionValues: ['Sand'], price: { amount: 1000 + i * 100 } },
              ...(i % 2 === 0 ? [{ optionValues: ['Slate'], price: { amount: 1000 + i * 100 + 50 } }] : []),
            ],
          }),
        );
      }
      await make({ title: 'Garden Hose', tags: ['garden'], price: { amount: 2500 } });
      await make({ title: 'Draft Cup', tags: ['ceramic'], status: 'draft', price: { amount: 100 } });
      await putProductTranslation(db, writer, shop, mugs[0]!.product.id, 'de', {
        title: 'Steingutbecher 01',
      });
      await createCollection(db, actor, shop.id, {
        title: 'Ceramics',
        handle: 'ceramics',
        kind: 'rules',
        rules: [{ field: 'tag', operator: 'equals', value: 'ceramic' }],
        sortOrder: 'price_asc',
        description: '<p>Everything <strong>fired</strong> in a kiln.</p>',
      });
      const manual = await createCollection(db, actor, shop.id, {
        title: 'Staff picks',
        handle: 'staff-picks',
        kind: 'manual',
        sortOrder: 'manual',
        productIds: [bowls[1]!.product.id, mugs[4]!.product.id, bowls[0]!.product.id],
      });
      manualId = manual.id;
      app = Fastify();
      await app.register(storefrontRoutes, { db, cache: { ttlMs: 60_000 } });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('a rule collection lists its products on sale with every facet, in its own order first', async () => {
      const res = await get('/s/atelier/collections/ceramics');
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.equal(countOf(html), '33 products');
      assert.deepEqual(cardTitles(html).slice(0, 4), [
        'Serving Bowl 1',
        'Serving Bowl 2',
        'Serving Bowl 3',
        'Stoneware Mug 01',
      ]);
      assert.ok(!html.includes('Garden Hose') && !html.includes('Draft Cup'));
      assert.ok(html.includes('<strong>fired</strong>'), 'the description, through the allowlist');
      assert.deepEqual(facetTitles(html), ['Category', 'Brand', 'Color', 'Price', 'Availability']);
      const sorts = sortLinks(html);
      assert.equal(sorts.current, 'Price, low to high', 'the collection’s own order is the default');
      assert.equal(sorts.hrefs.get('Price, low to high'), '/s/atelier/collections/ceramics');
      assert.ok(!sorts.labels.includes('Featured'), 'a rule collection has no hand-picked order');
      assert.ok(sorts.labels.includes('Name, Z to A'));
      assert.ok(
        linksLabelled(html, 'Kiln Works').includes('/s/atelier/collections/ceramics?vendor=Kiln+Works'),
      );
      assert.ok(linksLabelled(html, 'Kitchen').includes('/s/atelier/collections/ceramics?category=kitchen'));
      assert.match(
        html,
        /<form class="price-form" method="get" action="\/s\/atelier\/collections\/ceramics">/,
      );
      assert.equal(canonicalOf(html), `${ORIGIN}/s/atelier/collections/ceramics`);
      assert.ok(!isNoindex(html));
      assert.match(html, /"@type":"CollectionPage"/);
    });

    test('facets narrow the collection and combine; each narrowed view is noindex, canonical to the plain one', async () => {
      const [kiln] = linksLabelled((await get('/s/atelier/collections/ceramics')).body, 'Kiln Works');
      const byVendor = await get(kiln!);
      assert.equal(countOf(byVendor.body), '13 products', 'ten Kiln Works mugs and three bowls');
      assert.ok(isNoindex(byVendor.body));
      assert.equal(canonicalOf(byVendor.body), `${ORIGIN}/s/atelier/collections/ceramics`);
      const [slate] = linksLabelled(byVendor.body, 'Slate');
      const both = await get(slate!);
      assert.equal(countOf(both.body), '5 products', 'Kiln Works mugs in slate: 6, 12, 18, 24, 30');
      assert.deepEqual(linksLabelled(both.body, 'Kiln Works ×'), [
        '/s/atelier/collections/ceramics?option=Color%3ASlate',
      ]);
      const priced = await get('/s/atelier/collections/ceramics?min_price=20&max_price=25');
      assert.equal(countOf(priced.body), '6 products', 'mugs 10 to 15 have a sand one at 20–25');
      const [bowlsLink] = linksLabelled(
        (await get('/s/atelier/collections/ceramics?category=kitchen')).body,
        'Bowls',
      );
      assert.equal(bowlsLink, '/s/atelier/collections/ceramics?category=kitchen-bowls');
      assert.deepEqual(cardTitles((await get(bowlsLink!)).body), [
        'Serving Bowl 1',
        'Serving Bowl 2',
        'Serving Bowl 3',
      ]);
      assert.equal(countOf((await get('/s/atelier/collections/ceramics?in_stock=1')).body), '33 products');
      assert.equal((await get('/s/atelier/collections/ceramics?category=no-such')).statusCode, 404);
    });

    test('sorting and pages are links; the old order names still work', async () => {
      const byName = await get('/s/atelier/collections/ceramics?sort=title-desc');
      assert.equal(cardTitles(byName.body)[0], 'Stoneware Mug 30');
      const [next] = linksLabelled(byName.body, 'Next ›');
      assert.equal(next, '/s/atelier/collections/ceramics?sort=title-desc&page=2');
      const second = await get(next!);
      assert.equal(cardTitles(second.body).length, 9);
      assert.equal(cardTitles(second.body).at(-1), 'Serving Bowl 1');
      assert.equal((await get('/s/atelier/collections/ceramics?page=3')).statusCode, 404);

      const oldName = await get('/s/atelier/collections/ceramics?sort=price_desc');
      const newName = await get('/s/atelier/collections/ceramics?sort=price-desc');
      assert.equal(oldName.statusCode, 200);
      assert.equal(oldName.headers.etag, newName.headers.etag, 'one page, one cache entry');
      assert.equal(cardTitles(newName.body)[0], 'Stoneware Mug 30');
      const ownOrder = await get('/s/atelier/collections/ceramics?sort=price-asc');
      assert.ok(!isNoindex(ownOrder.body), 'the default order spelled out is the plain listing');
      assert.equal(ownOrder.body, (await get('/s/atelier/collections/ceramics')).body);
    });

    test('a manual collection keeps its editor’s order first and offers it as “Featured”', async () => {
      const res = await get('/s/atelier/collections/staff-picks');
      assert.deepEqual(cardTitles(res.body), ['Serving Bowl 2', 'Stoneware Mug 05', 'Serving Bowl 1']);
      const sorts = sortLinks(res.body);
      assert.equal(sorts.current, 'Featured');
      const cheapest = await get(sorts.hrefs.get('Price, low to high')!);
      assert.deepEqual(cardTitles(cheapest.body), ['Serving Bowl 1', 'Serving Bowl 2', 'Stoneware Mug 05']);
      const narrowed = await get('/s/atelier/collections/staff-picks?vendor=Kiln+Works');
      assert.deepEqual(
        cardTitles(narrowed.body),
        ['Serving Bowl 2', 'Serving Bowl 1'],
        'filters keep the order',
      );
    });

    test('under the locale prefix: German words, localized cards and prices, hreflang and canonical', async () => {
      const res = await get('/s/atelier/de/collections/ceramics');
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.equal(langOf(html), 'de');
      assert.equal(canonicalOf(html), `${ORIGIN}/s/atelier/de/collections/ceramics`);
      assert.deepEqual(
        hreflangsOf(html),
        new Map([
          ['en', `${ORIGIN}/s/atelier/collections/ceramics`],
          ['de', `${ORIGIN}/s/atelier/de/collections/ceramics`],
          ['x-default', `${ORIGIN}/s/atelier/collections/ceramics`],
        ]),
      );
      assert.deepEqual(hreflangsOf((await get('/s/atelier/collections/ceramics')).body), hreflangsOf(html));
      assert.equal(countOf(html), '33 Produkte');
      assert.deepEqual(facetTitles(html), ['Kategorie', 'Marke', 'Color', 'Preis', 'Verfügbarkeit']);
      assert.equal(sortLinks(html).current, 'Preis aufsteigend');
      for (const word of ['Startseite', 'Auf Lager', 'Sortieren:', 'Weiter ›', 'Anwenden', 'Suche']) {
        assert.ok(html.includes(word), word);
      }
      assert.ok(!/>(Home|Brand|Next ›|In stock|Apply)</.test(html), 'no English words left');
      assert.ok(cardTitles(html).includes('Steingutbecher 01'), 'translated titles on cards');
      assert.ok(html.includes(formatMoney(1100, 'EUR', 'de')), 'prices written the German way');
      assert.ok(
        linksLabelled(html, 'Kiln Works').includes('/s/atelier/de/collections/ceramics?vendor=Kiln+Works'),
        'facets stay in the locale',
      );
      assert.ok(
        linksLabelled(html, 'Steingutbecher 01').includes(
          `/s/atelier/de/products/${mugs[0]!.product.handle}`,
        ),
      );

      const onDomain = await get('/de/collections/ceramics', { host: 'atelier.test' });
      assert.equal(onDomain.statusCode, 200);
      assert.equal(canonicalOf(onDomain.body), 'http://atelier.test/de/collections/ceramics');

      const second = await get('/s/atelier/de/collections/ceramics?page=2');
      assert.equal(canonicalOf(second.body), `${ORIGIN}/s/atelier/de/collections/ceramics?page=2`);
      assert.equal(hreflangsOf(second.body).get('en'), `${ORIGIN}/s/atelier/collections/ceramics?page=2`);
      assert.match(second.body, /<title>Ceramics – Atelier \(Seite 2\)<\/title>/);

      const filtered = await get('/s/atelier/de/collections/ceramics?vendor=Kiln+Works');
      assert.ok(isNoindex(filtered.body));
      assert.equal(canonicalOf(filtered.body), `${ORIGIN}/s/atelier/de/collections/ceramics`);
      assert.ok(filtered.body.includes('Filter Kiln Works entfernen'));
    });

    test('locale spellings: unknown is 404, other case and the default spelled out answer 301', async () => {
      assert.equal((await get('/s/atelier/fr/collections/ceramics')).statusCode, 404);
      const upper = await get('/s/atelier/DE/collections/ceramics?sort=title');
      assert.equal(upper.statusCode, 301);
      assert.equal(upper.headers.location, '/s/atelier/de/collections/ceramics?sort=title');
      const spelled = await get('/s/atelier/en/collections/ceramics');
      assert.equal(spelled.statusCode, 301);
      assert.equal(spelled.headers.location, '/s/atelier/collections/ceramics');
    });

    test('a malformed address answers 400 in the page’s language', async () => {
      const res = await get('/s/atelier/de/collections/ceramics?page=abc');
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('Diese Adresse konnte nicht gelesen werden'));
      assert.ok(res.body.includes('Der Teil „page“ der Adresse ist ungültig.'));
      const english = await get('/s/atelier/collections/ceramics?sort=cheapest');
      assert.equal(english.statusCode, 400);
      assert.ok(english.body.includes('This address could not be read'));
    });

    test('the page cache keeps locales and filters apart, and ignores parameters that change nothing', async () => {
      const plain = await get('/s/atelier/collections/ceramics');
      const german = await get('/s/atelier/de/collections/ceramics');
      const filtered = await get('/s/atelier/collections/ceramics?vendor=Kiln+Works');
      const germanFiltered = await get('/s/atelier/de/collections/ceramics?vendor=Kiln+Works');
      const etags = new Set([plain, german, filtered, germanFiltered].map((r) => r.headers.etag));
      assert.equal(etags.size, 4);
      assert.equal(countOf(germanFiltered.body), '13 Produkte');
      assert.equal(countOf(filtered.body), '13 products');
      const noisy = await get(
        '/s/atelier/de/collections/ceramics?utm_source=mail&vendor=Kiln+Works&fbclid=1',
      );
      assert.equal(noisy.headers.etag, germanFiltered.headers.etag);
    });

    test('a renamed collection answers 301 from its old handle, in the locale too', async () => {
      await updateCollection(database.db, actor, shop.id, manualId, { handle: 'our-picks' });
      const old = await get('/s/atelier/de/collections/staff-picks');
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, '/s/atelier/de/collections/our-picks');
      assert.equal((await get('/s/atelier/de/collections/our-picks')).statusCode, 200);
      assert.equal((await get('/s/atelier/collections/nothing-here')).statusCode, 404);
    });

    test('the other pages speak German under /de/ too', async () => {
      const home = (await get('/s/atelier/de/')).body;
      assert.ok(home.includes('Alle Produkte') && home.includes('Onlineshop') && home.includes('Sortiment'));
      const product = (await get(`/s/atelier/de/products/${mugs[1]!.product.handle}`)).body;
      for (const word of [
        'Verfügbarkeit',
        'Auf Lager',
        'Mehr von Atelier',
        'Variante wählen',
        'Startseite',
      ]) {
        assert.ok(product.includes(word), word);
      }
      const search = (await get('/s/atelier/de/search?q=bowl')).body;
      assert.ok(search.includes('Ergebnisse für „bowl“') && search.includes('3 Produkte'));
      assert.ok(search.includes('placeholder="Wonach suchen Sie?"'));
      const nothing = (await get('/s/atelier/de/search?q=zzzzqqq')).body;
      assert.ok(nothing.includes('Nichts passt zu „zzzzqqq“'));
      const category = await get('/s/atelier/de/categories/kitchen');
      assert.ok(category.body.includes('33 Produkte'));
      assert.equal(hreflangsOf(category.body).get('de'), `${ORIGIN}/s/atelier/de/categories/kitchen`);
      const missing = await get('/s/atelier/de/products/no-such-product');
      assert.equal(missing.statusCode, 404);
      assert.ok(missing.body.includes('Dieses Produkt ist nicht erhältlich'));
      assert.ok(missing.body.includes('Zurück zum Shop'));
    });
  });
}
