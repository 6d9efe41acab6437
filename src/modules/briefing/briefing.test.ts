// The morning briefing of a crafted store: ten weeks of steady visits from three channels, then a
// day when Paid Search sends almost nobody; a campaign that spent without bringing a sale; a mug
// running out at a supplier with a ten-day lead time; a paid order unshipped and a manual one unpaid
// for days; listings without images or descriptions; two reviews waiting for moderation, one
// unhappy; a support ticket nobody answered. Each becomes a ranked action that links to its screen; a support person sees only the parts their role reads; the day's anomalies are announced
// once as events (for webhooks); the morning e-mail leaves once, at the person's hour.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  Browser,
  makeApiKey,
  makeMember,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { outboxEvents } from '../../platform/events/schema.ts';
import { mailMessages } from '../../platform/mail/schema.ts';
import { createStore, findUserByEmail, rolePermissions, type Store, systemActor } from '../access/index.ts';
import { ingestEvents, rollUpDirtyDays } from '../analytics/index.ts';
import { createGoal } from '../goals/index.ts';
import { announceAnomalies, dayToAnnounce } from '../insights/index.ts';
import { recordMovements } from '../inventory/index.ts';
import { makeLocation, makeVariants } from '../inventory/testing/inventory-fixtures.ts';
import { importAdSpend } from '../marketing/index.ts';
import { placeTestOrder } from '../orders/testing/order-fixtures.ts';
import { recordReview } from '../reviews/index.ts';
import { openCustomerTicket } from '../support/index.ts';
import { type DailyBriefing, dailyBriefing } from './daily-briefing.ts';
import { setBriefingMail } from './mail-subscription.ts';
import { sendMorningMailIfDue } from './morning-mail-job.ts';

const actor = systemActor('briefing test');
const first = DateTime.fromISO('2026-06-01', { zone: 'utc' });
const days = 75;
const outageDay = first.plus({ days: days - 1 }).toISODate()!;
const dayMs = 86_400_000;

