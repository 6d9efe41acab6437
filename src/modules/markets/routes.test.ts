import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { systemActor } from '../access/index.ts';
import { createProduct } from '../catalog/index.ts';

const tables = ['markets', 'market_prices', 'exchange_rates', 'audit_log', 'outbox_events'];

for (const target of testDatabaseTargets()) {
  describe(`market routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let variantIds: string[];
    const base = '/api/admin/stores/mkt-shop/markets';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'mkt-shop');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      const product = await createProduct(
        database.db,
        { actor: systemActor('test'), canPublish: true },
        store,
        {
          title: '=Linen apron',
          status: 'active',
          options: [{ name: 'Colour', values: ['Sand', 'Ink'] }],
          variants: [
            {
              sku: 'APRON-SAND',
              optionValues: ['Sand'],
              price: { amount: 1999 },
              compareAtPrice: { amount: 2499 },
            },
            { sku: 'APRON-INK', optionValues: ['Ink'], price: { amount: 4500 } },
          ],
        },
      );
      variantIds = product.variants.map((v) => v.id);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of tables) {
        out[t] = Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n);
      }
      return out;
    };
    const eventsOf = async (type: string) =>
      (
        await database.execute<{ payload: Record<string, unknown> }>(
          'select payload from outbox_events where type = $1 order by created_at, id',
          [type],
        )
      ).map((r) => r.payload);
    const auditActions = async (entityId: string) =>
      (
        await database.execute<{ action: string }>(
          'select action from audit_log where entity_id = $1 order by at, id',
          [entityId],
        )
      ).map((r) => r.action);

    let usId: string;
    let primaryId: string;

    test('markets: the primary on first list, then create, change, price list, delete; all audited', async () => {
      const listed = await viewer.request({ method: 'GET', url: base });
      assert.equal(listed.statusCode, 200, listed.body);
      const [primary] = listed.json().items;
      primaryId = primary.id;
      assert.deepEqual(
        [primary.handle, primary.currency, primary.isPrimary, primary.priceList.mode, primary.exchangeRate],
        ['primary', 'EUR', true, 'converted', null],
      );
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: {
          name: 'United States',
          currency: 'USD',
          countries: ['US'],
          priceList: { rounding: 'whole' },
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { market } = created.json();
      usId = market.id;
      assert.deepEqual(
        [market.handle, market.currency, market.countries, market.priceList, market.explicitPriceCount],
        ['united-states', 'USD', ['US'], { mode: 'converted', rounding: 'whole', convertCompareAt: true }, 0],
      );
      const changed = await owner.request({
        method: 'PATCH',
        url: `${base}/${usId}`,
        payload: { countries: ['US', 'pr', 'US'], name: 'USA' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual([changed.json().market.name, changed.json().market.countries], ['USA', ['PR', 'US']]);
      const priceList = await owner.request({
        method: 'PATCH',
        url: `${base}/${usId}/price-list`,
        payload: { rounding: 'ninety_nine' },
      });
      assert.equal(priceList.statusCode, 200, priceList.body);
      assert.equal(priceList.json().market.priceList.rounding, 'ninety_nine');

      const temp = await owner.request({
        method: 'POST',
        url: base,
        payload: { name: 'Japan', currency: 'JPY' },
      });
      const tempId = temp.json().market.id;
      assert.equal((await owner.request({ method: 'DELETE', url: `${base}/${tempId}` })).statusCode, 204);
      assert.equal((await viewer.request({ method: 'GET', url: `${base}/${tempId}` })).statusCode, 404);
      assert.deepEqual(await auditActions(usId), [
        'market.created',
        'market.updated',
        'market.price_list_updated',
      ]);
      assert.deepEqual(await auditActions(tempId), ['market.created', 'market.deleted']);
      assert.deepEqual(
        (await eventsOf('market.prices_changed')).map((p) => [p.marketId, p.reason]),
        [[usId, 'price_list']],
      );
      assert.deepEqual(
        (await eventsOf('market.deleted')).map((p) => p.marketId),
        [tempId],
      );
    });

    test('exchange rates: history newest first, a rate event and the markets it moves', async () => {
      for (const [rate, effectiveOn] of [
        ['1.05', '2025-01-01'],
        ['1.0856', '2025-02-01'],
      ]) {
        const res = await owner.request({
          method: 'POST',
          url: `${base}/exchange-rates`,
          payload: { quoteCurrency: 'usd', rate, effectiveOn },
        });
        assert.equal(res.statusCode, 201, res.body);
        assert.deepEqual(
          [
            res.json().exchangeRate.baseCurrency,
            res.json().exchangeRate.rate,
            res.json().exchangeRate.source,
          ],
          ['EUR', rate, 'manual'],
        );
      }
      const history = await viewer.request({
        method: 'GET',
        url: `${base}/exchange-rates?quoteCurrency=USD`,
      });
      assert.deepEqual(
        history.json().items.map((r: { rate: string; effectiveOn: string }) => [r.effectiveOn, r.rate]),
        [
          ['2025-02-01', '1.0856'],
          ['2025-01-01', '1.05'],
        ],
      );
      const us = await viewer.request({ method: 'GET', url: `${base}/${usId}` });
      assert.equal(us.json().market.exchangeRate.rate, '1.0856');
      assert.equal((await eventsOf('exchange_rate.recorded')).length, 2);
      assert.deepEqual(
        (await eventsOf('market.prices_changed')).slice(-2).map((p) => [p.marketId, p.reason]),
        [
          [usId, 'exchange_rate'],
          [usId, 'exchange_rate'],
        ],
      );
    });

    test('explicit prices: bulk set, list, preview what shoppers pay, remove', async () => {
      const [sand, ink] = variantIds as [string, string];
      await owner.request({
        method: 'PATCH',
        url: `${base}/${usId}/price-list`,
        payload: { mode: 'explicit' },
      });
      const set = await owner.request({
        method: 'PUT',
        url: `${base}/${usId}/explicit-prices`,
        payload: { items: [{ variantId: ink, price: { amount: 4900 }, compareAt: { amount: 5900 } }] },
      });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(
        set
          .json()
          .items.map((i: { variantId: string; price: { amount: number } }) => [i.variantId, i.price.amount]),
        [[ink, 4900]],
      );
      assert.deepEqual((await eventsOf('market.prices_changed')).at(-1), {
        marketId: usId,
        currency: 'USD',
        reason: 'explicit_prices',
        variantIds: [ink],
      });
      const preview = await viewer.request({
        method: 'GET',
        url: `${base}/${usId}/prices?variantIds=${sand},${ink},var_nope&on=2025-02-10`,
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const body = preview.json();
      assert.equal(body.exchangeRate.rate, '1.0856');
      assert.deepEqual(body.unknownVariantIds, ['var_nope']);
      assert.deepEqual(
        body.items.map((p: Record<string, unknown>) => [p.variantId, p.amount, p.compareAtAmount, p.source]),
        [
          // 19.99 € → 21.70 $ → 21.99; compare-at 24.99 € → 27.13 $ → 27.99.
          [sand, 2199, 2799, 'converted'],
          [ink, 4900, 5900, 'explicit'],
        ],
      );
      // Each price names its variant and the base price it was made from (the admin's preview table).
      assert.deepEqual(
        body.items.map((p: Record<string, unknown>) => [p.productTitle, p.variantTitle, p.sku, p.base]),
        [
          ['=Linen apron', 'Sand', 'APRON-SAND', { amount: 1999, compareAtAmount: 2499, currency: 'EUR' }],
          ['=Linen apron', 'Ink', 'APRON-INK', { amount: 4500, compareAtAmount: null, currency: 'EUR' }],
        ],
      );
      const firstPage = await viewer.request({ method: 'GET', url: `${base}/${primaryId}/prices?limit=1` });
      assert.deepEqual(
        firstPage.json().items.map((p: Record<string, unknown>) => [p.amount, p.currency, p.source]),
        [[1999, 'EUR', 'base']],
      );
      const removed = await owner.request({
        method: 'DELETE',
        url: `${base}/${usId}/explicit-prices/${ink}`,
      });
      assert.equal(removed.statusCode, 204);
      const again = await owner.request({ method: 'DELETE', url: `${base}/${usId}/explicit-prices/${ink}` });
      assert.equal(again.statusCode, 404);
    });

    test('CSV: export, import the file back (nothing changes), edit, empty, dry run, row errors', async () => {
      const [sand, ink] = variantIds as [string, string];
      const exported = await viewer.request({ method: 'GET', url: `${base}/${usId}/explicit-prices.csv` });
      assert.equal(exported.statusCode, 200, exported.body);
      assert.match(String(exported.headers['content-type']), /^text\/csv/);
      const rows: Record<string, string>[] = parse(exported.body, { columns: true });
      assert.deepEqual(
        rows.map((r) => [
          r.variant_id,
          r.product_title,
          r.base_price,
          r.currency,
          r.price,
          r.compare_at_price,
        ]),
        [
          [sand, "'=Linen apron", '19.99', 'USD', '', ''],
          [ink, "'=Linen apron", '45.00', 'USD', '', ''],
        ],
      );
      const importCsv = (csv: string, query = '') =>
        owner.request({
          method: 'POST',
          url: `${base}/${usId}/explicit-prices/import${query}`,
          payload: csv,
          headers: { 'content-type': 'text/csv' },
        });
      const same = await importCsv(exported.body);
      assert.equal(same.statusCode, 200, same.body);
      assert.deepEqual(same.json().report, { dryRun: false, rows: 2, set: 0, removed: 0, unchanged: 2 });

      const edited = `sku,price,compare_at_price\nAPRON-SAND,18.99,22.00\nAPRON-INK,49,\n`;
      const dry = await importCsv(edited, '?dryRun=true');
      assert.deepEqual(dry.json().report, { dryRun: true, rows: 2, set: 2, removed: 0, unchanged: 0 });
      assert.equal(
        (await viewer.request({ method: 'GET', url: `${base}/${usId}/explicit-prices` })).json().items.length,
        0,
      );
      const applied = await importCsv(edited);
      assert.deepEqual(applied.json().report, { dryRun: false, rows: 2, set: 2, removed: 0, unchanged: 0 });
      const list = await viewer.request({ method: 'GET', url: `${base}/${usId}/explicit-prices` });
      assert.deepEqual(
        list
          .json()
          .items.map(
            (i: { sku: string; price: { amount: number }; compareAt: { amount: number } | null }) => [
              i.sku,
              i.price.amount,
              i.compareAt?.amount ?? null,
            ],
          )
          .sort(),
        [
          ['APRON-INK', 4900, null],
          ['APRON-SAND', 1899, 2200],
        ],
      );
      const emptied = await importCsv(`variant_id,price\n${ink},\n`);
      assert.deepEqual(emptied.json().report, { dryRun: false, rows: 1, set: 0, removed: 1, unchanged: 0 });

      const before = await counts();
      const broken = await importCsv(
        `sku,price,compare_at_price,currency\nAPRON-SAND,12.345,,USD\nNOPE,1,,USD\nAPRON-INK,10,9,USD\nAPRON-SAND,1,,USD\n`,
      );
      assert.equal(broken.statusCode, 422, broken.body);
      assert.equal(broken.json().error.code, 'import_invalid');
      assert.deepEqual(
        broken
          .json()
          .error.details.errors.map((e: { row: number; column: string; code: string }) => [
            e.row,
            e.column,
            e.code,
          ]),
        [
          [2, 'price', 'invalid_amount'],
          [3, 'sku', 'unknown_variant'],
          [4, 'compare_at_price', 'invalid_compare_at'],
          [5, null, 'duplicate_variant'],
        ],
      );
      const wrongCurrency = await importCsv(`sku,price,currency\nAPRON-SAND,1,EUR\n`);
      assert.equal(wrongCurrency.json().error.details.errors[0].code, 'currency_mismatch');
      const noPrice = await importCsv('sku,amount\nAPRON-SAND,1\n');
      assert.deepEqual([noPrice.statusCode, noPrice.json().error.code], [422, 'missing_columns']);
      const json = await owner.request({
        method: 'POST',
        url: `${base}/${usId}/explicit-prices/import`,
        payload: {},
      });
      assert.deepEqual([json.statusCode, json.json().error.code], [415, 'csv_required']);
      assert.deepEqual(await counts(), before);
    });

    test('bad input: 4xx with a code, nothing written', async () => {
      const [sand] = variantIds as [string];
      const before = await counts();
      const cases: [string, 'POST' | 'PATCH' | 'PUT' | 'DELETE', string, unknown, number, string][] = [
        ['unknown currency', 'POST', base, { name: 'X', currency: 'EURO' }, 400, 'validation_failed'],
        [
          'unknown country',
          'POST',
          base,
          { name: 'X', currency: 'GBP', countries: ['UK'] },
          400,
          'validation_failed',
        ],
        [
          'country taken',
          'POST',
          base,
          { name: 'X', currency: 'CAD', countries: ['CA', 'US'] },
          409,
          'country_in_other_market',
        ],
        [
          'handle taken',
          'POST',
          base,
          { name: 'X', handle: 'primary', currency: 'GBP' },
          409,
          'market_handle_taken',
        ],
        [
          'locale not served',
          'POST',
          base,
          { name: 'X', currency: 'GBP', defaultLocale: 'fr' },
          422,
          'locale_not_enabled',
        ],
        ['unknown field', 'PATCH', `${base}/${usId}`, { colour: 'red' }, 400, 'validation_failed'],
        [
          'deactivate primary',
          'PATCH',
          `${base}/${primaryId}`,
          { active: false },
          409,
          'primary_market_required',
        ],
        ['delete primary', 'DELETE', `${base}/${primaryId}`, undefined, 409, 'primary_market_required'],
        [
          'primary price list',
          'PATCH',
          `${base}/${primaryId}/price-list`,
          { mode: 'explicit' },
          409,
          'primary_market_uses_base_prices',
        ],
        [
          'unknown rounding',
          'PATCH',
          `${base}/${usId}/price-list`,
          { rounding: 'up' },
          400,
          'validation_failed',
        ],
        ['unknown market', 'PATCH', `${base}/mkt_nope`, { name: 'Y' }, 404, 'not_found'],
        [
          'same currency',
          'POST',
          `${base}/exchange-rates`,
          { quoteCurrency: 'EUR', rate: '1' },
          422,
          'same_currency',
        ],
        [
          'zero rate',
          'POST',
          `${base}/exchange-rates`,
          { quoteCurrency: 'USD', rate: '0' },
          400,
          'validation_failed',
        ],
        [
          'negative rate',
          'POST',
          `${base}/exchange-rates`,
          { quoteCurrency: 'USD', rate: -1.2 },
          400,
          'validation_failed',
        ],
        [
          'rate as words',
          'POST',
          `${base}/exchange-rates`,
          { quoteCurrency: 'USD', rate: 'one' },
          400,
          'validation_failed',
        ],
        [
          'bad day',
          'POST',
          `${base}/exchange-rates`,
          { quoteCurrency: 'USD', rate: '1', effectiveOn: '2025-02-30' },
          400,
          'validation_failed',
        ],
        ['unknown rate', 'DELETE', `${base}/exchange-rates/fxr_nope`, undefined, 404, 'not_found'],
        [
          'one unknown variant among good ones',
          'PUT',
          `${base}/${usId}/explicit-prices`,
          {
            items: [
              { variantId: sand, price: { amount: 100 } },
              { variantId: 'var_ghost', price: { amount: 100 } },
            ],
          },
          422,
          'unknown_variant',
        ],
        [
          'compare-at not above',
          'PUT',
          `${base}/${usId}/explicit-prices`,
          { items: [{ variantId: sand, price: { amount: 100 }, compareAt: { amount: 100 } }] },
          422,
          'invalid_compare_at',
        ],
        [
          'fractional amount',
          'PUT',
          `${base}/${usId}/explicit-prices`,
          { items: [{ variantId: sand, price: { amount: 1.5 } }] },
          400,
          'validation_failed',
        ],
        [
          'over 1,000 variants',
          'PUT',
          `${base}/${usId}/explicit-prices`,
          { items: Array.from({ length: 1001 }, () => ({ variantId: sand, price: { amount: 1 } })) },
          400,
          'validation_failed',
        ],
        [
          'primary explicit prices',
          'PUT',
          `${base}/${primaryId}/explicit-prices`,
          { items: [{ variantId: sand, price: { amount: 100 } }] },
          409,
          'primary_market_uses_base_prices',
        ],
      ];
      for (const [label, method, url, payload, status, code] of cases) {
        const res = await owner.request({
          method,
          url,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      const ghost = await owner.request({
        method: 'PUT',
        url: `${base}/${usId}/explicit-prices`,
        payload: {
          items: [
            { variantId: sand, price: { amount: 100 } },
            { variantId: 'var_ghost', price: { amount: 100 } },
          ],
        },
      });
      assert.deepEqual(ghost.json().error.details, { path: 'items.1.variantId', id: 'var_ghost' });
      const preview = await viewer.request({ method: 'GET', url: `${base}/${usId}/prices?on=2024-01-01` });
      assert.deepEqual([preview.statusCode, preview.json().error.code], [422, 'exchange_rate_missing']);
      assert.deepEqual(await counts(), before);
    });

    test('a viewer reads markets, rates and prices but cannot change them', async () => {
      const reads = [
        base,
        `${base}/${usId}`,
        `${base}/exchange-rates`,
        `${base}/${usId}/explicit-prices`,
        `${base}/${usId}/explicit-prices.csv`,
        `${base}/${usId}/prices`,
      ];
      for (const url of reads) {
        assert.equal((await viewer.request({ method: 'GET', url })).statusCode, 200, url);
      }
      const before = await counts();
      const writes: ['POST' | 'PATCH' | 'PUT' | 'DELETE', string, object | undefined][] = [
        ['POST', base, { name: 'X', currency: 'GBP' }],
        ['PATCH', `${base}/${usId}`, { name: 'Y' }],
        ['DELETE', `${base}/${usId}`, undefined],
        ['PATCH', `${base}/${usId}/price-list`, { rounding: 'none' }],
        ['POST', `${base}/exchange-rates`, { quoteCurrency: 'USD', rate: '2' }],
        [
          'PUT',
          `${base}/${usId}/explicit-prices`,
          { items: [{ variantId: variantIds[0], price: { amount: 1 } }] },
        ],
        ['DELETE', `${base}/${usId}/explicit-prices/${variantIds[0]}`, undefined],
      ];
      for (const [method, url, payload] of writes) {
        const res = await viewer.request({ method, url, ...(payload ? { payload } : {}) });
        assert.deepEqual(
          [res.statusCode, res.json().error.code],
          [403, 'permission_denied'],
          `${method} ${url}`,
        );
      }
      const csv = await viewer.request({
        method: 'POST',
        url: `${base}/${usId}/explicit-prices/import`,
        payload: 'sku,price\nAPRON-SAND,1\n',
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(csv.statusCode, 403);
      assert.deepEqual(await counts(), before);
    });
  });
}
