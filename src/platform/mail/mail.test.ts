import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../db/database.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { createJobRunner, type JobRunner } from '../jobs/index.ts';
import { jobs } from '../jobs/schema.ts';
import { getMail, listMail } from './list-mail.ts';
import { mailboxWithName, queueMail } from './queue-mail.ts';
import { mailMessages } from './schema.ts';
import { registerMailJobs } from './send-mail-job.ts';

const logger = pino({ level: 'silent' });

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port; `answer` decides each message's fate. */
async function startSmtpServer(answer: (count: number) => { code: number; message: string } | null) {
  const received: Received[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refusal = answer(++count);
        if (refusal) {
          const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          callback(err);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
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

/** The decoded bytes of the attachment named `filename` in a raw MIME message. */
function attachmentOf(raw: string, filename: string): { contentType: string; bytes: Buffer } | null {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1]!);
  for (const boundary of boundaries) {
    for (const part of raw.split(`--${boundary}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const headers = part.slice(0, split);
      if (!headers.includes(`filename=${filename}`) && !headers.includes(`filename="${filename}"`)) continue;
      const contentType = /Content-Type:\s*([^;\r\n]+)/i.exec(headers)?.[1] ?? '';
      return { contentType, bytes: Buffer.from(part.slice(split + 4).replace(/\s+/g, ''), 'base64') };
    }
  }
  return null;
}

for (const target of testDatabaseTargets()) {
  describe(`mail on ${target.label}`, () => {
    let database: Database;
    let store: { id: string };

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'mail');
    });
    after(async () => {
      await database.close();
    });

    const messageRow = async (id: string) =>
      (await database.db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!;
    const runner = (settings: { smtpUrl?: string }): JobRunner => {
      const r = createJobRunner({ database, logger, retry: { baseMs: 1, maxMs: 5 } });
      registerMailJobs(r, { ...settings, timeoutMs: 5000 });
      return r;
    };
    const queue = (subject: string, extra: Partial<Parameters<typeof queueMail>[1]> = {}) =>
      database.db.transaction((tx) =>
        queueMail(tx, {
          storeId: store.id,
          topic: 'test.mail',
          from: mailboxWithName('Linen, "Fine" & Co', 'shop@example.test'),
          to: ['buyer@example.test'],
          subject,
          text: `Body of ${subject}`,
          ...extra,
        }),
      );

    test('without SMTP the development transport marks a queued message sent and keeps it readable', async () => {
      const queued = await queue('Development mail', { entity: { type: 'purchase_order', id: 'po_dev' } });
      assert.equal(queued.state, 'queued');
      assert.equal(await runner({}).runDueJobsOnce(), 1);
      const sent = await messageRow(queued.id);
      assert.equal(sent.state, 'sent');
      assert.equal(sent.transport, 'development');
      assert.equal(sent.attempts, 1);
      assert.ok(sent.messageId?.includes('@'), 'a composed message has a Message-ID');
      assert.ok(sent.sentAt);
      const [listed] = await listMail(database.db, store.id, {
        entityType: 'purchase_order',
        entityId: 'po_dev',
      });
      assert.equal(listed?.id, queued.id);
      assert.equal(listed?.subject, 'Development mail');
      assert.equal((await getMail(database.db, store.id, queued.id)).text, 'Body of Development mail');
      // A repeated job (at least once) does not send again.
      assert.equal(await runner({}).runDueJobsOnce(), 0);
    });

    test('mail queued in a transaction that rolls back is neither stored nor sent', async () => {
      const before = (await database.db.select().from(jobs)).length;
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await queueMail(tx, {
            storeId: store.id,
            topic: 'test.mail',
            from: 'shop@example.test',
            to: ['buyer@example.test'],
            subject: 'Never',
            text: '',
          });
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.equal((await listMail(database.db, store.id)).filter((m) => m.subject === 'Never').length, 0);
      assert.equal((await database.db.select().from(jobs)).length, before);
    });

    test('a bad recipient is refused when queued (422), not by a retrying job', async () => {
      const err = await queue('Bad', { to: ['not an address'] }).catch((e) => e);
      assert.equal(err.code, 'invalid_mail_address');
      assert.deepEqual(err.details, { path: 'to.0' });
    });

    test('over SMTP the message arrives with its attachment, byte for byte', async () => {
      const smtp = await startSmtpServer(() => null);
      try {
        const file = randomBytes(5000);
        const queued = await queue('Purchase order PO-1001', {
          replyTo: 'buyer-desk@example.test',
          attachments: [
            { filename: 'PO-1001.pdf', contentType: 'application/pdf', content: file.toString('base64') },
          ],
        });
        assert.equal(await runner({ smtpUrl: smtp.url }).runDueJobsOnce(), 1);
        assert.equal(smtp.received.length, 1);
        const [mail] = smtp.received;
        assert.equal(mail!.from, 'shop@example.test');
        assert.deepEqual(mail!.to, ['buyer@example.test']);
        assert.match(mail!.raw, /Subject: Purchase order PO-1001/);
        assert.match(mail!.raw, /From: "Linen, \\"Fine\\" & Co" <shop@example.test>/);
        const attachment = attachmentOf(mail!.raw, 'PO-1001.pdf');
        assert.ok(attachment, 'the attachment is in the message');
        assert.equal(attachment.contentType, 'application/pdf');
        assert.ok(attachment.bytes.equals(file));
        const sent = await messageRow(queued.id);
        assert.deepEqual([sent.state, sent.transport, sent.attempts], ['sent', 'smtp', 1]);
        assert.ok(mail!.raw.includes(sent.messageId!), 'the stored Message-ID is the one sent');
      } finally {
        await smtp.close();
      }
    });

    test('extra headers (RFC 8058 one-click unsubscribe) arrive over SMTP as given; reserved or broken ones are refused', async () => {
      const smtp = await startSmtpServer(() => null);
      try {
        const unsubscribe = '<https://shop.example.test/unsubscribe?token=abc>';
        await queue('With headers', {
          headers: { 'List-Unsubscribe': unsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        });
        assert.equal(await runner({ smtpUrl: smtp.url }).runDueJobsOnce(), 1);
        const raw = smtp.received.at(-1)!.raw;
        assert.ok(raw.includes(`List-Unsubscribe: ${unsubscribe}`), raw.slice(0, 800));
        assert.ok(raw.includes('List-Unsubscribe-Post: List-Unsubscribe=One-Click'));
      } finally {
        await smtp.close();
      }
      await assert.rejects(queue('Reserved', { headers: { Subject: 'other' } }), /may set/);
      await assert.rejects(
        queue('Broken', { headers: { 'X-Note': 'a\r\nBcc: x@example.test' } }),
        /one line/,
      );
    });

    test('a temporary SMTP refusal is recorded and retried with backoff until the server takes it', async () => {
      const smtp = await startSmtpServer((n) => (n === 1 ? { code: 451, message: 'try again later' } : null));
      try {
        const queued = await queue('Retried');
        const r = runner({ smtpUrl: smtp.url });
        assert.equal(await r.runDueJobsOnce(), 1);
        const failedOnce = await messageRow(queued.id);
        assert.deepEqual([failedOnce.state, failedOnce.attempts], ['queued', 1]);
        assert.match(failedOnce.lastError ?? '', /try again later/);
        // The retry waits for its backoff (a few milliseconds with this runner's policy).
        for (let i = 0; i < 200 && (await messageRow(queued.id)).state === 'queued'; i++) {
          await r.runDueJobsOnce();
          await sleep(5);
        }
        const sent = await messageRow(queued.id);
        assert.deepEqual([sent.state, sent.attempts, sent.lastError], ['sent', 2, null]);
        assert.equal(smtp.received.length, 1);
      } finally {
        await smtp.close();
      }
    });

    test('a permanent SMTP refusal marks the message failed at once, without retries', async () => {
      const smtp = await startSmtpServer(() => ({ code: 550, message: 'no such mailbox' }));
      try {
        const queued = await queue('Refused');
        assert.equal(await runner({ smtpUrl: smtp.url }).runDueJobsOnce(), 1);
        const failed = await messageRow(queued.id);
        assert.deepEqual([failed.state, failed.attempts], ['failed', 1]);
        assert.match(failed.lastError ?? '', /no such mailbox/);
        const pending = await database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
        assert.equal(pending.length, 0);
      } finally {
        await smtp.close();
      }
    });
  });

  describe(`mail routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let viewer: Browser;
    let messageId: string;
    let foreignMessageId: string;
    let storeId: string;
    const file = Buffer.from('sku,quantity\nA-1,12\n');

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'outbox');
      const other = await makeStore(database, 'elsewhere');
      storeId = store.id;
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      const queued = await database.db.transaction((tx) =>
        queueMail(tx, {
          storeId: store.id,
          topic: 'purchase_order.sent',
          from: 'shop@example.test',
          to: ['supplier@example.test'],
          subject: 'Order',
          text: 'Please deliver.',
          attachments: [
            { filename: 'PO-1001.csv', contentType: 'text/csv', content: file.toString('base64') },
          ],
          entity: { type: 'purchase_order', id: 'po_x' },
        }),
      );
      messageId = queued.id;
      const foreign = await database.db.transaction((tx) =>
        queueMail(tx, {
          storeId: other.id,
          topic: 'other',
          from: 'shop@example.test',
          to: ['x@example.test'],
          subject: 'Not yours',
          text: '',
        }),
      );
      foreignMessageId = foreign.id;
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test("GET /mail lists the store's messages with attachment names and sizes, never their bodies", async () => {
      const res = await viewer.request({ method: 'GET', url: '/api/admin/stores/outbox/mail' });
      assert.equal(res.statusCode, 200, res.body);
      const { items } = res.json();
      assert.deepEqual(
        items.map((m: { subject: string }) => m.subject),
        ['Order'],
      );
      assert.deepEqual(items[0].attachments, [
        { index: 0, filename: 'PO-1001.csv', contentType: 'text/csv', sizeBytes: file.length },
      ]);
      assert.equal(items[0].state, 'queued');
      assert.ok(!res.body.includes(file.toString('base64')));
      const filtered = await viewer.request({
        method: 'GET',
        url: '/api/admin/stores/outbox/mail?entityType=purchase_order&entityId=po_other',
      });
      assert.deepEqual(filtered.json().items, []);
    });

    test('GET /mail/:id shows the text and attachment names; the attachment downloads as sent', async () => {
      const res = await viewer.request({ method: 'GET', url: `/api/admin/stores/outbox/mail/${messageId}` });
      assert.equal(res.statusCode, 200, res.body);
      const { message } = res.json();
      assert.equal(message.text, 'Please deliver.');
      assert.deepEqual(
        message.attachments.map((a: { filename: string }) => a.filename),
        ['PO-1001.csv'],
      );
      const download = await viewer.request({
        method: 'GET',
        url: `/api/admin/stores/outbox/mail/${messageId}/attachments/0`,
      });
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'text/csv');
      assert.ok(download.rawPayload.equals(file));
      const foreign = await viewer.request({ method: 'GET', url: '/api/admin/stores/elsewhere/mail' });
      assert.equal(foreign.statusCode, 404);
    });

    test('reading mail needs store:read', async () => {
      const key = await makeApiKey(database, storeId, ['catalog:read']);
      const res = await withApiKey(sp.app, key)({ method: 'GET', url: '/api/admin/stores/outbox/mail' });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'permission_denied');
    });

    test('GET /mail filters by state and pages newest first with before; a bad state or cursor is a 400', async () => {
      const list = async (query: string) => {
        const res = await viewer.request({ method: 'GET', url: `/api/admin/stores/outbox/mail?${query}` });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { items: { id: string; subject: string }[]; nextBefore: string | null };
      };
      for (const subject of ['Second', 'Third', 'Fourth']) {
        await database.db.transaction((tx) =>
          queueMail(tx, {
            storeId,
            topic: 'test.mail',
            from: 'shop@example.test',
            to: ['buyer@example.test'],
            subject,
            text: '',
          }),
        );
      }
      await database.db
        .update(mailMessages)
        .set({ state: 'failed', attempts: 1, lastError: '550: no such mailbox' })
        .where(eq(mailMessages.subject, 'Third'));

      const first = await list('limit=2');
      assert.deepEqual(
        first.items.map((m) => m.subject),
        ['Fourth', 'Third'],
      );
      assert.equal(first.nextBefore, first.items[1]!.id);
      const second = await list(`limit=2&before=${first.nextBefore}`);
      assert.deepEqual(
        second.items.map((m) => m.subject),
        ['Second', 'Order'],
      );
      assert.equal(second.nextBefore, null);

      assert.deepEqual(
        (await list('state=failed')).items.map((m) => m.subject),
        ['Third'],
      );
      assert.deepEqual(
        (await list('state=queued')).items.map((m) => m.subject),
        ['Fourth', 'Second', 'Order'],
      );

      for (const [query, code] of [
        ['state=bounced', 'validation_failed'],
        ['before=po_01jzzzzzzzzzzzzzzzzzzzzzzz', 'validation_failed'],
        [`before=${foreignMessageId}`, 'invalid_cursor'],
      ] as const) {
        const res = await viewer.request({ method: 'GET', url: `/api/admin/stores/outbox/mail?${query}` });
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        assert.equal(res.json().error.code, code, query);
      }
    });
  });
}
