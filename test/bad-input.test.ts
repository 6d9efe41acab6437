// Bad input on every admin route: a 4xx with the error model, and nothing written.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DeclaredRoute } from '../src/modules/access/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import { testDatabaseTargets } from '../src/platform/db/test-database.ts';
import { Browser, makeMember, makeStore, startTestApp, type TestApp } from './support/app-harness.ts';

const tables = [
  'stores',
  'users',
  'memberships',
  'api_keys',
  'audit_log',
  'products',
  'outbox_events',
  'webhook_endpoints',
];

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await database.execute<{ n: string | number }>(`select count(*) as n from ${t}`);
    counts[t] = Number(row?.n);
  }
  return counts;
}

function assertErrorModel(res: { statusCode: number; json(): unknown; body: string }, what: string) {
  assert.ok(
    res.statusCode >= 400 && res.statusCode < 500,
    `${what}: expected 4xx, got ${res.statusCode} ${res.body}`,
  );
  const body = res.json() as { error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof body.error?.code, 'string', `${what}: error.code`);
  assert.equal(typeof body.error?.message, 'string', `${what}: error.message`);
}

const fakeIds = (url: string, store: string) =>
  url
    .replace(':store', store)
    .replace(/:([A-Za-z]+)Id\b/g, (_m, k: string) => `${k.slice(0, 4)}_01jzzzzzzzzzzzzzzzzzzzzzzz`);

