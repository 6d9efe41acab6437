// `npm run bench:support`: the support inbox at 100,000 tickets — the inbox list's p50 over the
// filters an agent uses (all by latest activity, open, mine, urgent, a tag, the third page, a
// search, SLA breached / due soon; every row with its SLA clocks) — and inbound e-mail ingest:
// messages per second sent over SMTP on loopback (nodemailer in a worker thread, 8 pooled
// connections) to the listener, each parsed, threaded, stored and audited. On PGlite and,
// when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL. Prints figures; asserts nothing.
// Options: BENCH_TICKETS=n (100000), BENCH_MAILS=n (1000), BENCH_CONNECTIONS=n (8), BENCH_ONLY=pglite|postgres.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { createStore, systemActor } from '../src/modules/access/index.ts';
import {
  configureSupportMail,
  defaultSlaPolicy,
  listTickets,
  startSupportSmtpListener,
  supportAttachmentStorage,
  ticketListQuery,
  updateSlaSettings,
  updateSupportSettings,
} from '../src/modules/support/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const ticketCount = Number(process.env.BENCH_TICKETS ?? 100_000);
const mailCount = Number(process.env.BENCH_MAILS ?? 1000);
const senderConnections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const runsPerQuery = 40;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function bench(label: string, databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-support-'));
  const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
  try {
    await migrateDatabase(database);
    const actor = systemActor('bench');
    const store = await createStore(database.db, actor, {
      handle: 'bench-help',
      name: 'Bench Help',
      baseCurrency: 'EUR',
    });
    const started = performance.now();
    // 100,000 tickets over 90 days, in the proportions of a busy inbox: most solved or closed.
    await database.execute(
      `insert into support_tickets (id, store_id, number, subject, status, priority, assignee_id, requester_email,
         channel, tags, token, message_count, awaiting_reply, last_message_at, created_at, updated_at)
       select 'tkt_bench' || n, $1, n, 'Question about order ' || n,
         (array['new','open','pending','solved','closed','closed','solved','closed'])[1 + n % 8],
         (array['low','normal','normal','normal','high','urgent'])[1 + n % 6],
         case when n % 3 = 0 then null else 'user_agent' || (n % 5) end,
         'customer' || (n % 40000) || '@example.com',
         (array['email','contact_form','order_page','staff'])[1 + n % 4],
         case when n % 10 = 0 then array['vip'] when n % 7 = 0 then array['shipping'] else '{}'::text[] end,
         md5(n::text), 1 + n % 5, n % 2 = 0,
         now() - (n * interval '77 seconds'), now() - (n * interval '77 seconds'), now()
       from generate_series(1, $2::int) as n`,
      [store.id, ticketCount],
    );
    await database.execute(`insert into support_ticket_counters (store_id, last_number) values ($1, $2)`, [
      store.id,
      ticketCount,
    ]);
    await database.execute(`analyze support_tickets`);
    console.log(
      `${label}: ${ticketCount} tickets written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // Saving the SLA works out the due times of every live ticket again (what the list's sla filter reads).
    const slaStarted = performance.now();
    const weekday = { open: '09:00', close: '17:00' };
    await updateSlaSettings(database.db, store.id, actor, {
      targets: defaultSlaPolicy,
      hours: { days: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday }, closedDates: [] },
    });
    await database.execute(`analyze support_tickets`);
    console.log(
      `  SLA saved, live tickets' due times worked out in ${((performance.now() - slaStarted) / 1000).toFixed(1)} s`,
    );

    const page2 = await listTickets(database.db, store.id, ticketListQuery.parse({ limit: '50' }));
    const page3 = await listTickets(
      database.db,
      store.id,
      ticketListQuery.parse({ limit: '50', cursor: page2.nextCursor! }),
    );
    const queries: Record<string, Record<string, string>> = {
      'all, latest activity': {},
      'open + pending': { status: 'open,pending' },
      'one agent': { assignee: 'user_agent1' },
      urgent: { priority: 'urgent' },
      'tag vip': { tag: 'vip' },
      'awaiting reply, unassigned': { awaitingReply: 'true', assignee: 'none' },
      'page 4 (cursor)': { cursor: page3.nextCursor! },
      'search e-mail': { q: 'customer1234@' },
      'search subject': { q: 'order 99999' },
      'SLA breached': { sla: 'breached' },
      'SLA due soon': { sla: 'due_soon' },
      'SLA breached, unassigned': { sla: 'breached', assignee: 'none' },
    };
    const all: number[] = [];
    for (const [name, query] of Object.entries(queries)) {
      const parsed = ticketListQuery.parse({ limit: '50', ...query });
      const times: number[] = [];
      for (let i = 0; i < runsPerQuery; i++) {
        const t0 = performance.now();
        await listTickets(database.db, store.id, parsed);
        times.push(performance.now() - t0);
      }
      all.push(...times);
      console.log(`  list ${name.padEnd(28)} p50 ${median(times).toFixed(2)} ms`);
    }
    console.log(`  inbox list p50 over all filters: ${median(all).toFixed(2)} ms (target < 30 ms)`);

    configureSupportMail({ mailFrom: 'shop@bench.test', domain: 'bench.test' });
    await updateSupportSettings(database.db, store.id, actor, { supportAddress: 'help@bench.test' });
    const listener = await startSupportSmtpListener({
      db: database.db,
      storage: supportAttachmentStorage(dataDir),
      logger: pino({ level: process.env.BENCH_LOG ?? 'silent' }),
      domain: 'bench.test',
      host: '127.0.0.1',
      port: 0,
      maxMessageBytes: 10 * 1024 * 1024,
    });
    // The senders run in a worker thread: the figure is what the listener takes in, not what one
    // event loop can both send and receive.
    const sender = new Worker(new URL('./support/mail-sender.mjs', import.meta.url), {
      workerData: { port: listener.port, mailCount, connections: senderConnections },
    });
    const [{ seconds }] = (await once(sender, 'message')) as [{ seconds: number }];
    await sender.terminate();
    await listener.close();
    console.log(
      `  inbound ingest (${senderConnections} connections): ${mailCount} messages in ${seconds.toFixed(2)} s = ${(mailCount / seconds).toFixed(0)} messages/s (target ≥ 100)`,
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.env.BENCH_ONLY;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (only !== 'postgres') await bench('PGlite', undefined);
if (only !== 'pglite' && postgresUrl) {
  const scratch = await scratchPostgresDatabase(postgresUrl, 'bench_support');
  try {
    await bench('PostgreSQL', scratch.url);
  } finally {
    await scratch.drop();
  }
}
