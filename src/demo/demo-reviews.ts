import { stringify } from 'csv-stringify/sync';
import type { Actor, Store } from '../modules/access/index.ts';
import { importReviewsCsv, recordReview } from '../modules/reviews/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoSellable } from './demo-selling.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Published reviews, as customers of a ceramics shop write them; spread over the products. */
const publishedTexts: { rating: number; title: string; body: string; author: string; reply?: string }[] = [
  {
    rating: 5,
    title: 'Lovely glaze',
    body: 'The glaze is even nicer in daylight than in the photos. Holds a big coffee and keeps it warm.',
    author: 'Hannah K.',
  },
  {
    rating: 4,
    title: 'Solid and well made',
    body: 'Heavier than I expected, which I like. Took a star off because delivery took a week.',
    author: 'Tom B.',
    reply: 'Thank you, Tom! We have since moved to a faster carrier.',
  },
  {
    rating: 5,
    title: 'Bought a second set',
    body: 'Used every day for months, through the dishwasher, and not a single chip. Ordered another set for my sister.',
    author: 'Marta S.',
  },
  {
    rating: 3,
    title: 'Nice but smaller than expected',
    body: 'Beautiful finish, but it is smaller than it looked on the page. Check the measurements before ordering.',
    author: 'Julien P.',
    reply: 'Thanks, Julien. We have added the measurements to the description.',
  },
  {
    rating: 5,
    title: 'Perfect gift',
    body: 'Arrived well packed in recycled paper. My mother loved it and uses it every morning.',
    author: 'Aisha R.',
  },
  {
    rating: 4,
    title: 'Good everyday piece',
    body: 'Simple shape, sits well in the hand, and the colour goes with everything in our kitchen.',
    author: 'Lukas M.',
  },
  {
    rating: 2,
    title: 'Colour differs',
    body: 'The piece itself is fine but the colour is much greyer than on my screen. Not what I hoped for.',
    author: 'Priya N.',
    reply:
      'Sorry to hear that, Priya. Glazes vary from kiln to kiln; write to us and we will gladly take it back.',
  },
  {
    rating: 5,
    title: 'Beautiful craftsmanship',
    body: 'You can see it is made by hand: every piece slightly different. Exactly why I buy here.',
    author: 'Sofia L.',
  },
];

/** Reviews waiting for the manager: clean ones, and some the automatic flags held back. */
const pendingTexts: { rating: number; title: string; body: string; author: string }[] = [
  {
    rating: 5,
    title: 'Just right',
    body: 'Holds exactly the amount of tea I drink in one sitting, and it looks good on the desk.',
    author: 'Ines V.',
  },
  {
    rating: 4,
    title: 'Pretty',
    body: 'Pretty and sturdy. The handle could be a little larger for big hands, otherwise great.',
    author: 'Oskar D.',
  },
  {
    rating: 1,
    title: 'Better deals elsewhere',
    body: 'Same mugs for half the price at www.cheap-pottery-outlet.com, go there instead!',
    author: 'Deal Finder',
  },
  { rating: 5, title: 'Great', body: 'Great!', author: 'Mia' },
  {
    rating: 1,
    title: 'Arrived broken',
    body: 'Arrived in pieces and the box was a shitty mess. Still waiting for an answer.',
    author: 'Rob T.',
  },
];

/**
 * The selling demo store's reviews: published ones with the figures and the product pages' stars,
 * a few public replies, and a moderation queue (two clean reviews, three held back by a link, a very
 * short text and bad language), so a new user sees every part of reviews. A few statements: the
 * published reviews go in as one CSV import, the waiting ones as submissions (which set the flags).
 */
export async function seedDemoReviews(
  db: Db,
  actor: Actor,
  store: Store,
  sellable: readonly DemoSellable[],
): Promise<void> {
  const products = [...new Map(sellable.map((s) => [s.productId, s])).values()];
  if (products.length === 0) return;
  const now = Date.now();
  // Six products with four to six reviews each, a few days to a few months old.
  const rows = products.slice(0, 6).flatMap((product, p) =>
    Array.from({ length: 6 - (p % 3) }, (_, i) => {
      const text = publishedTexts[(i + p) % publishedTexts.length]!;
      const at = new Date(now - (5 + p * 9 + i * 13) * DAY).toISOString();
      return {
        product_id: product.productId,
        status: 'published',
        rating: text.rating,
        title: text.title,
        body: text.body,
        author_name: text.author,
        verified: 'true',
        locale: store.locale,
        reply: text.reply ?? '',
        created_at: at,
        published_at: at,
      };
    }),
  );
  await importReviewsCsv(db, store.id, actor, stringify(rows, { header: true }), {
    defaultLocale: store.locale,
  });
  for (const [i, text] of pendingTexts.entries()) {
    const product = products[i % products.length]!;
    await recordReview(
      db,
      store.id,
      {
        productId: product.productId,
        email: `${text.author.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
        verified: i % 2 === 0,
        locale: store.locale,
      },
      { rating: text.rating, title: text.title, body: text.body, authorName: text.author },
      [],
      actor,
    );
  }
}
