import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { createProduct } from '../catalog/index.ts';
import { effectiveExchangeRate, recordExchangeRate } from './exchange-rates.ts';
import { setExplicitPrices } from './explicit-prices.ts';
import { createMarket, listMarkets, updateMarket } from './markets.ts';
import { updatePriceList } from './price-list.ts';
import { priceVariants } from './price-variants.ts';
import { ensurePrimaryMarket } from './primary-market.ts';
import { resolveMarket } from './resolve-market.ts';

const actor = systemActor('markets test');

async function rejects(promise: Promise<unknown>, status: number, code: string) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.deepEqual([err.status, err.code], [status, code], err.message);
    return true;
  });
}

for (const target of testDatabaseTargets()) {
  describe(`market prices on ${target.label}`, () => {
    let database: Database;
    let store: Store;
    let variants: { cheap: string; sale: string; free: string };

    before(async () => {
      database = await target.create();
      // Berlin: an instant just before midnight UTC is already the next day in the store.
      store = await createStore(database.db, actor, {
        handle: 'mkt-prices',
        name: 'Prices',
        baseCurrency: 'EUR',
        timezone: 'Europe/Berlin',
        locales: ['de'],
      });
      const detail = await createProduct(database.db, { actor, canPublish: true }, store, {
        title: 'Linen shirt',
        status: 'active',
        options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
        variants: [
          { sku: 'MKT-S', optionValues: ['S'], price: { amount: 1999 } },
          { sku: 'MKT-M', optionValues: ['M'], price: { amount: 1999 }, compareAtPrice: { amount: 2050 } },
          { sku: 'MKT-L', optionValues: ['L'], price: { amount: 0 } },
        ],
      });
      const [cheap, sale, free] = detail.variants.map((v) => v.id) as [string, string, string];
      variants = { cheap, sale, free };
    });
    after(() => database.close());

    const tx = <T>(fn: (db: Database['db']) => Promise<T>) => database.db.transaction(fn);

    test('the primary market is made once, in the base currency, on first use', async () => {
      const [first, second] = await Promise.all([
        ensurePrimaryMarket(database.db, store),
        ensurePrimaryMarket(database.db, store),
      ]);
      assert.equal(first.id, second.id);
      assert.deepEqual(
        [first.currency, first.isPrimary, first.active, first.defaultLocale],
        ['EUR', true, true, 'en'],
      );
      assert.equal((await listMarkets(database.db, store)).length, 1);
    });

    test('rate history: the latest rate on or before the day applies, in the store time zone', async () => {
      for (const [day, rate] of [
        ['2025-01-01', '1.05'],
        ['2025-02-01', '1.10'],
        ['2025-03-01', '1.20'],
      ] as const) {
        await tx((t) =>
          recordExchangeRate(t, store, actor, { quoteCurrency: 'USD', rate, effectiveOn: day }),
        );
      }
      const rateOn = async (at: Date | string) =>
        (await effectiveExchangeRate(database.db, store, 'EUR', 'USD', at))?.rate ?? null;
      assert.equal(await rateOn('2024-12-31'), null);
      assert.equal(await rateOn('2025-01-01'), '1.05');
      assert.equal(await rateOn('2025-01-31'), '1.05');
      assert.equal(await rateOn('2025-02-01'), '1.1');
      assert.equal(await rateOn('2025-02-28'), '1.1');
      assert.equal(await rateOn('2026-06-01'), '1.2');
      // 23:30 UTC on 31 January is 00:30 on 1 February in Berlin.
      assert.equal(await rateOn(new Date('2025-01-31T23:30:00Z')), '1.1');
      assert.equal(await rateOn(new Date('2025-01-31T22:30:00Z')), '1.05');
      // The same day again replaces that day's rate only.
      await tx((t) =>
        recordExchangeRate(t, store, actor, {
          quoteCurrency: 'USD',
          rate: '1.0856',
          effectiveOn: '2025-02-01',
        }),
      );
      assert.equal(await rateOn('2025-02-15'), '1.0856');
      assert.equal(await rateOn('2025-01-15'), '1.05');
    });

    test('converted prices use the rate of the day, the rounding rule and compare-at conversion', async () => {
      const us = await tx((t) =>
        createMarket(t, store, actor, {
          name: 'United States',
          currency: 'usd',
          countries: ['us', 'PR'],
          priceList: { rounding: 'whole' },
        }),
      );
      assert.deepEqual([us.handle, us.currency, us.countries], ['united-states', 'USD', ['PR', 'US']]);
      const ids = [variants.cheap, variants.sale, variants.free, 'var_unknown'];
      const feb = await priceVariants(database.db, store, {
        marketId: us.id,
        variantIds: ids,
        at: '2025-02-10',
      });
      assert.equal(feb.exchangeRate?.rate, '1.0856');
      assert.deepEqual([...feb.prices.keys()].sort(), [variants.cheap, variants.sale, variants.free].sort());
      assert.deepEqual(feb.prices.get(variants.sale), {
        variantId: variants.sale,
        amount: 2200,
        compareAtAmount: 2300,
        currency: 'USD',
        source: 'converted',
        rate: '1.0856',
      });
      assert.equal(feb.prices.get(variants.free)?.amount, 0);
      const jan = await priceVariants(database.db, store, {
        currency: 'USD',
        variantIds: ids,
        at: '2025-01-10',
      });
      assert.equal(jan.market.id, us.id);
      // 19.99 € × 1.05 = 20.9895 $ → 21.
      assert.equal(jan.prices.get(variants.cheap)?.amount, 2100);

      await tx((t) =>
        updatePriceList(t, store, actor, us.id, { rounding: 'ninety_nine', convertCompareAt: false }),
      );
      const charm = await priceVariants(database.db, store, {
        marketId: us.id,
        variantIds: ids,
        at: '2025-02-10',
      });
      assert.deepEqual(
        [charm.prices.get(variants.sale)?.amount, charm.prices.get(variants.sale)?.compareAtAmount],
        [2199, null],
      );
      // Before the first rate there is nothing to convert with.
      await rejects(
        priceVariants(database.db, store, { marketId: us.id, variantIds: ids, at: '2024-06-01' }),
        422,
        'exchange_rate_missing',
      );
    });

    test('explicit prices win where set and fall back to converted prices elsewhere', async () => {
      const [us] = (await listMarkets(database.db, store)).filter((m) => m.currency === 'USD');
      await tx((t) =>
        setExplicitPrices(t, store, actor, us!.id, {
          items: [{ variantId: variants.cheap, price: { amount: 1900 }, compareAt: { amount: 2500 } }],
        }),
      );
      const at = '2025-02-10';
      const ids = [variants.cheap, variants.sale];
      const converted = await priceVariants(database.db, store, { marketId: us!.id, variantIds: ids, at });
      assert.equal(converted.prices.get(variants.cheap)?.source, 'converted');
      await tx((t) => updatePriceList(t, store, actor, us!.id, { mode: 'explicit' }));
      const explicit = await priceVariants(database.db, store, { marketId: us!.id, variantIds: ids, at });
      assert.deepEqual(explicit.prices.get(variants.cheap), {
        variantId: variants.cheap,
        amount: 1900,
        compareAtAmount: 2500,
        currency: 'USD',
        source: 'explicit',
        rate: null,
      });
      assert.equal(explicit.prices.get(variants.sale)?.source, 'converted');
      assert.equal(explicit.prices.get(variants.sale)?.amount, 2199);
    });

    test('the base currency gets base prices; unknown currencies and inactive markets are refused', async () => {
      const home = await priceVariants(database.db, store, { currency: 'EUR', variantIds: [variants.sale] });
      assert.equal(home.market.isPrimary, true);
      assert.deepEqual(home.prices.get(variants.sale), {
        variantId: variants.sale,
        amount: 1999,
        compareAtAmount: 2050,
        currency: 'EUR',
        source: 'base',
        rate: null,
      });
      await rejects(
        priceVariants(database.db, store, { currency: 'GBP', variantIds: [] }),
        422,
        'currency_not_sold',
      );
      await rejects(
        priceVariants(database.db, store, { currency: 'dollars', variantIds: [] }),
        400,
        'market_required',
      );
      await rejects(
        priceVariants(database.db, store, { marketId: 'mkt_nope', variantIds: [] }),
        404,
        'not_found',
      );
      const jp = await tx((t) =>
        createMarket(t, store, actor, { name: 'Japan', currency: 'JPY', countries: ['JP'], active: false }),
      );
      await rejects(
        priceVariants(database.db, store, { marketId: jp.id, variantIds: [variants.cheap] }),
        422,
        'market_inactive',
      );
      await rejects(
        priceVariants(database.db, store, {
          marketId: jp.id,
          variantIds: [variants.cheap],
          includeInactive: true,
        }),
        422,
        'exchange_rate_missing',
      );
      await tx((t) =>
        recordExchangeRate(t, store, actor, {
          quoteCurrency: 'JPY',
          rate: 162.37,
          effectiveOn: '2025-01-01',
        }),
      );
      const yen = await priceVariants(database.db, store, {
        marketId: jp.id,
        variantIds: [variants.cheap],
        includeInactive: true,
      });
      assert.equal(yen.prices.get(variants.cheap)?.amount, 3246);
    });

    test('resolveMarket: the country first, then the currency, else the primary; active markets only', async () => {
      const all = await listMarkets(database.db, store);
      const us = all.find((m) => m.currency === 'USD')!;
      const jp = all.find((m) => m.currency === 'JPY')!;
      const primary = all.find((m) => m.isPrimary)!;
      const resolve = async (shopper: { country?: string; currency?: string }) => {
        const { market, matchedBy } = await resolveMarket(database.db, store, shopper);
        return [market.id, matchedBy];
      };
      assert.deepEqual(await resolve({ country: 'us' }), [us.id, 'country']);
      assert.deepEqual(await resolve({ country: 'PR', currency: 'EUR' }), [us.id, 'country']);
      assert.deepEqual(await resolve({ country: 'DE' }), [primary.id, 'primary']);
      assert.deepEqual(await resolve({ country: 'FR', currency: 'USD' }), [us.id, 'currency']);
      assert.deepEqual(await resolve({ currency: 'EUR' }), [primary.id, 'currency']);
      assert.deepEqual(await resolve({ country: 'not a country' }), [primary.id, 'primary']);
      assert.deepEqual(await resolve({}), [primary.id, 'primary']);
      // Japan is inactive: neither its country nor its currency leads there.
      assert.deepEqual(await resolve({ country: 'JP', currency: 'JPY' }), [primary.id, 'primary']);
      await tx((t) => updateMarket(t, store, actor, jp.id, { active: true }));
      assert.deepEqual(await resolve({ country: 'JP' }), [jp.id, 'country']);
      // A country the primary market lists comes to it by country.
      await tx((t) => updateMarket(t, store, actor, primary.id, { countries: ['DE', 'AT'] }));
      assert.deepEqual(await resolve({ country: 'AT', currency: 'USD' }), [primary.id, 'country']);
    });

    test('resolveMarket: a converting market without a rate for today sends its shoppers to the primary', async () => {
      const primary = (await listMarkets(database.db, store)).find((m) => m.isPrimary)!;
      const swiss = await tx((t) =>
        createMarket(t, store, actor, { name: 'Switzerland', currency: 'CHF', countries: ['CH'] }),
      );
      const resolved = await resolveMarket(database.db, store, { country: 'CH' });
      assert.deepEqual(
        [resolved.market.id, resolved.matchedBy, resolved.unpriced?.id],
        [primary.id, 'primary', swiss.id],
      );
      // A rate that takes effect tomorrow does not price today either.
      const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
      await tx((t) =>
        recordExchangeRate(t, store, actor, { quoteCurrency: 'CHF', rate: 0.94, effectiveOn: tomorrow }),
      );
      assert.equal((await resolveMarket(database.db, store, { currency: 'CHF' })).market.id, primary.id);
      await tx((t) =>
        recordExchangeRate(t, store, actor, { quoteCurrency: 'CHF', rate: 0.93, effectiveOn: '2025-01-01' }),
      );
      const priced = await resolveMarket(database.db, store, { country: 'CH' });
      assert.deepEqual([priced.market.id, priced.matchedBy, priced.unpriced], [swiss.id, 'country', null]);
      await tx((t) => updateMarket(t, store, actor, swiss.id, { active: false }));
    });

    test('a country belongs to one active market; the primary stays active and in the base currency', async () => {
      const all = await listMarkets(database.db, store);
      const us = all.find((m) => m.currency === 'USD')!;
      const primary = all.find((m) => m.isPrimary)!;
      await rejects(
        tx((t) =>
          createMarket(t, store, actor, { name: 'Americas', currency: 'USD', countries: ['CA', 'US'] }),
        ),
        409,
        'country_in_other_market',
      );
      // Inactive, it may list the country; activating it then is refused.
      const americas = await tx((t) =>
        createMarket(t, store, actor, {
          name: 'Americas',
          currency: 'USD',
          countries: ['CA', 'US'],
          active: false,
        }),
      );
      await rejects(
        tx((t) => updateMarket(t, store, actor, americas.id, { active: true })),
        409,
        'country_in_other_market',
      );
      await rejects(
        tx((t) => updateMarket(t, store, actor, primary.id, { active: false })),
        409,
        'primary_market_required',
      );
      await rejects(
        tx((t) => updateMarket(t, store, actor, primary.id, { currency: 'USD' })),
        422,
        'primary_market_currency',
      );
      await rejects(
        tx((t) => updateMarket(t, store, actor, us.id, { currency: 'CAD' })),
        409,
        'market_currency_locked',
      );
      await rejects(
        tx((t) => updateMarket(t, store, actor, us.id, { defaultLocale: 'fr' })),
        422,
        'locale_not_enabled',
      );
      const german = await tx((t) => updateMarket(t, store, actor, us.id, { defaultLocale: 'de' }));
      assert.equal(german.defaultLocale, 'de');
    });
  });
}
