import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createOutboxDispatcher, emitEvent } from '../../platform/events/index.ts';
import { createJobRunner } from '../../platform/jobs/index.ts';
import { registerMailJobs } from '../../platform/mail/index.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { transactionalMailConsumer } from './consumer.ts';
import { exampleVariables } from './example-variables.ts';
import { mailTemplates } from './schema.ts';
import { sendTransactionalMail, type TransactionalMessage } from './send-transactional-mail.ts';
import { saveTemplate } from './templates.ts';

const logger = pino({ level: 'silent' });
const actor = systemActor('test');

/** A local SMTP server keeping what it receives. */
async function startSmtpServer() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a MIME part as the recipient reads it (quoted-printable undone). */
function decodedPart(raw: string, contentType: string): string {
  const start = raw.indexOf(`Content-Type: ${contentType}`);
  assert.ok(start >= 0, `a ${contentType} part`);
  const part = raw.slice(start);
  const body = part.slice(part.indexOf('\r\n\r\n') + 4, part.indexOf('\r\n--'));
  const bytes = body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

for (const target of testDatabaseTargets()) {
  describe(`sending transactional mail on ${target.label}`, () => {
    let database: Database;
    let german: Store;
    let english: Store;

    before(async () => {
      database = await target.create();
      // Speaks German by default, French too, and Italian, for which there is no built-in text.
      german = await createStore(database.db, actor, {
        handle: 'leinen',
        name: 'Leinen & Co',
        baseCurrency: 'EUR',
        locale: 'de',
        locales: ['de', 'fr', 'it'],
        timezone: 'Europe/Berlin',
      });
      english = await createStore(database.db, actor, {
        handle: 'linen',
        name: 'Linen & Co',
        baseCurrency: 'EUR',
      });
    });
    after(async () => {
      await database.close();
    });

    const messagesOf = (storeId: string) =>
      database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.storeId, storeId))
        .orderBy(asc(mailMessages.createdAt), asc(mailMessages.id));
    const send = (store: Store, message: Partial<TransactionalMessage>) =>
      database.db.transaction((tx) =>
        sendTransactionalMail(tx, store.id, {
          template: 'order_confirmation',
          to: 'ada@example.com',
          variables: exampleVariables('order_confirmation'),
          ...message,
        }),
      );
    const lastSubject = async (store: Store) => (await messagesOf(store.id)).at(-1)?.subject;
    const dispatcher = () =>
      createOutboxDispatcher({ database, logger, consumers: [transactionalMailConsumer] });
    /** Hands out what earlier steps emitted (stores created, templates saved), so a test counts its own. */
    const drainOutbox = async () => {
      while ((await dispatcher().dispatchOnce()).dispatched > 0) {}
    };

    test("the customer's language, then the store's default, then English; the store's own text first", async () => {
      await database.db.transaction((tx) =>
        saveTemplate(tx, german, actor, 'order_confirmation', 'de', {
          subject: 'Danke für Bestellung {{ order.number }}',
          body: '<p>Hallo {{ customer.first_name }}</p>',
        }),
      );
      const cases: [string | null, string][] = [
        ['fr', 'Commande #1001 confirmée'], // built-in French
        ['fr-CA', 'Commande #1001 confirmée'], // its language
        ['it', 'Danke für Bestellung 1001'], // no Italian text: the store default's (its own)
        [null, 'Danke für Bestellung 1001'],
        ['not a language tag', 'Danke für Bestellung 1001'],
        ['pt-BR', 'Danke für Bestellung 1001'],
      ];
      for (const [locale, subject] of cases) {
        await send(german, { locale });
        assert.equal(await lastSubject(german), subject, `locale ${locale}`);
      }
      await database.db.transaction((tx) =>
        saveTemplate(tx, german, actor, 'order_confirmation', 'fr', {
          subject: 'Merci, commande {{ order.number }}',
          body: '<p>Merci</p>',
        }),
      );
      await send(german, { locale: 'fr' });
      assert.equal(await lastSubject(german), 'Merci, commande 1001');

      // A store whose default has no built-in text and no text of its own: built-in English.
      const italian = await createStore(database.db, actor, {
        handle: 'lino',
        name: 'Lino',
        baseCurrency: 'EUR',
        locale: 'it',
      });
      await send(italian, { locale: 'it' });
      assert.equal(await lastSubject(italian), 'Order #1001 confirmed');

      const [message] = (await messagesOf(german.id)).slice(-1);
      assert.equal(message?.topic, 'transactional.order_confirmation');
      assert.equal(message?.fromAddress, '"Leinen & Co" <storepilot@localhost>');
      assert.deepEqual(message?.toAddresses, ['ada@example.com']);
      assert.equal(message?.state, 'queued');
    });

    test('a store text that breaks on real data sends the built-in text instead of failing', async () => {
      // Saved texts render with the examples; this row was never checked (written directly).
      await database.db.insert(mailTemplates).values({
        storeId: english.id,
        key: 'payment_received',
        locale: 'en',
        subject: 'Paid {{ order.number | no_such_filter }}',
        body: '<p>x</p>',
      });
      await send(english, { template: 'payment_received', variables: exampleVariables('payment_received') });
      assert.equal(await lastSubject(english), 'Payment received for order #1001');
    });

    test("links given as paths start at the store's storefront: its domain, else the installation's /s/<handle>", async () => {
      const withDomain = await createStore(database.db, actor, {
        handle: 'leinen-shop',
        name: 'Leinen Shop',
        baseCurrency: 'EUR',
        domains: ['shop.leinen.example'],
      });
      const variables = exampleVariables('order_confirmation');
      (variables.order as { status_url: string }).status_url = '/orders/7f3c';
      await send(withDomain, { variables });
      const [onDomain] = await messagesOf(withDomain.id);
      assert.ok(onDomain?.html?.includes('href="https://shop.leinen.example/orders/7f3c"'), 'on the domain');
      await send(english, { variables });
      const onPath = (await messagesOf(english.id)).at(-1);
      assert.match(onPath?.html ?? '', /href="https?:\/\/[^"/]+\/s\/linen\/orders\/7f3c"/);
      assert.match(onPath?.text ?? '', /View your order \[https?:\/\/[^\]]+\/s\/linen\/orders\/7f3c\]/);
    });

    test('with an idempotency key a second call sends nothing, also after a rolled-back first', async () => {
      const before = (await messagesOf(english.id)).length;
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await sendTransactionalMail(tx, english.id, {
            template: 'password_reset',
            to: 'ada@example.com',
            variables: exampleVariables('password_reset'),
            idempotencyKey: 'reset:tok_1',
          });
          throw new Error('the request failed');
        }),
        /the request failed/,
      );
      for (let i = 0; i < 3; i++) {
        await send(english, {
          template: 'password_reset',
          variables: exampleVariables('password_reset'),
          idempotencyKey: 'reset:tok_1',
        });
      }
      await send(english, {
        template: 'password_reset',
        variables: exampleVariables('password_reset'),
        idempotencyKey: 'reset:tok_2',
      });
      // The same key in another store is another message.
      await send(german, {
        template: 'password_reset',
        variables: exampleVariables('password_reset'),
        idempotencyKey: 'reset:tok_1',
      });
      const sent = (await messagesOf(english.id)).slice(before);
      assert.deepEqual(
        sent.map((m) => m.subject),
        ['Reset your password for Linen & Co', 'Reset your password for Linen & Co'],
      );
      const bad = await send(english, { to: 'not an address', idempotencyKey: 'x' }).catch((e) => e);
      assert.equal(bad.code, 'invalid_mail_address');
    });

    test('the consumer turns order.placed into the confirmation (and payment instructions); a replay sends none', async () => {
      await drainOutbox();
      const variables = exampleVariables('order_confirmation');
      (variables.customer as { first_name: string }).first_name = '<script>alert(1)</script>';
      const eventId = await database.db.transaction((tx) =>
        emitEvent(tx, {
          storeId: english.id,
          type: 'order.placed',
          payload: { orderId: 'ord_01jtest', mail: { to: 'ada@example.com', locale: 'en', variables } },
        }),
      );
      const before = (await messagesOf(english.id)).length;
      assert.deepEqual(await dispatcher().dispatchOnce(), { dispatched: 1, failed: 0 });
      const sent = (await messagesOf(english.id)).slice(before);
      assert.deepEqual(
        sent.map((m) => [m.topic, m.subject, m.entityType, m.entityId]),
        [
          ['transactional.order_confirmation', 'Order #1001 confirmed', 'order', 'ord_01jtest'],
          ['transactional.payment_instructions', 'How to pay for order #1001', 'order', 'ord_01jtest'],
        ],
      );
      assert.ok(!sent[0]!.html!.includes('<script>'), 'the name is escaped');
      assert.ok(sent[0]!.html!.includes('Hi &lt;script&gt;alert(1)&lt;/script&gt;,'));
      assert.match(sent[1]!.text, /IBAN: FR76 3000 6000 0112 3456 7890 189/);

      // At least once: the same event again (a retry after a later failure) sends nothing more.
      const [event] = await database.execute<{ id: string; created_at: Date }>(
        'select id, created_at from outbox_events where id = $1',
        [eventId],
      );
      await database.db.transaction((tx) =>
        transactionalMailConsumer.handle(tx, {
          id: event!.id,
          storeId: english.id,
          type: 'order.placed',
          payload: { orderId: 'ord_01jtest', mail: { to: 'ada@example.com', locale: 'en', variables } },
          createdAt: event!.created_at,
        }),
      );
      assert.equal((await messagesOf(english.id)).length, before + 2);
    });

    test('events map to their e-mails; a card payment has no instructions; no usable address, no mail', async () => {
      await drainOutbox();
      const paidByCard = exampleVariables('order_confirmation');
      (paidByCard.payment as { provider: string }).provider = 'test_card';
      const events: [string, Record<string, unknown>][] = [
        ['order.placed', { mail: { to: 'bo@example.com', locale: 'de', variables: paidByCard } }],
        [
          'order.fulfilment_created',
          {
            mail: {
              to: 'bo@example.com',
              locale: 'de',
              variables: exampleVariables('shipping_confirmation'),
            },
          },
        ],
        [
          'return.rejected',
          { mail: { to: 'bo@example.com', locale: 'de', variables: exampleVariables('return_rejected') } },
        ],
        ['order.completed', { mail: { to: 'bo@example.com', variables: {} } }], // no e-mail for it
        ['order.refunded', {}], // no mail in the payload
        ['order.cancelled', { mail: { to: 'not an address', variables: {} } }],
      ];
      for (const [type, payload] of events) {
        await database.db.transaction((tx) => emitEvent(tx, { storeId: english.id, type, payload }));
      }
      const before = (await messagesOf(english.id)).length;
      assert.deepEqual(await dispatcher().dispatchOnce(), { dispatched: events.length, failed: 0 });
      assert.deepEqual(
        (await messagesOf(english.id)).slice(before).map((m) => m.subject),
        [
          'Bestellbestätigung #1001',
          'Ihre Bestellung #1001 ist unterwegs',
          'Zu Ihrer Rücksendeanfrage für Bestellung #1001',
        ],
      );
    });

    test('the e-mail arrives at an SMTP server: recipient, subject, both parts', async () => {
      const smtp = await startSmtpServer();
      try {
        const variables = exampleVariables('shipping_confirmation');
        await database.db.transaction((tx) =>
          emitEvent(tx, {
            storeId: english.id,
            type: 'order.fulfilment_created',
            payload: { mail: { to: 'grace@example.com', locale: 'en', variables } },
          }),
        );
        await drainOutbox();
        const runner = createJobRunner({ database, logger, retry: { baseMs: 1, maxMs: 5 } });
        registerMailJobs(runner, { smtpUrl: smtp.url, timeoutMs: 5000 });
        while ((await runner.runDueJobsOnce()) > 0) {}
        const mail = smtp.received.find((m) => m.to.includes('grace@example.com'));
        assert.ok(mail, 'delivered to the customer');
        assert.deepEqual(mail.to, ['grace@example.com']);
        assert.match(mail.raw, /^Subject: Your order #1001 is on its way\r$/m);
        assert.match(mail.raw, /^From: "Linen & Co" <storepilot@localhost>\r$/m);
        const text = decodedPart(mail.raw, 'text/plain');
        assert.match(text, /Tracking number: JD014600006281234567/);
        assert.match(
          text,
          /Track your parcel \[https:\/\/www\.dhl\.com\/track\?tracking-id=JD014600006281234567\]/,
        );
        const html = decodedPart(mail.raw, 'text/html');
        assert.match(html, /<td class="frame-cell" [^>]*>Linen &amp; Co<\/td>/);
        assert.match(
          html,
          /<a class="button" href="https:\/\/www\.dhl\.com\/track\?tracking-id=JD014600006281234567">/,
        );
        const [row] = await database.db
          .select()
          .from(mailMessages)
          .where(eq(mailMessages.subject, 'Your order #1001 is on its way'));
        assert.deepEqual([row?.state, row?.transport], ['sent', 'smtp']);
      } finally {
        await smtp.close();
      }
    });
  });
}
