import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import {
  createProduct,
  type ProductDetail,
  putProductTranslation,
  updateProduct,
} from '../../modules/catalog/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { formatMoney } from '../../platform/money.ts';
import { invalidateStorefront, storefrontRoutes } from '../index.ts';

const actor = systemActor('test');
const writer = { actor, canPublish: true };
const ORIGIN = 'http://localhost:80';

const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
const langOf = (html: string) => /^<!DOCTYPE html><html lang="([^"]*)"/.exec(html)?.[1];
const h1Of = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];

/** hreflang → href of a page's alternate links. */
function hreflangsOf(html: string): Map<string, string> {
  const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)];
  return new Map(links.map((m) => [m[1]!, m[2]!]));
}

function jsonLdOf(html: string) {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(block![1]!) as { name: string; description: string; offers: { url: string }[] };
}

for (const target of testDatabaseTargets()) {
  describe(`storefront locales on ${target.label}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let maison: Store;
    let mug: ProductDetail;
    let towel: ProductDetail;

    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

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
      mug = await createProduct(db, writer, maison, {
        title: 'Stoneware Mug',
        handle: 'stoneware-mug',
        description: '<p>A speckled <b>stoneware</b> mug.</p>',
        status: 'active',
        options: [{ name: 'Size', values: ['Small', 'Large'] }],
        variants: [
          { optionValues: ['Small'], price: { amount: 2400 }, sku: 'MUG-S' },
          { optionValues: ['Large'], price: { amount: 2800 }, sku: 'MUG-L' },
        ],
        images: [{ url: 'https://cdn.example.com/mug.jpg', alt: 'A grey mug' }],
      });
      towel = await createProduct(db, writer, maison, {
        title: 'Linen Towel',
        handle: 'linen-towel',
        description: 'Soft linen.',
        status: 'active',
        price: { amount: 1500 },
      });
      await putProductTranslation(db, writer, maison, mug.product.id, 'fr', {
        title: 'Tasse en grès',
        description: '<p>Une tasse <b>mouchetée</b>.<script>alert(1)</script></p>',
        handle: 'tasse-en-gres',
        options: { Size: { name: 'Taille', values: { Small: 'Petite', Large: 'Grande' } } },
        images: { [mug.images[0]!.id]: 'Une tasse grise' },
      });
      await putProductTranslation(db, writer, maison, mug.product.id, 'de-CH', { title: 'Steingutbecher' });

      app = Fastify();
      await app.register(storefrontRoutes, { db, cache: { ttlMs: 60_000 } });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('a path prefix picks the locale, whatever Accept-Language says', async () => {
      const res = await get('/s/maison/fr/products/tasse-en-gres', { 'accept-language': 'de-CH, en;q=0.5' });
      assert.equal(res.statusCode, 200);
      assert.equal(langOf(res.body), 'fr');
      assert.equal(h1Of(res.body), 'Tasse en grès');
      assert.equal(canonicalOf(res.body), `${ORIGIN}/s/maison/fr/products/tasse-en-gres`);
      assert.equal(res.headers.vary, 'accept-encoding', 'a prefixed page does not vary by language');

      const byHost = await get('/fr/products/tasse-en-gres', { host: 'maison.test' });
      assert.equal(byHost.statusCode, 200);
      assert.equal(canonicalOf(byHost.body), 'http://maison.test/fr/products/tasse-en-gres');
      assert.equal((await get('/fr/', { host: 'maison.test' })).statusCode, 200);
    });

    test('the home without a prefix sends a browser from elsewhere to its language, and varies by it', async () => {
      const french = await get('/s/maison/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' });
      assert.equal(french.statusCode, 302);
      assert.equal(french.headers.location, '/s/maison/fr/');
      assert.match(String(french.headers.vary), /accept-language/);

      const swiss = await get('/', { host: 'maison.test', 'accept-language': 'de-CH' });
      assert.equal(swiss.statusCode, 302);
      assert.equal(swiss.headers.location, '/de-ch/');

      const headerSets: Record<string, string>[] = [
        {},
        { 'accept-language': 'en-GB,fr;q=0.5' },
        { 'accept-language': 'ja, *;q=0.1' },
      ];
      for (const headers of headerSets) {
        const res = await get('/s/maison/', headers);
        assert.equal(res.statusCode, 200, JSON.stringify(headers));
        assert.equal(langOf(res.body), 'en');
        assert.equal(res.headers.vary, 'accept-encoding, accept-language, referer');
      }
      // Someone already in the store who picks the default language gets it.
      const chosen = await get('/s/maison/', {
        'accept-language': 'fr',
        referer: 'http://localhost:80/s/maison/fr/products/tasse-en-gres',
      });
      assert.equal(chosen.statusCode, 200);
      assert.equal(langOf(chosen.body), 'en');
      const solo = await get('/s/solo/', { 'accept-language': 'fr' });
      assert.equal(solo.statusCode, 200, 'a store with one locale never redirects');
      assert.equal(solo.headers.vary, 'accept-encoding');
    });

    test('a locale the store does not serve is a 404; the default locale and odd case spelled out answer 301', async () => {
      for (const url of [
        '/s/maison/es/products/stoneware-mug',
        '/s/maison/es/',
        '/s/maison/x1/',
        '/s/solo/fr/',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /<meta name="robots" content="noindex"\/>/);
      }
      assert.equal((await get('/es/products/stoneware-mug', { host: 'maison.test' })).statusCode, 404);
      const spelled = await get('/s/maison/en/products/stoneware-mug?variant=x');
      assert.equal(spelled.statusCode, 301);
      assert.equal(spelled.headers.location, '/s/maison/products/stoneware-mug?variant=x');
      const upper = await get('/s/maison/FR/');
      assert.equal(upper.statusCode, 301);
      assert.equal(upper.headers.location, '/s/maison/fr/');
      const bare = await get('/s/maison/fr');
      assert.equal(bare.statusCode, 301);
      assert.equal(bare.headers.location, '/s/maison/fr/');
    });

    test('translated fields replace the default text; what is not translated falls back to the default locale', async () => {
      const fr = (await get('/s/maison/fr/products/tasse-en-gres')).body;
      assert.ok(fr.includes('Une tasse <b>mouchetée</b>.'), 'translated description, through the allowlist');
      assert.ok(!fr.includes('alert(1)'), 'no script from a translation');
      assert.ok(fr.includes('Petite') && fr.includes('Grande'), 'option values');
      assert.ok(fr.includes('alt="Une tasse grise"'), 'image alt text');
      assert.ok(fr.includes(formatMoney(2400, 'EUR', 'fr')), 'prices in the page locale');
      assert.match(
        fr,
        /<title>Tasse en grès \| Maison<\/title>/,
        'the page title follows the translated title',
      );
      const ld = jsonLdOf(fr);
      assert.equal(ld.name, 'Tasse en grès');
      assert.equal(ld.description, 'Une tasse mouchetée.');
      assert.equal(ld.offers[0]!.url.split('?')[0], `${ORIGIN}/s/maison/fr/products/tasse-en-gres`);

      const de = await get('/s/maison/de-ch/products/stoneware-mug');
      assert.equal(de.statusCode, 200, 'no German handle: the default handle serves');
      assert.equal(langOf(de.body), 'de-CH');
      assert.equal(h1Of(de.body), 'Steingutbecher');
      assert.ok(de.body.includes('A speckled <b>stoneware</b> mug.'), 'untranslated description falls back');
      assert.ok(de.body.includes('alt="A grey mug"') && de.body.includes('Small'));

      const towelFr = await get('/s/maison/fr/products/linen-towel');
      assert.equal(towelFr.statusCode, 200);
      assert.equal(langOf(towelFr.body), 'fr');
      assert.equal(h1Of(towelFr.body), 'Linen Towel');

      const home = (await get('/s/maison/fr/')).body;
      assert.ok(
        home.includes('href="/s/maison/fr/products/tasse-en-gres"'),
        'cards link to the localized address',
      );
      assert.ok(home.includes('Tasse en grès') && home.includes('href="/s/maison/fr/products/linen-towel"'));
      const moved = await get('/s/maison/fr/products/stoneware-mug');
      assert.equal(moved.statusCode, 301, 'the default handle in a locale with its own handle');
      assert.equal(moved.headers.location, '/s/maison/fr/products/tasse-en-gres');
    });

    test('hreflang alternates are complete, reciprocal and include x-default, on product and home pages', async () => {
      const productUrls = [
        `${ORIGIN}/s/maison/products/stoneware-mug`,
        `${ORIGIN}/s/maison/fr/products/tasse-en-gres`,
        `${ORIGIN}/s/maison/de-ch/products/stoneware-mug`,
      ];
      const homeUrls = [`${ORIGIN}/s/maison/`, `${ORIGIN}/s/maison/fr/`, `${ORIGIN}/s/maison/de-ch/`];
      for (const urls of [productUrls, homeUrls]) {
        const expected = new Map([
          ['en', urls[0]!],
          ['fr', urls[1]!],
          ['de-CH', urls[2]!],
          ['x-default', urls[0]!],
        ]);
        for (const url of urls) {
          const html = (await get(url.slice(ORIGIN.length))).body;
          assert.deepEqual(hreflangsOf(html), expected, url);
          assert.equal(
            canonicalOf(html),
            url,
            'each version is its own canonical, listed among the alternates',
          );
        }
      }
      const solo = (await get('/s/solo/')).body;
      assert.equal(hreflangsOf(solo).size, 0, 'one locale, no alternates');
      const footer = (await get('/s/maison/de-ch/')).body;
      assert.ok(footer.includes('<nav aria-label="Sprache">') && footer.includes('>Français</a>'));
    });

    test('the page cache keeps each locale apart', async () => {
      invalidateStorefront();
      // Warm the French versions first; the English ones must still be English.
      await get('/s/maison/fr/products/tasse-en-gres');
      await get('/s/maison/fr/');
      const en = await get('/s/maison/products/stoneware-mug');
      assert.equal(h1Of(en.body), 'Stoneware Mug');
      assert.equal(langOf(en.body), 'en');
      const enHome = await get('/s/maison/', { 'accept-language': 'en' });
      assert.ok(!enHome.body.includes('Tasse en grès') && enHome.body.includes('Stoneware Mug'));
      // And the other way round, after a French browser was redirected from the same address.
      invalidateStorefront();
      await get('/s/maison/', { 'accept-language': 'fr' });
      const again = await get('/s/maison/');
      assert.equal(langOf(again.body), 'en');
      const fr = await get('/s/maison/fr/');
      assert.notEqual(fr.headers.etag, again.headers.etag);
      const revalidate = await get('/s/maison/fr/', { 'if-none-match': String(again.headers.etag) });
      assert.equal(revalidate.statusCode, 200, "the English page's ETag does not validate the French one");
    });

    test('the sitemap lists every page in every locale with its alternates', async () => {
      const res = await get('/s/maison/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.match(
        res.body,
        /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/,
      );
      const urls = [
        ...res.body.matchAll(
          /<url><loc>([^<]+)<\/loc>(?:<lastmod>[^<]+<\/lastmod>)?((?:<xhtml:link [^>]+\/>)*)<\/url>/g,
        ),
      ];
      assert.equal(urls.length, 3 * 3, 'home and two products, in three locales');
      for (const [, loc, links] of urls) {
        const alternates = [...links!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(
          (m) => `${m[1]} ${m[2]}`,
        );
        assert.equal(alternates.length, 4, loc);
        assert.ok(
          alternates.some((a) => a.endsWith(` ${loc}`)),
          `${loc} lists itself`,
        );
        assert.ok(alternates.some((a) => a.startsWith('x-default ')));
      }
      assert.ok(res.body.includes(`<loc>${ORIGIN}/s/maison/fr/products/tasse-en-gres</loc>`));
      assert.ok(res.body.includes(`<loc>${ORIGIN}/s/maison/de-ch/products/linen-towel</loc>`));
      const solo = (await get('/s/solo/sitemap.xml')).body;
      assert.ok(!solo.includes('xhtml'), 'a one-locale store keeps the plain sitemap');
    });

    test('handle changes in a locale, and of the default handle, leave 301s that land in the locale', async () => {
      const { db } = database;
      await putProductTranslation(db, writer, maison, mug.product.id, 'fr', {
        title: 'Tasse en grès',
        handle: 'tasse-gres',
      });
      await updateProduct(db, writer, maison.id, towel.product.id, { handle: 'linen-tea-towel' });
      invalidateStorefront();
      const cases: [string, string][] = [
        ['/s/maison/fr/products/tasse-en-gres', '/s/maison/fr/products/tasse-gres'],
        ['/s/maison/fr/products/stoneware-mug', '/s/maison/fr/products/tasse-gres'],
        ['/s/maison/fr/products/linen-towel', '/s/maison/fr/products/linen-tea-towel'],
        ['/s/maison/de-ch/products/linen-towel', '/s/maison/de-ch/products/linen-tea-towel'],
        ['/s/maison/products/linen-towel', '/s/maison/products/linen-tea-towel'],
      ];
      for (const [from, to] of cases) {
        const res = await get(from);
        assert.equal(res.statusCode, 301, from);
        assert.equal(res.headers.location, to, from);
        assert.equal((await get(to)).statusCode, 200, to);
      }
      // Dropping the localized handle sends its address back to the default handle in that locale.
      await putProductTranslation(db, writer, maison, mug.product.id, 'fr', { title: 'Tasse en grès' });
      invalidateStorefront();
      const back = await get('/s/maison/fr/products/tasse-gres');
      assert.equal(back.headers.location, '/s/maison/fr/products/stoneware-mug');
    });
  });
}
