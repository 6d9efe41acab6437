// The support inbox through the admin API: staff tickets linked to the customer, the inbox list
// (filters, search, keyset pages), answers mailed with threading headers and a Reply-To carrying
// the ticket's token, notes that are never mailed, the status machine, merging, the collision
// check when two agents answer, who may read and work tickets, and bad input refused with nothing written.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Browser, makeApiKey, makeMember, makeStore, withApiKey } from '../../../test/support/app-harness.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { LocalDiskBlobStorage } from '../../platform/blob-storage/local-disk-blob-storage.ts';
import { runAt } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import type { Store } from '../access/index.ts';
import { canChangeStatus, ticketStatuses } from './index.ts';
import { supportMessages, supportTickets } from './schema.ts';

test('the status machine: closed is final, nothing returns to new, solved reopens', () => {
  const allowed = ticketStatuses.flatMap((from) =>
    ticketStatuses.filter((to) => to !== from && canChangeStatus(from, to)).map((to) => `${from}→${to}`),
  );
  assert.deepEqual(allowed, [
    'new→open',
    'new→pending',
    'new→solved',
    'new→closed',
    'open→pending',
    'open→solved',
    'open→closed',
    'pending→open',
    'pending→solved',
    'pending→closed',
    'solved→open',
    'solved→closed',
  ]);
});

