// Macros: saved replies rendered for a ticket. Rendering reports (and never fails on) what a ticket
// has no value for, the customer's language is used when the store speaks it (else the store's
// default), suggestions rank macros by the keywords in the customer's latest message, and the
// CRUD refuses bad input with nothing written; on both databases. Also the order confirmation sent
// again from an order (the sidebar's "Resend confirmation").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createOutboxDispatcher } from '../../../platform/events/index.ts';
import { mailMessages } from '../../../platform/mail/schema.ts';
import type { Store } from '../../access/index.ts';
import { placeTestOrder } from '../../orders/testing/order-fixtures.ts';
import { transactionalMailConsumer } from '../../transactional-mail/index.ts';
import { renderMacroText } from './macro-template.ts';
import { macroVariableNames } from './macro-variables.ts';
import type { Macro } from './macros.ts';
import { macroTextIn } from './render-macro.ts';
import { rankMacros } from './suggest-macros.ts';

const noValues = Object.fromEntries(macroVariableNames.map((n) => [n, null])) as Parameters<
  typeof renderMacroText
>[1];

test('a missing variable renders empty, is reported and marked where it was; conditions see it as empty', () => {
  const rendered = renderMacroText(
    'Hi {{ customer_first_name }}, {% if tracking_url %}track: {{ tracking_url }}{% else %}not shipped{% endif %}. Link: {{ tracking_url }}',
    { ...noValues, customer_first_name: 'Ada' },
  );
  assert.equal(rendered.text, 'Hi Ada, not shipped. Link: ');
  assert.deepEqual(rendered.missing, ['tracking_url']);
  assert.deepEqual(rendered.parts, [{ text: 'Hi Ada, not shipped. Link: ' }, { missing: 'tracking_url' }]);
  const defaulted = renderMacroText('Hi {{ customer_first_name | default: "there" }}!', noValues);
  assert.equal(defaulted.text, 'Hi there!');
  assert.deepEqual(defaulted.missing, ['customer_first_name']);
});

test('a macro text in a language: the exact locale, then its base language, then the default text', () => {
  const macro = { body: 'Hello', localeBodies: { de: 'Hallo', 'fr-CA': 'Allô' } };
  assert.equal(macroTextIn(macro, 'de-AT'), 'Hallo');
  assert.equal(macroTextIn(macro, 'fr-CA'), 'Allô');
  assert.equal(macroTextIn(macro, 'fr'), 'Hello');
  assert.equal(macroTextIn(macro, 'en'), 'Hello');
});

test('suggestions: phrases outweigh single words, whole words only, unmatched macros left out', () => {
  const macro = (id: string, name: string, keywords: string[]) =>
    ({ id, name, keywords, body: '', localeBodies: {}, actions: {} }) as unknown as Macro;
  const macros = [
    macro('a', 'Refund', ['refund', 'money back']),
    macro('b', 'Where is my order', ['where is my order', 'tracking', 'wismo']),
    macro('c', 'Discount', ['coupon']),
    macro('d', 'Track', ['tracking']),
  ];
  const ranked = rankMacros('WHERE is my order?? The tracking says nothing. Or I want a refund.', macros);
  assert.deepEqual(
    ranked.map((r) => [r.macro.name, r.score]),
    [
      ['Where is my order', 5],
      ['Refund', 1],
      ['Track', 1],
    ],
  );
  assert.deepEqual(ranked[0]!.matched, ['where is my order', 'tracking']);
  assert.deepEqual(rankMacros('Retracking-free text', macros), [], 'no match inside a word');
  assert.deepEqual(rankMacros('Wo ist meine Bestellung', macros), []);
});

