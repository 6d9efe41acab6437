import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Browser, makeMember, startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { createStore, systemActor } from '../access/index.ts';

const tables = ['mail_templates', 'audit_log', 'outbox_events', 'mail_messages'];

for (const target of testDatabaseTargets()) {
  describe(`e-mail template routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let ownerEmail: string;
    let viewer: Browser;
    const base = '/api/admin/stores/mail-shop/mail-templates';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'mail-shop',
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'fr'],
      });
      ownerEmail = (await makeMember(database, store.id, 'owner')).email;
      owner = await Browser.signIn(sp.app, ownerEmail);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of tables) {
        out[t] = Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n);
      }
      return out;
    };
    const auditActions = async () =>
      (
        await database.execute<{ action: string; entity_id: string }>(
          "select action, entity_id from audit_log where entity_type = 'mail_template' order by at, id",
        )
      ).map((r) => `${r.action} ${r.entity_id}`);

    test('lists every e-mail with the store languages, none customised at first', async () => {
      const res = await viewer.request({ method: 'GET', url: base });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.locales, ['en', 'fr']);
      assert.equal(body.items.length, 18);
      const confirmation = body.items.find((i: { key: string }) => i.key === 'order_confirmation');
      assert.equal(confirmation.name, 'Order confirmation');
      assert.deepEqual(
        confirmation.locales.map((l: { locale: string; customised: boolean }) => [l.locale, l.customised]),
        [
          ['en', false],
          ['fr', false],
        ],
      );
    });

    test('one e-mail: the built-in text of the language and its variables with examples', async () => {
      const res = await viewer.request({ method: 'GET', url: `${base}/shipping_confirmation/fr` });
      assert.equal(res.statusCode, 200, res.body);
      const { template } = res.json();
      assert.equal(template.subject, 'Votre commande {{ order.name }} est en route');
      assert.deepEqual(template.source, { kind: 'built_in', locale: 'fr' });
      assert.equal(template.customised, false);
      const tracking = template.variables.find((v: { name: string }) => v.name === 'fulfilment.tracking_url');
      assert.equal(tracking.type, 'url');
      assert.match(tracking.example, /^https:\/\/www\.dhl\.com\//);
      // A language without a built-in text shows what would be sent: the store default's.
      const italian = (
        await viewer.request({ method: 'GET', url: `${base}/shipping_confirmation/it` })
      ).json();
      assert.deepEqual(italian.template.source, { kind: 'built_in', locale: 'en' });
    });

    test('a template that does not parse or render with the examples is refused (422) with its line', async () => {
      const before = await counts();
      const unclosed = await owner.request({
        method: 'PUT',
        url: `${base}/order_confirmation/en`,
        payload: {
          subject: 'Order {{ order.number }}',
          body: '<p>Hello</p>\n<p>{% if order.total %}Total</p>',
        },
      });
      assert.equal(unclosed.statusCode, 422, unclosed.body);
      const error = unclosed.json().error;
      assert.equal(error.code, 'template_invalid');
      assert.equal(error.details.path, 'body');
      assert.equal(error.details.line, 2);
      assert.match(error.message, /not closed/);

      const misspelt = await owner.request({
        method: 'PUT',
        url: `${base}/order_confirmation/en`,
        payload: { subject: 'Order {{ order.numbr }}', body: '<p>Hi</p>' },
      });
      assert.equal(misspelt.statusCode, 422);
      assert.deepEqual(
        [misspelt.json().error.details.path, misspelt.json().error.details.reason],
        ['subject', 'undefined variable: order.numbr'],
      );
      const reading = await owner.request({
        method: 'PUT',
        url: `${base}/order_confirmation/en`,
        payload: { subject: 'x', body: "{% include '/etc/passwd' %}" },
      });
      assert.equal(reading.json().error.code, 'template_invalid');
      const elsewhere = await owner.request({
        method: 'PUT',
        url: `${base}/order_confirmation/de`,
        payload: { subject: 'Bestellung {{ order.number }}', body: '<p>Danke</p>' },
      });
      assert.equal(elsewhere.statusCode, 422);
      assert.equal(elsewhere.json().error.code, 'locale_not_served');
      assert.deepEqual(await counts(), before, 'nothing written');
    });

    test('saving, previewing, test-sending and resetting a store text; each change audited', async () => {
      const body = '<p>Merci {{ customer.first_name }} ! Commande {{ order.number }} : {{ order.total }}</p>';
      const forbidden = await viewer.request({
        method: 'PUT',
        url: `${base}/order_confirmation/fr`,
        payload: { subject: 'Merci', body },
      });
      assert.equal(forbidden.statusCode, 403);

      const saved = await owner.request({
        method: 'PUT',
        url: `${base}/order_confirmation/fr`,
        payload: { subject: 'Merci pour la commande {{ order.number }}', body },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().template.customised, true);
      assert.deepEqual(saved.json().template.source, { kind: 'custom', locale: 'fr' });
      const listed = (await viewer.request({ method: 'GET', url: base })).json();
      const confirmation = listed.items.find((i: { key: string }) => i.key === 'order_confirmation');
      assert.deepEqual(
        confirmation.locales.map((l: { customised: boolean }) => l.customised),
        [false, true],
      );
      const [event] = await database.execute<{ payload: unknown }>(
        "select payload from outbox_events where type = 'mail_template.updated'",
      );
      assert.deepEqual(event?.payload, { key: 'order_confirmation', locale: 'fr', change: 'saved' });

      // The preview renders the saved text with the examples, or the editor's draft, or given variables.
      const preview = await viewer.request({
        method: 'POST',
        url: `${base}/order_confirmation/fr/preview`,
        payload: {},
      });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().subject, 'Merci pour la commande 1001');
      assert.match(preview.json().html, /Merci Ada ! Commande 1001 : 104,50\s€/);
      assert.match(preview.json().text, /Merci Ada ! Commande 1001 : 104,50\s€/);
      const draft = await viewer.request({
        method: 'POST',
        url: `${base}/order_confirmation/fr/preview`,
        payload: { subject: 'Brouillon', body: '<p>{{ customer.first_name }}</p>' },
      });
      assert.equal(draft.json().subject, 'Brouillon');
      const given = await viewer.request({
        method: 'POST',
        url: `${base}/order_confirmation/fr/preview`,
        payload: { variables: { customer: { first_name: '<script>x</script>' }, order: { number: '7' } } },
      });
      assert.equal(given.statusCode, 200, given.body);
      assert.ok(given.json().html.includes('Merci &lt;script&gt;x&lt;/script&gt; ! Commande 7'));
      const broken = await viewer.request({
        method: 'POST',
        url: `${base}/order_confirmation/fr/preview`,
        payload: { subject: 'x', body: '{{ order.number | nope }}' },
      });
      assert.equal(broken.statusCode, 422);

      // A test goes to the member who asks, marked as a test.
      const sent = await owner.request({
        method: 'POST',
        url: `${base}/order_confirmation/fr/test`,
        payload: {},
      });
      assert.equal(sent.statusCode, 202, sent.body);
      assert.equal(sent.json().to, ownerEmail);
      const [message] = await database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.id, sent.json().messageId));
      assert.deepEqual(message?.toAddresses, [ownerEmail]);
      assert.equal(message?.subject, '[Test] Merci pour la commande 1001');
      assert.equal(message?.fromAddress, '"Linen & Co" <storepilot@localhost>');
      assert.match(message?.html ?? '', /Merci Ada/);
      const viewerTest = await viewer.request({
        method: 'POST',
        url: `${base}/order_confirmation/fr/test`,
        payload: {},
      });
      assert.equal(viewerTest.statusCode, 403);

      const reset = await owner.request({ method: 'DELETE', url: `${base}/order_confirmation/fr` });
      assert.equal(reset.statusCode, 204);
      const after = (await viewer.request({ method: 'GET', url: `${base}/order_confirmation/fr` })).json();
      assert.equal(after.template.subject, 'Commande {{ order.name }} confirmée');
      assert.equal(after.template.customised, false);
      const again = await owner.request({ method: 'DELETE', url: `${base}/order_confirmation/fr` });
      assert.equal(again.statusCode, 204, 'resetting a default is a no-op');
      assert.deepEqual(await auditActions(), [
        'mail_template.updated order_confirmation:fr',
        'mail_template.test_sent order_confirmation:fr',
        'mail_template.reset order_confirmation:fr',
      ]);
    });

    test('unknown e-mails and malformed languages are 400', async () => {
      for (const url of [`${base}/newsletter/en`, `${base}/order_confirmation/not-a-locale!`]) {
        const res = await viewer.request({ method: 'GET', url });
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().error.code, 'validation_failed');
      }
    });
  });
}