for (const target of testDatabaseTargets()) {
  describe(`support inbox on ${target.label}`, () => {
    let database: Database;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let dataDir: string;
    let base: string;

    const open = async (payload: object) => {
      const res = await api({ method: 'POST', url: `${base}/tickets`, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().ticket as { id: string; number: number; customerId: string };
    };
    const detail = async (id: string) => {
      const res = await api({ method: 'GET', url: `${base}/tickets/${id}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const count = async (table: string) =>
      Number((await database.execute<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

    before(async () => {
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'support-test-'));
      const config = {
        ...loadConfig({ dataDir, logLevel: 'silent' }, {}),
        jobs: false,
        mailFrom: 'shop@mail.test',
        supportMailDomain: 'support.test',
      };
      sp = await buildApp({ config, database, supportStorage: new LocalDiskBlobStorage({ dataDir }) });
      store = await makeStore(database, 'help-shop');
      base = `/api/admin/stores/${store.id}/support`;
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['support:read', 'support:write']));
    });
    after(async () => {
      await sp.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('staff open a ticket: numbered per store, the requester becomes the store’s customer', async () => {
      const ticket = await open({
        subject: 'Where is my parcel?',
        body: 'Ordered last week, nothing yet.',
        requesterEmail: 'Ada@Example.com',
        requesterName: 'Ada Lovelace',
        tags: ['Shipping', 'shipping'],
      });
      assert.equal(ticket.number, 1);
      const d = await detail(ticket.id);
      assert.equal(d.ticket.status, 'new');
      assert.equal(d.ticket.requesterEmail, 'ada@example.com');
      assert.deepEqual(d.ticket.tags, ['shipping']);
      assert.equal(d.ticket.token, undefined, 'the reply-address secret never leaves the server');
      assert.equal(d.customer.email, 'ada@example.com');
      assert.equal(d.customer.firstName, 'Ada');
      assert.equal(d.messages.length, 1);
      assert.equal(d.messages[0].kind, 'inbound');
      assert.deepEqual(d.orders, []);
      assert.equal(
        (await open({ subject: 'Second', body: 'x', requesterEmail: 'ada@example.com' })).number,
        2,
      );
    });

    test('a ticket’s SLA clocks count business hours: an urgent ticket of Friday 15:00 is breached by Saturday', async () => {
      const ticket = await runAt(new Date('2026-03-06T15:00:00Z'), () =>
        open({ subject: 'Urgent', body: 'Help', requesterEmail: 'sla@example.com', priority: 'urgent' }),
      );
      const d = await runAt(new Date('2026-03-07T12:00:00Z'), () => detail(ticket.id));
      assert.equal(d.sla.firstResponse.dueAt, '2026-03-06T16:00:00.000Z');
      assert.equal(d.sla.firstResponse.state, 'breached');
      // Eight business hours: two on Friday (15–17), six on Monday from nine.
      assert.equal(d.sla.resolution.dueAt, '2026-03-09T15:00:00.000Z');
      assert.equal(d.sla.resolution.state, 'running');
    });

    test('an answer is mailed with threading headers and a Reply-To carrying the ticket token', async () => {
      const ticket = await open({
        subject: 'Size exchange',
        body: 'Too small.',
        requesterEmail: 'bo@example.com',
      });
      const first = (await detail(ticket.id)).messages[0];
      const res = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/replies`,
        payload: { body: 'Happy to swap it.\nSend it back <please>.', lastSeenMessageId: first.id },
      });
      assert.equal(res.statusCode, 201, res.body);
      const { message, ticket: after } = res.json();
      assert.equal(after.status, 'pending');
      assert.equal(after.awaitingReply, false);
      assert.ok(after.firstResponseAt);
      assert.match(message.messageId, /^<tmsg_[0-9a-z]+@support\.test>$/);
      const [mail] = await database.db.select().from(mailMessages).where(eq(mailMessages.id, message.mailId));
      const [row] = await database.db.select().from(supportTickets).where(eq(supportTickets.id, ticket.id));
      assert.deepEqual(mail!.toAddresses, ['bo@example.com']);
      assert.equal(mail!.replyTo, `"Store help-shop" <support+${row!.token}@support.test>`);
      assert.equal(mail!.subject, `Re: Size exchange [ticket:${row!.token}]`);
      assert.equal(mail!.threadHeaders?.messageId, message.messageId);
      assert.match(mail!.html!, /Send it back &lt;please&gt;\./);
      // The staff-opened ticket's first message had no Message-ID: nothing to answer in the thread yet.
      assert.equal(mail!.threadHeaders?.inReplyTo, null);
      const second = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/replies`,
        payload: { body: 'Label attached.', lastSeenMessageId: message.id, status: 'solved' },
      });
      assert.equal(second.statusCode, 201, second.body);
      const [mail2] = await database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.id, second.json().message.mailId));
      assert.equal(mail2!.threadHeaders?.inReplyTo, message.messageId);
      assert.deepEqual(mail2!.threadHeaders?.references, [message.messageId]);
      assert.equal(second.json().ticket.status, 'solved');
      assert.ok(second.json().ticket.solvedAt);
    });

    test('a note is on the thread but never mailed', async () => {
      const ticket = await open({
        subject: 'Refund?',
        body: 'Please refund.',
        requesterEmail: 'cy@example.com',
      });
      const mails = await count('mail_messages');
      const res = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/notes`,
        payload: { body: 'Check with the warehouse first.' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().message.kind, 'note');
      assert.equal(await count('mail_messages'), mails);
      const d = await detail(ticket.id);
      assert.equal(d.ticket.status, 'new');
      assert.equal(d.ticket.awaitingReply, true);
      assert.deepEqual(
        d.messages.map((m: { kind: string }) => m.kind),
        ['inbound', 'note'],
      );
    });

    test('two agents: the second answer after an unseen one is 409 ticket_changed unless sent anyway', async () => {
      const ticket = await open({
        subject: 'Broken lid',
        body: 'Arrived broken.',
        requesterEmail: 'di@example.com',
      });
      const agentA = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      const agentB = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      const seen = (await detail(ticket.id)).messages[0].id;
      const reply = (agent: Browser, payload: object) =>
        agent.request({ method: 'POST', url: `${base}/tickets/${ticket.id}/replies`, payload });
      const a = await reply(agentA, { body: 'Sending a new one.', lastSeenMessageId: seen });
      assert.equal(a.statusCode, 201, a.body);
      const mails = await count('mail_messages');
      const b = await reply(agentB, { body: 'Refunding you.', lastSeenMessageId: seen });
      assert.equal(b.statusCode, 409, b.body);
      assert.equal(b.json().error.code, 'ticket_changed');
      assert.deepEqual(
        b.json().error.details.answers.map((x: { id: string }) => x.id),
        [a.json().message.id],
      );
      assert.equal(await count('mail_messages'), mails, 'nothing was sent');
      // Agent A's own earlier answer is not a collision for A.
      const a2 = await reply(agentA, { body: 'Tracking follows.', lastSeenMessageId: seen });
      assert.equal(a2.statusCode, 201, a2.body);
      const forced = await reply(agentB, {
        body: 'Refunding you.',
        lastSeenMessageId: seen,
        sendAnyway: true,
      });
      assert.equal(forced.statusCode, 201, forced.body);
      assert.equal((await detail(ticket.id)).messages.length, 4);
    });

    test('status changes follow the machine; assignee must be a member', async () => {
      const ticket = await open({
        subject: 'Gift wrap',
        body: 'Can you wrap it?',
        requesterEmail: 'ed@example.com',
      });
      const patch = (payload: object) =>
        api({ method: 'PATCH', url: `${base}/tickets/${ticket.id}`, payload });
      const member = await makeMember(database, store.id, 'support');
      const [user] = await database.execute<{ id: string }>(
        `select id from users where email = '${member.email}'`,
      );
      const assigned = await patch({ assigneeId: user!.id, priority: 'high', status: 'open' });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.equal(assigned.json().ticket.assigneeId, user!.id);
      const stranger = await patch({ assigneeId: 'user_01jzzzzzzzzzzzzzzzzzzzzzzz' });
      assert.equal(stranger.statusCode, 400);
      assert.equal(stranger.json().error.code, 'unknown_assignee');
      assert.equal((await patch({ status: 'closed' })).statusCode, 200);
      const reopen = await patch({ status: 'open' });
      assert.equal(reopen.statusCode, 409);
      assert.equal(reopen.json().error.code, 'invalid_status_transition');
      const answer = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/replies`,
        payload: { body: 'x', lastSeenMessageId: (await detail(ticket.id)).messages[0].id },
      });
      assert.equal(answer.statusCode, 409);
      assert.equal(answer.json().error.code, 'ticket_closed');
      assert.equal((await patch({})).statusCode, 400);
      assert.equal((await patch({ priority: 'whenever' })).statusCode, 400);
      const audit = await database.execute<{ action: string }>(
        `select action from audit_log where entity_id = '${ticket.id}' order by at, id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['support.ticket_created', 'support.ticket_updated', 'support.ticket_updated'],
      );
    });

    test('merging moves the messages and closes the merged ticket with a pointer', async () => {
      const one = await open({
        subject: 'Late order',
        body: 'Still waiting.',
        requesterEmail: 'fa@example.com',
        tags: ['late'],
      });
      const two = await open({
        subject: 'Late order again',
        body: 'Hello?',
        requesterEmail: 'fa@example.com',
        tags: ['angry'],
      });
      const res = await api({
        method: 'POST',
        url: `${base}/tickets/${two.id}/merge`,
        payload: { intoTicketId: one.id },
      });
      assert.equal(res.statusCode, 200, res.body);
      const merged = await detail(one.id);
      assert.deepEqual(
        merged.messages.map((m: { kind: string; bodyText: string }) => `${m.kind}:${m.bodyText}`),
        [
          'inbound:Still waiting.',
          'inbound:Hello?',
          `note:Merged ticket #${two.number} (“Late order again”) into this one.`,
        ],
      );
      assert.deepEqual(merged.ticket.tags, ['late', 'angry']);
      assert.equal(merged.ticket.messageCount, 3);
      const gone = await detail(two.id);
      assert.equal(gone.ticket.status, 'closed');
      assert.equal(gone.ticket.mergedIntoId, one.id);
      assert.equal(gone.messages.length, 0);
      const again = await api({
        method: 'POST',
        url: `${base}/tickets/${two.id}/merge`,
        payload: { intoTicketId: one.id },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'ticket_merged');
      const self = await api({
        method: 'POST',
        url: `${base}/tickets/${one.id}/merge`,
        payload: { intoTicketId: one.id },
      });
      assert.equal(self.statusCode, 400);
      assert.equal(self.json().error.code, 'merge_into_itself');
      const list = await api({ method: 'GET', url: `${base}/tickets?q=Late%20order` });
      assert.deepEqual(
        list.json().items.map((t: { id: string }) => t.id),
        [one.id],
        'merged tickets leave the inbox',
      );
    });

    test('the inbox: filters, search by subject, e-mail or number, keyset pages without gaps or repeats', async () => {
      const other = await makeStore(database, 'list-shop');
      const otherApi = withApiKey(
        sp.app,
        await makeApiKey(database, other.id, ['support:read', 'support:write']),
      );
      const url = `/api/admin/stores/${other.id}/support/tickets`;
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await otherApi({
          method: 'POST',
          url,
          payload: {
            subject: `Question ${i}`,
            body: 'Hi',
            requesterEmail: `buyer${i}@example.com`,
            priority: i % 2 ? 'urgent' : 'normal',
            tags: i === 3 ? ['vip'] : [],
          },
        });
        ids.push(res.json().ticket.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await otherApi({
          method: 'GET',
          url: `${url}?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        });
        assert.equal(res.statusCode, 200, res.body);
        seen.push(...res.json().items.map((t: { id: string }) => t.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [...ids].reverse(), 'latest activity first, each once');
      const row = (await otherApi({ method: 'GET', url: `${url}?limit=1` })).json().items[0];
      assert.deepEqual(Object.keys(row).sort(), [
        'assigneeId',
        'awaitingReply',
        'channel',
        'createdAt',
        'customerId',
        'firstResponseAt',
        'id',
        'lastMessageAt',
        'messageCount',
        'number',
        'orderId',
        'priority',
        'requesterEmail',
        'requesterName',
        'sla',
        'solvedAt',
        'status',
        'subject',
        'tags',
      ]);
      assert.deepEqual(Object.keys(row.sla.firstResponse).sort(), ['dueAt', 'minutesLeft', 'state']);
      const get = async (query: string) =>
        (await otherApi({ method: 'GET', url: `${url}?${query}` }))
          .json()
          .items.map((t: { number: number }) => t.number);
      assert.deepEqual(await get('priority=urgent'), [6, 4, 2]);
      assert.deepEqual(await get('tag=vip'), [4]);
      assert.deepEqual(await get('q=buyer5%40'), [6]);
      assert.deepEqual(await get('q=%236'), [6]);
      assert.deepEqual(await get('q=question%202'), [3]);
      assert.deepEqual(await get('status=open,pending'), []);
      assert.deepEqual(await get('assignee=none&limit=2'), [7, 6]);
      const bad = await otherApi({ method: 'GET', url: `${url}?cursor=nonsense` });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'invalid_cursor');
      assert.equal((await otherApi({ method: 'GET', url: `${url}?status=lost` })).statusCode, 400);
    });

    test('who may: viewers read, support works tickets, content editors see nothing', async () => {
      const ticket = await open({ subject: 'Access', body: 'x', requesterEmail: 'gi@example.com' });
      const as = async (role: 'viewer' | 'support' | 'content') =>
        Browser.signIn(sp.app, (await makeMember(database, store.id, role)).email);
      const viewer = await as('viewer');
      assert.equal((await viewer.request({ method: 'GET', url: `${base}/tickets` })).statusCode, 200);
      const denied = await viewer.request({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/notes`,
        payload: { body: 'x' },
      });
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json().error.code, 'permission_denied');
      const content = await as('content');
      assert.equal(
        (await content.request({ method: 'GET', url: `${base}/tickets/${ticket.id}` })).statusCode,
        403,
      );
      const support = await as('support');
      const note = await support.request({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/notes`,
        payload: { body: 'ok' },
      });
      assert.equal(note.statusCode, 201, note.body);
    });

    test('bad input: 4xx with the error model and nothing written', async () => {
      const before = [
        await count('support_tickets'),
        await count('support_messages'),
        await count('customers'),
      ];
      const cases = [
        {
          method: 'POST',
          url: `${base}/tickets`,
          payload: { subject: 'x', body: 'y', requesterEmail: 'not-mail' },
        },
        {
          method: 'POST',
          url: `${base}/tickets`,
          payload: { subject: '', body: 'y', requesterEmail: 'a@b.example' },
        },
        {
          method: 'POST',
          url: `${base}/tickets`,
          payload: {
            subject: 'x',
            body: 'y',
            requesterEmail: 'hj@example.com',
            orderId: 'ord_01jzzzzzzzzzzzzzzzzzzzzzzz',
          },
        },
        {
          method: 'POST',
          url: `${base}/tickets/tkt_01jzzzzzzzzzzzzzzzzzzzzzzz/replies`,
          payload: { body: 'x', lastSeenMessageId: 'tmsg_1' },
        },
        {
          method: 'POST',
          url: `${base}/tickets/tkt_01jzzzzzzzzzzzzzzzzzzzzzzz/notes`,
          payload: { body: '' },
        },
        { method: 'PUT', url: `${base}/settings`, payload: { supportAddress: 'nope' } },
      ] as const;
      for (const c of cases) {
        const res = await api(c);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${c.url}: ${res.statusCode} ${res.body}`);
        assert.equal(typeof res.json().error.code, 'string');
      }
      const unknownOrder = await api(cases[2]);
      assert.equal(unknownOrder.json().error.code, 'unknown_order');
      const ticket = await open({ subject: 'Seen', body: 'x', requesterEmail: 'ik@example.com' });
      const wrongSeen = await api({
        method: 'POST',
        url: `${base}/tickets/${ticket.id}/replies`,
        payload: { body: 'x', lastSeenMessageId: 'tmsg_01jzzzzzzzzzzzzzzzzzzzzzzz' },
      });
      assert.equal(wrongSeen.statusCode, 400);
      assert.equal(wrongSeen.json().error.code, 'unknown_message');
      const [tickets, messages] = [await count('support_tickets'), await count('support_messages')];
      assert.deepEqual([tickets - 1, messages - 1], before.slice(0, 2));
      assert.equal(
        (await database.db.select().from(supportMessages).where(eq(supportMessages.ticketId, ticket.id)))
          .length,
        1,
      );
    });

    test('support address: one store per address', async () => {
      const set = await api({
        method: 'PUT',
        url: `${base}/settings`,
        payload: { supportAddress: 'Help@Shop.example' },
      });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().supportAddress, 'help@shop.example');
      const other = await makeStore(database, 'copycat');
      const otherApi = withApiKey(sp.app, await makeApiKey(database, other.id, ['support:write']));
      const taken = await otherApi({
        method: 'PUT',
        url: `/api/admin/stores/${other.id}/support/settings`,
        payload: { supportAddress: 'help@shop.example' },
      });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, 'support_address_taken');
    });
  });
}
