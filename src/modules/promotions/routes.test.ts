import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';

/** Every table a discount request may write. */
const written = [
  'discounts',
  'discount_codes',
  'discount_usages',
  'discount_customer_usages',
  'audit_log',
  'outbox_events',
];

type Request = ReturnType<typeof withApiKey>;

for (const target of testDatabaseTargets()) {
  describe(`discount routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let api: Request;
    let support: Browser;
    let content: Browser;
    let linen: string;
    let wool: string;
    let linenCollection: string;
    let ruleCollection: string;
    const base = '/api/admin/stores/promo';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'promo');
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, [
          'promotions:read',
          'promotions:write',
          'catalog:read',
          'catalog:write',
          'audit:read',
          'store:read',
        ]),
      );
      support = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      const product = async (title: string, tags: string[]) => {
        const res = await api({
          method: 'POST',
          url: `${base}/products`,
          payload: { title, price: { amount: 2000 }, tags },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().product.id as string;
      };
      linen = await product('Linen Apron', ['linen']);
      wool = await product('Wool Scarf', ['wool']);
      const manual = await api({
        method: 'POST',
        url: `${base}/collections`,
        payload: { title: 'Kitchen', kind: 'manual', productIds: [linen] },
      });
      assert.equal(manual.statusCode, 201, manual.body);
      linenCollection = manual.json().collection.id;
      const rules = await api({
        method: 'POST',
        url: `${base}/collections`,
        payload: {
          title: 'Winter',
          kind: 'rules',
          rules: [{ field: 'tag', operator: 'equals', value: 'wool' }],
        },
      });
      assert.equal(rules.statusCode, 201, rules.body);
      ruleCollection = rules.json().collection.id;
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const rowCounts = async () => {
      const counts: Record<string, number> = {};
      for (const table of written) {
        const [row] = await database.execute<{ n: string | number }>(`select count(*) as n from ${table}`);
        counts[table] = Number(row?.n);
      }
      return counts;
    };
    const create = async (payload: Record<string, unknown>) => {
      const res = await api({ method: 'POST', url: `${base}/discounts`, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().discount;
    };
    const eventsOf = async (id: string) =>
      (
        await database.execute<{ type: string }>(
          "select type from outbox_events where payload->>'id' = $1 order by created_at, id",
          [id],
        )
      ).map((e) => e.type);

    test('create, read, change and delete a code discount: audited and told to the outbox', async () => {
      const discount = await create({
        title: 'Summer 10',
        kind: 'code',
        codes: ['SUMMER10', 'sun-10'],
        type: 'percentage',
        percentBp: 1000,
        appliesTo: { scope: 'collections', collectionIds: [linenCollection] },
        minimumSubtotal: { EUR: 3000 },
        customerSegments: ['VIP'],
        usageLimit: 100,
        perCustomerLimit: 1,
        combinesWith: { order: false, product: true, shipping: true },
      });
      assert.deepEqual(
        [
          discount.status,
          discount.class,
          discount.codes,
          discount.codeCount,
          discount.used,
          discount.customerSegments,
        ],
        ['active', 'product', ['SUMMER10', 'sun-10'], 2, 0, ['vip']],
      );
      assert.equal(
        (await api({ method: 'GET', url: `${base}/discounts/${discount.id}` })).json().discount.title,
        'Summer 10',
      );

      const changed = await api({
        method: 'PATCH',
        url: `${base}/discounts/${discount.id}`,
        payload: { percentBp: 1500, codes: ['SUMMER15'], endsAt: '2999-01-01T00:00:00Z' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual(
        [
          changed.json().discount.percentBp,
          changed.json().discount.codes,
          changed.json().discount.usageLimit,
        ],
        [1500, ['SUMMER15'], 100],
      );
      // An update that leaves codes out keeps them.
      const renamed = await api({
        method: 'PATCH',
        url: `${base}/discounts/${discount.id}`,
        payload: { title: 'Summer 15' },
      });
      assert.deepEqual(renamed.json().discount.codes, ['SUMMER15']);

      const deleted = await api({ method: 'DELETE', url: `${base}/discounts/${discount.id}` });
      assert.equal(deleted.statusCode, 204);
      assert.equal((await api({ method: 'GET', url: `${base}/discounts/${discount.id}` })).statusCode, 404);
      const audit = (await api({ method: 'GET', url: `${base}/audit?entityId=${discount.id}&limit=10` }))
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort();
      assert.deepEqual(audit, [
        'discount.created',
        'discount.deleted',
        'discount.updated',
        'discount.updated',
      ]);
      assert.deepEqual(await eventsOf(discount.id), [
        'discount.created',
        'discount.updated',
        'discount.updated',
        'discount.deleted',
      ]);
      const [codesLeft] = await database.execute<{ n: string | number }>(
        'select count(*) as n from discount_codes where discount_id = $1',
        [discount.id],
      );
      assert.equal(Number(codesLeft?.n), 0);
    });

    test('bad input: 4xx naming the problem, and nothing written', async () => {
      const taken = await create({ title: 'Taken', kind: 'code', codes: ['TAKEN'], type: 'free_shipping' });
      const before = await rowCounts();
      const valid = { title: 'X', kind: 'code', codes: ['FRESH1'], type: 'percentage', percentBp: 1000 };
      const cases: [string, Record<string, unknown>, number, string, string?][] = [
        ['percentage 0', { ...valid, percentBp: 0 }, 400, 'validation_failed', 'body.percentBp'],
        ['percentage over 100 %', { ...valid, percentBp: 10001 }, 400, 'validation_failed', 'body.percentBp'],
        [
          'percentage without a value',
          { ...valid, percentBp: undefined },
          400,
          'validation_failed',
          'body.percentBp',
        ],
        [
          'a fraction of a cent',
          { ...valid, type: 'fixed_amount', percentBp: null, amounts: { EUR: 9.99 } },
          400,
          'validation_failed',
          'body.amounts.EUR',
        ],
        [
          'an unknown currency',
          { ...valid, type: 'fixed_amount', percentBp: null, amounts: { EUX: 100 } },
          400,
          'validation_failed',
          'body.amounts.EUX',
        ],
        [
          'end before start',
          { ...valid, startsAt: '2026-01-02T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' },
          400,
          'validation_failed',
          'body.endsAt',
        ],
        [
          'a date without a zone',
          { ...valid, startsAt: '2026-01-02 10:00' },
          400,
          'validation_failed',
          'body.startsAt',
        ],
        ['a code with spaces', { ...valid, codes: ['TWO WORDS'] }, 400, 'validation_failed', 'body.codes.0'],
        [
          'the same code twice',
          { ...valid, codes: ['DUP1', 'dup1'] },
          400,
          'validation_failed',
          'body.codes',
        ],
        [
          'codes on an automatic discount',
          { ...valid, kind: 'automatic' },
          400,
          'validation_failed',
          'body.codes',
        ],
        [
          'both minimums',
          { ...valid, minimumSubtotal: { EUR: 1 }, minimumQuantity: 2 },
          400,
          'validation_failed',
          'body.minimumQuantity',
        ],
        [
          'free shipping on a product',
          {
            ...valid,
            type: 'free_shipping',
            percentBp: null,
            appliesTo: { scope: 'products', productIds: [linen] },
          },
          400,
          'validation_failed',
          'body.appliesTo',
        ],
        ['an unknown field', { ...valid, colour: 'red' }, 400, 'validation_failed'],
        [
          'buy X get Y with both conditions',
          {
            ...valid,
            type: 'buy_x_get_y',
            percentBp: null,
            buyXGetY: {
              buys: {
                items: { scope: 'products', productIds: [linen] },
                quantity: 2,
                minimumAmounts: { EUR: 100 },
              },
              gets: { items: { scope: 'products', productIds: [linen] }, quantity: 1, percentBp: 10000 },
            },
          },
          400,
          'validation_failed',
          'body.buyXGetY.buys.quantity',
        ],
        ['a code another discount has, in other case', { ...valid, codes: ['taken'] }, 409, 'code_taken'],
        [
          'products that do not exist',
          {
            ...valid,
            appliesTo: { scope: 'products', productIds: [linen, 'prod_01jzzzzzzzzzzzzzzzzzzzzzzz'] },
          },
          422,
          'unknown_targets',
        ],
        [
          'a collection that does not exist',
          { ...valid, appliesTo: { scope: 'collections', collectionIds: ['coll_nope'] } },
          422,
          'unknown_targets',
        ],
      ];
      for (const [label, payload, status, code, path] of cases) {
        const res = await api({ method: 'POST', url: `${base}/discounts`, payload });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        const { error } = res.json();
        assert.equal(error.code, code, label);
        if (path) {
          const paths = (error.details as { path: string }[]).map((d) => d.path);
          assert.ok(paths.includes(path), `${label}: ${JSON.stringify(paths)}`);
        }
      }
      const unknownTargets = await api({
        method: 'POST',
        url: `${base}/discounts`,
        payload: {
          ...valid,
          appliesTo: { scope: 'products', productIds: [linen, 'prod_01jzzzzzzzzzzzzzzzzzzzzzzz'] },
        },
      });
      assert.deepEqual(unknownTargets.json().error.details, {
        unknownProductIds: ['prod_01jzzzzzzzzzzzzzzzzzzzzzzz'],
        unknownCollectionIds: [],
      });

      // Updates are checked merged with what they change.
      const patches: [string, Record<string, unknown>, number, string][] = [
        [
          'a window that ends before it starts',
          { startsAt: '2030-01-01T00:00:00Z', endsAt: '2029-01-01T00:00:00Z' },
          400,
          'validation_failed',
        ],
        ['a percentage on free shipping', { percentBp: 500 }, 400, 'validation_failed'],
        ['changing the kind', { kind: 'automatic' }, 400, 'validation_failed'],
        ['replacing the codes', { codes: ['FRESH-CODE', 'Summer-x'] }, 200, ''],
      ];
      for (const [label, payload, status, code] of patches) {
        const res = await api({ method: 'PATCH', url: `${base}/discounts/${taken.id}`, payload });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        if (code) assert.equal(res.json().error.code, code, label);
      }
      const other = await create({ title: 'Other', kind: 'code', codes: ['OTHER1'], type: 'free_shipping' });
      const clash = await api({
        method: 'PATCH',
        url: `${base}/discounts/${other.id}`,
        payload: { codes: ['fresh-code'] },
      });
      assert.equal(clash.statusCode, 409);
      assert.deepEqual(clash.json().error.details.codes, ['FRESH-CODE']);
      assert.deepEqual(
        (await api({ method: 'GET', url: `${base}/discounts/${other.id}` })).json().discount.codes,
        ['OTHER1'],
      );

      const after = await rowCounts();
      // Only the successful patch (one code swap) and the second discount changed anything.
      assert.equal(after.discounts, before.discounts! + 1);
      assert.equal(after.discount_codes, before.discount_codes! + 2);
      assert.equal(after.discount_usages, before.discount_usages);
    });

    test('list: filter by status, kind and type, search titles and codes, page', async () => {
      const made = [
        await create({ title: 'List alpha', kind: 'automatic', type: 'free_shipping' }),
        await create({
          title: 'List beta',
          kind: 'code',
          codes: ['BETA-LIST'],
          type: 'percentage',
          percentBp: 500,
          enabled: false,
        }),
        await create({
          title: 'List gamma',
          kind: 'code',
          codes: ['GAMMA-LIST'],
          type: 'percentage',
          percentBp: 500,
          startsAt: '2999-01-01T00:00:00Z',
        }),
        await create({
          title: 'List delta',
          kind: 'code',
          codes: ['DELTA-LIST'],
          type: 'fixed_amount',
          amounts: { EUR: 500 },
          startsAt: '2020-01-01T00:00:00Z',
          endsAt: '2021-01-01T00:00:00Z',
        }),
      ];
      const list = async (query: string) => {
        const res = await api({ method: 'GET', url: `${base}/discounts?${query}` });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { items: { title: string; status: string }[]; total: number };
      };
      const titles = async (query: string) => (await list(`q=list&${query}`)).items.map((i) => i.title);
      assert.deepEqual(await titles(''), ['List delta', 'List gamma', 'List beta', 'List alpha']);
      assert.deepEqual(
        made.map((m) => m.status),
        ['active', 'disabled', 'scheduled', 'expired'],
      );
      assert.deepEqual(await titles('status=active'), ['List alpha']);
      assert.deepEqual(await titles('status=scheduled'), ['List gamma']);
      assert.deepEqual(await titles('status=expired'), ['List delta']);
      assert.deepEqual(await titles('status=disabled'), ['List beta']);
      assert.deepEqual(await titles('kind=automatic'), ['List alpha']);
      assert.deepEqual(await titles('type=percentage'), ['List gamma', 'List beta']);
      assert.deepEqual(
        (await list('q=gamma-l')).items.map((i) => i.title),
        ['List gamma'],
      );
      const page = await list('q=list&limit=3&offset=3');
      assert.deepEqual([page.items.map((i) => i.title), page.total], [['List alpha'], 4]);
      assert.deepEqual((await list('q=list&limit=3&offset=30')).total, 4);
      assert.equal((await api({ method: 'GET', url: `${base}/discounts?status=gone` })).statusCode, 400);
    });

    test('bulk codes: N unique codes with a prefix, listed with their uses; automatic discounts have none', async () => {
      const discount = await create({
        title: 'Newsletter',
        kind: 'code',
        type: 'percentage',
        percentBp: 1000,
      });
      const res = await api({
        method: 'POST',
        url: `${base}/discounts/${discount.id}/codes/generate`,
        payload: { count: 250, prefix: 'NEWS-', length: 6 },
      });
      assert.equal(res.statusCode, 201, res.body);
      const { codes, discount: after } = res.json();
      assert.equal(codes.length, 250);
      assert.equal(new Set(codes.map((c: string) => c.toLowerCase())).size, 250);
      assert.ok(
        codes.every((c: string) => /^NEWS-[A-HJ-NP-Z2-9]{6}$/.test(c)),
        codes[0],
      );
      assert.deepEqual([after.codeCount, after.codes.length], [250, 50]);
      const listed = await api({ method: 'GET', url: `${base}/discounts/${discount.id}/codes?limit=500` });
      assert.equal(listed.json().total, 250);
      assert.ok(listed.json().items.every((i: { used: number }) => i.used === 0));
      assert.equal(
        (
          await api({ method: 'GET', url: `${base}/discounts/${discount.id}/codes?q=${codes[7].slice(5)}` })
        ).json().items[0].code,
        codes[7],
      );
      const automatic = await create({ title: 'Auto', kind: 'automatic', type: 'free_shipping' });
      for (const [id, payload, status, code] of [
        [automatic.id, { count: 5 }, 422, 'not_a_code_discount'],
        [discount.id, { count: 0 }, 400, 'validation_failed'],
        [discount.id, { count: 1001 }, 400, 'validation_failed'],
        [discount.id, { count: 5, prefix: 'has space' }, 400, 'validation_failed'],
        ['disc_01jzzzzzzzzzzzzzzzzzzzzzzz', { count: 5 }, 404, 'not_found'],
      ] as const) {
        const refused = await api({ method: 'POST', url: `${base}/discounts/${id}/codes/generate`, payload });
        assert.equal(refused.statusCode, status, refused.body);
        assert.equal(refused.json().error.code, code);
      }
      const audit = (await api({ method: 'GET', url: `${base}/audit?entityId=${discount.id}&limit=10` }))
        .json()
        .items.map((e: { action: string }) => e.action);
      assert.ok(audit.includes('discount.codes_generated'));
    });

    test('evaluate: runs the engine on a posted cart, with collections from the catalog (manual and rules)', async () => {
      await create({
        title: 'Kitchen 20 %',
        kind: 'automatic',
        type: 'percentage',
        percentBp: 2000,
        appliesTo: { scope: 'collections', collectionIds: [linenCollection] },
        combinesWith: { order: true, product: true, shipping: true },
      });
      await create({
        title: 'Winter: buy 2 scarves, 1 free',
        kind: 'automatic',
        type: 'buy_x_get_y',
        buyXGetY: {
          buys: { items: { scope: 'collections', collectionIds: [ruleCollection] }, quantity: 2 },
          gets: {
            items: { scope: 'collections', collectionIds: [ruleCollection] },
            quantity: 1,
            percentBp: 10000,
          },
        },
        combinesWith: { order: true, product: true, shipping: true },
      });
      await create({
        title: 'Five off',
        kind: 'code',
        codes: ['FIVE-OFF'],
        type: 'fixed_amount',
        amounts: { EUR: 500 },
        combinesWith: { order: false, product: true, shipping: true },
      });
      const cart = {
        lines: [
          { lineId: 'apron', productId: linen, quantity: 1, unitAmount: 2000 },
          { lineId: 'scarves', productId: wool, quantity: 3, unitAmount: 1500 },
        ],
        shippingAmount: 495,
        codes: ['five-off', 'NOPE'],
        customerKey: 'Ada@Example.test',
      };
      const res = await support.request({ method: 'POST', url: `${base}/discounts/evaluate`, payload: cart });
      assert.equal(res.statusCode, 200, res.body);
      const { result } = res.json();
      // Product discounts first, biggest first: one scarf free (−15.00), apron −4.00 (20 %); then the
      // order's €5 over what is left, 16.00 : 30.00 → 1.74 + 3.26.
      assert.deepEqual(
        result.applied.map((a: { title: string; amount: number }) => [a.title, a.amount]),
        [
          ['Winter: buy 2 scarves, 1 free', 1500],
          ['Kitchen 20 %', 400],
          ['Five off', 500],
        ],
      );
      assert.deepEqual(
        result.lines.map((l: { lineId: string; discount: number }) => [l.lineId, l.discount]),
        [
          ['apron', 574],
          ['scarves', 1826],
        ],
      );
      assert.equal(result.total, 2000 + 4500 - 2400 + 495);
      assert.deepEqual(
        result.rejected
          .filter((r: { code: string }) => r.code === 'NOPE')
          .map((r: { reason: string }) => r.reason),
        ['unknown_code'],
      );

      const unknown = await api({
        method: 'POST',
        url: `${base}/discounts/evaluate`,
        payload: { lines: [{ productId: 'prod_01jzzzzzzzzzzzzzzzzzzzzzzz', quantity: 1, unitAmount: 100 }] },
      });
      assert.equal(unknown.statusCode, 422);
      assert.deepEqual(unknown.json().error.details.unknown, ['prod_01jzzzzzzzzzzzzzzzzzzzzzzz']);
      for (const payload of [
        { lines: [{ productId: linen, quantity: 0, unitAmount: 100 }] },
        { lines: [{ productId: linen, quantity: 1, unitAmount: 1.5 }] },
        { lines: [], currency: 'euro' },
        { lines: [], shippingAmount: -1 },
      ]) {
        const bad = await api({ method: 'POST', url: `${base}/discounts/evaluate`, payload });
        assert.equal(bad.statusCode, 400, JSON.stringify(payload));
      }
    });

    test('permissions: support reads and evaluates but cannot write; content cannot read', async () => {
      const before = await rowCounts();
      const write = await support.request({
        method: 'POST',
        url: `${base}/discounts`,
        payload: { title: 'X', kind: 'automatic', type: 'free_shipping' },
      });
      assert.equal(write.statusCode, 403);
      assert.equal(write.json().error.code, 'permission_denied');
      assert.equal((await support.request({ method: 'GET', url: `${base}/discounts` })).statusCode, 200);
      for (const [method, url] of [
        ['GET', `${base}/discounts`],
        ['POST', `${base}/discounts/evaluate`],
      ] as const) {
        const res = await content.request({
          method,
          url,
          ...(method === 'POST' ? { payload: { lines: [] } } : {}),
        });
        assert.equal(res.statusCode, 403, `${method} ${url}`);
      }
      assert.deepEqual(await rowCounts(), before);
    });
  });
}
