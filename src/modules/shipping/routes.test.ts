import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
  'shipping_zones',
  'shipping_zone_destinations',
  'shipping_rates',
  'shipping_pickup_options',
  'audit_log',
  'outbox_events',
];

for (const target of testDatabaseTargets()) {
  describe(`shipping routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let apronS: string;
    let apronL: string;
    let giftCard: string;
    const base = '/api/admin/stores/ship-shop/shipping';
    const zones: Record<string, string> = {};

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'ship-shop');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      const writer = { actor: systemActor('test'), canPublish: true };
      const apron = await createProduct(database.db, writer, store, {
        title: 'Apron',
        options: [{ name: 'Size', values: ['S', 'L'] }],
        variants: [
          { sku: 'AP-S', optionValues: ['S'], price: { amount: 3900 }, weightGrams: 300 },
          { sku: 'AP-L', optionValues: ['L'], price: { amount: 3900 } },
        ],
      });
      [apronS, apronL] = apron.variants.map((v) => v.id) as [string, string];
      const card = await createProduct(database.db, writer, store, {
        title: 'Gift card',
        variants: [
          {
            sku: 'GIFT',
            optionValues: [],
            price: { amount: 5000 },
            requiresShipping: false,
            weightGrams: 50,
          },
        ],
      });
      giftCard = card.variants[0]!.id;
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
    const events = async () =>
      (
        await database.execute<{ payload: { entity: string; change: string; id: string } }>(
          "select payload from outbox_events where type = 'shipping.updated' order by created_at, id",
        )
      ).map((r) => `${r.payload.entity}.${r.payload.change}`);
    const auditActions = async (entityId: string) =>
      (
        await database.execute<{ action: string }>(
          'select action from audit_log where entity_id = $1 order by at, id',
          [entityId],
        )
      ).map((r) => r.action);
    const post = (url: string, payload: object) =>
      owner.request({ method: 'POST', url: `${base}${url}`, payload });

    test('zones: countries and regions, one zone per destination (409 naming the zone), one rest of world', async () => {
      for (const [key, payload] of Object.entries({
        de: { name: 'Germany', countries: [{ country: 'de' }] },
        eu: { name: 'EU', countries: ['AT', 'FR', 'NL', 'BE'].map((country) => ({ country })) },
        us: { name: 'United States', countries: [{ country: 'US' }] },
        akhi: {
          name: 'Alaska & Hawaii',
          countries: [{ country: 'US', regions: ['us-hi', 'US-AK', 'US-AK'] }],
        },
        row: { name: 'Rest of world', restOfWorld: true },
      })) {
        const res = await post('/zones', payload);
        assert.equal(res.statusCode, 201, res.body);
        zones[key] = res.json().zone.id;
      }
      const akhi = await viewer.request({ method: 'GET', url: `${base}/zones/${zones.akhi}` });
      assert.deepEqual(akhi.json().zone.countries, [{ country: 'US', regions: ['US-AK', 'US-HI'] }]);

      const before = await counts();
      const overlap = await post('/zones', {
        name: 'DACH',
        countries: [{ country: 'DE' }, { country: 'CH' }],
      });
      assert.equal(overlap.statusCode, 409, overlap.body);
      assert.equal(overlap.json().error.code, 'destination_in_other_zone');
      assert.deepEqual(
        [overlap.json().error.details.zoneName, overlap.json().error.details.destinations],
        ['Germany', ['DE']],
      );
      const regionOverlap = await post('/zones', {
        name: 'Alaska',
        countries: [{ country: 'US', regions: ['US-AK'] }],
      });
      assert.equal(regionOverlap.json().error.code, 'destination_in_other_zone');
      assert.equal(regionOverlap.json().error.details.zoneName, 'Alaska & Hawaii');
      const secondRest = await post('/zones', { name: 'World', restOfWorld: true });
      assert.deepEqual([secondRest.statusCode, secondRest.json().error.code], [409, 'rest_of_world_exists']);
      const sameName = await post('/zones', { name: 'Germany', countries: [{ country: 'CH' }] });
      assert.deepEqual([sameName.statusCode, sameName.json().error.code], [409, 'zone_name_taken']);
      const moveIntoEu = await owner.request({
        method: 'PATCH',
        url: `${base}/zones/${zones.eu}`,
        payload: { countries: [{ country: 'AT' }, { country: 'DE' }] },
      });
      assert.equal(moveIntoEu.json().error.code, 'destination_in_other_zone');
      assert.deepEqual(await counts(), before, 'refused changes write nothing');

      // A region of a country another zone lists whole is no overlap: the region zone wins there.
      const canaries = await post('/zones', {
        name: 'Canaries',
        countries: [{ country: 'ES', regions: ['ES-CN'] }],
      });
      assert.equal(canaries.statusCode, 201, canaries.body);
      const spain = await post('/zones', { name: 'Spain', countries: [{ country: 'ES' }] });
      assert.equal(spain.statusCode, 201, spain.body);
      const renamed = await owner.request({
        method: 'PATCH',
        url: `${base}/zones/${zones.eu}`,
        payload: {
          name: 'European Union',
          countries: [
            { country: 'AT' },
            { country: 'FR' },
            { country: 'NL' },
            { country: 'BE' },
            { country: 'IT' },
          ],
        },
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.deepEqual(
        renamed.json().zone.countries.map((c: { country: string }) => c.country),
        ['AT', 'BE', 'FR', 'IT', 'NL'],
      );
      for (const id of [canaries.json().zone.id, spain.json().zone.id]) {
        assert.equal((await owner.request({ method: 'DELETE', url: `${base}/zones/${id}` })).statusCode, 204);
      }
      assert.deepEqual(await auditActions(zones.eu!), ['shipping_zone.created', 'shipping_zone.updated']);
      assert.deepEqual(await auditActions(canaries.json().zone.id), [
        'shipping_zone.created',
        'shipping_zone.deleted',
      ]);
      const listed = await viewer.request({ method: 'GET', url: `${base}/zones` });
      assert.deepEqual(
        listed.json().items.map((z: { name: string }) => z.name),
        ['Alaska & Hawaii', 'European Union', 'Germany', 'Rest of world', 'United States'],
      );
    });

    test('two writers giving away one country at once: one wins, the other gets the 409', async () => {
      const results = await Promise.all([
        post('/zones', { name: 'Swiss A', countries: [{ country: 'CH' }] }),
        post('/zones', { name: 'Swiss B', countries: [{ country: 'LI' }, { country: 'CH' }] }),
      ]);
      const [won, lost] = results[0].statusCode === 201 ? results : [results[1], results[0]];
      assert.equal(won!.statusCode, 201, won!.body);
      assert.deepEqual(
        [lost!.statusCode, lost!.json().error.code],
        [409, 'destination_in_other_zone'],
        lost!.body,
      );
      const winner = won!.json().zone.id;
      assert.equal(
        (await owner.request({ method: 'DELETE', url: `${base}/zones/${winner}` })).statusCode,
        204,
      );
    });

    const rates: Record<string, string> = {};

    test('rates: flat with free above, weight bands, subtotal bands, amounts per currency', async () => {
      const created = {
        deStandard: await post(`/zones/${zones.de}/rates`, {
          name: 'Standard',
          type: 'flat',
          prices: [{ currency: 'eur', amount: 490, freeAbove: 5000 }],
          estimate: { minDays: 1, maxDays: 2 },
        }),
        deExpress: await post(`/zones/${zones.de}/rates`, {
          name: 'Express',
          type: 'flat',
          prices: [{ currency: 'EUR', amount: 990 }],
          maxWeightGrams: 10_000,
          estimate: { minDays: 0, maxDays: 1 },
        }),
        eu: await post(`/zones/${zones.eu}/rates`, {
          name: 'Standard',
          type: 'weight_bands',
          prices: [
            {
              currency: 'EUR',
              weightBands: [
                { upToGrams: 1000, amount: 690 },
                { upToGrams: 5000, amount: 1190 },
                { upToGrams: null, amount: 1990 },
              ],
            },
          ],
        }),
        us: await post(`/zones/${zones.us}/rates`, {
          name: 'Standard',
          type: 'subtotal_bands',
          prices: [
            {
              currency: 'USD',
              subtotalBands: [
                { fromSubtotal: 0, amount: 995 },
                { fromSubtotal: 5000, amount: 595 },
                { fromSubtotal: 10_000, amount: 0 },
              ],
            },
          ],
        }),
        akhi: await post(`/zones/${zones.akhi}/rates`, {
          name: 'Remote areas',
          type: 'flat',
          prices: [{ currency: 'USD', amount: 2500 }],
        }),
        row: await post(`/zones/${zones.row}/rates`, {
          name: 'International',
          type: 'flat',
          prices: [
            { currency: 'EUR', amount: 2490 },
            { currency: 'USD', amount: 2690 },
          ],
        }),
      };
      for (const [key, res] of Object.entries(created)) {
        assert.equal(res.statusCode, 201, `${key}: ${res.body}`);
        rates[key] = res.json().rate.id;
      }
      assert.deepEqual(created.deStandard.json().rate.prices, [
        { currency: 'EUR', amount: 490, freeAbove: 5000, minSubtotal: null, maxSubtotal: null },
      ]);
      assert.deepEqual(
        [created.deStandard.json().rate.position, created.deExpress.json().rate.position],
        [0, 1],
        'new rates go after the last',
      );

      const patched = await owner.request({
        method: 'PATCH',
        url: `${base}/zones/${zones.de}/rates/${rates.deExpress}`,
        payload: { prices: [{ currency: 'EUR', amount: 1090 }], active: false },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual(
        [
          patched.json().rate.prices[0].amount,
          patched.json().rate.active,
          patched.json().rate.maxWeightGrams,
        ],
        [1090, false, 10_000],
      );
      const reactivated = await owner.request({
        method: 'PATCH',
        url: `${base}/zones/${zones.de}/rates/${rates.deExpress}`,
        payload: { active: true, prices: [{ currency: 'EUR', amount: 990 }] },
      });
      assert.equal(reactivated.statusCode, 200, reactivated.body);
      const wrongZone = await viewer.request({
        method: 'GET',
        url: `${base}/zones/${zones.eu}/rates/${rates.deExpress}`,
      });
      assert.equal(wrongZone.statusCode, 404);
      const list = await viewer.request({ method: 'GET', url: `${base}/zones/${zones.de}/rates` });
      assert.deepEqual(
        list.json().items.map((r: { name: string }) => r.name),
        ['Standard', 'Express'],
      );
      assert.deepEqual(await auditActions(rates.deExpress!), [
        'shipping_rate.created',
        'shipping_rate.updated',
        'shipping_rate.updated',
      ]);
    });

    test('bad rates and zones are 400 with the error model, and write nothing', async () => {
      const flat = { name: 'X', type: 'flat', prices: [{ currency: 'EUR', amount: 100 }] };
      const bands = (weightBands: unknown) => ({
        name: 'X',
        type: 'weight_bands',
        prices: [{ currency: 'EUR', weightBands }],
      });
      const subtotal = (subtotalBands: unknown) => ({
        name: 'X',
        type: 'subtotal_bands',
        prices: [{ currency: 'EUR', subtotalBands }],
      });
      const badRates: [string, object][] = [
        ['negative amount', { ...flat, prices: [{ currency: 'EUR', amount: -1 }] }],
        ['fractional amount', { ...flat, prices: [{ currency: 'EUR', amount: 4.9 }] }],
        ['unknown currency', { ...flat, prices: [{ currency: 'EUX', amount: 100 }] }],
        ['no prices', { ...flat, prices: [] }],
        ['currency twice', { ...flat, prices: [flat.prices[0], flat.prices[0]] }],
        ['negative free above', { ...flat, prices: [{ currency: 'EUR', amount: 100, freeAbove: -1 }] }],
        [
          'min subtotal above max',
          { ...flat, prices: [{ currency: 'EUR', amount: 1, minSubtotal: 10, maxSubtotal: 9 }] },
        ],
        ['bands on a flat rate', { ...flat, prices: [{ currency: 'EUR', amount: 1, weightBands: [] }] }],
        ['no band', bands([])],
        [
          'bands not increasing',
          bands([
            { upToGrams: 1000, amount: 1 },
            { upToGrams: 1000, amount: 2 },
          ]),
        ],
        [
          'bands decreasing',
          bands([
            { upToGrams: 2000, amount: 1 },
            { upToGrams: 1000, amount: 2 },
          ]),
        ],
        [
          'open band not last',
          bands([
            { upToGrams: null, amount: 1 },
            { upToGrams: 1000, amount: 2 },
          ]),
        ],
        ['zero-gram band', bands([{ upToGrams: 0, amount: 1 }])],
        ['subtotal bands not from 0', subtotal([{ fromSubtotal: 100, amount: 1 }])],
        [
          'subtotal bands not increasing',
          subtotal([
            { fromSubtotal: 0, amount: 1 },
            { fromSubtotal: 0, amount: 2 },
          ]),
        ],
        ['unknown type', { ...flat, type: 'by_distance' }],
        ['min weight above max', { ...flat, minWeightGrams: 10, maxWeightGrams: 9 }],
        ['estimate backwards', { ...flat, estimate: { minDays: 3, maxDays: 1 } }],
        ['empty name', { ...flat, name: ' ' }],
        ['unknown field', { ...flat, colour: 'red' }],
      ];
      const badZones: [string, object][] = [
        ['not a country', { name: 'Z', countries: [{ country: 'XX' }] }],
        ['reserved code', { name: 'Z', countries: [{ country: 'UK' }] }],
        ['region of another country', { name: 'Z', countries: [{ country: 'CA', regions: ['US-AK'] }] }],
        ['malformed region', { name: 'Z', countries: [{ country: 'CA', regions: ['Yukon'] }] }],
        ['country twice', { name: 'Z', countries: [{ country: 'CH' }, { country: 'CH' }] }],
        ['no countries', { name: 'Z', countries: [] }],
        ['rest of world with countries', { name: 'Z', restOfWorld: true, countries: [{ country: 'CH' }] }],
      ];
      const before = await counts();
      for (const [what, payload] of badRates) {
        const res = await post(`/zones/${zones.de}/rates`, payload);
        assert.equal(res.statusCode, 400, `${what}: ${res.statusCode} ${res.body}`);
        assert.equal(typeof res.json().error.code, 'string');
      }
      for (const [what, payload] of badZones) {
        const res = await post('/zones', payload);
        assert.equal(res.statusCode, 400, `${what}: ${res.statusCode} ${res.body}`);
      }
      const typeWithoutPrices = await owner.request({
        method: 'PATCH',
        url: `${base}/zones/${zones.de}/rates/${rates.deStandard}`,
        payload: { type: 'weight_bands' },
      });
      assert.equal(typeWithoutPrices.statusCode, 400, typeWithoutPrices.body);
      const pricesOfOtherType = await owner.request({
        method: 'PATCH',
        url: `${base}/zones/${zones.eu}/rates/${rates.eu}`,
        payload: { prices: [{ currency: 'EUR', amount: 100 }] },
      });
      assert.equal(pricesOfOtherType.statusCode, 400, pricesOfOtherType.body);
      const missingZone = await post('/zones/shz_01jzzzzzzzzzzzzzzzzzzzzzzz/rates', flat);
      assert.equal(missingZone.statusCode, 404);
      assert.deepEqual(await counts(), before);
    });

    let berlinShop: string;

    test('pick-up options at active locations of the store', async () => {
      const location = async (payload: object) => {
        const res = await owner.request({
          method: 'POST',
          url: '/api/admin/stores/ship-shop/inventory/locations',
          payload,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().location.id as string;
      };
      const berlin = await location({
        name: 'Berlin shop',
        kind: 'retail',
        address: { city: 'Berlin', country: 'DE' },
      });
      const closed = await location({ name: 'Old shop', kind: 'retail', address: { country: 'DE' } });
      const nowhere = await location({ name: 'Pop-up', kind: 'retail' });
      await owner.request({
        method: 'PATCH',
        url: `/api/admin/stores/ship-shop/inventory/locations/${closed}`,
        payload: { active: false },
      });

      const before = await counts();
      const refused: [object, number, string][] = [
        [{ locationId: closed, name: 'Old' }, 422, 'location_inactive'],
        [{ locationId: 'loc_01jzzzzzzzzzzzzzzzzzzzzzzz', name: 'Ghost' }, 422, 'unknown_location'],
        [{ locationId: nowhere, name: 'Pop-up' }, 422, 'pickup_countries_required'],
        [{ locationId: berlin, name: 'B', countries: ['XX'] }, 400, 'validation_failed'],
        [{ locationId: berlin, name: 'B', readyIn: { value: 2, unit: 'weeks' } }, 400, 'validation_failed'],
      ];
      for (const [payload, status, code] of refused) {
        const res = await post('/pickup-options', payload);
        assert.deepEqual([res.statusCode, res.json().error.code], [status, code], res.body);
      }
      assert.deepEqual(await counts(), before);

      const created = await post('/pickup-options', {
        locationId: berlin,
        name: 'Pick up in Berlin',
        instructions: 'Ask at the till.',
        readyIn: { value: 120, unit: 'minutes' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const pickup = created.json().pickupOption;
      berlinShop = pickup.id;
      assert.deepEqual([pickup.countries, pickup.readyIn], [['DE'], { value: 120, unit: 'minutes' }]);
      const twice = await post('/pickup-options', { locationId: berlin, name: 'Again' });
      assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'pickup_location_taken']);
      const changed = await owner.request({
        method: 'PATCH',
        url: `${base}/pickup-options/${berlinShop}`,
        payload: { countries: ['de', 'AT'] },
      });
      assert.deepEqual(changed.json().pickupOption.countries, ['AT', 'DE']);
      const toClosed = await owner.request({
        method: 'PATCH',
        url: `${base}/pickup-options/${berlinShop}`,
        payload: { locationId: closed },
      });
      assert.equal(toClosed.json().error.code, 'location_inactive');
      assert.deepEqual(await auditActions(berlinShop), [
        'shipping_pickup_option.created',
        'shipping_pickup_option.updated',
      ]);
    });

    test('quote: the calculation for a posted cart and address, weighed with the catalog', async () => {
      const quote = (payload: object) => viewer.request({ method: 'POST', url: `${base}/quote`, payload });
      const friday = '2030-07-05T10:00:00+02:00';
      const germany = await quote({
        destination: { country: 'DE' },
        subtotal: 4999,
        lines: [
          { variantId: apronS, quantity: 3 },
          { variantId: apronL, quantity: 1 },
          { variantId: giftCard, quantity: 2 },
        ],
        now: friday,
      });
      assert.equal(germany.statusCode, 200, germany.body);
      const body = germany.json();
      assert.deepEqual(body.weight, {
        totalGrams: 900,
        shippingRequired: true,
        variantsWithoutWeight: [apronL],
      });
      assert.deepEqual(
        body.quote.options.map((o: { name: string; amount: number }) => `${o.name} ${o.amount}`),
        ['Standard 490', 'Express 990', 'Pick up in Berlin 0'],
      );
      assert.deepEqual(body.quote.options[0].estimate, {
        minDays: 1,
        maxDays: 2,
        earliest: '2030-07-08',
        latest: '2030-07-09',
      });
      assert.deepEqual([body.estimate.cheapest.amount, body.estimate.range], [490, { min: 490, max: 990 }]);

      const atThreshold = await quote({
        destination: { country: 'DE' },
        subtotal: 5000,
        totalWeightGrams: 12_000,
      });
      const offered = atThreshold
        .json()
        .quote.options.map((o: { id: string; amount: number }) => [o.id, o.amount]);
      assert.deepEqual(offered, [
        [rates.deStandard, 0],
        [berlinShop, 0],
      ]);
      assert.equal(
        atThreshold.json().quote.unavailable.find((u: { id: string }) => u.id === rates.deExpress).reason,
        'over_max_weight',
      );

      const alaska = await quote({
        destination: { country: 'us', region: 'us-ak' },
        currency: 'USD',
        subtotal: 20_000,
      });
      assert.deepEqual(
        [
          alaska.json().quote.zone.matchedBy,
          alaska.json().quote.options.map((o: { amount: number }) => o.amount),
        ],
        ['region', [2500]],
      );
      assert.equal(alaska.json().estimate.mayVaryByRegion, true);
      assert.deepEqual(alaska.json().estimate.cheapest.amount, 0, 'the estimate by country uses the US zone');

      const onlyGiftCards = await quote({
        destination: { country: 'DE' },
        subtotal: 10_000,
        lines: [{ variantId: giftCard, quantity: 2 }],
      });
      assert.deepEqual(onlyGiftCards.json().weight, {
        totalGrams: 0,
        shippingRequired: false,
        variantsWithoutWeight: [],
      });

      const japan = await quote({ destination: { country: 'JP' }, currency: 'USD', subtotal: 100 });
      assert.deepEqual(
        japan.json().quote.options.map((o: { amount: number }) => o.amount),
        [2690],
      );
      const france = await quote({ destination: { country: 'FR' }, subtotal: 100, totalWeightGrams: 1000 });
      assert.deepEqual(
        france.json().quote.options.map((o: { amount: number }) => o.amount),
        [690],
      );

      const before = await counts();
      const bad: [object, number, string][] = [
        [{ destination: { country: 'DE' }, subtotal: -1 }, 400, 'validation_failed'],
        [{ destination: { country: 'ZZ' }, subtotal: 1 }, 400, 'validation_failed'],
        [{ destination: { country: 'DE', region: 'US-AK' }, subtotal: 1 }, 400, 'validation_failed'],
        [{ destination: { country: 'DE' }, subtotal: 1, currency: 'EURO' }, 400, 'validation_failed'],
        [{ destination: { country: 'DE' }, subtotal: 1, now: 'friday' }, 400, 'validation_failed'],
        [
          { destination: { country: 'DE' }, subtotal: 1, lines: [], totalWeightGrams: 1 },
          400,
          'validation_failed',
        ],
        [
          { destination: { country: 'DE' }, subtotal: 1, lines: [{ variantId: apronS, quantity: 0 }] },
          400,
          'validation_failed',
        ],
        [
          { destination: { country: 'DE' }, subtotal: 1, lines: [{ variantId: 'var_nope', quantity: 1 }] },
          422,
          'unknown_variant',
        ],
      ];
      for (const [payload, status, code] of bad) {
        const res = await quote(payload);
        assert.deepEqual([res.statusCode, res.json().error.code], [status, code], res.body);
      }
      assert.deepEqual(await counts(), before, 'quotes write nothing');
    });

    test('the setup in one read; a viewer can read and quote but not change anything', async () => {
      const setup = await viewer.request({ method: 'GET', url: base });
      assert.equal(setup.statusCode, 200, setup.body);
      assert.deepEqual(
        [setup.json().setup.timezone, setup.json().setup.zones.length, setup.json().setup.rates.length],
        ['UTC', 5, 6],
      );
      assert.equal(setup.json().setup.pickups[0].location.name, 'Berlin shop');

      const before = await counts();
      const writes = [
        viewer.request({
          method: 'POST',
          url: `${base}/zones`,
          payload: { name: 'Swiss', countries: [{ country: 'CH' }] },
        }),
        viewer.request({ method: 'PATCH', url: `${base}/zones/${zones.de}`, payload: { name: 'DE' } }),
        viewer.request({ method: 'DELETE', url: `${base}/zones/${zones.de}` }),
        viewer.request({
          method: 'POST',
          url: `${base}/zones/${zones.de}/rates`,
          payload: { name: 'X', type: 'flat', prices: [{ currency: 'EUR', amount: 1 }] },
        }),
        viewer.request({ method: 'DELETE', url: `${base}/zones/${zones.de}/rates/${rates.deStandard}` }),
        viewer.request({
          method: 'PATCH',
          url: `${base}/pickup-options/${berlinShop}`,
          payload: { active: false },
        }),
      ];
      for (const res of await Promise.all(writes)) {
        assert.deepEqual([res.statusCode, res.json().error.code], [403, 'permission_denied'], res.body);
      }
      assert.deepEqual(await counts(), before);
    });

    test('deleting a zone takes its rates; every change emitted shipping.updated', async () => {
      const res = await owner.request({ method: 'DELETE', url: `${base}/zones/${zones.akhi}` });
      assert.equal(res.statusCode, 204);
      const gone = await viewer.request({
        method: 'GET',
        url: `${base}/zones/${zones.akhi}/rates/${rates.akhi}`,
      });
      assert.equal(gone.statusCode, 404);
      const [deleted] = await database.execute<{ before: { rates: { id: string }[] } }>(
        "select before from audit_log where action = 'shipping_zone.deleted' and entity_id = $1",
        [zones.akhi],
      );
      assert.deepEqual(
        deleted!.before.rates.map((r) => r.id),
        [rates.akhi],
      );
      const alaska = await viewer.request({
        method: 'POST',
        url: `${base}/quote`,
        payload: { destination: { country: 'US', region: 'US-AK' }, currency: 'USD', subtotal: 100 },
      });
      assert.equal(alaska.json().quote.zone.matchedBy, 'country');
      const emitted = await events();
      const audited = Number(
        (
          await database.execute<{ n: number }>(
            "select count(*)::int as n from audit_log where action like 'shipping_%'",
          )
        )[0]!.n,
      );
      assert.equal(emitted.length, audited, 'one event per audited change');
      assert.deepEqual([...new Set(emitted)].sort(), [
        'pickup_option.created',
        'pickup_option.updated',
        'rate.created',
        'rate.updated',
        'zone.created',
        'zone.deleted',
        'zone.updated',
      ]);
    });
  });
}