for (const target of testDatabaseTargets()) {
  describe(`support macros on ${target.label}`, () => {
    let database: Database;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let base: string;

    const count = async (table: string) =>
      Number((await database.execute<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
    const create = async (payload: object) => {
      const res = await api({ method: 'POST', url: `${base}/macros`, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().macro as Macro;
    };
    const drainOutbox = async () => {
      const dispatcher = createOutboxDispatcher({
        database,
        logger: sp.app.log,
        consumers: [transactionalMailConsumer],
      });
      while ((await dispatcher.dispatchOnce()).dispatched > 0) {}
    };
    const openTicket = async (payload: object) => {
      const res = await api({ method: 'POST', url: `${base}/tickets`, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().ticket as { id: string; customerId: string };
    };

    before(async () => {
      database = await target.create();
      const config = {
        ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}),
        jobs: false,
      };
      sp = await buildApp({ config, database });
      store = await makeStore(database, 'macro-shop');
      await database.execute(`update stores set enabled_locales = '{de}' where id = '${store.id}'`);
      store = { ...store, enabledLocales: ['de'] };
      base = `/api/admin/stores/${store.id}/support`;
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, [
          'support:read',
          'support:write',
          'orders:read',
          'orders:write',
        ]),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('saving refuses unknown variables, broken templates, bad fields and taken names; nothing is written', async () => {
      const before = await count('support_macros');
      const refused = async (payload: object, status: number, code: string) => {
        const res = await api({ method: 'POST', url: `${base}/macros`, payload });
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
        return res.json().error;
      };
      const unknown = await refused({ name: 'X', body: 'Hi {{ first_name }}' }, 400, 'unknown_variable');
      assert.deepEqual(unknown.details.variables, ['first_name']);
      assert.equal(unknown.details.path, 'body');
      const inLocale = await refused(
        { name: 'X', body: 'Hi', localeBodies: { de: 'Hallo {{ nope }}' } },
        400,
        'unknown_variable',
      );
      assert.equal(inLocale.details.path, 'localeBodies.de');
      await refused({ name: 'X', body: 'Hi {{ customer_name ' }, 400, 'invalid_macro');
      await refused({ name: '', body: 'Hi' }, 400, 'validation_failed');
      await refused(
        { name: 'X', body: 'Hi', localeBodies: { 'not a locale': 'x' } },
        400,
        'validation_failed',
      );
      await refused({ name: 'X', body: 'Hi', actions: { status: 'closed' } }, 400, 'validation_failed');
      await refused({ name: 'X', body: 'Hi', extra: 1 }, 400, 'validation_failed');
      await create({ name: 'Greeting', body: 'Hi {{ customer_first_name }}' });
      await refused({ name: 'greeting', body: 'Hello' }, 409, 'macro_name_taken');
      assert.equal(await count('support_macros'), before + 1);
    });

    test('create, read, replace, delete: each audited; 404 for another id', async () => {
      const macro = await create({
        name: 'Shipping time',
        body: 'Two days.',
        keywords: ['How Long', 'how long'],
      });
      assert.deepEqual(macro.keywords, ['how long']);
      const replaced = await api({
        method: 'PUT',
        url: `${base}/macros/${macro.id}`,
        payload: {
          name: 'Shipping times',
          body: 'Two to three days.',
          actions: { status: 'solved', addTags: ['Shipping'] },
        },
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      assert.deepEqual(replaced.json().macro.actions, { status: 'solved', addTags: ['shipping'] });
      const listed = (await api({ method: 'GET', url: `${base}/macros` })).json();
      assert.ok(listed.items.some((m: Macro) => m.name === 'Shipping times'));
      assert.ok(listed.variables.some((v: { name: string }) => v.name === 'tracking_url'));
      assert.equal((await api({ method: 'DELETE', url: `${base}/macros/${macro.id}` })).statusCode, 204);
      assert.equal((await api({ method: 'GET', url: `${base}/macros/${macro.id}` })).statusCode, 404);
      assert.equal((await api({ method: 'DELETE', url: `${base}/macros/${macro.id}` })).statusCode, 404);
      const audit = await database.execute<{ action: string }>(
        `select action from audit_log where entity_id = '${macro.id}' order by at, id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['support.macro_created', 'support.macro_updated', 'support.macro_deleted'],
      );
    });

    test('a support viewer may list and render but not change macros', async () => {
      const viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      assert.equal((await viewer.request({ method: 'GET', url: `${base}/macros` })).statusCode, 200);
      const res = await viewer.request({
        method: 'POST',
        url: `${base}/macros`,
        payload: { name: 'V', body: 'v' },
      });
      assert.equal(res.statusCode, 403);
    });

    test('rendered for a ticket: the order and its latest parcel fill the macro; before shipping the tracking is reported missing', async () => {
      const defaults = (await api({ method: 'POST', url: `${base}/macros/defaults` })).json()
        .items as Macro[];
      assert.equal(defaults.length, 4);
      assert.deepEqual((await api({ method: 'POST', url: `${base}/macros/defaults` })).json().items, []);
      const wismo = defaults.find((m) => m.name === 'Where is my order')!;
      const placed = await placeTestOrder(database, store, { email: 'grace@example.com' });
      const ticket = await openTicket({
        subject: 'Where is my order?',
        body: 'Hello, where is my order? No tracking yet.',
        requesterEmail: 'grace@example.com',
        requesterName: 'Grace Hopper',
        orderId: placed.order.id,
      });
      const render = async (payload: object = {}) => {
        const res = await api({
          method: 'POST',
          url: `${base}/tickets/${ticket.id}/macros/${wismo.id}/render`,
          payload,
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const unshipped = await render();
      assert.equal(unshipped.locale, 'en');
      assert.match(unshipped.text, /^Hi Grace,/);
      assert.match(
        unshipped.text,
        new RegExp(`Your order #${placed.order.number} has not left our warehouse`),
      );
      assert.match(unshipped.text, / at https?:\/\/\S+\/s\/macro-shop\/orders\/[\w-]+\n/);
      assert.deepEqual(unshipped.missing, ['tracking_url']);
      assert.deepEqual(unshipped.actions, { status: 'pending' });

      const order = (
        await api({ method: 'GET', url: `/api/admin/stores/${store.id}/orders/${placed.order.id}` })
      ).json().order;
      const shipped = await api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/orders/${placed.order.id}/fulfilments`,
        payload: {
          lines: order.lines.map((l: { id: string; quantity: number }) => ({
            orderLineId: l.id,
            quantity: l.quantity,
          })),
          carrier: 'DHL',
          trackingNumber: '00340434161094042557',
          notifyCustomer: false,
        },
      });
      assert.equal(shipped.statusCode, 201, shipped.body);
      const tracked = await render();
      assert.deepEqual(tracked.missing, []);
      assert.match(tracked.text, /follow the parcel here:\n\S*00340434161094042557/);

      // The customer reads German, which the store speaks: the German text; asked for English, English.
      await database.db.execute(sql`update customers set locale = 'de-DE' where id = ${ticket.customerId}`);
      const german = await render();
      assert.equal(german.locale, 'de');
      assert.match(german.text, /^Hallo Grace,/);
      assert.equal((await render({ locale: 'en' })).locale, 'en');
      // French is not one of the store's languages: the store's default.
      await database.db.execute(sql`update customers set locale = 'fr' where id = ${ticket.customerId}`);
      assert.equal((await render()).locale, 'en');

      const preview = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/macro-preview`,
        payload: { body: '{{ agent_name }} of {{ store_name }} · {{ return_url }}' },
      });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.match(
        preview.json().text,
        /^API key “test key” of Store macro-shop · https?:\/\/\S+\/orders\/[\w-]+\/returns$/,
      );

      const suggestions = (
        await api({ method: 'GET', url: `${base}/tickets/${ticket.id}/macro-suggestions` })
      ).json();
      assert.equal(suggestions.items[0].macro.name, 'Where is my order');
      assert.deepEqual(suggestions.items[0].matched, ['where is my order', 'tracking']);
    });

    test('a ticket without customer data or order: every order variable is reported, nothing fails', async () => {
      const macro = await create({
        name: 'Everything',
        body: macroVariableNames.map((n) => `{{ ${n} }}`).join('|'),
      });
      const ticket = await openTicket({
        subject: 'Hi',
        body: 'A question',
        requesterEmail: 'anon@example.com',
      });
      const res = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/macros/${macro.id}/render`,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().missing, [
        'customer_first_name',
        'customer_name',
        'order_number',
        'order_status_url',
        'tracking_number',
        'tracking_url',
        'return_url',
      ]);
      const unknownTicket = await api({
        method: 'POST',
        url: `${base}/tickets/tkt_01jzzzzzzzzzzzzzzzzzzzzzzz/macros/${macro.id}/render`,
      });
      assert.equal(unknownTicket.statusCode, 404);
    });

    test('the ticket context: the customer summary and recent orders with lines and parcels', async () => {
      const placed = await placeTestOrder(database, store, {
        email: 'linus@example.com',
        quantities: [2, 1],
      });
      const ticket = await openTicket({
        subject: 'Broken',
        body: 'One arrived broken',
        requesterEmail: 'linus@example.com',
        orderId: placed.order.id,
      });
      const res = await api({ method: 'GET', url: `${base}/tickets/${ticket.id}/context` });
      assert.equal(res.statusCode, 200, res.body);
      const context = res.json();
      assert.equal(context.customer.summary.email, 'linus@example.com');
      assert.equal(context.orders.length, 1);
      assert.equal(context.orders[0].id, placed.order.id);
      assert.equal(context.orders[0].lines.length, 2);
      assert.deepEqual(context.orders[0].fulfilments, []);
    });

    test('the order confirmation is sent again on request, once per request, and audited', async () => {
      const placed = await placeTestOrder(database, store, { email: 'resend@example.com' });
      await drainOutbox();
      const confirmations = async () =>
        (
          await database.db
            .select()
            .from(mailMessages)
            .where(
              sql`${mailMessages.toAddresses} @> array['resend@example.com']::text[] and ${mailMessages.topic} = 'transactional.order_confirmation'`,
            )
        ).length;
      const before = await confirmations();
      const res = await api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/orders/${placed.order.id}/resend-confirmation`,
      });
      assert.equal(res.statusCode, 202, res.body);
      assert.deepEqual(res.json(), { sentTo: 'resend@example.com' });
      await drainOutbox();
      assert.equal(await confirmations(), before + 1);
      const audit = await database.execute<{ action: string }>(
        `select action from audit_log where entity_id = '${placed.order.id}' and action = 'order.confirmation_resent'`,
      );
      assert.equal(audit.length, 1);
    });
  });
}
