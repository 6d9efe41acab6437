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

const tables = [
  'tax_settings',
  'tax_classes',
  'tax_rates',
  'tax_product_classes',
  'audit_log',
  'outbox_events',
];

for (const target of testDatabaseTargets()) {
  describe(`tax routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let bookId: string;
    let shirtId: string;
    const base = '/api/admin/stores/tax-shop/tax';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'tax-shop');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      const make = async (title: string) =>
        (
          await createProduct(database.db, { actor: systemActor('test'), canPublish: true }, store, {
            title,
            status: 'active',
            price: { amount: 1000 },
          })
        ).product.id;
      bookId = await make('A book');
      shirtId = await make('A shirt');
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
    const taxEvents = async () =>
      (
        await database.execute<{ payload: Record<string, unknown> }>(
          "select payload from outbox_events where type = 'tax.updated' order by created_at, id",
        )
      ).map((r) => r.payload);
    const auditActions = async () =>
      (
        await database.execute<{ action: string }>(
          "select action from audit_log where action like 'tax.%' order by at, id",
        )
      ).map((r) => r.action);
    const send = (
      who: Browser,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      path: string,
      payload?: unknown,
    ) =>
      who.request({
        method,
        url: `${base}${path}`,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    test('settings: defaults, then a change (audited, tax.updated); 422s for settings that cannot hold', async () => {
      const initial = await send(viewer, 'GET', '/settings');
      assert.equal(initial.statusCode, 200, initial.body);
      assert.deepEqual(initial.json().settings, {
        pricesIncludeTax: false,
        taxBasedOn: 'shipping_address',
        storeAddress: null,
        shippingTaxation: 'proportional',
        shippingTaxClass: null,
        rounding: 'per_line',
      });
      const changed = await send(owner, 'PATCH', '/settings', {
        pricesIncludeTax: true,
        storeAddress: { country: 'de', region: 'de-by' },
        rounding: 'per_total',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual(changed.json().settings.storeAddress, { country: 'DE', region: 'DE-BY' });
      assert.equal((await send(viewer, 'GET', '/settings')).json().settings.rounding, 'per_total');

      const before = await counts();
      const cases: [unknown, number, string][] = [
        [{ shippingTaxation: 'class' }, 422, 'shipping_tax_class_required'],
        [{ shippingTaxClass: 'standard' }, 422, 'shipping_tax_class_unused'],
        [{ shippingTaxation: 'class', shippingTaxClass: 'luxury' }, 422, 'unknown_tax_class'],
        [{ taxBasedOn: 'store_address', storeAddress: null }, 422, 'store_address_required'],
        [{ storeAddress: { country: 'US', region: 'US-XX' } }, 400, 'validation_failed'],
        [{ rounding: 'per_order' }, 400, 'validation_failed'],
        [{ pricesIncludeTax: 'yes' }, 400, 'validation_failed'],
      ];
      for (const [payload, status, code] of cases) {
        const res = await send(owner, 'PATCH', '/settings', payload);
        assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, code);
      }
      assert.deepEqual(await counts(), before);
      const reset = await send(owner, 'PATCH', '/settings', {
        pricesIncludeTax: false,
        rounding: 'per_line',
      });
      assert.equal(reset.statusCode, 200);
      assert.deepEqual(await auditActions(), ['tax.settings_updated', 'tax.settings_updated']);
      assert.deepEqual(
        (await taxEvents()).map((p) => p.changed),
        ['settings', 'settings'],
      );
    });

    test('classes: standard made on first use; add, rename; standard and classes in use cannot go (409)', async () => {
      const listed = await send(viewer, 'GET', '/classes');
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(
        listed.json().items.map((c: { handle: string; isStandard: boolean }) => [c.handle, c.isStandard]),
        [['standard', true]],
      );
      for (const [handle, name] of [
        ['reduced', 'Reduced'],
        ['zero', 'Zero'],
        ['temp', 'Temp'],
      ]) {
        const res = await send(owner, 'POST', '/classes', { handle, name });
        assert.equal(res.statusCode, 201, res.body);
      }
      const taken = await send(owner, 'POST', '/classes', { handle: 'zero', name: 'Again' });
      assert.deepEqual([taken.statusCode, taken.json().error.code], [409, 'tax_class_taken']);
      const renamed = await send(owner, 'PATCH', '/classes/zero', { name: 'Zero rate' });
      assert.deepEqual([renamed.statusCode, renamed.json().taxClass.name], [200, 'Zero rate']);

      const standard = await send(owner, 'DELETE', '/classes/standard');
      assert.deepEqual([standard.statusCode, standard.json().error.code], [409, 'standard_class_required']);
      const rate = await send(owner, 'POST', '/rates', {
        country: 'DE',
        taxClass: 'temp',
        ratePpm: 0,
        name: 'VAT 0 %',
      });
      assert.equal(rate.statusCode, 201, rate.body);
      const inUse = await send(owner, 'DELETE', '/classes/temp');
      assert.equal(inUse.statusCode, 409);
      assert.deepEqual(inUse.json().error, {
        code: 'tax_class_in_use',
        message: inUse.json().error.message,
        details: { handle: 'temp', rates: 1, products: 0, shipping: false },
      });
      assert.equal((await send(owner, 'DELETE', `/rates/${rate.json().rate.id}`)).statusCode, 204);
      assert.equal((await send(owner, 'DELETE', '/classes/temp')).statusCode, 204);
      assert.equal((await send(owner, 'DELETE', '/classes/temp')).statusCode, 404);
      assert.deepEqual(
        (await send(viewer, 'GET', '/classes')).json().items.map((c: { handle: string }) => c.handle),
        ['standard', 'reduced', 'zero'],
      );
    });

    test('presets: EU and US install classes and rates; installing again changes nothing', async () => {
      const presets = await send(viewer, 'GET', '/presets');
      assert.equal(presets.statusCode, 200);
      const eu = presets.json().items.find((p: { key: string }) => p.key === 'eu');
      assert.match(eu.source.url, /^https:\/\/taxation-customs\.ec\.europa\.eu\//);
      assert.deepEqual(
        eu.rates
          .filter((r: { country: string }) => r.country === 'DE')
          .map((r: { ratePercent: string }) => r.ratePercent),
        ['19', '7'],
      );
      const first = await owner.request({ method: 'POST', url: `${base}/presets/eu` });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json().report, {
        preset: 'eu',
        classesCreated: [],
        created: 12,
        updated: 0,
        unchanged: 0,
        deleted: 0,
      });
      const again = await send(owner, 'POST', '/presets/eu', {});
      assert.deepEqual([again.json().report.created, again.json().report.unchanged], [0, 12]);
      const us = await send(owner, 'POST', '/presets/us', { countries: ['US'] });
      assert.equal(us.json().report.created, 5);
      const bad = await send(owner, 'POST', '/presets/us', { countries: ['DE'] });
      assert.deepEqual([bad.statusCode, bad.json().error.code], [422, 'preset_country_unknown']);
      assert.equal((await send(owner, 'POST', '/presets/asia', {})).statusCode, 400);
    });

    test('rates: add, list, change, with validation; 409 for the same place, class and name', async () => {
      const county = await send(owner, 'POST', '/rates', {
        country: 'us',
        region: 'us-ca',
        ratePpm: 10_000,
        name: 'Example County Tax',
        priority: 1,
      });
      assert.equal(county.statusCode, 201, county.body);
      assert.deepEqual(
        [county.json().rate.region, county.json().rate.taxClass, county.json().rate.ratePercent],
        ['US-CA', 'standard', '1'],
      );
      const listed = await send(viewer, 'GET', '/rates?country=US&region=US-CA');
      assert.deepEqual(
        listed.json().items.map((r: { name: string }) => r.name),
        ['CA State Tax', 'Example County Tax'],
      );
      const changed = await send(owner, 'PATCH', `/rates/${county.json().rate.id}`, { ratePpm: 22_500 });
      assert.deepEqual([changed.statusCode, changed.json().rate.ratePercent], [200, '2.25']);

      const before = await counts();
      const cases: [unknown, number, string][] = [
        [{ country: 'US', region: 'US-CA', ratePpm: 72_500, name: 'CA State Tax' }, 409, 'tax_rate_exists'],
        [{ country: 'XX', ratePpm: 1, name: 'x' }, 400, 'validation_failed'],
        [{ country: 'UK', ratePpm: 1, name: 'x' }, 400, 'validation_failed'],
        [{ country: 'US', region: 'DE-BY', ratePpm: 1, name: 'x' }, 400, 'validation_failed'],
        [{ country: 'US', region: 'US-ZZ', ratePpm: 1, name: 'x' }, 400, 'validation_failed'],
        [{ country: 'DE', ratePpm: 1_000_001, name: 'x' }, 400, 'validation_failed'],
        [{ country: 'DE', ratePpm: -1, name: 'x' }, 400, 'validation_failed'],
        [{ country: 'DE', ratePpm: 19.5, name: 'x' }, 400, 'validation_failed'],
        [{ country: 'DE', ratePpm: 1, name: '' }, 400, 'validation_failed'],
        [{ country: 'DE', ratePpm: 1, name: 'x', taxClass: 'luxury' }, 422, 'unknown_tax_class'],
      ];
      for (const [payload, status, code] of cases) {
        const res = await send(owner, 'POST', '/rates', payload);
        assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, code, JSON.stringify(payload));
      }
      const moved = await send(owner, 'PATCH', `/rates/${county.json().rate.id}`, { country: 'DE' });
      assert.deepEqual([moved.statusCode, moved.json().error.code], [422, 'invalid_region']);
      assert.equal((await send(owner, 'PATCH', '/rates/txr_missing', { ratePpm: 1 })).statusCode, 404);
      assert.deepEqual(await counts(), before);
    });

    test('CSV: the export reads back unchanged; an import adds and changes, all rows or none', async () => {
      const exported = await viewer.request({ method: 'GET', url: `${base}/rates.csv` });
      assert.equal(exported.statusCode, 200);
      assert.match(String(exported.headers['content-type']), /^text\/csv/);
      const rows = parse(exported.body, { columns: true }) as Record<string, string>[];
      assert.deepEqual(Object.keys(rows[0]!), [
        'country',
        'region',
        'class',
        'rate',
        'name',
        'priority',
        'compound',
      ]);
      assert.deepEqual(
        rows.filter((r) => r.country === 'FR').map((r) => [r.class, r.rate, r.name]),
        [
          ['standard', '20', 'VAT 20 %'],
          ['reduced', '5.5', 'VAT 5.5 %'],
        ],
      );
      const importCsv = (text: string, query = '') =>
        owner.request({
          method: 'POST',
          url: `${base}/rates/import${query}`,
          payload: text,
          headers: { 'content-type': 'text/csv' },
        });
      const roundTrip = await importCsv(exported.body);
      assert.equal(roundTrip.statusCode, 200, roundTrip.body);
      assert.deepEqual(roundTrip.json().report, {
        created: 0,
        updated: 0,
        unchanged: rows.length,
        deleted: 0,
        rows: rows.length,
        dryRun: false,
        replace: false,
      });

      const edits = [
        'country,region,class,rate,name,priority,compound',
        'DE,,zero,0 %,VAT 0 %,,',
        'US,US-NY,,4.5,NY State Tax,0,false',
        'CA,CA-QC,,"9,975",QST,1,true',
      ].join('\n');
      const dry = await importCsv(edits, '?dryRun=true');
      assert.deepEqual(
        [dry.json().report.created, dry.json().report.updated, dry.json().report.dryRun],
        [2, 1, true],
      );
      const before = await counts();
      const wrong = [
        'country,region,class,rate,name,priority,compound',
        'DE,,,19,VAT 19 %,,',
        'XX,,,19,Bad country,,',
        'US,US-ZZ,,5,Bad state,,',
        'FR,,luxury,20,Bad class,,',
        'FR,,,120,Too high,,',
        'FR,,,abc,Not a number,,',
        'FR,,,5,Bad flag,,maybe',
        'DE,,,19,VAT 19 %,,',
      ].join('\n');
      const refused = await importCsv(wrong);
      assert.equal(refused.statusCode, 422, refused.body);
      assert.equal(refused.json().error.code, 'import_invalid');
      assert.deepEqual(
        refused.json().error.details.errors.map((e: { row: number; code: string }) => [e.row, e.code]),
        [
          [3, 'invalid_country'],
          [4, 'invalid_region'],
          [5, 'unknown_tax_class'],
          [6, 'invalid_rate'],
          [7, 'invalid_rate'],
          [8, 'invalid_compound'],
          [9, 'duplicate_rate'],
        ],
      );
      for (const [text, code] of [
        ['name,rate\nx,1', 'missing_columns'],
        ['country,rate,name\n', 'empty_file'],
        ['country,rate,name\n"DE,1', 'malformed_csv'],
      ]) {
        const res = await importCsv(text!);
        assert.deepEqual([res.statusCode, res.json().error.code], [422, code]);
      }
      const json = await owner.request({
        method: 'POST',
        url: `${base}/rates/import`,
        payload: { rows: [] },
      });
      assert.deepEqual([json.statusCode, json.json().error.code], [415, 'csv_required']);
      assert.deepEqual(await counts(), before);

      const applied = await importCsv(edits);
      assert.deepEqual(
        [applied.json().report.created, applied.json().report.updated, applied.json().report.unchanged],
        [2, 1, 0],
      );
      const quebec = (await send(viewer, 'GET', '/rates?country=CA')).json().items[0];
      assert.deepEqual(
        [quebec.region, quebec.ratePpm, quebec.compound, quebec.priority],
        ['CA-QC', 99_750, true, 1],
      );

      // Replace: the file is the whole table; rates it does not name go.
      const replaced = await importCsv(
        'country,rate,name,class\nDE,19,VAT 19 %,standard\nDE,7,VAT 7 %,reduced\nDE,0,VAT 0 %,zero',
        '?replace=true',
      );
      assert.equal(replaced.statusCode, 200, replaced.body);
      assert.equal(replaced.json().report.unchanged, 3);
      assert.ok(replaced.json().report.deleted > 10);
      assert.deepEqual(
        (await send(viewer, 'GET', '/rates')).json().items.map((r: { name: string }) => r.name),
        ['VAT 19 %', 'VAT 7 %', 'VAT 0 %'],
      );
    });

    test('product classes: bulk assignment, 422 naming unknown products, standard by default', async () => {
      const assigned = await send(owner, 'PUT', '/product-classes', {
        productIds: [bookId, bookId],
        taxClass: 'reduced',
      });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.deepEqual(assigned.json(), { changed: 1, unchanged: 0 });
      const read = await send(viewer, 'GET', `/product-classes?productIds=${bookId},${shirtId}`);
      assert.deepEqual(read.json().items, [
        { productId: bookId, taxClass: 'reduced' },
        { productId: shirtId, taxClass: 'standard' },
      ]);
      const before = await counts();
      const unknown = await send(owner, 'PUT', '/product-classes', {
        productIds: [shirtId, 'prod_01jzzzzzzzzzzzzzzzzzzzzzzz'],
        taxClass: 'reduced',
      });
      assert.equal(unknown.statusCode, 422);
      assert.deepEqual(
        [unknown.json().error.code, unknown.json().error.details.productIds],
        ['unknown_products', ['prod_01jzzzzzzzzzzzzzzzzzzzzzzz']],
      );
      const badClass = await send(owner, 'PUT', '/product-classes', {
        productIds: [shirtId],
        taxClass: 'luxury',
      });
      assert.deepEqual([badClass.statusCode, badClass.json().error.code], [422, 'unknown_tax_class']);
      const empty = await send(owner, 'PUT', '/product-classes', { productIds: [], taxClass: 'reduced' });
      assert.equal(empty.statusCode, 400);
      assert.deepEqual(await counts(), before);
      const inUse = await send(owner, 'DELETE', '/classes/reduced');
      assert.deepEqual([inUse.statusCode, inUse.json().error.details.products], [409, 1]);
      const listed = await send(viewer, 'GET', '/product-classes?taxClass=reduced');
      assert.deepEqual(listed.json(), {
        items: [{ productId: bookId, taxClass: 'reduced' }],
        nextAfter: null,
      });
    });

    test('preview: the checkout calculation for a posted cart and address, writing nothing', async () => {
      await send(owner, 'PATCH', '/settings', {
        pricesIncludeTax: true,
        shippingTaxation: 'by_highest_rate',
      });
      const before = await counts();
      const preview = await send(viewer, 'POST', '/preview', {
        lines: [
          { productId: shirtId, amount: 11900 },
          { productId: bookId, amount: 1070 },
          { taxClass: 'zero', amount: 2500, quantity: 2 },
        ],
        shipping: { amount: 590 },
        shippingAddress: { country: 'DE', region: 'DE-BE' },
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const { quote } = preview.json();
      assert.deepEqual(quote.taxAddress, { country: 'DE', region: 'DE-BE', source: 'shipping_address' });
      assert.equal(quote.currency, 'EUR');
      assert.deepEqual(
        quote.lines.map((l: { lineId: string; taxClass: string; net: number; tax: number }) => [
          l.lineId,
          l.taxClass,
          l.net,
          l.tax,
        ]),
        [
          ['line-1', 'standard', 10000, 1900],
          ['line-2', 'reduced', 1000, 70],
          ['line-3', 'zero', 2500, 0],
        ],
      );
      assert.deepEqual([quote.shipping.net, quote.shipping.tax], [496, 94]);
      assert.deepEqual([quote.totals.net, quote.totals.tax, quote.totals.gross], [13996, 2064, 16060]);
      assert.deepEqual(await counts(), before);

      const cases: [unknown, number, string][] = [
        [{ lines: [{ amount: 100 }] }, 422, 'tax_address_required'],
        [{ lines: [{ amount: -1 }], shippingAddress: { country: 'DE' } }, 400, 'validation_failed'],
        [
          { lines: [{ amount: 1, taxClass: 'luxury' }], shippingAddress: { country: 'DE' } },
          422,
          'unknown_tax_class',
        ],
        [
          { lines: [{ amount: 1, productId: 'prod_nope' }], shippingAddress: { country: 'DE' } },
          422,
          'unknown_products',
        ],
        [
          {
            lines: [
              { lineId: 'a', amount: 1 },
              { lineId: 'a', amount: 2 },
            ],
            shippingAddress: { country: 'DE' },
          },
          400,
          'invalid_tax_input',
        ],
        [{ lines: [], shippingAddress: { country: 'ZZ' } }, 400, 'validation_failed'],
        [{ lines: [], currency: 'EUX', shippingAddress: { country: 'DE' } }, 400, 'validation_failed'],
      ];
      for (const [payload, status, code] of cases) {
        const res = await send(viewer, 'POST', '/preview', payload);
        assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, code, JSON.stringify(payload));
      }
    });

    test('a viewer reads but cannot write: 403 permission_denied and nothing written', async () => {
      const before = await counts();
      const writes: [string, 'POST' | 'PATCH' | 'PUT' | 'DELETE', unknown][] = [
        ['/settings', 'PATCH', { pricesIncludeTax: false }],
        ['/classes', 'POST', { handle: 'x', name: 'X' }],
        ['/classes/zero', 'PATCH', { name: 'Y' }],
        ['/classes/zero', 'DELETE', undefined],
        ['/rates', 'POST', { country: 'DE', ratePpm: 1, name: 'x' }],
        ['/presets/eu', 'POST', {}],
        ['/product-classes', 'PUT', { productIds: [shirtId], taxClass: 'zero' }],
      ];
      for (const [path, method, payload] of writes) {
        const res = await send(viewer, method, path, payload);
        assert.deepEqual(
          [res.statusCode, res.json().error.code],
          [403, 'permission_denied'],
          `${method} ${path}`,
        );
      }
      const csv = await viewer.request({
        method: 'POST',
        url: `${base}/rates/import`,
        payload: 'country,rate,name\nDE,1,x',
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(csv.statusCode, 403);
      assert.deepEqual(await counts(), before);
    });

    test('malformed bodies on every tax write: a 4xx with the error model, nothing written', async () => {
      const routes = sp.app.declaredRoutes.filter(
        (r) => r.url.includes('/tax/') && !['GET', 'HEAD'].includes(r.method),
      );
      assert.ok(routes.length >= 10, `tax write routes: ${routes.length}`);
      const bodies = [
        { payload: '{"name": ', contentType: 'application/json' },
        { payload: '[1,2,3]', contentType: 'application/json' },
        {
          payload: '{"title": 42, "price": "free", "role": 7, "email": []}',
          contentType: 'application/json',
        },
        { payload: 'hello', contentType: 'text/plain' },
      ];
      const before = await counts();
      for (const route of routes) {
        const url = route.url
          .replace(':store', 'tax-shop')
          .replace(':rateId', 'txr_01jzzzzzzzzzzzzzzzzzzzzzzz')
          .replace(':handle', 'nope')
          .replace(':preset', 'eu');
        for (const body of bodies) {
          const res = await owner.request({
            method: route.method as 'POST',
            url,
            payload: body.payload,
            headers: { 'content-type': body.contentType },
          });
          const what = `${route.method} ${route.url} with ${body.payload}`;
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: ${res.statusCode} ${res.body}`);
          assert.equal(typeof res.json().error.code, 'string', what);
        }
      }
      assert.deepEqual(await counts(), before);
    });

    test('every change was audited and announced as tax.updated', async () => {
      const actions = new Set(await auditActions());
      for (const action of [
        'tax.settings_updated',
        'tax.class_created',
        'tax.class_updated',
        'tax.class_deleted',
        'tax.rate_created',
        'tax.rate_updated',
        'tax.rate_deleted',
        'tax.product_class_changed',
      ]) {
        assert.ok(actions.has(action), action);
      }
      const changed = new Set((await taxEvents()).map((p) => p.changed));
      assert.deepEqual([...changed].sort(), ['classes', 'product_classes', 'rates', 'settings']);
      const imported = (await taxEvents()).find((p) => p.source === 'csv' && p.created === 2);
      assert.deepEqual(imported, {
        changed: 'rates',
        source: 'csv',
        created: 2,
        updated: 1,
        unchanged: 0,
        deleted: 0,
      });
    });
  });
}
