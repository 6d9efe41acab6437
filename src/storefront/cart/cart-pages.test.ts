// The cart and the currency on the storefront, through HTTP as a browser without script would use
// them: add to cart from a product page's form, change the quantity, apply a code, see the shipping
// estimate and tax for a country, switch the country and see prices change everywhere.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { makeStore, startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import type { Store } from '../../modules/access/index.ts';
import {
  makeDiscount,
  makeMarket,
  makeProduct,
  makeZone,
  setUpTax,
  type TestProduct,
} from '../../modules/checkout/testing/selling-setup.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';

const HOST = 'shop.test';
const ORIGIN = `http://${HOST}`;

/** A browser without script: keeps cookies, sends the Origin of this site on posts. */
class Shopper {
  cookies = new Map<string, string>();

  constructor(
    private readonly sp: TestApp,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(url: string, headers: Record<string, string> = {}) {
    return this.send({ method: 'GET', url, headers });
  }

  async post(
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = { origin: ORIGIN },
  ) {
    return this.send({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  private async send(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.sp.app.inject({
      ...options,
      headers: { host: HOST, ...this.headers, ...(cookie ? { cookie } : {}), ...options.headers },
    } as InjectOptions);
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const text = (html: string) =>
  html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0|\u202f/g, ' ')
    .replace(/\s+/g, ' ');
function jsonLdOffers(html: string): { price: string; priceCurrency: string }[] {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const offers = JSON.parse(block!).offers;
  return Array.isArray(offers) ? offers : [offers];
}

for (const target of testDatabaseTargets()) {
  describe(`the storefront cart on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let mug: TestProduct;
    let lamp: TestProduct;
    const at = (path: string) => `/s/${store.handle}${path}`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, `shop-${process.pid}`, 'EUR');
      mug = await makeProduct(database, store, {
        title: 'Stoneware mug',
        price: 1_999,
        compareAt: 2_499,
        sizes: ['Small', 'Large'],
        prices: [1_999, 2_299],
      });
      lamp = await makeProduct(database, store, { title: 'Brass lamp', price: 8_900 });
      await makeMarket(database, store, {
        name: 'Japan',
        currency: 'JPY',
        countries: ['JP'],
        rate: '162.37',
        priceList: { convertCompareAt: true },
      });
      await setUpTax(database, store.id, {
        settings: { pricesIncludeTax: true },
        rates: [
          { country: 'DE', ratePpm: 190_000, name: 'VAT 19 %' },
          { country: 'JP', ratePpm: 100_000, name: 'JCT 10 %' },
        ],
      });
      await makeZone(database, store.id, { name: 'Germany', countries: [{ country: 'DE' }] }, [
        {
          name: 'Standard',
          type: 'flat',
          estimate: { minDays: 1, maxDays: 2 },
          prices: [{ currency: 'EUR', amount: 490 }],
        },
      ]);
      await makeZone(database, store.id, { name: 'Japan', countries: [{ country: 'JP' }] }, [
        { name: 'International', type: 'flat', prices: [{ currency: 'JPY', amount: 2_500 }] },
      ]);
      await makeDiscount(database, store.id, {
        title: 'Welcome',
        kind: 'code',
        codes: ['WELCOME10'],
        type: 'percentage',
        percentBp: 1000,
      });
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    test('add to cart from the product page’s form, then change the quantity', async () => {
      const shopper = new Shopper(sp);
      const page = await shopper.get(at(`/products/${mug.handle}`));
      assert.equal(page.statusCode, 200);
      const form = /<form method="post" action="([^"]+)" class="buy">([\s\S]*?)<\/form>/.exec(page.body);
      assert.ok(form, 'the product page has an add-to-cart form');
      assert.equal(form[1], at('/cart/lines'));
      assert.match(form[2]!, /<select name="variantId">/);
      const large = mug.variantIds[1]!;
      assert.ok(form[2]!.includes(`value="${large}"`));

      const added = await shopper.post(form[1]!, { variantId: large, quantity: '2' });
      assert.equal(added.statusCode, 303);
      assert.match(added.headers.location as string, new RegExp(`^${at('/cart')}\\?added=cartl_`));
      const cookie = added.cookies.find((c) => c.name === 'sp_cart')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, `/s/${store.handle}`);
      assert.equal(cookie.maxAge, 30 * 24 * 60 * 60);
      assert.equal(shopper.cookies.get('sp_cart_count'), '2');

      const cart = await shopper.get(added.headers.location as string);
      assert.equal(cart.statusCode, 200);
      assert.equal(cart.headers['cache-control'], 'private, no-store');
      const shown = text(cart.body);
      assert.match(shown, /Stoneware mug \(Large\) is in your cart\./);
      assert.match(shown, /€22\.99 each/);
      assert.match(shown, /Subtotal €45\.98/);
      assert.match(cart.body, /class="cart-count"[^>]*>2</, 'the header counts the items');

      const lineForm = /<form method="post" action="([^"]+\/cart\/lines\/cartl_[^"]+)" class="qty">/.exec(
        cart.body,
      )!;
      const csrf = csrfOf(cart.body);
      assert.ok(csrf);
      const forged = await shopper.post(lineForm[1]!, { quantity: '5' });
      assert.equal(forged.statusCode, 403, 'a post without the cart page’s token');
      assert.match(text(forged.body), /This page had expired/);
      const crossSite = await shopper.post(
        lineForm[1]!,
        { quantity: '5', _csrf: csrf },
        { origin: 'http://evil.test' },
      );
      assert.equal(crossSite.statusCode, 403, 'a post from another site');

      const changed = await shopper.post(lineForm[1]!, { quantity: '3', _csrf: csrf });
      assert.equal(changed.statusCode, 303);
      assert.equal(shopper.cookies.get('sp_cart_count'), '3');
      assert.match(text((await shopper.get(at('/cart'))).body), /Subtotal €68\.97/);

      const tooMany = await shopper.post(lineForm[1]!, { quantity: '10000', _csrf: csrf });
      assert.equal(tooMany.headers.location, `${at('/cart')}?error=invalid`);
      assert.match(text((await shopper.get(tooMany.headers.location as string)).body), /That did not work/);
    });

    test('apply a code, see the estimate and tax for a country, remove an item', async () => {
      const shopper = new Shopper(sp);
      await shopper.post(at('/cart/lines'), { variantId: lamp.variantIds[0]!, quantity: '1' });
      let cart = await shopper.get(at('/cart'));
      assert.match(text(cart.body), /Choose a country to see shipping\./);

      await shopper.post(at('/cart/country'), { country: 'DE', _csrf: csrfOf(cart.body) });
      assert.equal(shopper.cookies.get('sp_market'), 'DE', 'the country is the shopper’s market choice too');
      await shopper.post(at('/cart/discount'), { code: 'welcome10', _csrf: csrfOf(cart.body) });
      await shopper.post(at('/cart/discount'), { code: 'NOPE', _csrf: csrfOf(cart.body) });
      cart = await shopper.get(at('/cart'));
      const shown = text(cart.body);
      assert.match(shown, /WELCOME10/);
      assert.match(shown, /“NOPE” is not a valid code\./);
      assert.match(shown, /Standard · €4\.90/);
      assert.match(shown, /Arrives \w{3}, \w{3} \d{1,2} – \w{3}, \w{3} \d{1,2}/);
      // 89.00 − 8.90 + 4.90 = 85.00 gross; VAT 19 % inside: 80.10 → 12.79 and 4.90 → 0.78.
      assert.match(shown, /Discount −€8\.90/);
      assert.match(shown, /Total EUR €85\.00/);
      assert.match(shown, /Including €13\.57 tax/);
      assert.match(cart.body, /<option value="DE" selected>Germany<\/option>/);

      const remove =
        /<form method="post" action="([^"]+)"><input type="hidden" name="_csrf" value="[^"]+"\/><input type="hidden" name="quantity" value="0"\/>/.exec(
          cart.body,
        );
      assert.ok(remove, 'each line has a remove form');
      await shopper.post(remove[1]!, { quantity: '0', _csrf: csrfOf(cart.body) });
      const empty = await shopper.get(at('/cart'));
      assert.match(text(empty.body), /Your cart is empty\./);
      assert.equal(shopper.cookies.has('sp_cart_count'), false, 'the count cookie goes with the last item');
    });

    test('switching the country switches the currency of every price, and the cart with it', async () => {
      const shopper = new Shopper(sp);
      const productUrl = at(`/products/${mug.handle}`);
      await shopper.post(at('/cart/lines'), { variantId: mug.variantIds[0]!, quantity: '1' });
      const inEuros = await shopper.get(productUrl);
      assert.match(text(inEuros.body), /€19\.99 €24\.99/, 'the price with its compare-at price');
      assert.deepEqual(jsonLdOffers(inEuros.body)[0], {
        ...jsonLdOffers(inEuros.body)[0],
        price: '19.99',
        priceCurrency: 'EUR',
      });
      assert.match(
        inEuros.body,
        /<select id="market-country" name="country"/,
        'the footer has the country selector',
      );

      const switched = await shopper.post(
        at('/market'),
        { country: 'JP' },
        { origin: ORIGIN, referer: `${ORIGIN}${productUrl}` },
      );
      assert.equal(switched.statusCode, 303);
      assert.equal(switched.headers.location, productUrl, 'back to the page it was on');
      assert.equal(shopper.cookies.get('sp_market'), 'JP');

      const inYen = await shopper.get(productUrl);
      // 19.99 € × 162.37 = ¥3,245.78 → ¥3,246; compare-at 24.99 € → ¥4,058.
      assert.match(text(inYen.body), /¥3,246 ¥4,058/);
      assert.equal(jsonLdOffers(inYen.body)[0]!.priceCurrency, 'JPY');
      assert.equal(jsonLdOffers(inYen.body)[0]!.price, '3246');
      assert.match(inYen.body, /<option value="JP" selected>Japan \(JPY\)<\/option>/);
      assert.match(inYen.headers.vary as string, /cookie/);

      const listing = await shopper.get(at('/search?q=mug'));
      assert.match(
        text(listing.body),
        /Stoneware mug ¥3,246 ¥4,058/,
        'cards show the cheapest variant in yen',
      );
      const someoneElse = await new Shopper(sp).get(productUrl);
      assert.match(text(someoneElse.body), /€19\.99/, 'the cached page of another market is not served');

      const cart = text((await shopper.get(at('/cart'))).body);
      assert.match(cart, /¥3,246 each/, 'the cart follows the country into yen');
      assert.match(cart, /International · ¥2,500/);
    });

    test('a browser asking for Japanese in Japan sees yen until it chooses otherwise', async () => {
      const shopper = new Shopper(sp, { 'accept-language': 'ja-JP,ja;q=0.9' });
      const page = await shopper.get(at(`/products/${lamp.handle}`));
      assert.match(text(page.body), /¥14,451/);
      await shopper.post(at('/market'), { country: 'other' });
      assert.match(text((await shopper.get(at(`/products/${lamp.handle}`))).body), /€89\.00/);
    });

    test('what a shopper cannot do is said on the cart page, never a server error', async () => {
      const shopper = new Shopper(sp);
      const unknown = await shopper.post(at('/cart/lines'), { variantId: 'var_nope', quantity: '1' });
      assert.equal(unknown.headers.location, `${at('/cart')}?error=variant_unavailable`);
      assert.match(
        text((await shopper.get(unknown.headers.location as string)).body),
        /This item is not for sale\./,
      );
      const notANumber = await shopper.post(at('/cart/lines'), {
        variantId: lamp.variantIds[0]!,
        quantity: 'many',
      });
      assert.equal(notANumber.headers.location, `${at('/cart')}?error=invalid`);
      const tooMany = await shopper.post(at('/cart/lines'), {
        variantId: lamp.variantIds[0]!,
        quantity: '9999',
      });
      assert.equal(tooMany.statusCode, 303);
      const over = await shopper.post(at('/cart/lines'), { variantId: lamp.variantIds[0]!, quantity: '1' });
      assert.equal(over.headers.location, `${at('/cart')}?error=line_quantity_limit&n=9999`);
      assert.match(
        text((await shopper.get(over.headers.location as string)).body),
        /at most 9,999 of one item/,
      );
      const noOrigin = await shopper.post(at('/cart/lines'), { variantId: lamp.variantIds[0]! }, {});
      assert.equal(noOrigin.statusCode, 403, 'a post that does not say where it came from');
      assert.equal((await shopper.get(at('/xx/cart'))).statusCode, 404, 'a locale the store does not serve');
    });
  });
}
