// The demo store's selling, as a newcomer first sees it: orders placed through the checkout in four
// currencies, worked into every state a shop has (paid or awaiting transfer, in transit, delivered,
// refunded, returned, cancelled), amounts that add up, and stock books that still verify; and six
// weeks of them with real dates (what analytics reads), none of it in the future. The history
// before them (demo-history.test.ts) is built small here: these tests read the checkout's orders,
// those with a cart (`checkout_id`). A content editor's rewrite of a live product waits for approval.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findStore, listAllStores, rolePermissions } from '../modules/access/index.ts';
import { dailyBriefing } from '../modules/briefing/index.ts';
import { changesAwaitingReview, findProductByHandle } from '../modules/catalog/index.ts';
import { experimentResults, listExperiments } from '../modules/experiments/index.ts';
import { verifyInventory } from '../modules/inventory/index.ts';
import { listNewsletters } from '../modules/newsletters/index.ts';
import { getOrder } from '../modules/orders/index.ts';
import { listReviews, productRatingSummary } from '../modules/reviews/index.ts';
import { listTickets, ticketListQuery } from '../modules/support/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { demoStores } from './demo-catalog.ts';
import { demoReviewedProductHandle, demoStagedEdit } from './demo-content-review.ts';
import { demoOrderCount } from './demo-selling.ts';
import { DEMO_EDITOR, seedDemo } from './seed-demo.ts';

