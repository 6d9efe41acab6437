import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import { createStore, systemActor } from '../../modules/access/index.ts';
import { findOrCreateGuestCustomer } from '../../modules/customers/index.ts';
import { mailedToken, mailsTo } from '../../modules/customers/testing/customer-fixtures.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';

const actor = systemActor('account pages test');

/**
 * A shopper's browser over `app.inject`: keeps the cookies the store sets (by name; the tests use one
 * store path at a time), follows nothing by itself, and fills forms with the CSRF token of the page
 * it last read.
 */
class Shopper {
  private cookies = new Map<string, string>();
  lastPage = '';
  constructor(
    private readonly sp: TestApp,
    private readonly headers: Record<string, string> = {},
  ) {}

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.sp.app.inject({
      ...options,
      headers: { ...this.headers, ...options.headers, ...(cookie ? { cookie } : {}) },
    } as InjectOptions);
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (res.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = res.body;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** The CSRF token of the form posting to `action` on the last page read. */
  csrf(action: string): string {
    const form = this.lastPage.split('<form').find((f) => f.includes(`action="${action}"`));
    const match = form && /name="_csrf" value="([^"]+)"/.exec(form);
    if (!match) throw new Error(`no form to ${action} with a CSRF token on the last page`);
    return match[1]!;
  }

  post(url: string, fields: Record<string, string>, csrf: string | null = this.csrf(url)) {
    const body = new URLSearchParams({ ...fields, ...(csrf !== null ? { _csrf: csrf } : {}) });
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

/** The storefront's account pages over HTTP: what a shopper's browser sends and gets. */
for (const target of testDatabaseTargets()) {
  describe(`storefront account pages on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let storeId: string;
    const at = '/s/loom/account';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await createStore(database.db, actor, {
        handle: 'loom',
        name: 'Loom & Co',
        baseCurrency: 'EUR',
        locales: ['en', 'fr'],
      });
      storeId = store.id;
      await createStore(database.db, actor, {
        handle: 'own-domain',
        name: 'Own Domain',
        baseCurrency: 'EUR',
        domains: ['shop.example.test'],
      });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('sign up, activate from the e-mail, see the account, save an address, sign out, sign back in', async () => {
      const shopper = new Shopper(sp);
      const gate = await shopper.get(at);
      assert.equal(gate.statusCode, 303);
      assert.equal(gate.headers.location, `${at}/login`);

      const login = await shopper.get(`${at}/login`);
      assert.equal(login.statusCode, 200);
      assert.equal(login.headers['cache-control'], 'private, no-store');
      assert.match(login.body, /<meta name="robots" content="noindex"/);
      const formCookie = login.cookies.find((c) => c.name === 'sp_customer_form');
      assert.equal(formCookie?.path, '/s/loom');
      assert.equal(formCookie?.httpOnly, true);
      assert.equal(formCookie?.sameSite, 'Lax');
      assert.match(text(login.body), /Sign in/);

      const register = await shopper.get(`${at}/register`);
      assert.doesNotMatch(register.body, /type="password"/, 'the password is chosen from the e-mail');
      assert.match(text(register.body), /We will e-mail you a link to choose your password/);
      const csrf = shopper.csrf(`${at}/register`);
      const refused = await shopper.post(
        `${at}/register`,
        { email: 'ada@example.test', firstName: 'Ada', lastName: 'Lind' },
        'forged',
      );
      assert.equal(refused.statusCode, 403, 'a form without this visitor’s token is refused');
      assert.match(text(refused.body), /This form has expired/);
      assert.equal(await customerCount(), 0);

      const badEmail = await shopper.post(
        `${at}/register`,
        { email: 'ada at home', firstName: 'Ada', lastName: 'Lind' },
        csrf,
      );
      assert.equal(badEmail.statusCode, 422);
      assert.match(text(badEmail.body), /Enter an e-mail address such as ada@example.com/);
      assert.match(badEmail.body, /value="ada at home"/, 'what was typed comes back');
      assert.match(badEmail.body, /value="Ada"/);
      assert.equal(await customerCount(), 0);

      await shopper.get(`${at}/register`);
      const signedUp = await shopper.post(`${at}/register`, {
        email: 'Ada@Example.test',
        firstName: 'Ada',
        lastName: 'Lind',
      });
      assert.equal(signedUp.statusCode, 303);
      assert.equal(signedUp.headers.location, `${at}/register?done=check-email`);
      assert.equal(shopper.cookie('sp_customer'), undefined, 'nobody is signed in before the e-mail');
      assert.match(text((await shopper.get(signedUp.headers.location!)).body), /Check your e-mail/);

      const token = await mailedToken(database, 'ada@example.test', 'account_activation');
      const activation = await shopper.get(`${at}/activate/${token}`);
      assert.equal(activation.statusCode, 200);
      assert.match(
        activation.body,
        /<input id="f-username" name="username" type="email" value="ada@example.test" autocomplete="username" readonly/,
        'password managers file the new password under the account’s e-mail',
      );
      const short = await shopper.post(`${at}/activate/${token}`, { password: 'short' });
      assert.equal(short.statusCode, 422);
      assert.match(text(short.body), /Use at least 8 characters/);
      assert.doesNotMatch(short.body, /value="short"/, 'never the password');
      const activated = await shopper.post(`${at}/activate/${token}`, { password: 'a good password' });
      assert.equal(activated.statusCode, 303);
      assert.equal(activated.headers.location, `${at}?done=activated`);
      const session = activated.cookies.find((c) => c.name === 'sp_customer');
      assert.ok(session?.value);
      assert.equal(session.path, '/s/loom');
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      assert.notEqual(session.secure, true, 'plain http: no Secure flag');

      const account = await shopper.get(`${at}?done=activated`);
      assert.equal(account.statusCode, 200);
      assert.equal(account.headers['cache-control'], 'private, no-store');
      assert.match(text(account.body), /Your account is active\. Welcome!/);
      assert.match(text(account.body), /Ada Lind · ada@example\.test/);
      assert.match(text(account.body), /Orders/);
      assert.match(account.body, /class="account-link" href="\/s\/loom\/account">Account</);

      await shopper.get(`${at}/addresses/new`);
      const noState = await shopper.post(`${at}/addresses`, {
        firstName: 'Ada',
        lastName: 'Lind',
        line1: '1 Beacon St',
        city: 'Boston',
        postalCode: '02108',
        country: 'US',
        region: '',
      });
      assert.equal(noState.statusCode, 422);
      assert.match(text(noState.body), /Choose a state or province\./);
      assert.match(noState.body, /value="1 Beacon St"/);
      const saved = await shopper.post(`${at}/addresses`, {
        firstName: 'Ada',
        lastName: 'Lind',
        line1: '1 Beacon St',
        city: 'Boston',
        postalCode: '02108',
        country: 'US',
        region: 'US-MA',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${at}/addresses?done=address-saved`);
      const list = await shopper.get(`${at}/addresses?done=address-saved`);
      assert.match(text(list.body), /1 Beacon St Boston, Massachusetts 02108 United States/);
      assert.match(text(list.body), /Default address/);

      const forgedLogout = await shopper.post(`${at}/logout`, {}, 'forged');
      assert.equal(forgedLogout.statusCode, 403);
      assert.equal((await shopper.get(at)).statusCode, 200, 'still signed in');
      const out = await shopper.post(`${at}/logout`, {});
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, `${at}/login?done=signed-out`);
      assert.equal(shopper.cookie('sp_customer'), undefined);
      assert.equal((await shopper.get(at)).statusCode, 303);

      await shopper.get(`${at}/login`);
      const wrong = await shopper.post(`${at}/login`, {
        email: 'ada@example.test',
        password: 'not it at all',
      });
      assert.equal(wrong.statusCode, 401);
      assert.match(text(wrong.body), /The e-mail or password is not right\./);
      assert.match(wrong.body, /value="ada@example.test"/);
      const back = await shopper.post(`${at}/login`, {
        email: 'ada@example.test',
        password: 'a good password',
      });
      assert.equal(back.statusCode, 303);
      assert.equal(back.headers.location, at);
      assert.match(text((await shopper.get(`${at}/addresses`)).body), /Boston/);
    });

    test('a signed-in page is never shared: two shoppers, two accounts, one address', async () => {
      const a = await signedUp('first@example.test');
      const b = await signedUp('second@example.test');
      assert.match(text((await a.get(at)).body), /first@example\.test/);
      assert.match(text((await b.get(at)).body), /second@example\.test/);
      assert.doesNotMatch(text((await b.get(at)).body), /first@example\.test/);
      // Someone else's address is simply not found.
      await a.get(`${at}/addresses/new`);
      await a.post(`${at}/addresses`, {
        firstName: 'F',
        lastName: 'Irst',
        line1: 'Rue 1',
        city: 'Dublin',
        country: 'IE',
      });
      const [row] = await database.execute<{ id: string }>('select id from customer_addresses limit 1');
      const peek = await b.get(`${at}/addresses/${row!.id}/edit`);
      assert.equal(peek.statusCode, 404);
      await b.get(at);
      const steal = await b.post(`${at}/addresses/${row!.id}/delete`, {}, b.csrf(`${at}/logout`));
      assert.equal(steal.statusCode, 404);
    });

    test('signing up with a guest’s e-mail answers “check your e-mail” and signs nobody in', async () => {
      await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, storeId, { email: 'guest@example.test', firstName: 'Gus' }),
      );
      const shopper = new Shopper(sp);
      await shopper.get(`${at}/register`);
      const res = await shopper.post(`${at}/register`, { email: 'guest@example.test' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${at}/register?done=check-email`);
      assert.equal(shopper.cookie('sp_customer'), undefined);
      const page = await shopper.get(res.headers.location!);
      assert.match(text(page.body), /Check your e-mail/);

      const token = await mailedToken(database, 'guest@example.test', 'account_activation');
      const activate = await shopper.get(`${at}/activate/${token}`);
      assert.equal(activate.statusCode, 200);
      assert.equal(activate.headers['referrer-policy'], 'no-referrer');
      const done = await shopper.post(`${at}/activate/${token}`, { password: 'gus chose this' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `${at}?done=activated`);
      assert.match(text((await shopper.get(at)).body), /guest@example\.test/);
      assert.equal((await shopper.get(`${at}/activate/${token}`)).statusCode, 410, 'the link is spent');
    });

    test('password reset over HTTP: the same answer for anyone; the link works once and signs in', async () => {
      const owner = await signedUp('reset-me@example.test');
      const shopper = new Shopper(sp);
      for (const email of ['reset-me@example.test', 'nobody@example.test']) {
        await shopper.get(`${at}/reset`);
        const res = await shopper.post(`${at}/reset`, { email });
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, `${at}/reset?done=reset-sent`);
      }
      assert.equal((await mailsTo(database, 'nobody@example.test')).length, 0);
      const token = await mailedToken(database, 'reset-me@example.test', 'password_reset');
      await shopper.get(`${at}/reset/${token}`);
      const tooShort = await shopper.post(`${at}/reset/${token}`, { password: 'short' });
      assert.equal(tooShort.statusCode, 422);
      const done = await shopper.post(`${at}/reset/${token}`, { password: 'a fresh password' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `${at}?done=password`);
      assert.ok(shopper.cookie('sp_customer'));
      assert.equal((await owner.get(at)).statusCode, 303, 'the other session was ended');
      assert.equal((await shopper.get(`${at}/reset/${token}`)).statusCode, 410);
      assert.equal((await shopper.get(`${at}/reset/not-a-token`)).statusCode, 410);
    });

    test('every locale the store serves, and its own domain; https sets Secure', async () => {
      const shopper = new Shopper(sp);
      const french = await shopper.get('/s/loom/fr/account/login');
      assert.equal(french.statusCode, 200);
      assert.match(french.body, /<html lang="fr"/);
      assert.match(text(french.body), /Mot de passe oublié/);
      assert.match(french.body, /action="\/s\/loom\/fr\/account\/login"/);
      assert.equal((await shopper.get('/s/loom/de/account/login')).statusCode, 404);
      assert.equal((await shopper.get('/s/loom/en/account/login')).statusCode, 301);
      assert.equal((await shopper.get('/s/nowhere/account/login')).statusCode, 404);

      const onDomain = new Shopper(sp, { host: 'shop.example.test', 'x-forwarded-proto': 'https' });
      const page = await onDomain.get('/account/register');
      assert.equal(page.statusCode, 200);
      const cookie = page.cookies.find((c) => c.name === 'sp_customer_form');
      assert.equal(cookie?.path, '/');
      assert.equal(cookie?.secure, true);
      const res = await onDomain.post('/account/register', { email: 'domain@example.test' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/account/register?done=check-email');
      const token = await mailedToken(database, 'domain@example.test', 'account_activation');
      await onDomain.get(`/account/activate/${token}`);
      const activated = await onDomain.post(`/account/activate/${token}`, { password: 'over https now' });
      assert.equal(activated.statusCode, 303);
      const session = activated.cookies.find((c) => c.name === 'sp_customer');
      assert.equal(session?.secure, true);
      assert.equal(session?.path, '/');

      // The other store's cookie means nothing here.
      const elsewhere = await new Shopper(sp).request({
        method: 'GET',
        url: at,
        headers: { cookie: `sp_customer=${session!.value}` },
      });
      assert.equal(elsewhere.statusCode, 303);
    });

    test('cached pages link to the account without knowing who is there', async () => {
      const home = await sp.app.inject({ method: 'GET', url: '/s/loom/' });
      assert.match(home.body, /class="account-link" href="\/s\/loom\/account">Account</);
      const french = await sp.app.inject({ method: 'GET', url: '/s/loom/fr/' });
      assert.match(french.body, /class="account-link" href="\/s\/loom\/fr\/account">Compte</);
    });

    test('bad input: an oversized form, JSON without a token, and a post to a misspelt locale', async () => {
      const shopper = new Shopper(sp);
      await shopper.get(`${at}/login`);
      const huge = await shopper.post(`${at}/login`, { email: 'x'.repeat(40_000), password: 'y' });
      assert.equal(huge.statusCode, 413);
      const json = await shopper.request({
        method: 'POST',
        url: `${at}/login`,
        payload: { email: 'ada@example.test', password: 'a good password' },
      });
      assert.equal(json.statusCode, 403);
      const misspelt = await shopper.post(
        '/s/loom/FR/account/login',
        { email: 'a@b.c', password: 'x' },
        null,
      );
      assert.equal(misspelt.statusCode, 404);
    });

    async function customerCount() {
      const [row] = await database.execute<{ n: number }>(
        'select count(*)::int as n from customers where store_id = $1',
        [storeId],
      );
      return row!.n;
    }

    /** A shopper who signed up and activated the account from the e-mail: signed in. */
    async function signedUp(email: string) {
      const shopper = new Shopper(sp);
      await shopper.get(`${at}/register`);
      await shopper.post(`${at}/register`, { email });
      const token = await mailedToken(database, email, 'account_activation');
      await shopper.get(`${at}/activate/${token}`);
      const res = await shopper.post(`${at}/activate/${token}`, { password: 'a good password' });
      assert.equal(res.statusCode, 303);
      assert.ok(shopper.cookie('sp_customer'));
      return shopper;
    }
  });
}
