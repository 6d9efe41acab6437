// The storefront records what shoppers do through the real app: page views, products and listings
// shown, searches (with and without results), cart changes; sessions from campaign links; bots left
// out; the consent banner when the store asks first; the ingest API for other channels.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  makeApiKey,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import type { Store } from '../../modules/access/index.ts';
import { makeProduct } from '../../modules/checkout/testing/selling-setup.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

interface EventRecord {
  name: string;
  visitor_id: string;
  session_id: string;
  session_start: boolean;
  consented: boolean;
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  landing_path: string | null;
  page_path: string | null;
  device: string;
  country: string | null;
  product_id: string | null;
  variant_id: string | null;
  list_name: string | null;
  search_term: string | null;
  results_count: number | null;
}

/** A browser's cookie jar, enough for these requests. */
class Jar {
  #cookies = new Map<string, string>();
  take(res: { cookies: { name: string; value: string; maxAge?: number }[] }) {
    for (const c of res.cookies) {
      if (c.maxAge === 0 || c.value === '') this.#cookies.delete(c.name);
      else this.#cookies.set(c.name, c.value);
    }
  }
  has(name: string) {
    return this.#cookies.has(name);
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

for (const target of testDatabaseTargets()) {
  describe(`storefront events on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let lamp: { productId: string; handle: string; variantIds: string[] };

    const events = async (where = sql`true`): Promise<EventRecord[]> => {
      await sp.eventBuffer.flush();
      return resultRows<EventRecord>(
        await database.db.execute(
          sql`select * from analytics_events where store_id = ${store.id} and ${where} order by occurred_at, received_at, name`,
        ),
      );
    };
    const visit = async (jar: Jar, url: string, headers: Record<string, string> = {}) => {
      const res = await sp.app.inject({
        url,
        headers: { 'user-agent': chrome, 'accept-language': 'de-DE', cookie: jar.header(), ...headers },
      });
      jar.take(res);
      return res;
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'lumen');
      lamp = await makeProduct(database, store, { title: 'Brass Lamp', price: 4500 });
      await makeProduct(database, store, { title: 'Linen Shade', price: 1900 });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('a visit from a newsletter: its pages, product, searches and cart, all in one Email session', async () => {
      const jar = new Jar();
      const landing = await visit(
        jar,
        `/s/lumen/products/${lamp.handle}?utm_source=newsletter&utm_medium=email&utm_campaign=winter`,
      );
      assert.equal(landing.statusCode, 200);
      assert.ok(jar.has('sp_vid') && jar.has('sp_ses'), 'visitor and session cookies');
      const visitorCookie = landing.cookies.find((c) => c.name === 'sp_vid')!;
      assert.equal(visitorCookie.httpOnly, true);
      assert.equal(visitorCookie.path, '/s/lumen');
      assert.equal((await visit(jar, '/s/lumen/search?q=lamp')).statusCode, 200);
      assert.equal((await visit(jar, '/s/lumen/search?q=chandelier')).statusCode, 200);
      // The same page again comes from the page cache, and counts all the same.
      await visit(jar, `/s/lumen/products/${lamp.handle}`);
      const added = await sp.app.inject({
        method: 'POST',
        url: '/s/lumen/cart/lines',
        headers: {
          'user-agent': chrome,
          'accept-language': 'de-DE',
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: jar.header(),
        },
        payload: `variantId=${lamp.variantIds[0]}&quantity=2`,
      });
      assert.equal(added.statusCode, 303, added.body);
      jar.take(added);
      assert.equal((await visit(jar, '/s/lumen/cart')).statusCode, 200);

      const recorded = await events();
      assert.deepEqual(
        recorded.map((e) => e.name),
        [
          'page_view',
          'view_item',
          'page_view',
          'search',
          'view_item_list',
          'page_view',
          'search',
          'view_item_list',
          'page_view',
          'view_item',
          'add_to_cart',
          'page_view',
          'view_cart',
        ],
      );
      const [first] = recorded;
      assert.ok(
        recorded.every((e) => e.session_id === first!.session_id && e.visitor_id === first!.visitor_id),
      );
      assert.deepEqual(
        recorded.map((e) => e.session_start),
        recorded.map((_, i) => i === 0),
      );
      for (const e of recorded) {
        assert.equal(e.channel, 'Email');
        assert.equal(e.source, 'newsletter');
        assert.equal(e.campaign, 'winter');
        assert.equal(e.landing_path, `/s/lumen/products/${lamp.handle}`);
        assert.equal(e.device, 'desktop');
        assert.equal(e.country, 'DE', 'from the browser language');
        assert.equal(e.consented, true);
      }
      assert.equal(recorded[1]!.product_id, lamp.productId);
      assert.equal(recorded[1]!.variant_id, lamp.variantIds[0]);
      const searches = recorded.filter((e) => e.name === 'search');
      assert.deepEqual(
        searches.map((e) => [e.search_term, e.results_count]),
        [
          ['lamp', 1],
          ['chandelier', 0],
        ],
      );
      const cart = recorded.find((e) => e.name === 'add_to_cart')!;
      assert.equal(cart.variant_id, lamp.variantIds[0]);
    });

    test('a Google search click on a phone starts its own session; a bot is counted, not recorded', async () => {
      const jar = new Jar();
      await visit(jar, '/s/lumen/', {
        'user-agent': iphone,
        referer: 'https://www.google.com/',
        'cf-ipcountry': 'FR',
      });
      const [home] = await events(sql`device = 'mobile'`);
      assert.equal(home?.channel, 'Organic Search');
      assert.equal(home?.source, 'google');
      assert.equal(home?.country, 'FR', 'a CDN country header wins');
      const list = await events(sql`device = 'mobile' and name = 'view_item_list'`);
      assert.equal(list[0]?.list_name, 'home');
      assert.equal(list[0]?.results_count, 2);

      const before = (await events()).length;
      const bot = new Jar();
      const crawled = await visit(bot, `/s/lumen/products/${lamp.handle}`, {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      });
      assert.equal(crawled.statusCode, 200);
      assert.equal(bot.has('sp_vid'), false, 'no cookie for a crawler');
      assert.equal((await events()).length, before);
      const [hits] = resultRows<{ hits: number }>(
        await database.db.execute(
          sql`select sum(hits)::int as hits from analytics_filtered_hits where store_id = ${store.id} and reason = 'bot'`,
        ),
      );
      assert.equal(hits?.hits, 1);
    });

    test('a store that asks first: a banner and no cookie until the visitor accepts', async () => {
      const api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['analytics:read', 'analytics:write']),
      );
      const changed = await api({
        method: 'PATCH',
        url: `/api/admin/stores/${store.id}/analytics/settings`,
        payload: { consentMode: 'required' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual(changed.json(), { settings: { consentMode: 'required' } });
      const bad = await api({
        method: 'PATCH',
        url: `/api/admin/stores/${store.id}/analytics/settings`,
        payload: { consentMode: 'sometimes' },
      });
      assert.equal(bad.statusCode, 400);

      const jar = new Jar();
      const page = await visit(jar, `/s/lumen/products/${lamp.handle}`, { 'user-agent': iphone });
      assert.ok(page.body.includes('class="consent-banner"'), 'the banner');
      assert.ok(page.body.includes('We count visits'), 'in the page language');
      assert.equal(jar.has('sp_vid'), false);
      const [counted] = await events(sql`consented = false`);
      assert.ok(counted?.visitor_id.startsWith('a_'), 'counted without a cookie');

      const refused = await sp.app.inject({
        method: 'POST',
        url: '/s/lumen/consent',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          referer: `https://evil.example/s/lumen/products/${lamp.handle}`,
          origin: 'https://evil.example',
        },
        payload: 'choice=granted',
      });
      assert.equal(refused.statusCode, 303);
      assert.equal(refused.cookies.length, 0, 'another site cannot answer for the visitor');

