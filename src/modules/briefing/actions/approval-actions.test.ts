// The briefing's approvals on both databases: nothing waiting, no action; a content editor's new
// product and staged edit to a live one sent for review become one action for today, worded with the
// counts and the oldest wait, linking to the product list filtered on exactly those products; only a
// reader who may approve (catalog:publish) gets it; once approved, it is gone.
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
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { rolePermissions, type Store } from '../../access/index.ts';
import { dailyBriefing } from '../daily-briefing.ts';

const DAY = 86_400_000;

for (const target of testDatabaseTargets()) {
  describe(`briefing approval actions on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let manager: Browser;
    let editor: Browser;
    const api = '/api/admin/stores/review-desk';
    const ids: Record<string, string> = {};

    async function call(who: Browser, method: 'POST' | 'PATCH', url: string, payload: object = {}) {
      const res = await who.request({ method, url: `${api}${url}`, payload });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    }
    /** Read two days and an hour after the changes were sent, as a later morning would. */
    const approvalsOf = async (
      permissions: ReadonlySet<string>,
      at = new Date(Date.now() + 2 * DAY + 3_600_000),
    ) => {
      const briefing = await dailyBriefing(database.db, store, {
        permissions: permissions as Set<(typeof rolePermissions.owner)[number]>,
        at,
      });
      return { parts: briefing.parts, actions: briefing.actions.filter((a) => a.kind === 'approvals') };
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'review-desk');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      editor = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      for (const [key, title, status] of [
        ['lamp', 'Brass Lamp', 'active'],
        ['shade', 'Paper Shade', 'draft'],
        ['stool', 'Oak Stool', 'draft'],
      ] as const) {
        ids[key] = (
          await call(manager, 'POST', '/products', { title, price: { amount: 8900 }, status })
        ).product.id;
      }
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('nothing waits for review: no action, though the reader may approve', async () => {
      // A draft being written is the editor's business still.
      await call(editor, 'PATCH', `/products/${ids.lamp}`, { title: 'Brass Desk Lamp' });
      const { parts, actions } = await approvalsOf(new Set(rolePermissions.owner));
      assert.ok(parts.includes('approvals'), parts.join(', '));
      assert.deepEqual(actions, []);
    });

    test('changes sent for review: one action for today, with the counts, the oldest wait and the filtered list', async () => {
      await call(editor, 'POST', `/products/${ids.lamp}/submit-for-review`);
      await call(editor, 'POST', `/products/${ids.shade}/submit-for-review`);
      const { actions } = await approvalsOf(new Set(rolePermissions.manager));
      assert.deepEqual(actions, [
        {
          kind: 'approvals',
          urgency: 'today',
          title: 'Review 2 product changes waiting for approval',
          detail:
            '1 edit to a live product and 1 product not yet on the storefront; the oldest has waited 2 days.',
          link: '/admin/stores/review-desk/products?review=waiting',
          atStake: null,
        },
      ]);
      // The link's list, as the admin asks the API for it, holds exactly the products waiting.
      const link = new URL(actions[0]!.link, 'http://admin.test');
      const listed = await manager.request({
        method: 'GET',
        url: `${api}/products?${link.searchParams}`,
      });
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(
        (listed.json().items as { id: string }[]).map((p) => p.id).sort(),
        [ids.lamp, ids.shade].sort(),
      );

      // Read the same day they were sent, and with one of them: the wording follows.
      await call(manager, 'POST', `/products/${ids.lamp}/approve`);
      const sameDay = await approvalsOf(new Set(rolePermissions.manager), new Date());
      assert.equal(sameDay.actions[0]?.title, 'Review 1 product change waiting for approval');
      assert.equal(
        sameDay.actions[0]?.detail,
        '1 product not yet on the storefront; the oldest came in today.',
      );
    });

    test('only readers who may approve get it: not the content editor who sent it, nor the analyst', async () => {
      for (const role of ['content', 'analyst', 'support'] as const) {
        const { parts, actions } = await approvalsOf(new Set(rolePermissions[role]));
        assert.ok(!parts.includes('approvals'), `${role}: ${parts.join(', ')}`);
        assert.deepEqual(actions, [], role);
      }
      // Over HTTP, the key's permissions decide the same way.
      const reader = withApiKey(sp.app, await makeApiKey(database, store.id, ['store:read', 'catalog:read']));
      const approver = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['store:read', 'catalog:read', 'catalog:publish']),
      );
      const kindsOf = async (get: typeof reader) => {
        const res = await get({ method: 'GET', url: `${api}/briefing` });
        assert.equal(res.statusCode, 200, res.body);
        return (res.json().actions as { kind: string }[]).map((a) => a.kind);
      };
      assert.ok(!(await kindsOf(reader)).includes('approvals'));
      assert.ok((await kindsOf(approver)).includes('approvals'));
    });

    test('once every change is decided the action is gone', async () => {
      await call(manager, 'POST', `/products/${ids.shade}/request-changes`, {
        comment: 'Say which bulb fits.',
      });
      assert.deepEqual((await approvalsOf(new Set(rolePermissions.owner))).actions, []);
    });
  });
}
