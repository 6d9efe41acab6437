import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import {
  activateCustomer,
  authenticateCustomer,
  customerOfSession,
  findOrCreateGuestCustomer,
  getCustomer,
  registerCustomer,
  requestPasswordReset,
  resetPassword,
  signOutCustomer,
} from './index.ts';
import { mailedToken, mailsTo, makeCustomerAccount, testAccountLinks } from './testing/customer-fixtures.ts';

const actor = systemActor('customers test');
const links = testAccountLinks();

/** Sign-up, sign-in, activation and password reset through the module's public face. */
for (const target of testDatabaseTargets()) {
  describe(`customer accounts on ${target.label}`, () => {
    let database: Database;
    let store: Store;
    let otherStore: Store;
    let ip = 0;
    /** Each test signs in from its own address, so per-address throttling stays out of the way. */
    const nextIp = () => `198.51.100.${++ip}`;

    before(async () => {
      database = await target.create();
      store = await createStore(database.db, actor, {
        handle: 'linen',
        name: 'Linen & Co',
        baseCurrency: 'EUR',
      });
      otherStore = await createStore(database.db, actor, {
        handle: 'other',
        name: 'Other',
        baseCurrency: 'EUR',
      });
    });
    after(() => database.close());

    const register = (email: string, names: { firstName?: string; lastName?: string } = {}) =>
      database.db.transaction((tx) =>
        registerCustomer(tx, store.id, { email, firstName: 'Mallory', lastName: 'M', ...names }, links),
      );
    const activate = (token: string, password: string, storeId = store.id) =>
      database.db.transaction((tx) => activateCustomer(tx, storeId, token, password));
    const signIn = (email: string, password: string, from = nextIp()) =>
      authenticateCustomer(database.db, store.id, { email, password, ip: from });
    const rejects = async (promise: Promise<unknown>, status: number, code: string) => {
      await assert.rejects(promise, (err: unknown) => {
        assert.ok(err instanceof AppError, String(err));
        assert.equal(err.status, status);
        assert.equal(err.code, code);
        return true;
      });
    };
    const events = async (customerId: string) =>
      database.execute<{ type: string; payload: Record<string, unknown> }>(
        "select type, payload from outbox_events where payload->>'id' = $1 order by created_at, id",
        [customerId],
      );

    test('a new e-mail is only invited; the password chosen from the activation link enables it; other stores do not know it', async () => {
      const result = await register('  Ada@Example.TEST ', { firstName: 'Ada', lastName: 'Lind' });
      assert.deepEqual(result, { kind: 'check_email' }, 'the same answer as for a known e-mail');
      const [row] = await database.execute<{ id: string; state: string; first_name: string; locale: string }>(
        "select id, state, first_name, locale from customers where store_id = $1 and email = 'ada@example.test'",
        [store.id],
      );
      assert.ok(row, 'stored lower-cased and trimmed');
      assert.equal(row.state, 'invited');
      assert.equal(row.first_name, 'Ada', 'a new row keeps the names typed');
      assert.equal(row.locale, 'en');
      await rejects(signIn('ada@example.test', ''), 401, 'invalid_credentials');

      const token = await mailedToken(database, 'ada@example.test', 'account_activation');
      await assert.rejects(activate(token, 'short'), { name: 'ZodError' });
      await rejects(activate(token, 'linen and tea', otherStore.id), 422, 'link_expired');
      const customer = await activate(token, 'linen and tea');
      assert.equal(customer.id, row.id);
      assert.equal(customer.state, 'enabled');

      const { session } = await signIn('ADA@example.test', 'linen and tea');
      const seen = await customerOfSession(database.db, store.id, session.token);
      assert.equal(seen?.customer.id, customer.id);
      assert.equal(seen?.csrfToken, session.csrfToken);
      assert.equal(await customerOfSession(database.db, otherStore.id, session.token), null);
      await signOutCustomer(database.db, store.id, session.token);
      assert.equal(await customerOfSession(database.db, store.id, session.token), null);

      await rejects(
        authenticateCustomer(database.db, otherStore.id, {
          email: 'ada@example.test',
          password: 'linen and tea',
          ip: nextIp(),
        }),
        401,
        'invalid_credentials',
      );
      const history = await events(customer.id);
      assert.deepEqual(
        history.map((e) => `${e.type}:${e.payload.state}:${e.payload.fields ?? ''}`),
        ['customer.created:invited:', 'customer.updated:enabled:state,password'],
      );
      assert.deepEqual(Object.keys(history[0]!.payload).sort(), ['email', 'id', 'source', 'state']);
      assert.equal(history[0]!.payload.source, 'storefront');
    });

    test("signing up with someone else's new address gains nothing: their later guest orders wait for their mailbox", async () => {
      await register('later-guest@example.test');
      // The owner, not knowing, checks out as a guest: the order belongs to the invited row.
      const atCheckout = await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, store.id, { email: 'later-guest@example.test', firstName: 'Lea' }),
      );
      assert.equal(atCheckout.state, 'invited');
      for (const password of ['', 'a new password', 'Mallory']) {
        await rejects(signIn('later-guest@example.test', password), 401, 'invalid_credentials');
      }
      // The owner signs up later: a fresh link; using it spends the first one.
      await register('later-guest@example.test', { firstName: 'Lea' });
      const mails = await mailsTo(database, 'later-guest@example.test', 'account_activation');
      assert.equal(mails.length, 2);
      const first = /\/account\/activate\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text)![1]!;
      const second = await mailedToken(database, 'later-guest@example.test', 'account_activation');
      const owner = await activate(second, 'lea chose this');
      assert.equal(owner.id, atCheckout.id, 'the account is the row the guest order belongs to');
      await rejects(activate(first, 'mallory tries this'), 422, 'link_expired');
      assert.ok((await signIn('later-guest@example.test', 'lea chose this')).session.token);
    });

    test('a wrong password, an unknown e-mail and a guest are all the same 401', async () => {
      await makeCustomerAccount(database, store.id, 'wrong@example.test', 'the right one');
      await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, store.id, { email: 'guest-only@example.test' }),
      );
      await rejects(signIn('wrong@example.test', 'not the right one'), 401, 'invalid_credentials');
      await rejects(signIn('nobody@example.test', 'anything at all'), 401, 'invalid_credentials');
      await rejects(signIn('guest-only@example.test', ''), 401, 'invalid_credentials');
      await rejects(signIn('x'.repeat(300), 'anything'), 401, 'invalid_credentials');
    });

    test('failed sign-ins are throttled per e-mail (8 in 15 minutes), and per address (40), across stores', async () => {
      await makeCustomerAccount(database, store.id, 'guessed@example.test', 'the real password');
      for (let i = 0; i < 8; i++) {
        await rejects(signIn('guessed@example.test', `guess ${i}`), 401, 'invalid_credentials');
      }
      await rejects(signIn('guessed@example.test', 'the real password'), 429, 'rate_limited');
      // The same e-mail in another store is another key.
      await rejects(
        authenticateCustomer(database.db, otherStore.id, {
          email: 'guessed@example.test',
          password: 'x',
          ip: nextIp(),
        }),
        401,
        'invalid_credentials',
      );

      const attacker = '203.0.113.9';
      for (let i = 0; i < 40; i++) {
        await rejects(signIn(`spray-${i}@example.test`, 'password1', attacker), 401, 'invalid_credentials');
      }
      await rejects(signIn('wrong@example.test', 'the right one', attacker), 429, 'rate_limited');
      const fine = await signIn('wrong@example.test', 'the right one');
      assert.ok(fine.session.token, 'from another address the account still signs in');
    });

    test('signing up with the e-mail of guest orders does not hand them over: the mailbox activates it', async () => {
      const guest = await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, store.id, {
          email: 'Victim@Example.test',
          firstName: 'Vera',
          lastName: 'V',
        }),
      );
      assert.equal(guest.state, 'guest');

      const result = await register('victim@example.test');
      assert.deepEqual(result, { kind: 'check_email' }, 'the same answer as for any known e-mail');
      const invited = await getCustomer(database.db, store.id, guest.id);
      assert.equal(invited.state, 'invited');
      assert.equal(invited.firstName, 'Vera', "the registrant's names are not written over the guest's");
      await rejects(signIn('victim@example.test', ''), 401, 'invalid_credentials');

      const mails = await mailsTo(database, 'victim@example.test', 'account_activation');
      assert.equal(mails.length, 1);
      assert.match(mails[0]!.text, /Vera/);
      const token = await mailedToken(database, 'victim@example.test', 'account_activation');

      // The link's page asks for the password: whoever reads the mailbox chooses it.
      const activated = await activate(token, 'vera chose this');
      assert.equal(activated.state, 'enabled');
      assert.ok((await signIn('victim@example.test', 'vera chose this')).session.token);
      await rejects(activate(token, 'again and again'), 422, 'link_expired');
      const types = (await events(guest.id)).map((e) => `${e.type}:${e.payload.fields ?? ''}`);
      assert.deepEqual(types, [
        'customer.created:',
        'customer.updated:state',
        'customer.updated:state,password',
      ]);
      for (const { payload } of await events(guest.id)) {
        assert.doesNotMatch(JSON.stringify(payload), /password_hash|token|argon|vera chose/i);
      }
    });

    test('signing up again with an account gets the neutral answer and an "account exists" mail', async () => {
      const account = await makeCustomerAccount(database, store.id, 'twice@example.test', 'first password');
      const result = await register('twice@example.test', { firstName: 'Someone', lastName: 'Else' });
      assert.deepEqual(result, { kind: 'check_email' });
      const unchanged = await getCustomer(database.db, store.id, account.id);
      assert.equal(unchanged.state, 'enabled');
      assert.equal(unchanged.firstName, 'Ada', 'a sign-up never writes over an account');
      assert.equal((await mailsTo(database, 'twice@example.test', 'account_activation')).length, 1);
      assert.ok((await signIn('twice@example.test', 'first password')).session.token);
      const [mail] = await mailsTo(database, 'twice@example.test', 'account_exists');
      assert.ok(mail, 'an account_exists mail');
      assert.match(mail.text, /https:\/\/shop\.test\/account\/login/);
      // Its reset link works.
      const token = await mailedToken(database, 'twice@example.test', 'account_exists');
      await database.db.transaction((tx) => resetPassword(tx, store.id, token, 'third password'));
      assert.ok((await signIn('twice@example.test', 'third password')).session.token);
    });

    test('account e-mails are limited to 5 an hour per customer; the answer does not change', async () => {
      await makeCustomerAccount(database, store.id, 'flooded@example.test');
      for (let i = 0; i < 7; i++) {
        assert.deepEqual(await register('flooded@example.test'), { kind: 'check_email' });
      }
      assert.equal((await mailsTo(database, 'flooded@example.test')).length, 5);
    });

    test('bad sign-up input is refused before anything is written', async () => {
      const before = await database.execute<{ n: number }>('select count(*)::int as n from customers');
      for (const [email, names] of [
        ['not an e-mail', {}],
        ['', {}],
        ['long-name@example.test', { firstName: 'x'.repeat(101) }],
      ] as const) {
        await assert.rejects(register(email, names), { name: 'ZodError' });
      }
      const afterCount = await database.execute<{ n: number }>('select count(*)::int as n from customers');
      assert.equal(afterCount[0]!.n, before[0]!.n);
    });

    test('password reset: one hour, single use, ends every other session and signs nowhere else in', async () => {
      await makeCustomerAccount(database, store.id, 'forgetful@example.test', 'old password');
      const laptop = await signIn('forgetful@example.test', 'old password');
      const phone = await signIn('forgetful@example.test', 'old password');

      await database.db.transaction((tx) =>
        requestPasswordReset(tx, store.id, { email: 'Forgetful@example.test' }, links),
      );
      await database.db.transaction((tx) =>
        requestPasswordReset(tx, store.id, { email: 'forgetful@example.test' }, links),
      );
      const mails = await mailsTo(database, 'forgetful@example.test', 'password_reset');
      assert.equal(mails.length, 2);
      const first = /\/account\/reset\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text)![1]!;
      const second = await mailedToken(database, 'forgetful@example.test', 'password_reset');

      await assert.rejects(
        database.db.transaction((tx) => resetPassword(tx, store.id, second, 'short')),
        { name: 'ZodError' },
      );
      const customer = await database.db.transaction((tx) =>
        resetPassword(tx, store.id, second, 'brand new password'),
      );
      assert.equal(customer.email, 'forgetful@example.test');
      assert.equal(await customerOfSession(database.db, store.id, laptop.session.token), null);
      assert.equal(await customerOfSession(database.db, store.id, phone.session.token), null);
      await rejects(signIn('forgetful@example.test', 'old password'), 401, 'invalid_credentials');
      assert.ok((await signIn('forgetful@example.test', 'brand new password')).session.token);

      for (const used of [second, first]) {
        await rejects(
          database.db.transaction((tx) => resetPassword(tx, store.id, used, 'yet another one')),
          422,
          'link_expired',
        );
      }
      await rejects(
        database.db.transaction((tx) => resetPassword(tx, otherStore.id, second, 'yet another one')),
        422,
        'link_expired',
      );

      // A link past its hour no longer works.
      await database.db.transaction((tx) =>
        requestPasswordReset(tx, store.id, { email: 'forgetful@example.test' }, links),
      );
      const late = await mailedToken(database, 'forgetful@example.test', 'password_reset');
      await database.execute(
        "update customer_tokens set expires_at = now() - interval '1 second' where used_at is null",
      );
      await rejects(
        database.db.transaction((tx) => resetPassword(tx, store.id, late, 'too late now')),
        422,
        'link_expired',
      );
    });

    test('a reset for an unknown e-mail, a guest or junk sends nothing', async () => {
      await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, store.id, { email: 'only-guest@example.test' }),
      );
      for (const email of ['unknown@example.test', 'only-guest@example.test', 'not an address']) {
        await database.db.transaction((tx) => requestPasswordReset(tx, store.id, { email }, links));
        assert.equal((await mailsTo(database, email)).length, 0, email);
      }
    });

    test('checkout: one customer row per e-mail, even for concurrent checkouts; accounts are reused as they are', async () => {
      const many = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          database.db.transaction((tx) =>
            findOrCreateGuestCustomer(tx, store.id, {
              email: i % 2 ? 'RACE@example.test' : 'race@example.test',
              firstName: `Try ${i}`,
            }),
          ),
        ),
      );
      assert.equal(new Set(many.map((c) => c.id)).size, 1);
      const rows = await database.execute<{ n: number }>(
        "select count(*)::int as n from customers where email = 'race@example.test'",
      );
      assert.equal(rows[0]!.n, 1);

      const account = await makeCustomerAccount(database, store.id, 'member@example.test');
      const found = await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, store.id, { email: 'member@example.test', firstName: 'Someone else' }),
      );
      assert.equal(found.id, account.id);
      assert.equal(found.state, 'enabled');
      assert.equal(found.firstName, 'Ada', 'what a checkout types never changes an account');
      await assert.rejects(
        database.db.transaction((tx) => findOrCreateGuestCustomer(tx, store.id, { email: 'nope' })),
        { name: 'ZodError' },
      );
    });
  });
}
