// Every admin route, every role, through a session and through an API key: allowed exactly when the
// role's permissions say so, and never across stores. Routes come from the app's own registry, so a
// route added later is covered without editing this file.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type DeclaredRoute, type Role, roles } from '../src/modules/access/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import { testDatabaseTargets } from '../src/platform/db/test-database.ts';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  permissionsOf,
  startTestApp,
  type TestApp,
  withApiKey,
} from './support/app-harness.ts';

function concretePath(url: string, store: string): string {
  return url
    .replace(':store', store)
    .replace(/:([A-Za-z]+)Id\b/g, (_m, kind: string) => `${kind.slice(0, 4)}_01jzzzzzzzzzzzzzzzzzzzzzzz`);
}

const mutation = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

for (const target of testDatabaseTargets()) {
  describe(`access control on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let storeRoutes: DeclaredRoute[];
    let userRoutes: DeclaredRoute[];
    const sessions = new Map<Role, Browser>();
    const keys = new Map<Role, string>();
    let otherOwner: Browser;
    let otherStoreKey: string;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const a = await makeStore(database, 'store-a');
      const b = await makeStore(database, 'store-b');
      for (const role of roles) {
        const m = await makeMember(database, a.id, role);
        sessions.set(role, await Browser.signIn(sp.app, m.email));
        keys.set(role, await makeApiKey(database, a.id, permissionsOf(role)));
      }
      const ownerB = await makeMember(database, b.id, 'owner');
      otherOwner = await Browser.signIn(sp.app, ownerB.email);
      otherStoreKey = await makeApiKey(database, b.id, permissionsOf('owner'));
      storeRoutes = sp.app.declaredRoutes.filter((r) => r.permission);
      userRoutes = sp.app.declaredRoutes.filter((r) => r.access === 'user');
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('every admin route declares a permission or an access level', () => {
      assert.ok(storeRoutes.length >= 15, `expected the store routes, found ${storeRoutes.length}`);
      for (const r of sp.app.declaredRoutes) assert.ok(r.permission || r.access, `${r.method} ${r.url}`);
    });

    for (const via of ['session', 'api key'] as const) {
      test(`each role gets exactly its permissions (${via})`, async () => {
        const failures: string[] = [];
        for (const role of roles) {
          const allowed = new Set(permissionsOf(role));
          const send =
            via === 'session'
              ? (o: Parameters<Browser['request']>[0]) => sessions.get(role)!.request(o)
              : withApiKey(sp.app, keys.get(role)!);
          for (const route of storeRoutes) {
            const res = await send({
              method: route.method as 'GET',
              url: concretePath(route.url, 'store-a'),
              ...(mutation(route.method) ? { payload: {} } : {}),
            });
            const may = allowed.has(route.permission!);
            const denied = res.statusCode === 403 && res.json().error.code === 'permission_denied';
            if (res.statusCode >= 500)
              failures.push(`${role} ${route.method} ${route.url}: ${res.statusCode} ${res.body}`);
            else if (may && (res.statusCode === 401 || res.statusCode === 403)) {
              failures.push(
                `${role} should be allowed ${route.method} ${route.url} but got ${res.statusCode} ${res.body}`,
              );
            } else if (!may && !denied) {
              failures.push(
                `${role} should be denied ${route.method} ${route.url} but got ${res.statusCode}`,
              );
            }
          }
        }
        assert.deepEqual(failures, []);
      });
    }

    test('a member of store B cannot see or touch store A on any route (session and key)', async () => {
      for (const route of storeRoutes) {
        const url = concretePath(route.url, 'store-a');
        const payload = mutation(route.method) ? { payload: {} } : {};
        const viaSession = await otherOwner.request({ method: route.method as 'GET', url, ...payload });
        const viaKey = await withApiKey(
          sp.app,
          otherStoreKey,
        )({ method: route.method as 'GET', url, ...payload });
        for (const res of [viaSession, viaKey]) {
          assert.equal(res.statusCode, 404, `${route.method} ${route.url}: ${res.statusCode} ${res.body}`);
          assert.equal(res.json().error.code, 'not_found');
        }
      }
    });

    test('no credentials → 401 on every protected route; a bad API key → 401', async () => {
      for (const route of [...storeRoutes, ...userRoutes]) {
        const res = await sp.app.inject({
          method: route.method as 'GET',
          url: concretePath(route.url, 'store-a'),
        });
        assert.equal(res.statusCode, 401, `${route.method} ${route.url}`);
        assert.equal(res.json().error.code, 'unauthenticated');
      }
      const res = await withApiKey(
        sp.app,
        'sp_live_not-a-real-key',
      )({ method: 'GET', url: '/api/admin/stores/store-a/products' });
      assert.equal(res.statusCode, 401);
    });

    test('writes with a session but without the CSRF token → 403 csrf_failed, on every mutation route', async () => {
      const owner = sessions.get('owner')!;
      for (const route of [...storeRoutes, ...userRoutes].filter((r) => mutation(r.method))) {
        const res = await owner.request({
          method: route.method as 'POST',
          url: concretePath(route.url, 'store-a'),
          payload: {},
          csrf: false,
        });
        assert.equal(res.statusCode, 403, `${route.method} ${route.url}`);
        assert.equal(res.json().error.code, 'csrf_failed');
      }
    });

    test('person-only routes refuse API keys', async () => {
      const res = await withApiKey(sp.app, keys.get('owner')!)({ method: 'GET', url: '/api/admin/stores' });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'user_required');
    });

    test('the session lists only the stores the person belongs to', async () => {
      const res = await otherOwner.request({ method: 'GET', url: '/api/auth/session' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res.json().stores.map((s: { handle: string }) => s.handle),
        ['store-b'],
      );
    });
  });
}