for (const target of testDatabaseTargets()) {
  describe(`daily briefing on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let mug: string;
    let supplierId: string;
    /** Read later than now: the test orders, placed now, have waited four days by then. */
    const at = new Date(Date.now() + 4 * dayMs);
    const everything = new Set(rolePermissions.owner);

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'morning-shop',
        name: 'Morning & Co',
        baseCurrency: 'EUR',
      });
      // Ten weeks of visits from three channels with a weekly rhythm; on the last day Paid Search
      // sends 3 instead of about 30.
      const channels = [
        { source: 'google', medium: 'cpc', perDay: 30 },
        { source: 'google', medium: 'organic', perDay: 25 },
        { source: 'newsletter', medium: 'email', perDay: 15 },
      ];
      const events = [];
      for (let d = 0; d < days; d++) {
        const date = first.plus({ days: d });
        const weekend = date.weekday >= 6 ? 1.3 : 1;
        for (const [c, channel] of channels.entries()) {
          let n = Math.round(channel.perDay * weekend * (1 + (((d * 7 + c * 3) % 5) - 2) / 40));
          if (d === days - 1 && channel.medium === 'cpc') n = 3;
          for (let i = 0; i < n; i++) {
            events.push({
              eventId: `d${d}c${c}s${i}`,
              name: 'page_view',
              occurredAt: date.plus({ hours: 8, minutes: i * 7 }).toISO()!,
              visitorId: `v${d}-${c}-${i}`,
              sessionId: `s${d}-${c}-${i}`,
              sessionStart: true,
              source: channel.source,
              medium: channel.medium,
              device: i % 3 === 0 ? 'desktop' : 'mobile',
            });
          }
        }
      }
      for (let i = 0; i < events.length; i += 1000) {
        await ingestEvents(database.db, store, events.slice(i, i + 1000), new Date('2026-09-01T00:00:00Z'));
      }
      while ((await rollUpDirtyDays(database.db)) > 0);
      // A campaign that spent €240 over the week and brought nothing.
      const spendRows = [0, 1, 2, 3, 4, 5, 6].map(
        (d) =>
          `${first.plus({ days: days - 7 + d }).toISODate()},Summer brand push,40.00,EUR,Paid Social,instagram,paid,,`,
      );
      await importAdSpend(
        database.db,
        actor,
        store,
        `date,campaign,spend,currency,channel,source,medium,impressions,clicks\n${spendRows.join('\n')}\n`,
      );
      // The mug: received 40 days ago, sold 2 a day for four weeks, 12 left; its supplier takes 10 days.
      [mug] = (await makeVariants(database, store, 1, { title: 'Oat Mug' })) as [string];
      const warehouse = await makeLocation(database, store.id, 'Warehouse');
      await database.db.transaction((tx) =>
        recordMovements(
          tx,
          store.id,
          actor,
          [{ variantId: mug, locationId: warehouse.id, kind: 'receive', quantity: 12 + 56 }],
          { recordedAt: new Date(Date.now() - 40 * dayMs) },
        ),
      );
      for (let d = 28; d >= 1; d--) {
        await database.db.transaction((tx) =>
          recordMovements(
            tx,
            store.id,
            actor,
            [{ variantId: mug, locationId: warehouse.id, kind: 'sale', quantity: -2 }],
            { recordedAt: new Date(Date.now() - d * dayMs + 3_600_000) },
          ),
        );
      }
      const buyer = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['purchasing:read', 'purchasing:write', 'inventory:read']),
      );
      const supplier = await buyer({
        method: 'POST',
        url: '/api/admin/stores/morning-shop/inventory/suppliers',
        payload: { name: 'Nordic Ceramics', currency: 'EUR', leadTimeDays: 10 },
      });
      assert.equal(supplier.statusCode, 201, supplier.body);
      supplierId = supplier.json().supplier.id;
      const offer = await buyer({
        method: 'PUT',
        url: `/api/admin/stores/morning-shop/inventory/suppliers/${supplierId}/variants`,
        payload: { items: [{ variantId: mug, cost: { amount: 420 }, packSize: 6 }] },
      });
      assert.equal(offer.statusCode, 200, offer.body);
      // A sessions goal for the month around the outage, far above what the shop draws: behind.
      await createGoal(database.db, store.id, actor, {
        name: 'Summer traffic',
        metric: 'sessions',
        periodKind: 'custom',
        startDay: first.plus({ days: days - 10 }).toISODate()!,
        endDay: first.plus({ days: days + 19 }).toISODate()!,
        target: 20_000,
      });
      // A paid order nobody has shipped, and one waiting for a bank transfer.
      await placeTestOrder(database, store, { payment: 'card' });
      await placeTestOrder(database, store, { payment: 'manual' });
      // Two reviews of the mug in the moderation queue, one of them unhappy.
      const [{ product_id: mugProduct }] = resultRows<{ product_id: string }>(
        await database.db.execute(sql`select product_id from product_variants where id = ${mug}`),
      ) as [{ product_id: string }];
      for (const [rating, body] of [
        [5, 'Lovely glaze, keeps the tea warm for ages.'],
        [1, 'Arrived chipped and nobody answered my e-mail.'],
      ] as const) {
        await database.db.transaction((tx) =>
          recordReview(
            tx,
            store.id,
            { productId: mugProduct, verified: false, locale: 'en' },
            { rating, title: '', body, authorName: 'Sam' },
          ),
        );
      }
      // A customer's question nobody answered: four days later its first reply is long overdue.
      await openCustomerTicket(database.db, store.id, 'contact_form', {
        email: 'waiting@example.com',
        subject: 'Where is my mug?',
        message: 'I ordered a week ago and heard nothing.',
      });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const briefingOf = (permissions: ReadonlySet<string>): Promise<DailyBriefing> =>
      dailyBriefing(database.db, store, {
        permissions: permissions as Set<(typeof rolePermissions.owner)[number]>,
        day: outageDay,
        at,
      });

    test('yesterday against expected: sessions flagged low and explained by Paid Search', async () => {
      const briefing = await briefingOf(everything);
      assert.equal(briefing.day, outageDay);
      const sessions = briefing.yesterday?.find((m) => m.metric === 'sessions');
      assert.ok(sessions, JSON.stringify(briefing.yesterday));
      assert.equal(sessions.flagged, true);
      assert.equal(sessions.direction, 'down');
      assert.ok(sessions.expected !== null && sessions.actual! < sessions.expected);
      assert.equal(sessions.explanation?.dimension, 'channel');
      assert.match(sessions.explanation!.sentence, /Paid Search/);
    });

    test('every kind of action is there, ranked by urgency then money at stake, each linking to its screen', async () => {
      const { actions } = await briefingOf(everything);
      const kinds = actions.map((a) => a.kind);
      for (const kind of [
        'anomaly',
        'goal',
        'reorder',
        'campaign',
        'late_shipments',
        'payments',
        'listings',
        'reviews',
        'support_sla',
      ]) {
        assert.ok(kinds.includes(kind as never), `${kind} in ${kinds.join(', ')}`);
      }
      const order = ['now', 'today', 'this_week'];
      for (let i = 1; i < actions.length; i++) {
        const [a, b] = [actions[i - 1]!, actions[i]!];
        const byUrgency = order.indexOf(a.urgency) - order.indexOf(b.urgency);
        assert.ok(byUrgency <= 0, `${a.title} before ${b.title}`);
        if (byUrgency === 0) assert.ok((a.atStake?.amount ?? -1) >= (b.atStake?.amount ?? -1));
      }
      for (const action of actions) assert.match(action.link, /^\/admin\/stores\/morning-shop\//);

      const reorder = actions.find((a) => a.kind === 'reorder')!;
      // 2 a day over 10 days of lead time + 28 days of cover = 76, less 12 left = 64 → 11 packs of 6.
      const link = new URL(reorder.link, 'http://admin.test');
      assert.equal(link.pathname, '/admin/stores/morning-shop/purchasing/new');
      assert.equal(link.searchParams.get('supplierId'), supplierId);
      assert.equal(link.searchParams.get('lines'), `${mug}:66`);
      assert.match(
        reorder.title,
        /Reorder 1 variant from Nordic Ceramics: the draft purchase order is ready/,
      );
      assert.equal(reorder.urgency, 'now', 'it runs out in 6 days, before a delivery in 10 could come');
      // Out 4 of the 10 days before delivery, 2 a day at €10: €80 of sales.
      assert.deepEqual(reorder.atStake, { amount: 8000, currency: 'EUR' });

      const campaign = actions.find((a) => a.kind === 'campaign')!;
      assert.match(campaign.title, /“Summer brand push”: ROAS 0\.00/);
      assert.deepEqual(campaign.atStake, { amount: 28000, currency: 'EUR' });
      assert.match(campaign.link, /\/analytics\?view=campaigns&range=custom/);

      const anomaly = actions.find((a) => a.kind === 'anomaly')!;
      assert.match(anomaly.title, /^Find out why sessions fell \d+% on /);
      assert.match(
        anomaly.link,
        new RegExp(`/analytics\\?range=custom&from=\\d{4}-\\d{2}-\\d{2}&to=${outageDay}&dimension=channel$`),
      );

      const goal = actions.find((a) => a.kind === 'goal')!;
      // About 70 sessions a day for 30 days is some 2,100, nowhere near 20,000.
      assert.match(goal.title, /^Goal “Summer traffic” is behind: projected [\d,]+ of 20,000$/);
      assert.match(goal.detail, /^10 of 30 days gone, 20 to go \(0% chance of reaching it\)\.$/);
      assert.equal(goal.urgency, 'today');
      assert.equal(goal.link, '/admin/stores/morning-shop/goals');

      const late = actions.find((a) => a.kind === 'late_shipments')!;
      assert.equal(late.urgency, 'now');
      assert.match(late.title, /^Ship 1 paid order waiting more than 2 days/);
      const unpaid = actions.find((a) => a.kind === 'payments')!;
      assert.match(unpaid.title, /^Chase 1 order still awaiting payment/);
      const listings = actions.filter((a) => a.kind === 'listings').map((a) => a.link);
      assert.ok(listings.some((l) => l.endsWith('/seo?rule=no_images')));
      assert.ok(listings.some((l) => l.endsWith('/seo?rule=thin_description')));
      const reviews = actions.find((a) => a.kind === 'reviews')!;
      assert.equal(reviews.title, 'Moderate 2 reviews waiting to be published');
      assert.match(reviews.detail, /^1 of them rates 2 stars or fewer — answer publicly; the oldest/);
      assert.equal(reviews.urgency, 'today', 'an unhappy customer waits for an answer');
      assert.equal(reviews.link, '/admin/stores/morning-shop/reviews?status=pending');
      const sla = actions.find((a) => a.kind === 'support_sla')!;
      assert.equal(sla.title, 'Answer 1 ticket past its SLA');
      assert.equal(sla.urgency, 'now');
      assert.match(sla.detail, /^1 of them unassigned; the oldest, #1 “Where is my mug\?”, was due /);
      assert.equal(sla.link, '/admin/stores/morning-shop/support?sla=breached');
    });

    test('a support person reads only the parts of their role: orders, listings, reviews and support, no figures', async () => {
      const briefing = await briefingOf(new Set(rolePermissions.support));
      assert.equal(briefing.yesterday, null);
      assert.deepEqual(briefing.parts, ['orders', 'listings', 'reviews', 'support']);
      assert.ok(!briefing.actions.some((a) => a.kind === 'goal'));
      const kinds = new Set(briefing.actions.map((a) => a.kind));
      assert.deepEqual([...kinds].sort(), [
        'late_shipments',
        'listings',
        'payments',
        'reviews',
        'support_sla',
      ]);
    });

    test('over HTTP: the reader’s permissions decide; a malformed day is a 400', async () => {
      const storeReader = withApiKey(sp.app, await makeApiKey(database, store.id, ['store:read']));
      const res = await storeReader({ method: 'GET', url: '/api/admin/stores/morning-shop/briefing' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().parts, []);
      assert.deepEqual(res.json().actions, []);
      const bad = await storeReader({
        method: 'GET',
        url: '/api/admin/stores/morning-shop/briefing?day=yesterday',
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'validation_failed');
      const nobody = await sp.app.inject({ method: 'GET', url: '/api/admin/stores/morning-shop/briefing' });
      assert.equal(nobody.statusCode, 401);
    });

    test('the day’s anomalies are announced once, as insights.anomaly_detected events', async () => {
      const flagged = await announceAnomalies(database.db, store, outageDay);
      assert.ok(flagged !== null && flagged >= 1);
      assert.equal(await announceAnomalies(database.db, store, outageDay), null);
      const events = await database.db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.storeId, store.id), eq(outboxEvents.type, 'insights.anomaly_detected')));
      assert.equal(events.length, flagged);
      const sessions = events.find((e) => (e.payload as { metric: string }).metric === 'sessions');
      assert.ok(sessions);
      const payload = sessions.payload as {
        day: string;
        direction: string;
        dimension: string;
        contributors: { value: string }[];
      };
      assert.equal(payload.day, outageDay);
      assert.equal(payload.direction, 'down');
      assert.equal(payload.dimension, 'channel');
      assert.equal(payload.contributors[0]?.value, 'Paid Search');
      // A store in Berlin is judged from 06:00 its time, yesterday by its calendar.
      const berlin = { timezone: 'Europe/Berlin' };
      assert.equal(dayToAnnounce(berlin, new Date('2026-03-10T04:59:00Z')), null);
      assert.equal(dayToAnnounce(berlin, new Date('2026-03-10T05:00:00Z')), '2026-03-09');
    });

    test('the morning e-mail leaves once a day at the person’s hour, with every store’s briefing', async () => {
      const login = await makeMember(database, store.id, 'manager');
      const user = (await findUserByEmail(database.db, login.email))!;
      await setBriefingMail(
        database.db,
        { type: 'user', id: user.id, label: login.email },
        { enabled: true, sendHour: 7, timeZone: 'Europe/Berlin' },
      );
      const options = { mailFrom: 'briefing@storepilot.test', publicBaseUrl: 'https://admin.example.test/' };
      // 06:30 in Berlin (CET): too early; 07:30: sent; again at 09:00: already sent today.
      assert.equal(
        await sendMorningMailIfDue(database.db, user.id, {
          ...options,
          at: new Date('2026-11-25T05:30:00Z'),
        }),
        false,
      );
      assert.equal(
        await sendMorningMailIfDue(database.db, user.id, {
          ...options,
          at: new Date('2026-11-25T06:30:00Z'),
        }),
        true,
      );
      assert.equal(
        await sendMorningMailIfDue(database.db, user.id, {
          ...options,
          at: new Date('2026-11-25T08:00:00Z'),
        }),
        false,
      );
      const mails = await database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.topic, 'briefing.morning'));
      assert.equal(mails.length, 1);
      const mail = mails[0]!;
      assert.deepEqual(mail.toAddresses, [login.email]);
      assert.match(mail.subject, /^Your briefing for Wednesday 25 November/);
      assert.match(mail.html ?? '', /<h2>Morning &amp; Co<\/h2>/, 'the store name is escaped');
      assert.match(mail.html ?? '', /href="https:\/\/admin\.example\.test\/admin\/stores\/morning-shop\//);
      assert.match(mail.text, /What to do now/);
      // The next morning it goes again.
      assert.equal(
        await sendMorningMailIfDue(database.db, user.id, {
          ...options,
          at: new Date('2026-11-26T06:30:00Z'),
        }),
        true,
      );
    });

    test('the e-mail setting is the signed-in person’s own; bad hours and zones are 400s', async () => {
      const login = await makeMember(database, store.id, 'viewer');
      const person = await Browser.signIn(sp.app, login.email);
      const initial = await person.request({ method: 'GET', url: '/api/me/briefing-mail' });
      assert.equal(initial.statusCode, 200);
      assert.deepEqual(initial.json(), { enabled: false, sendHour: 7, timeZone: 'UTC', lastSentOn: null });
      const on = await person.request({
        method: 'PUT',
        url: '/api/me/briefing-mail',
        payload: { enabled: true, sendHour: 6, timeZone: 'America/New_York' },
      });
      assert.equal(on.statusCode, 200, on.body);
      assert.equal(on.json().sendHour, 6);
      const zone = await person.request({
        method: 'PUT',
        url: '/api/me/briefing-mail',
        payload: { enabled: true, sendHour: 6, timeZone: 'Mars/Olympus_Mons' },
      });
      assert.equal(zone.statusCode, 400);
      assert.equal(zone.json().error.code, 'invalid_time_zone');
      const hour = await person.request({
        method: 'PUT',
        url: '/api/me/briefing-mail',
        payload: { enabled: true, sendHour: 24, timeZone: 'UTC' },
      });
      assert.equal(hour.statusCode, 400);
      const noCsrf = await person.request({
        method: 'PUT',
        url: '/api/me/briefing-mail',
        csrf: false,
        payload: { enabled: false, sendHour: 6, timeZone: 'UTC' },
      });
      assert.equal(noCsrf.statusCode, 403);
      const key = withApiKey(sp.app, await makeApiKey(database, store.id, ['store:read']));
      const byKey = await key({ method: 'GET', url: '/api/me/briefing-mail' });
      assert.equal(byKey.statusCode, 403);
      assert.equal(byKey.json().error.code, 'user_required');
      const after = await person.request({ method: 'GET', url: '/api/me/briefing-mail' });
      assert.deepEqual(after.json(), {
        enabled: true,
        sendHour: 6,
        timeZone: 'America/New_York',
        lastSentOn: null,
      });
    });
  });
}