for (const target of testDatabaseTargets()) {
  let database: Database;
  before(async () => {
    database = await target.create();
    const history = { seed: 3, days: 120, sessionsPerDay: 20 };
    assert.equal(await seedDemo(database.db, undefined, { mailFrom: 'demo@example.test', history }), true);
  });
  after(async () => {
    await database.close();
  });

  const countsBy = async (column: string) => {
    const rows = await database.execute<{ value: string; n: number }>(
      `select ${column} as value, count(*)::int as n from orders o join stores s on s.id = o.store_id
       where s.handle = 'alder-ash' and o.checkout_id is not null group by 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.value, r.n]));
  };

  test(`the demo store's orders come in four currencies and every state (${target.label})`, async () => {
    const currencies = await countsBy('o.currency');
    assert.deepEqual(Object.keys(currencies).sort(), ['EUR', 'GBP', 'JPY', 'USD']);
    assert.equal(
      Object.values(currencies).reduce((a, b) => a + b, 0),
      demoOrderCount,
    );
    const financial = await countsBy('o.financial_status');
    for (const status of ['paid', 'pending', 'partially_refunded']) {
      assert.ok(financial[status]! > 0, `some ${status}: ${JSON.stringify(financial)}`);
    }
    const fulfilment = await countsBy('o.fulfilment_status');
    for (const status of ['unfulfilled', 'fulfilled', 'delivered']) {
      assert.ok(fulfilment[status]! > 0, `some ${status}: ${JSON.stringify(fulfilment)}`);
    }
    const status = await countsBy('o.status');
    assert.ok(status.cancelled! >= 1 && status.completed! > status.open!, JSON.stringify(status));
    const returns = await database.execute<{ status: string; resolution: string | null; n: number }>(
      `select r.status, r.resolution, count(*)::int as n from order_returns r group by 1, 2`,
    );
    const returned = (s: string, resolution: string | null = null) =>
      returns.find((r) => r.status === s && (resolution === null || r.resolution === resolution))?.n ?? 0;
    assert.ok(returned('closed', 'refund') >= 1, JSON.stringify(returns));
    assert.equal(returned('closed', 'exchange'), 1, 'one mug swapped for the other glaze');
    assert.ok(returned('requested') + returned('approved') >= 1, 'returns still open');
    const [codes] = await database.execute<{ welcome: number; bxgy: number; tracked: number }>(
      `select
         (select count(*)::int from orders where discounts::text like '%WELCOME10%') as welcome,
         (select count(*)::int from orders where discounts::text like '%buy 2, get 1%') as bxgy,
         (select count(*)::int from fulfilments where tracking_url like 'https://%') as tracked`,
    );
    assert.ok(codes!.welcome > 0 && codes!.bxgy > 0, JSON.stringify(codes));
    assert.ok(codes!.tracked > demoOrderCount / 2, 'parcels carry carrier tracking links');
  });

  test(`every demo order adds up and the stock books still verify (${target.label})`, async () => {
    const store = (await findStore(database.db, 'alder-ash'))!;
    const ids = await database.execute<{ id: string }>(`select id from orders where store_id = $1`, [
      store.id,
    ]);
    assert.ok(ids.length > demoOrderCount, 'the exchange made an order of its own');
    for (const { id } of ids) {
      const order = await getOrder(database.db, store.id, id);
      const lines = order.lines.reduce((sum, l) => sum + l.total, 0);
      assert.equal(order.total, lines + (order.shipping?.total ?? 0), `order ${order.number}`);
      assert.equal(
        order.subtotal,
        order.lines.reduce((sum, l) => sum + l.subtotal, 0),
      );
    }
    const report = await verifyInventory(database.db);
    assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);
  });

  test(`the demo store has last week's newsletter, sent to consenting customers, with figures (${target.label})`, async () => {
    const store = (await listAllStores(database.db)).find((s) => s.handle === 'alder-ash')!;
    const [newsletter] = await listNewsletters(database.db, store.id);
    assert.equal(newsletter?.status, 'sent');
    const { figures } = newsletter!;
    assert.ok(figures.recipients >= 10, `recipients: ${figures.recipients}`);
    assert.equal(figures.pending, 0);
    assert.equal(
      figures.tracked,
      figures.recipients,
      'every recipient ticked checkout’s box, which covers tracking',
    );
    assert.ok(figures.uniqueOpens > 0 && figures.uniqueOpens < figures.recipients);
    assert.ok(figures.opens >= figures.uniqueOpens);
    assert.ok(figures.uniqueClicks > 0 && figures.uniqueClicks <= figures.uniqueOpens);
    assert.ok(figures.unsubscribes > 0);
    assert.ok(newsletter!.finishedAt! < new Date(), 'not in the future');
  });

  test(`the demo store's inbox has answered and unanswered tickets, one past its SLA (${target.label})`, async () => {
    const store = (await listAllStores(database.db)).find((s) => s.handle === 'alder-ash')!;
    const all = await listTickets(
      database.db,
      store.id,
      ticketListQuery.parse({ status: 'new,open,pending,solved,closed' }),
    );
    assert.equal(all.items.length, 6);
    assert.ok(all.items.some((t) => t.status === 'closed'));
    assert.ok(all.items.some((t) => t.status === 'pending' && !t.awaitingReply));
    assert.ok(all.items.filter((t) => t.orderId).length >= 3, 'tickets about orders are linked to them');
    const breached = await listTickets(database.db, store.id, ticketListQuery.parse({ sla: 'breached' }));
    assert.ok(
      breached.items.some((t) => t.subject === 'Where is my order?'),
      breached.items.map((t) => t.subject).join(', '),
    );
    assert.ok(
      all.items.every((t) => new Date(t.lastMessageAt) <= new Date()),
      'nothing in the future',
    );
  });

  test(`the demo store has a finished banner test the banner won and a test still running (${target.label})`, async () => {
    const store = (await listAllStores(database.db)).find((s) => s.handle === 'alder-ash')!;
    const tests = await listExperiments(database.db, store.id);
    assert.deepEqual(
      tests.map((t) => [t.key, t.status]),
      [
        ['free-returns-banner', 'stopped'],
        ['more-products-first', 'running'],
      ],
    );
    const finished = await experimentResults(database.db, store, tests[0]!.id);
    assert.ok(
      finished.variants.every((v) => v.visitors > 100),
      JSON.stringify(finished.variants),
    );
    assert.equal(finished.sampleRatio.mismatch, false);
    const [control, banner] = finished.metrics[0]!.variants;
    assert.ok(banner!.value > control!.value, `${banner!.value} > ${control!.value}`);
    assert.ok(new Date(finished.until) < new Date(Date.now() - 9 * 86_400_000), 'stopped ten days ago');
    const running = await experimentResults(database.db, store, tests[1]!.id);
    assert.ok(running.variants.every((v) => v.visitors > 0));
    assert.ok(running.daysRunning > 5 && running.daysRunning < 7);
  });

  test(`the demo store has one product change waiting for approval, not yet live, in the owner's briefing (${target.label})`, async () => {
    const store = (await findStore(database.db, 'alder-ash'))!;
    const queue = await changesAwaitingReview(database.db, store.id);
    assert.deepEqual([queue.products, queue.live], [1, 1], 'one staged edit to a live product');
    const waited = Date.now() - queue.oldestSince!.getTime();
    assert.ok(waited > 2 * 86_400_000 && waited < 3 * 86_400_000, `sent ${queue.oldestSince!.toISOString()}`);

    // The storefront still reads the catalog's text: the edit is staged, not live.
    const live = (await findProductByHandle(database.db, store.id, demoReviewedProductHandle))!;
    const original = demoStores
      .find((s) => s.handle === 'alder-ash')!
      .products.find((p) => p.handle === demoReviewedProductHandle)!;
    assert.equal(live.status, 'active');
    assert.deepEqual([live.title, live.description], [original.title, original.description]);
    assert.notEqual(demoStagedEdit.description, original.description);

    // Staged and sent by the demo's content editor (a real user, who may not publish).
    const [revision] = await database.execute<{
      kind: string;
      state: string;
      by: string;
      title: string;
      description: string;
    }>(
      `select kind, state, submitted_by->>'label' as by, changes->>'title' as title,
              changes->>'description' as description
       from product_revisions where product_id = $1`,
      [live.id],
    );
    assert.deepEqual(revision, {
      kind: 'staged',
      state: 'in_review',
      by: DEMO_EDITOR.email,
      ...demoStagedEdit,
    });

    // The owner's briefing asks for the review, with how long it has waited.
    const briefing = await dailyBriefing(database.db, store, { permissions: new Set(rolePermissions.owner) });
    const approvals = briefing.actions.filter((a) => a.kind === 'approvals');
    assert.deepEqual(
      approvals.map((a) => [a.title, a.link]),
      [['Review 1 product change waiting for approval', '/admin/stores/alder-ash/products?review=waiting']],
    );
    assert.match(approvals[0]!.detail, /^1 edit to a live product; the oldest has waited 2 days\.$/);
  });

  test(`the demo's orders span six weeks of real dates, none in the future (${target.label})`, async () => {
    const now = Date.now();
    const [span] = await database.execute<{ earliest: string; latest: string; months: number }>(
      `select min(o.placed_at) as earliest, max(o.placed_at) as latest,
              count(distinct to_char(o.placed_at at time zone 'UTC', 'YYYY-MM'))::int as months
       from orders o join stores s on s.id = o.store_id
       where s.handle = 'alder-ash' and o.checkout_id is not null`,
    );
    const day = 24 * 3600 * 1000;
    assert.ok(now - new Date(span!.earliest).getTime() >= 35 * day, `earliest ${span!.earliest}`);
    assert.ok(now - new Date(span!.latest).getTime() < 3 * day, `latest ${span!.latest}`);
    assert.ok(span!.months >= 2, `placed in ${span!.months} months`);

    // Every stamp of the demo store's selling, none later than now.
    const [future] = await database.execute<Record<string, number>>(
      `with store as (select id from stores where handle = 'alder-ash')
       select
         (select count(*)::int from orders where store_id = (select id from store)
            and greatest(placed_at, created_at, updated_at, cancelled_at, completed_at) > now()) as orders,
         (select count(*)::int from fulfilments f join orders o on o.id = f.order_id
            where o.store_id = (select id from store) and greatest(f.shipped_at, f.delivered_at) > now()) as fulfilments,
         (select count(*)::int from refunds r join orders o on o.id = r.order_id
            where o.store_id = (select id from store) and r.created_at > now()) as refunds,
         (select count(*)::int from order_returns r join orders o on o.id = r.order_id
            where o.store_id = (select id from store)
              and greatest(r.requested_at, r.approved_at, r.received_at, r.closed_at) > now()) as returns,
         (select count(*)::int from inventory_movements where store_id = (select id from store)
            and created_at > now()) as movements,
         (select count(*)::int from payments where store_id = (select id from store)
            and greatest(created_at, updated_at) > now()) as payments,
         (select count(*)::int from outbox_events where store_id = (select id from store)
            and created_at > now()) as events`,
    );
    assert.deepEqual(future, {
      orders: 0,
      fulfilments: 0,
      refunds: 0,
      returns: 0,
      movements: 0,
      payments: 0,
      events: 0,
    });

    // A shop's order of things: shipped after placed, delivered after shipped, returns after delivery.
    const [disorder] = await database.execute<Record<string, number>>(
      `with store as (select id from stores where handle = 'alder-ash')
       select
         (select count(*)::int from fulfilments f join orders o on o.id = f.order_id
            where o.store_id = (select id from store) and f.shipped_at <= o.placed_at) as shipped_before_placed,
         (select count(*)::int from fulfilments f join orders o on o.id = f.order_id
            where o.store_id = (select id from store) and f.delivered_at <= f.shipped_at) as delivered_before_shipped,
         (select count(*)::int from order_returns r join orders o on o.id = r.order_id
            where o.store_id = (select id from store)
              and r.requested_at <= (select max(f.delivered_at) from fulfilments f where f.order_id = o.id))
            as returned_before_delivered,
         (select count(*)::int from orders where store_id = (select id from store)
            and status = 'cancelled' and cancelled_at < placed_at) as cancelled_before_placed`,
    );
    assert.deepEqual(disorder, {
      shipped_before_placed: 0,
      delivered_before_shipped: 0,
      returned_before_delivered: 0,
      cancelled_before_placed: 0,
    });
    const [shipped] = await database.execute<{ shipped: number; delivered: number }>(
      `select count(*)::int as shipped, count(f.delivered_at)::int as delivered from fulfilments f
       join orders o on o.id = f.order_id join stores s on s.id = o.store_id where s.handle = 'alder-ash'`,
    );
    assert.ok(shipped!.delivered > 0 && shipped!.delivered < shipped!.shipped, JSON.stringify(shipped));

    // The ledger's sale of each order is dated the day the order was placed; stock came in before.
    const sales = await database.execute<{ number: number; placed: string; sold: string }>(
      `select o.number, o.placed_at as placed, m.created_at as sold
       from orders o join stores s on s.id = o.store_id
       join inventory_movements m on m.reference_type = 'order' and m.reference_id = o.id and m.kind = 'sale'
       where s.handle = 'alder-ash' and o.checkout_id is not null`,
    );
    assert.ok(sales.length >= demoOrderCount, `${sales.length} sale movements`);
    const dayOf = (at: string) => new Date(at).toISOString().slice(0, 10);
    for (const sale of sales) assert.equal(dayOf(sale.sold), dayOf(sale.placed), `order ${sale.number}`);
    const [receipt] = await database.execute<{ at: string }>(
      `select min(m.created_at) as at from inventory_movements m join stores s on s.id = m.store_id
       where s.handle = 'alder-ash' and m.note = 'Stock for web orders'`,
    );
    assert.ok(new Date(receipt!.at) < new Date(span!.earliest), 'the stock for web orders came in first');

    // Order numbers rise with placement time.
    const numbers = await database.execute<{ number: number }>(
      `select o.number from orders o join stores s on s.id = o.store_id
       where s.handle = 'alder-ash' and o.checkout_id is not null order by o.placed_at, o.id`,
    );
    const sequence = numbers.map((n) => Number(n.number));
    assert.deepEqual(
      sequence,
      [...sequence].sort((a, b) => a - b),
    );

    // Orders weeks ago were priced in their market's currency at their day's rate, not all in euro.
    const old = await database.execute<{ currency: string; n: number }>(
      `select o.currency, count(*)::int as n from orders o join stores s on s.id = o.store_id
       where s.handle = 'alder-ash' and o.checkout_id is not null and o.placed_at < now() - interval '21 days'
       group by 1`,
    );
    assert.ok(old.filter((r) => r.currency !== 'EUR').length >= 2, JSON.stringify(old));
  });
}