      const answered = await sp.app.inject({
        method: 'POST',
        url: '/s/lumen/consent',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'same-origin',
          host: 'shop.test',
          referer: `http://shop.test/s/lumen/products/${lamp.handle}?variant=${lamp.variantIds[0]}`,
        },
        payload: 'choice=granted',
      });
      assert.equal(answered.statusCode, 303);
      assert.equal(
        answered.headers.location,
        `/s/lumen/products/${lamp.handle}?variant=${lamp.variantIds[0]}`,
      );
      jar.take(answered);
      const after = await visit(jar, `/s/lumen/products/${lamp.handle}`, { 'user-agent': iphone });
      assert.ok(!after.body.includes('class="consent-banner"'), 'no banner once answered');
      assert.ok(jar.has('sp_vid'), 'the visitor cookie once accepted');
      await api({
        method: 'PATCH',
        url: `/api/admin/stores/${store.id}/analytics/settings`,
        payload: { consentMode: 'not_required' },
      });
    });

    test('the ingest API: a batch is stored once; a bad event refuses the batch; permission is checked', async () => {
      const api = withApiKey(sp.app, await makeApiKey(database, store.id, ['analytics:write']));
      const reader = withApiKey(sp.app, await makeApiKey(database, store.id, ['analytics:read']));
      const url = `/api/admin/stores/${store.id}/analytics/events`;
      const batch = {
        events: [
          {
            eventId: 'app-1',
            name: 'add_to_cart',
            occurredAt: '2026-10-02T09:15:02+01:00',
            visitorId: 'app-user-1',
            source: 'google',
            medium: 'cpc',
            campaign: 'brand',
            device: 'mobile',
            country: 'de',
            value: 2400,
            currency: 'eur',
            items: [{ variantId: lamp.variantIds[0], quantity: 1, price: 2400 }],
          },
          {
            eventId: 'app-2',
            name: 'page_view',
            occurredAt: '2026-10-02T09:14:00Z',
            visitorId: 'app-user-1',
          },
        ],
      };
      const sent = await api({ method: 'POST', url, payload: batch });
      assert.equal(sent.statusCode, 202, sent.body);
      assert.deepEqual(sent.json(), { accepted: 2, duplicates: 0 });
      const again = await api({ method: 'POST', url, payload: batch });
      assert.deepEqual(again.json(), { accepted: 0, duplicates: 2 });
      const stored = await events(sql`visitor_id = 'app-user-1'`);
      assert.equal(stored.length, 2);
      const cart = stored.find((e) => e.name === 'add_to_cart')!;
      assert.equal(cart.channel, 'Paid Search');
      assert.equal(cart.country, 'DE');
      assert.equal(stored[0]!.session_id, stored[1]!.session_id, 'one session per visitor and day');

      const bad = await api({
        method: 'POST',
        url,
        payload: {
          events: [
            { eventId: 'app-3', name: 'page_view', occurredAt: '2026-10-02T10:00:00Z', visitorId: 'u2' },
            { eventId: 'app-4', name: 'checkout_done', occurredAt: 'yesterday', visitorId: 'u2' },
            {
              eventId: 'app-5',
              name: 'purchase',
              occurredAt: '2026-10-02T10:00:00Z',
              visitorId: 'u2',
              value: 10,
            },
            { eventId: 'app-6', name: 'page_view', occurredAt: '2099-01-01T00:00:00Z', visitorId: 'u2' },
          ],
        },
      });
      assert.equal(bad.statusCode, 422, bad.body);
      const error = bad.json().error;
      assert.equal(error.code, 'invalid_events');
      const paths = error.details.problems.map(
        (p: { index: number; path: string }) => `${p.index}:${p.path}`,
      );
      assert.ok(paths.includes('1:name') && paths.includes('1:occurredAt'), paths.join(' '));
      assert.ok(paths.includes('2:currency') && paths.includes('3:occurredAt'), paths.join(' '));
      assert.equal((await events(sql`visitor_id = 'u2'`)).length, 0, 'nothing of a refused batch');

      const empty = await api({ method: 'POST', url, payload: { events: [] } });
      assert.equal(empty.statusCode, 400);
      const tooMany = await api({
        method: 'POST',
        url,
        payload: { events: Array.from({ length: 1001 }, () => ({})) },
      });
      assert.equal(tooMany.statusCode, 400);
      const forbidden = await reader({ method: 'POST', url, payload: batch });
      assert.equal(forbidden.statusCode, 403);
    });
  });
}