for (const target of testDatabaseTargets()) {
  describe(`bad input on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let productId: string;
    let secondId: string;
    let mutations: DeclaredRoute[];

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'shop');
      const m = await makeMember(database, store.id, 'owner');
      owner = await Browser.signIn(sp.app, m.email);
      const created = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/shop/products',
        payload: { title: 'Linen Apron', price: { amount: 3900 }, sku: 'APRON-1' },
      });
      assert.equal(created.statusCode, 201, created.body);
      productId = created.json().product.id;
      const second = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/shop/products',
        payload: { title: 'Linen Napkins', price: { amount: 2400 } },
      });
      secondId = second.json().product.id;
      mutations = sp.app.declaredRoutes.filter(
        (r) => !['GET', 'HEAD'].includes(r.method) && r.access !== 'public',
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('malformed bodies on every mutation route: 4xx, error model, no write', async () => {
      const bodies: { label: string; payload: string; contentType: string }[] = [
        { label: 'broken JSON', payload: '{"title": ', contentType: 'application/json' },
        { label: 'a JSON array', payload: '[1,2,3]', contentType: 'application/json' },
        {
          label: 'wrong types',
          payload: '{"title": 42, "price": "free", "role": 7, "email": []}',
          contentType: 'application/json',
        },
        { label: 'plain text', payload: 'hello', contentType: 'text/plain' },
        {
          // Upload routes read multipart bodies as a stream; one cut off mid-file must not be a 500.
          label: 'a cut-off multipart upload',
          payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nHandle,Ti',
          contentType: 'multipart/form-data; boundary=xyz',
        },
      ];
      const before = await rowCounts(database);
      for (const route of mutations) {
        if (route.url === '/api/auth/logout') continue;
        for (const body of bodies) {
          const res = await owner.request({
            method: route.method as 'POST',
            url: fakeIds(route.url, 'shop'),
            payload: body.payload,
            headers: { 'content-type': body.contentType },
          });
          assertErrorModel(res, `${route.method} ${route.url} with ${body.label}`);
        }
      }
      assert.deepEqual(await rowCounts(database), before);
    });

    test('field-level validation says which field is wrong', async () => {
      const res = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/shop/products',
        payload: { title: '', price: { amount: 19.99 } },
      });
      assert.equal(res.statusCode, 400);
      const { error } = res.json();
      assert.equal(error.code, 'validation_failed');
      const paths = error.details.map((d: { path: string }) => d.path);
      assert.ok(paths.includes('body.title'), JSON.stringify(paths));
      assert.ok(paths.includes('body.price.amount'), JSON.stringify(paths));
    });

    test('domain rules give specific codes and write nothing', async () => {
      const before = await rowCounts(database);
      const cases: [string, 'POST' | 'PATCH', string, unknown, number, string][] = [
        [
          'duplicate SKU',
          'POST',
          '/api/admin/stores/shop/products',
          { title: 'Other', price: { amount: 1 }, sku: 'APRON-1' },
          409,
          'sku_taken',
        ],
        [
          'duplicate handle',
          'PATCH',
          `/api/admin/stores/shop/products/${secondId}`,
          { handle: 'linen-apron' },
          409,
          'handle_taken',
        ],
        [
          'unknown field',
          'PATCH',
          `/api/admin/stores/shop/products/${productId}`,
          { colour: 'red' },
          400,
          'validation_failed',
        ],
        [
          'negative price',
          'PATCH',
          `/api/admin/stores/shop/products/${productId}`,
          { price: { amount: -5 } },
          400,
          'validation_failed',
        ],
        [
          'bad handle',
          'PATCH',
          `/api/admin/stores/shop/products/${productId}`,
          { handle: 'Not A Handle!' },
          400,
          'validation_failed',
        ],
        [
          'bad currency',
          'POST',
          '/api/admin/stores',
          { handle: 'x-shop', name: 'X', baseCurrency: 'XXY' },
          400,
          'validation_failed',
        ],
        [
          'taken store handle',
          'POST',
          '/api/admin/stores',
          { handle: 'shop', name: 'X', baseCurrency: 'EUR' },
          409,
          'handle_taken',
        ],
        [
          'unknown role',
          'POST',
          '/api/admin/stores/shop/members',
          { email: 'a@b.test', role: 'king' },
          400,
          'validation_failed',
        ],
        [
          'new member without password',
          'POST',
          '/api/admin/stores/shop/members',
          { email: 'new@b.test', role: 'viewer' },
          422,
          'password_required',
        ],
        [
          'weak password',
          'POST',
          '/api/admin/stores/shop/members',
          { email: 'new@b.test', role: 'viewer', password: 'short' },
          400,
          'weak_password',
        ],
        [
          'unknown permission',
          'POST',
          '/api/admin/stores/shop/api-keys',
          { name: 'k', permissions: ['catalog:destroy'] },
          400,
          'unknown_permission',
        ],
        [
          'key without permissions',
          'POST',
          '/api/admin/stores/shop/api-keys',
          { name: 'k', permissions: [] },
          400,
          'no_permissions',
        ],
      ];
      for (const [label, method, url, payload, status, code] of cases) {
        const res = await owner.request({ method, url, payload: payload as object });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      assert.deepEqual(await rowCounts(database), before);
    });

    test('an oversized body is refused with 413 before it is read into a write', async () => {
      const before = await rowCounts(database);
      const res = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/shop/products',
        payload: JSON.stringify({
          title: 'Big',
          price: { amount: 1 },
          description: 'x'.repeat(2 * 1024 * 1024),
        }),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, 'body_too_large');
      assert.deepEqual(await rowCounts(database), before);
    });

    test('odd store references and ids get a 4xx with the error model, never a 500', async () => {
      for (const ref of ['x'.repeat(300), '%00', 'store_not-a-typeid', "a'b"]) {
        const res = await owner.request({
          method: 'GET',
          url: `/api/admin/stores/${encodeURIComponent(ref)}/products`,
        });
        assertErrorModel(res, `store ref ${ref.slice(0, 20)}`);
      }
      const res = await owner.request({
        method: 'GET',
        url: `/api/admin/stores/shop/products/${'z'.repeat(500)}`,
      });
      assertErrorModel(res, 'long product id');
    });

    test('an unknown route is a JSON 404, not an HTML page or a 500', async () => {
      const res = await owner.request({ method: 'GET', url: '/api/admin/stores/shop/nothing-here' });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'not_found');
    });
  });
}
