import type { Actor, Store } from '../modules/access/index.ts';
import { listCustomers, recordMarketingConsent } from '../modules/customers/index.ts';
import {
  createNewsletter,
  recordClick,
  recordOpen,
  runNewsletterSending,
  scheduleNewsletter,
  unsubscribeByToken,
  updateNewsletterSettings,
} from '../modules/newsletters/index.ts';
import { runAt } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { getMail, listMail } from '../platform/mail/index.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Last week's newsletter of the selling demo store, with figures to read: a third of its recent
 * customers ticked checkout's marketing box, tracking is on, and of the recipients about four in
 * ten opened it, one in twelve clicked, and a few unsubscribed (through the message's own link).
 * Its messages wait in the outbox until the server's mail job delivers them (to the development
 * outbox unless SMTP is configured).
 */
export async function seedDemoNewsletter(db: Db, actor: Actor, store: Store): Promise<void> {
  const consentAt = new Date(Date.now() - 9 * DAY);
  const sentAt = new Date(Date.now() - 6 * DAY);
  const { items } = await listCustomers(db, store.id, { limit: 200 });
  await runAt(consentAt, async () => {
    for (const [i, customer] of items.entries()) {
      if (i % 3 !== 0) continue;
      await recordMarketingConsent(db, store.id, customer.id, { source: 'checkout_checkbox' });
    }
  });
  await updateNewsletterSettings(db, store.id, actor, { trackingEnabled: true });
  const newsletter = await runAt(sentAt, async () => {
    const draft = await createNewsletter(db, store.id, actor, {
      subject: 'New glazes for autumn',
      preheader: 'Rust, moss and oat: three colours fired in small batches',
      bodyHtml: [
        '<h1>New glazes for autumn</h1>',
        '<p>Three new colours came out of the kiln this month: rust, moss and oat. Each piece is glazed by hand, so no two are quite alike.</p>',
        `<p><a class="button" href="https://${store.domains[0] ?? 'example.com'}/collections/autumn">See the autumn colours</a></p>`,
        '<p>Thank you for shopping with a small studio.</p>',
      ].join('\n'),
      audience: { kind: 'all' },
    });
    await scheduleNewsletter(db, store.id, actor, draft.id, {});
    return draft;
  });
  // The sending's runs, a minute apart on the business clock (the store's default rate).
  for (let run = 0; run < 100; run++) {
    const result = await runAt(new Date(sentAt.getTime() + run * 60_000), () =>
      runNewsletterSending(db, store.id, newsletter.id),
    );
    if (result.state !== 'more') break;
  }
  const messages = await listMail(db, store.id, {
    entityType: 'newsletter',
    entityId: newsletter.id,
    limit: 500,
  });
  for (const [i, summary] of messages.entries()) {
    const unsubscribe = (await getMail(db, store.id, summary.id)).headers?.['List-Unsubscribe'] ?? '';
    const token = /[?&]token=([\w-]+)/.exec(unsubscribe)?.[1];
    if (!token) continue;
    const seen = new Date(sentAt.getTime() + (1 + (i % 48)) * 60 * 60 * 1000);
    await runAt(seen, async () => {
      if (i % 5 < 2) {
        for (let open = 0; open <= i % 3; open++) await recordOpen(db, store.id, token);
      }
      if (i % 12 === 0) await recordClick(db, store.id, token, 0);
      if (i % 25 === 7) await unsubscribeByToken(db, store.id, token);
    });
  }
}