for (const target of testDatabaseTargets()) {
  test(`the demo store has published reviews with exact figures and a moderation queue with flagged ones (${target.label})`, async () => {
    const database = await target.create();
    try {
      const history = { seed: 3, days: 30, sessionsPerDay: 10 };
      assert.equal(await seedDemo(database.db, undefined, { mailFrom: 'demo@example.test', history }), true);
      const store = (await listAllStores(database.db)).find((s) => s.handle === 'alder-ash')!;
      const queue = await listReviews(database.db, store.id, { status: 'pending' });
      assert.equal(queue.items.length, 5);
      const flags = new Set(queue.items.flatMap((r) => r.flags));
      assert.deepEqual([...flags].sort(), ['contains_link', 'profanity', 'too_short']);
      assert.ok(queue.statusCounts.published >= 24);
      const published = await listReviews(database.db, store.id, { status: 'published', limit: 200 });
      const product = published.items[0]!.productId;
      const own = published.items.filter((r) => r.productId === product);
      const summary = await productRatingSummary(database.db, store.id, product);
      assert.equal(summary.count, own.length);
      assert.equal(
        summary.average,
        Math.round((own.reduce((a, r) => a + r.rating, 0) / own.length) * 100) / 100,
      );
      assert.ok(
        published.items.some((r) => r.reply),
        'some have the shop’s reply',
      );
    } finally {
      await database.close();
    }
  });
}
