import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { MAX_FAILURES_PER_EMAIL } from './sessions.ts';

for (const target of testDatabaseTargets()) {
  describe(`sign-in, sessions and the team on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: { email: string; password: string };
    let storeId: string;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      storeId = (await makeStore(database, 'team-shop')).id;
      owner = await makeMember(database, storeId, 'owner');
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('passwords are stored as argon2id hashes, never in clear', async () => {
      const [row] = await database.execute<{ password_hash: string }>(
        'select password_hash from users where email = $1',
        [owner.email],
      );
      assert.match(row!.password_hash, /^\$argon2id\$/);
      assert.ok(!row!.password_hash.includes(TEST_PASSWORD));
    });

    test('sign-in sets an httpOnly SameSite cookie; the token is stored only as a digest', async () => {
      const res = await sp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: owner.email.toUpperCase(), password: owner.password },
      });
      assert.equal(res.statusCode, 200, res.body);
      const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const stored = await database.execute<{ token_hash: string }>('select token_hash from sessions');
      assert.ok(stored.length > 0);
      assert.ok(stored.every((s) => s.token_hash !== cookie.value && s.token_hash.length === 64));
    });

    test('logout ends the session for good', async () => {
      const browser = await Browser.signIn(sp.app, owner.email);
      assert.equal((await browser.request({ method: 'GET', url: '/api/auth/session' })).statusCode, 200);
      assert.equal((await browser.request({ method: 'POST', url: '/api/auth/logout' })).statusCode, 204);
      assert.equal((await browser.request({ method: 'GET', url: '/api/auth/session' })).statusCode, 401);
    });

    test('repeated wrong passwords are rate limited with 429, even with the right password afterwards', async () => {
      const victim = await makeMember(database, storeId, 'viewer');
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        const res = await sp.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: victim.email, password: `wrong-${i}` },
        });
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.code, 'invalid_credentials');
      }
      const blocked = await sp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: victim.email, password: victim.password },
      });
      assert.equal(blocked.statusCode, 429);
      assert.equal(blocked.json().error.code, 'rate_limited');
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      // Another account from the same address is not locked out by this one.
      const other = await sp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: owner.email, password: owner.password },
      });
      assert.equal(other.statusCode, 200);
    });

    test('an unknown e-mail fails exactly like a wrong password', async () => {
      const res = await sp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@example.test', password: 'whatever-it-is' },
      });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'invalid_credentials');
    });

    test('role changes, removals, sign-outs and revoked keys apply on the very next request', async () => {
      const ownerBrowser = await Browser.signIn(sp.app, owner.email);
      const member = await makeMember(database, storeId, 'manager');
      const memberBrowser = await Browser.signIn(sp.app, member.email);
      const list = () =>
        memberBrowser.request({ method: 'GET', url: '/api/admin/stores/team-shop/products' });
      const create = () =>
        memberBrowser.request({
          method: 'POST',
          url: '/api/admin/stores/team-shop/products',
          payload: { title: 'Cached principal check', price: { amount: 100 } },
        });
      // Warm every cache the requests go through.
      assert.equal((await list()).statusCode, 200);
      assert.equal((await list()).statusCode, 200);
      const userId = (await memberBrowser.request({ method: 'GET', url: '/api/auth/session' })).json().user
        .id;
      const base = '/api/admin/stores/team-shop/members';
      await ownerBrowser.request({ method: 'PATCH', url: `${base}/${userId}`, payload: { role: 'viewer' } });
      assert.equal((await create()).json().error.code, 'permission_denied');
      assert.equal((await list()).statusCode, 200);
      await ownerBrowser.request({ method: 'DELETE', url: `${base}/${userId}` });
      assert.equal((await list()).statusCode, 404);

      const keyed = await ownerBrowser.request({
        method: 'POST',
        url: '/api/admin/stores/team-shop/api-keys',
        payload: { name: 'Revoked soon', permissions: ['catalog:read'] },
      });
      const { key, apiKey } = keyed.json();
      const withKey = () =>
        sp.app.inject({
          method: 'GET',
          url: '/api/admin/stores/team-shop/products',
          headers: { authorization: `Bearer ${key}` },
        });
      assert.equal((await withKey()).statusCode, 200);
      assert.equal((await withKey()).statusCode, 200);
      await ownerBrowser.request({
        method: 'DELETE',
        url: `/api/admin/stores/team-shop/api-keys/${apiKey.id}`,
      });
      assert.equal((await withKey()).statusCode, 401);

      const ownerList = () =>
        ownerBrowser.request({ method: 'GET', url: '/api/admin/stores/team-shop/products' });
      assert.equal((await ownerList()).statusCode, 200);
      await ownerBrowser.request({ method: 'POST', url: '/api/auth/logout' });
      assert.equal((await ownerList()).statusCode, 401);
    });

    test('the team: add, change role, and a store always keeps an owner', async () => {
      const browser = await Browser.signIn(sp.app, owner.email);
      const base = '/api/admin/stores/team-shop/members';
      const added = await browser.request({
        method: 'POST',
        url: base,
        payload: {
          email: 'new.person@example.test',
          role: 'support',
          name: 'New Person',
          password: 'a long enough password',
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      const userId = added.json().member.userId;
      const again = await browser.request({
        method: 'POST',
        url: base,
        payload: { email: 'new.person@example.test', role: 'viewer' },
      });
      assert.equal(again.json().error.code, 'already_member');
      const changed = await browser.request({
        method: 'PATCH',
        url: `${base}/${userId}`,
        payload: { role: 'manager' },
      });
      assert.equal(changed.json().member.role, 'manager');
      const me = (await browser.request({ method: 'GET', url: '/api/auth/session' })).json().user.id;
      const demote = await browser.request({
        method: 'PATCH',
        url: `${base}/${me}`,
        payload: { role: 'viewer' },
      });
      assert.equal(demote.statusCode, 409);
      assert.equal(demote.json().error.code, 'last_owner');
      const remove = await browser.request({ method: 'DELETE', url: `${base}/${me}` });
      assert.equal(remove.json().error.code, 'last_owner');
      assert.equal((await browser.request({ method: 'DELETE', url: `${base}/${userId}` })).statusCode, 204);
      const audit = (
        await browser.request({
          method: 'GET',
          url: '/api/admin/stores/team-shop/audit?entityType=membership',
        })
      ).json();
      assert.deepEqual(audit.items.map((i: { action: string }) => i.action).slice(0, 3), [
        'member.removed',
        'member.role_changed',
        'member.added',
      ]);
    });

    test('only an owner can make or unmake an owner', async () => {
      const admin = await makeMember(database, storeId, 'admin');
      const browser = await Browser.signIn(sp.app, admin.email);
      const members = (
        await browser.request({ method: 'GET', url: '/api/admin/stores/team-shop/members' })
      ).json().items;
      const someViewer = members.find((m: { role: string }) => m.role === 'viewer');
      const promote = await browser.request({
        method: 'PATCH',
        url: `/api/admin/stores/team-shop/members/${someViewer.userId}`,
        payload: { role: 'owner' },
      });
      assert.equal(promote.statusCode, 403);
      assert.equal(promote.json().error.code, 'owner_required');
      const theOwner = members.find((m: { role: string }) => m.role === 'owner');
      const demote = await browser.request({
        method: 'PATCH',
        url: `/api/admin/stores/team-shop/members/${theOwner.userId}`,
        payload: { role: 'viewer' },
      });
      assert.equal(demote.statusCode, 403);
      const remove = await browser.request({
        method: 'DELETE',
        url: `/api/admin/stores/team-shop/members/${theOwner.userId}`,
      });
      assert.equal(remove.statusCode, 403);
    });

    test('API keys: shown once, stored hashed, scoped to the creator’s permissions, revocable', async () => {
      const browser = await Browser.signIn(sp.app, owner.email);
      const created = await browser.request({
        method: 'POST',
        url: '/api/admin/stores/team-shop/api-keys',
        payload: { name: 'ERP', permissions: ['catalog:read'] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const { key, apiKey } = created.json();
      assert.match(key, /^sp_live_/);
      const rows = await database.execute<{ key_hash: string }>(
        'select key_hash from api_keys where id = $1',
        [apiKey.id],
      );
      assert.notEqual(rows[0]!.key_hash, key);
      const list = (
        await browser.request({ method: 'GET', url: '/api/admin/stores/team-shop/api-keys' })
      ).json();
      assert.ok(!JSON.stringify(list).includes(key), 'the key is never listed');
      const read = await sp.app.inject({
        method: 'GET',
        url: '/api/admin/stores/team-shop/products',
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(read.statusCode, 200);
      const write = await sp.app.inject({
        method: 'POST',
        url: '/api/admin/stores/team-shop/products',
        headers: { authorization: `Bearer ${key}` },
        payload: { title: 'x', price: { amount: 1 } },
      });
      assert.equal(write.statusCode, 403);

      const content = await makeMember(database, storeId, 'content');
      const editor = await Browser.signIn(sp.app, content.email);
      const tooMuch = await editor.request({
        method: 'POST',
        url: '/api/admin/stores/team-shop/api-keys',
        payload: { name: 'sneaky', permissions: ['team:write'] },
      });
      assert.equal(tooMuch.statusCode, 403);

      assert.equal(
        (
          await browser.request({
            method: 'DELETE',
            url: `/api/admin/stores/team-shop/api-keys/${apiKey.id}`,
          })
        ).statusCode,
        204,
      );
      const after = await sp.app.inject({
        method: 'GET',
        url: '/api/admin/stores/team-shop/products',
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(after.statusCode, 401);
    });
  });
}
