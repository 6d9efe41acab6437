import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import {
  confirmNewsletterSignup,
  customersWithMarketingConsent,
  findOrCreateGuestCustomer,
  marketingConsentHistory,
  recordMarketingConsent,
  requestNewsletterSignup,
  withdrawMarketingConsent,
} from '../index.ts';
import { mailsTo } from '../testing/customer-fixtures.ts';

const links = {
  locale: 'en',
  confirmationUrl: (token: string) => `https://shop.test/newsletter/confirm/${token}`,
};

/** Consent: the log and the state agree; double opt-in records consent only on confirmation. */
for (const target of testDatabaseTargets()) {
  describe(`marketing consent on ${target.label}`, () => {
    let database: Database;
    let storeId: string;

    before(async () => {
      database = await target.create();
      storeId = (await makeStore(database, 'consent')).id;
    });
    after(async () => {
      await database.close();
    });

    const tokenMailedTo = async (email: string) => {
      const mails = await mailsTo(database, email);
      const last = mails.at(-1);
      const match = last?.text.match(/newsletter\/confirm\/([A-Za-z0-9_-]+)/);
      return match?.[1];
    };

    test('double opt-in: the sign-up mails a link and records nothing; the link records consent once', async () => {
      const tx = database.db;
      const answer = await tx.transaction((t) =>
        requestNewsletterSignup(t, storeId, { email: ' New@Example.test ', firstName: 'Nia' }, links),
      );
      assert.deepEqual(answer, { kind: 'check_email' });
      const token = await tokenMailedTo('new@example.test');
      assert.ok(token, 'a confirmation e-mail with its link');
      const [row] = await database.execute<{ id: string; accepts_marketing: boolean }>(
        "select id, accepts_marketing from customers where email = 'new@example.test'",
      );
      assert.equal(row?.accepts_marketing, false, 'no consent before the link is followed');
      assert.deepEqual(await marketingConsentHistory(tx, storeId, row!.id), []);

      const confirmed = await tx.transaction((t) =>
        confirmNewsletterSignup(t, storeId, token!, { ip: '198.51.100.7', userAgent: 'Test browser' }),
      );
      assert.equal(confirmed.acceptsMarketing, true);
      assert.equal(confirmed.marketingConsentSource, 'double_opt_in');
      const [entry] = await marketingConsentHistory(tx, storeId, row!.id);
      assert.equal(entry?.status, 'granted');
      assert.equal(entry?.source, 'double_opt_in');
      assert.equal(entry?.ip, '198.51.100.7');
      assert.equal(entry?.userAgent, 'Test browser');

      await assert.rejects(
        tx.transaction((t) => confirmNewsletterSignup(t, storeId, token!)),
        (err: { code?: string }) => err.code === 'link_expired',
      );
      const other = (await makeStore(database, 'consent-other')).id;
      await assert.rejects(
        tx.transaction((t) => confirmNewsletterSignup(t, other, 'not-a-token')),
        (err: { code?: string }) => err.code === 'link_expired',
      );

      // Already subscribed: the same answer, and no second e-mail.
      const before = (await mailsTo(database, 'new@example.test')).length;
      await tx.transaction((t) => requestNewsletterSignup(t, storeId, { email: 'new@example.test' }, links));
      assert.equal((await mailsTo(database, 'new@example.test')).length, before);
    });

    test('the audience: consenting customers only, never a disabled account; withdrawal takes effect at once', async () => {
      const ids: Record<string, string> = {};
      for (const name of ['yes', 'no', 'closed', 'changed']) {
        ids[name] = (
          await database.db.transaction((t) =>
            findOrCreateGuestCustomer(t, storeId, { email: `${name}@audience.test` }),
          )
        ).id;
      }
      await database.db.transaction(async (t) => {
        for (const name of ['yes', 'closed', 'changed']) {
          await recordMarketingConsent(t, storeId, ids[name]!, { source: 'checkout_checkbox' });
        }
        await withdrawMarketingConsent(t, storeId, ids.changed!, { source: 'unsubscribe' });
      });
      await database.execute("update customers set state = 'disabled' where id = $1", [ids.closed]);
      const audience: string[] = [];
      for await (const c of customersWithMarketingConsent(database.db, storeId, { batchSize: 2 })) {
        if (c.email.endsWith('@audience.test')) audience.push(c.email);
      }
      assert.deepEqual(audience, ['yes@audience.test']);
      const history = await marketingConsentHistory(database.db, storeId, ids.changed!);
      assert.deepEqual(
        history.map((e) => `${e.status}:${e.source}`),
        ['withdrawn:unsubscribe', 'granted:checkout_checkbox'],
      );
      const [events] = await database.execute<{ n: number }>(
        "select count(*)::int as n from outbox_events where type = 'customer.marketing_consent_changed' and payload->>'id' = $1",
        [ids.changed],
      );
      assert.equal(events?.n, 2);
    });
  });
}
