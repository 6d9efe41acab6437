// Customers' e-mail into the support inbox over real SMTP on loopback: nodemailer talks to the
// app's listener on a free port. A new message opens a ticket; replies thread by In-Reply-To, by
// the reply address's token and by the subject tag; quoted history is stripped; attachments are
// stored; HTML loses scripts, handlers and javascript: links; a malformed message, an oversize
// one and an unknown recipient are refused with a 5xx and nothing written.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { makeApiKey, makeStore, withApiKey } from '../../../../test/support/app-harness.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createSendMailHandler } from '../../../platform/mail/index.ts';
import { mailMessages } from '../../../platform/mail/schema.ts';
import { supportTickets } from '../schema.ts';
import { resolveInboundRecipient } from './inbound-recipient.ts';
import { ingestSupportMail } from './ingest-support-mail.ts';

interface SmtpFailure {
  responseCode?: number;
}

for (const target of testDatabaseTargets()) {
  describe(`inbound support e-mail on ${target.label}`, () => {
    let database: Database;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let dataDir: string;
    let api: ReturnType<typeof withApiKey>;
    let base: string;
    let send: (message: Record<string, unknown>) => Promise<unknown>;
    let sendRaw: (to: string, raw: string) => Promise<unknown>;

    const count = async (table: string) =>
      Number((await database.execute<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
    const detail = async (id: string) => (await api({ method: 'GET', url: `${base}/tickets/${id}` })).json();
    const newest = async () => (await api({ method: 'GET', url: `${base}/tickets?limit=1` })).json().items[0];
    const rejection = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (err) {
        return (err as SmtpFailure).responseCode;
      }
      assert.fail('the message was accepted');
    };

    before(async () => {
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'support-inbound-'));
      const config = {
        ...loadConfig({ dataDir, logLevel: 'silent' }, {}),
        jobs: false,
        mailFrom: 'shop@mail.test',
        supportMailDomain: 'support.test',
        supportSmtpPort: 0,
        supportSmtpHost: '127.0.0.1',
        supportMaxMessageBytes: 200_000,
      };
      sp = await buildApp({ config, database, supportStorage: new LocalDiskBlobStorage({ dataDir }) });
      const store = await makeStore(database, 'mail-shop');
      base = `/api/admin/stores/${store.id}/support`;
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['support:read', 'support:write']));
      const set = await api({
        method: 'PUT',
        url: `${base}/settings`,
        payload: { supportAddress: 'help@shop.test' },
      });
      assert.equal(set.statusCode, 200, set.body);
      const transport = createTransport({
        host: '127.0.0.1',
        port: sp.supportSmtp!.port,
        secure: false,
        ignoreTLS: true,
      });
      send = (message) =>
        transport.sendMail({ from: '"Ada Lovelace" <ada@example.com>', to: 'help@shop.test', ...message });
      sendRaw = (to, raw) => transport.sendMail({ envelope: { from: 'x@example.com', to: [to] }, raw });
    });
    after(async () => {
      await sp.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('a new message opens a ticket for the sender, linked to the store’s customer', async () => {
      await send({
        subject: 'Wrong colour',
        text: 'I ordered blue and got green.',
        messageId: '<first@example.com>',
      });
      const row = await newest();
      assert.equal(row.subject, 'Wrong colour');
      assert.equal(row.channel, 'email');
      assert.equal(row.requesterEmail, 'ada@example.com');
      assert.equal(row.requesterName, 'Ada Lovelace');
      assert.equal(row.status, 'new');
      const d = await detail(row.id);
      assert.equal(d.customer.email, 'ada@example.com');
      assert.equal(d.messages[0].messageId, '<first@example.com>');
      assert.equal(d.messages[0].bodyText, 'I ordered blue and got green.');
      // The same message delivered again (an SMTP retry) is not stored twice.
      await send({
        subject: 'Wrong colour',
        text: 'I ordered blue and got green.',
        messageId: '<first@example.com>',
      });
      assert.equal((await detail(row.id)).messages.length, 1);
    });

    test('replies thread by In-Reply-To, by the reply address and by the subject tag, without their quotes', async () => {
      await send({
        subject: 'Missing sock',
        text: 'Only one sock arrived.',
        messageId: '<sock@example.com>',
      });
      const ticket = await newest();
      const first = (await detail(ticket.id)).messages[0];
      const answer = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/replies`,
        payload: { body: 'We will send the other one.', lastSeenMessageId: first.id },
      });
      assert.equal(answer.statusCode, 201, answer.body);
      const [mail] = await database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.id, answer.json().message.mailId));
      assert.equal(mail!.threadHeaders?.inReplyTo, '<sock@example.com>');
      const ourId = answer.json().message.messageId;

      await send({
        subject: 'Re: Missing sock',
        inReplyTo: ourId,
        references: ['<sock@example.com>', ourId],
        text: 'Thanks!\n\nOn Tue, 24 Nov 2026 at 10:00, Shop <shop@mail.test> wrote:\n> We will send the other one.\n',
      });
      let d = await detail(ticket.id);
      assert.equal(d.messages.length, 3);
      assert.equal(d.messages[2].bodyText, 'Thanks!');
      assert.equal(d.messages[2].inReplyTo, ourId);
      assert.equal(d.ticket.status, 'open', 'a pending ticket is open again when the customer writes');
      assert.equal(d.ticket.awaitingReply, true);

      const [row] = await database.db.select().from(supportTickets).where(eq(supportTickets.id, ticket.id));
      await send({
        to: `support+${row!.token}@support.test`,
        subject: 'another thing',
        text: 'Also the label.',
      });
      await send({ subject: `Fwd: something [ticket:${row!.token}]`, text: 'And the box.' });
      d = await detail(ticket.id);
      assert.deepEqual(
        d.messages.slice(3).map((m: { bodyText: string }) => m.bodyText),
        ['Also the label.', 'And the box.'],
      );
      assert.equal((await newest()).id, ticket.id, 'the latest activity comes first');
    });

    test('an answer leaves over SMTP with Message-ID, In-Reply-To, References and the token Reply-To', async () => {
      await send({ subject: 'Threading', text: 'Hello?', messageId: '<thread-1@example.com>' });
      const ticket = await newest();
      const answer = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/replies`,
        payload: { body: 'Hello!', lastSeenMessageId: (await detail(ticket.id)).messages[0].id },
      });
      assert.equal(answer.statusCode, 201, answer.body);
      const received: Buffer[] = [];
      const capture = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push(Buffer.concat(chunks));
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = capture.server.address() as { port: number };
        const deliver = createSendMailHandler({ smtpUrl: `smtp://127.0.0.1:${port}`, timeoutMs: 5000 });
        await deliver({ messageId: answer.json().message.mailId }, {
          db: database.db,
          jobId: 'test',
          name: 'mail.send',
          attempt: 1,
          maxAttempts: 1,
          signal: new AbortController().signal,
          logger: { warn() {}, info() {}, error() {}, debug() {} },
        } as unknown as Parameters<typeof deliver>[1]);
      } finally {
        await new Promise<void>((resolve) => capture.close(() => resolve()));
      }
      assert.equal(received.length, 1);
      const sent = await simpleParser(received[0]!);
      const [row] = await database.db.select().from(supportTickets).where(eq(supportTickets.id, ticket.id));
      assert.equal(sent.messageId, answer.json().message.messageId);
      assert.equal(sent.inReplyTo, '<thread-1@example.com>');
      assert.equal(sent.references, '<thread-1@example.com>');
      assert.equal(sent.replyTo?.value[0]?.address, `support+${row!.token}@support.test`);
      assert.equal(sent.subject, `Re: Threading [ticket:${row!.token}]`);
    });

    test('attachments are stored and can be downloaded; HTML loses scripts, handlers and javascript: links', async () => {
      const photo = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      await send({
        subject: 'Photo of the damage',
        html:
          '<p onclick="steal()">See <a href="javascript:alert(1)">this</a> and <a href="https://example.com/x">that</a></p>' +
          '<script>alert("x")</script><img src="x" onerror="alert(2)">' +
          '<div class="gmail_quote">On Mon, Shop wrote: <blockquote>old stuff</blockquote></div>',
        attachments: [
          { filename: 'damage.png', content: photo, contentType: 'image/png' },
          { filename: '../../etc/notes.txt', content: 'hello', contentType: 'text/plain' },
        ],
      });
      const d = await detail((await newest()).id);
      const message = d.messages[0];
      assert.doesNotMatch(message.bodyHtml, /script|onclick|onerror|javascript:|alert|old stuff/i);
      assert.match(message.bodyHtml, /<a href="https:\/\/example.com\/x"/);
      assert.doesNotMatch(message.bodyText, /old stuff/);
      assert.deepEqual(
        message.attachments.map((a: { filename: string; contentType: string; size: number }) => [
          a.filename,
          a.contentType,
          a.size,
        ]),
        [
          ['damage.png', 'image/png', photo.length],
          ['notes.txt', 'text/plain', 5],
        ],
      );
      const png = await api({ method: 'GET', url: `${base}/attachments/${message.attachments[0].id}` });
      assert.equal(png.statusCode, 200);
      assert.deepEqual(png.rawPayload, photo);
      const text = await api({ method: 'GET', url: `${base}/attachments/${message.attachments[1].id}` });
      assert.equal(
        text.headers['content-type'],
        'application/octet-stream',
        'never served as something a browser runs',
      );
      assert.equal(text.body, 'hello');
    });

    test('malformed, oversize and misaddressed mail is refused with a 5xx and nothing written', async () => {
      const before = [
        await count('support_tickets'),
        await count('support_messages'),
        await count('customers'),
      ];
      assert.equal(await rejection(sendRaw('help@shop.test', 'this is not an e-mail at all\r\n')), 550);
      assert.equal(
        await rejection(
          sendRaw('help@shop.test', 'From: nobody\r\nSubject: hi\r\n\r\nno sender address\r\n'),
        ),
        550,
      );
      assert.equal(await rejection(send({ subject: 'Big', text: 'x'.repeat(300_000) })), 552);
      assert.equal(await rejection(send({ to: 'sales@shop.test', subject: 'Hi', text: 'x' })), 550);
      assert.equal(
        await rejection(
          send({ to: 'support+0123456789abcdef01234567@support.test', subject: 'Hi', text: 'x' }),
        ),
        550,
      );
      assert.deepEqual(
        [await count('support_tickets'), await count('support_messages'), await count('customers')],
        before,
      );
    });

    test('the same message delivered twice at once is stored once', async () => {
      const raw = Buffer.from(
        'From: Twin <twin@example.com>\r\nTo: help@shop.test\r\nSubject: Twice\r\n' +
          'Message-ID: <twice@example.com>\r\n\r\nSent twice.\r\n',
      );
      const recipient = (await resolveInboundRecipient(database.db, 'help@shop.test', 'support.test'))!;
      const messages = await count('support_messages');
      const results = await Promise.all([
        ingestSupportMail(database.db, sp.supportStorage, recipient, raw),
        ingestSupportMail(database.db, sp.supportStorage, recipient, raw),
      ]);
      assert.deepEqual(results.map((r) => r.created).sort(), [false, true]);
      assert.equal(results[0]!.messageId, results[1]!.messageId);
      assert.equal(await count('support_messages'), messages + 1);
    });

    test('a reply to a closed ticket opens a new one', async () => {
      await send({ subject: 'Old issue', text: 'First.', messageId: '<old@example.com>' });
      const old = await newest();
      const close = await api({
        method: 'PATCH',
        url: `${base}/tickets/${old.id}`,
        payload: { status: 'closed' },
      });
      assert.equal(close.statusCode, 200, close.body);
      await send({ subject: 'Re: Old issue', inReplyTo: '<old@example.com>', text: 'It happened again.' });
      const fresh = await newest();
      assert.notEqual(fresh.id, old.id);
      assert.equal(fresh.subject, 'Re: Old issue');
      assert.equal((await detail(old.id)).messages.length, 1);
    });
  });
}
