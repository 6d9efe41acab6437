// Newsletters over HTTP: the admin API (permissions, bad input, figures) and the storefront's
// addresses a recipient uses (one-click unsubscribe and its page, the open pixel, the click
// redirect that goes only to the newsletter's own links) and the sign-up form's double opt-in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Browser, makeMember, startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { getMail, listMail } from '../../platform/mail/index.ts';
import { csrfOf, TestShopper, textOf } from '../../storefront/checkout/testing/test-shopper.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import {
  findOrCreateGuestCustomer,
  getCustomer,
  marketingConsentHistory,
  recordMarketingConsent,
} from '../customers/index.ts';
import { customers } from '../customers/schema.ts';
import { runNewsletterSending } from './newsletter-sending.ts';
import { newsletterRecipients } from './schema.ts';

const actor = systemActor('newsletter routes test');

for (const target of testDatabaseTargets()) {
  describe(`newsletters over HTTP on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let owner: Browser;
    let viewer: Browser;
    let api: string;
    const at = (path: string) => `/s/${store.handle}${path}`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: `news-${process.pid}`,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locale: 'en',
      });
      api = `/api/admin/stores/${store.handle}`;
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      for (const [email, source] of [
        ['ada@example.test', 'double_opt_in'],
        ['bob@example.test', 'import'],
      ] as const) {
        await database.db.transaction(async (tx) => {
          const c = await findOrCreateGuestCustomer(tx, store.id, { email });
          await recordMarketingConsent(tx, store.id, c.id, { source });
        });
      }
      await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, store.id, { email: 'carl@example.test' }),
      );
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    const draft = {
      subject: 'Spring linen',
      preheader: 'Twelve new colours',
      bodyHtml:
        '<p>Hello</p><p><a href="https://linen.example.test/spring">Spring</a> <a href="https://linen.example.test/sale">Sale</a></p>',
      audience: { kind: 'all' },
    };

    /** Creates, sends and runs a newsletter; answers its id and each recipient's token from the mail. */
    async function sentNewsletter() {
      const created = await owner.request({ method: 'POST', url: `${api}/newsletters`, payload: draft });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      const send = await owner.request({ method: 'POST', url: `${api}/newsletters/${id}/send`, payload: {} });
      assert.equal(send.statusCode, 200, send.body);
      assert.equal(send.json().status, 'scheduled');
      assert.equal((await runNewsletterSending(database.db, store.id, id)).state, 'finished');
      const tokens: Record<string, string> = {};
      for (const summary of await listMail(database.db, store.id, {
        entityType: 'newsletter',
        entityId: id,
      })) {
        const mail = await getMail(database.db, store.id, summary.id);
        tokens[mail.to[0]!] = /unsubscribe\?token=([\w-]+)/.exec(
          mail.headers?.['List-Unsubscribe'] ?? '',
        )![1]!;
      }
      return { id, tokens };
    }

    test('the admin API: drafts, bad input, audiences, permissions and figures', async () => {
      for (const payload of [
        {},
        { ...draft, subject: '' },
        { ...draft, audience: { kind: 'everyone' } },
        { ...draft, audience: { kind: 'segment' } },
        { ...draft, extra: 1 },
      ]) {
        const res = await owner.request({ method: 'POST', url: `${api}/newsletters`, payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.ok(res.json().error.code);
      }
      const unknown = await owner.request({
        method: 'POST',
        url: `${api}/newsletters`,
        payload: { ...draft, audience: { kind: 'group', id: 'cgrp_nope' } },
      });
      assert.equal(unknown.statusCode, 404);
      const denied = await viewer.request({ method: 'POST', url: `${api}/newsletters`, payload: draft });
      assert.equal(denied.statusCode, 403);

      const count = await viewer.request({
        method: 'POST',
        url: `${api}/newsletters/audience-count`,
        payload: { audience: { kind: 'all' } },
      });
      assert.equal(count.statusCode, 200, count.body);
      assert.equal(count.json().consenting, 2, 'carl gave no consent');

      const created = await owner.request({ method: 'POST', url: `${api}/newsletters`, payload: draft });
      const id = created.json().id as string;
      const test = await owner.request({ method: 'POST', url: `${api}/newsletters/${id}/test`, payload: {} });
      assert.equal(test.statusCode, 200, test.body);
      const [testMail] = await listMail(database.db, store.id, { entityType: 'newsletter', entityId: id });
      assert.equal(testMail?.subject, '[Test] Spring linen');
      assert.deepEqual(testMail?.to, [test.json().to]);

      const preview = await viewer.request({ method: 'GET', url: `${api}/newsletters/${id}/preview` });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.json().html, /Twelve new colours/);

      const badTime = await owner.request({
        method: 'POST',
        url: `${api}/newsletters/${id}/send`,
        payload: { at: 'tomorrow' },
      });
      assert.equal(badTime.statusCode, 400);
      const send = await owner.request({ method: 'POST', url: `${api}/newsletters/${id}/send`, payload: {} });
      assert.equal(send.statusCode, 200);
      const again = await owner.request({
        method: 'POST',
        url: `${api}/newsletters/${id}/send`,
        payload: {},
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'newsletter_not_draft');
      const edit = await owner.request({ method: 'PUT', url: `${api}/newsletters/${id}`, payload: draft });
      assert.equal(edit.statusCode, 409);
      const cancel = await owner.request({
        method: 'POST',
        url: `${api}/newsletters/${id}/cancel`,
        payload: {},
      });
      assert.equal(cancel.statusCode, 200);
      assert.equal(cancel.json().status, 'cancelled');
      assert.equal((await runNewsletterSending(database.db, store.id, id)).state, 'stopped');

      const list = await viewer.request({ method: 'GET', url: `${api}/newsletters` });
      assert.equal(list.statusCode, 200);
      assert.ok(
        list
          .json()
          .items.some((n: { id: string; status: string }) => n.id === id && n.status === 'cancelled'),
      );
      const missing = await viewer.request({ method: 'GET', url: `${api}/newsletters/nl_nothing` });
      assert.equal(missing.statusCode, 404);
      const audited = await database.execute<{ action: string }>(
        `select action from audit_log where entity_type = 'newsletter' and entity_id = '${id}' order by at, id`,
      );
      assert.deepEqual(
        audited.map((a) => a.action),
        ['newsletter.created', 'newsletter.test_sent', 'newsletter.scheduled', 'newsletter.cancelled'],
      );
      const badStatus = await viewer.request({
        method: 'GET',
        url: `${api}/newsletters/${id}/recipients?status=lost`,
      });
      assert.equal(badStatus.statusCode, 400);
    });

    test('one-click unsubscribe withdraws consent once; the page shows a button; a bad token is 404', async () => {
      const { id, tokens } = await sentNewsletter();
      const ada = tokens['ada@example.test']!;
      const shopper = new TestShopper(sp);

      const page = await shopper.get(at(`/unsubscribe?token=${ada}`));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form[^>]*method="post"[^>]*action="[^"]*\/unsubscribe\?token=/);
      assert.match(textOf(page.body), /ada@example\.test/);
      const customer = (
        await database.db.select().from(newsletterRecipients).where(eq(newsletterRecipients.newsletterId, id))
      ).find((r) => r.email === 'ada@example.test')!;
      assert.equal(
        (await getCustomer(database.db, store.id, customer.customerId)).acceptsMarketing,
        true,
        'a GET changes nothing',
      );

      // RFC 8058: a POST with List-Unsubscribe=One-Click, no cookie and no CSRF token.
      const oneClick = () =>
        sp.app.inject({
          method: 'POST',
          url: at(`/unsubscribe?token=${ada}`),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'List-Unsubscribe=One-Click',
        });
      const first = await oneClick();
      assert.equal(first.statusCode, 200, first.body);
      assert.match(textOf(first.body), /You are unsubscribed/);
      assert.equal((await getCustomer(database.db, store.id, customer.customerId)).acceptsMarketing, false);
      const second = await oneClick();
      assert.equal(second.statusCode, 200);
      const history = await marketingConsentHistory(database.db, store.id, customer.customerId);
      assert.deepEqual(
        history.map((e) => [e.status, e.source]),
        [
          ['withdrawn', 'unsubscribe'],
          ['granted', 'double_opt_in'],
        ],
        'withdrawn once, with the unsubscribe source',
      );
      const after = await shopper.get(at(`/unsubscribe?token=${ada}`));
      assert.match(textOf(after.body), /You are unsubscribed/);

      for (const url of [at('/unsubscribe?token=nope'), at('/unsubscribe')]) {
        const res = await sp.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'List-Unsubscribe=One-Click',
        });
        assert.equal(res.statusCode, 404, url);
        assert.equal((await shopper.get(url)).statusCode, 404);
      }
      const figures = await owner.request({ method: 'GET', url: `${api}/newsletters/${id}` });
      assert.equal(figures.json().figures.unsubscribes, 1);
    });

    test('the open pixel and clicks count for tracked recipients; the redirect goes only to the newsletter’s links', async () => {
      const settings = await owner.request({
        method: 'PUT',
        url: `${api}/newsletters/settings`,
        payload: { trackingEnabled: true },
      });
      assert.equal(settings.statusCode, 200);
      const badSettings = await owner.request({
        method: 'PUT',
        url: `${api}/newsletters/settings`,
        payload: { messagesPerMinute: 0 },
      });
      assert.equal(badSettings.statusCode, 400);
      // Bob's consent came from an import: not tracked. Ada unsubscribed above: not a recipient.
      const adaId = (await getCustomerByEmail('ada@example.test')).id;
      await database.db.transaction((tx) =>
        recordMarketingConsent(tx, store.id, adaId, { source: 'double_opt_in' }),
      );
      const { id, tokens } = await sentNewsletter();
      const ada = tokens['ada@example.test']!;
      const bob = tokens['bob@example.test']!;

      for (let i = 0; i < 2; i++) {
        const pixel = await sp.app.inject({ method: 'GET', url: at(`/newsletters/open/${ada}`) });
        assert.equal(pixel.statusCode, 200);
        assert.equal(pixel.headers['content-type'], 'image/gif');
      }
      await sp.app.inject({ method: 'GET', url: at(`/newsletters/open/${bob}`) });
      const click = await sp.app.inject({ method: 'GET', url: at(`/newsletters/click/${ada}/1`) });
      assert.equal(click.statusCode, 302);
      assert.equal(click.headers.location, 'https://linen.example.test/sale');
      const bobClick = await sp.app.inject({ method: 'GET', url: at(`/newsletters/click/${bob}/0`) });
      assert.equal(bobClick.statusCode, 302, 'an untracked recipient still gets where the link goes');
      for (const path of [
        `/newsletters/click/${ada}/2`,
        `/newsletters/click/${ada}/-1`,
        `/newsletters/click/${ada}/https%3A%2F%2Fevil.example`,
        '/newsletters/click/nope/0',
      ]) {
        const res = await sp.app.inject({ method: 'GET', url: at(path) });
        assert.equal(res.statusCode, 404, path);
        assert.equal(res.headers.location, undefined);
      }
      const figures = (await owner.request({ method: 'GET', url: `${api}/newsletters/${id}` })).json()
        .figures;
      assert.deepEqual(
        [figures.tracked, figures.uniqueOpens, figures.opens, figures.uniqueClicks, figures.clicks],
        [1, 1, 2, 1, 1],
      );
    });

    test('the sign-up form starts the double opt-in; the mailed link’s button records consent', async () => {
      const shopper = new TestShopper(sp);
      const page = await shopper.get(at('/newsletter'));
      assert.equal(page.statusCode, 200);
      const csrf = csrfOf(page.body);
      let res = await shopper.post(at('/newsletter'), { email: 'dora@example.test' });
      assert.equal(res.statusCode, 403, 'without the form’s token');
      res = await shopper.post(at('/newsletter'), { email: 'not an address', _csrf: csrf });
      assert.equal(res.statusCode, 422);
      res = await shopper.post(at('/newsletter'), {
        email: 'Dora@Example.test',
        firstName: 'Dora',
        _csrf: csrf,
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, at('/newsletter?sent=1'));
      const dora = await getCustomerByEmail('dora@example.test');
      assert.equal(dora.acceptsMarketing, false, 'nothing is consented before the link is used');
      const [summary] = (await listMail(database.db, store.id)).filter((m) =>
        m.to.includes('dora@example.test'),
      );
      const mail = await getMail(database.db, store.id, summary!.id);
      const confirmPath = new URL(/https?:\/\/[^\s"<]+\/newsletter\/confirm\/[\w-]+/.exec(mail.text)![0])
        .pathname;
      const confirmPage = await shopper.get(confirmPath);
      assert.equal(confirmPage.statusCode, 200);
      assert.equal(
        (await getCustomerByEmail('dora@example.test')).acceptsMarketing,
        false,
        'a GET confirms nothing',
      );
      const confirmed = await shopper.post(confirmPath, {});
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const after = await getCustomerByEmail('dora@example.test');
      assert.equal(after.acceptsMarketing, true);
      assert.equal(after.marketingConsentSource, 'double_opt_in');
      const reused = await shopper.post(confirmPath, {});
      assert.equal(reused.statusCode, 422, 'the link is single-use');
    });

    async function getCustomerByEmail(email: string) {
      const [row] = await database.db.select().from(customers).where(eq(customers.email, email));
      return getCustomer(database.db, store.id, row!.id);
    }
  });
}
