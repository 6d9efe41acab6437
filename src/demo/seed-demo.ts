import {
  addMember,
  countStores,
  createStore,
  createUser,
  findUserByEmail,
  systemActor,
} from '../modules/access/index.ts';
import { verifyPassword } from '../modules/access/passwords.ts';
import { createProduct, putProductTranslation } from '../modules/catalog/index.ts';
import { addDefaultMacros } from '../modules/support/index.ts';
import type { Db } from '../platform/db/database.ts';
import { yieldToEventLoop } from '../platform/runtime/yield-to-event-loop.ts';
import { demoStores } from './demo-catalog.ts';
import { seedDemoContentReview } from './demo-content-review.ts';
import { seedDemoExperiments } from './demo-experiments.ts';
import { type DemoHistoryOptions, defaultDemoHistory, type HistoryIncidents } from './demo-history-plan.ts';
import { seedDemoInventory } from './demo-inventory.ts';
import { seedDemoNewsletter } from './demo-newsletter.ts';
import { seedDemoPlans } from './demo-plans.ts';
import { seedDemoPurchasing } from './demo-purchasing.ts';
import { seedDemoReviews } from './demo-reviews.ts';
import { type DemoSellable, demoOrderCount, seedDemoSelling } from './demo-selling.ts';
import { seedDemoSupport } from './demo-support.ts';
import { seedDemoTraffic } from './demo-traffic.ts';
import { demoTranslations } from './demo-translations.ts';
import { productArtPath } from './product-art.ts';
import { demoHistorySteps, seedDemoHistory } from './seed-demo-history.ts';

/** Demo mode only: well-known credentials so a newcomer can sign in straight away on localhost. */
export const DEMO_OWNER = {
  email: 'owner@demo.storepilot.dev',
  password: 'storepilot-demo',
  name: 'Demo Owner',
};
export const DEMO_EDITOR = {
  email: 'editor@demo.storepilot.dev',
  password: 'storepilot-demo',
  name: 'Mia Content',
};

export type SeedProgress = (done: number, total: number, label: string) => void;

/** Thrown inside the seed's transaction when a stop is asked for: the half-built demo is rolled back. */
export class DemoSeedStopped extends Error {
  constructor() {
    super('The demo seed was stopped before it finished; nothing of it was kept.');
  }
}

/**
 * The demo store that sells: terms of sale, eighteen months of history (seed-demo-history.ts) and
 * six weeks of orders placed through checkout (demo-selling.ts).
 */
const sellingStoreHandle = 'alder-ash';

/**
 * Creates the demo stores, their catalogs and a demo team, when the installation has no store yet.
 * It is one transaction: a stop asked for meanwhile (`shouldStop`) throws `DemoSeedStopped` and
 * leaves the installation empty, so the next start builds the whole demo again instead of keeping
 * half of it. The module calls inside nest as savepoints.
 */
export interface DemoSeedOptions {
  mailFrom?: string;
  shouldStop?: () => boolean;
  history?: DemoHistoryOptions;
  /** Told the dated incidents planted in the selling store's history (the anomaly benchmark's labels). */
  onIncidents?: (incidents: HistoryIncidents & { storeHandle: string }) => void;
}

export async function seedDemo(
  db: Db,
  progress?: SeedProgress,
  options: DemoSeedOptions = {},
): Promise<boolean> {
  return db.transaction((tx) => seedDemoIn(tx, progress, options));
}

async function seedDemoIn(
  db: Db,
  progress: SeedProgress | undefined,
  options: DemoSeedOptions,
): Promise<boolean> {
  const stopIfAsked = async () => {
    // A turn of the event loop first, so a stop signal sent meanwhile has been heard.
    await yieldToEventLoop();
    if (options.shouldStop?.()) throw new DemoSeedStopped();
  };
  if ((await countStores(db)) > 0) return false;
  const actor = systemActor('demo seed');
  const owner = await createUser(db, actor, DEMO_OWNER);
  const editor = await createUser(db, actor, DEMO_EDITOR);
  const sells = demoStores.some((s) => s.handle === sellingStoreHandle);
  const history = options.history ?? defaultDemoHistory;
  const total =
    demoStores.reduce((n, s) => n + s.products.length, 0) +
    (sells ? demoOrderCount + demoHistorySteps(history) + history.days + 1 : 0);
  let done = 0;
  for (const demo of demoStores) {
    const store = await createStore(
      db,
      actor,
      {
        handle: demo.handle,
        name: demo.name,
        baseCurrency: demo.baseCurrency,
        locale: demo.locale,
        locales: demo.locales,
        timezone: demo.timezone,
      },
      owner.id,
    );
    await addMember(db, actor, store.id, { email: editor.email, role: 'content' });
    const productIds = new Map<string, string>();
    const variantIds: string[] = [];
    const sold: { vendor: string; priceAmount: number }[] = [];
    const sellable: DemoSellable[] = [];
    for (const p of demo.products) {
      await stopIfAsked();
      const created = await createProduct(db, { actor, canPublish: true }, store, {
        title: p.title,
        handle: p.handle,
        description: p.description,
        status: p.status,
        // What it costs the shop: the suppliers' price (demo-purchasing.ts buys at 40 % of retail).
        variants: [
          {
            sku: p.sku,
            optionValues: [],
            price: { amount: p.priceAmount },
            cost: { amount: Math.round(p.priceAmount * 0.4) },
          },
        ],
        vendor: p.vendor,
        productType: p.productType,
        seoTitle: p.seoTitle,
        seoDescription: p.seoDescription,
        imageUrl: productArtPath(demo.handle, p.handle),
      });
      productIds.set(p.handle, created.product.id);
      variantIds.push(...created.variants.map((v) => v.id));
      sold.push(...created.variants.map(() => ({ vendor: p.vendor, priceAmount: p.priceAmount })));
      if (p.status === 'active') {
        sellable.push(
          ...created.variants.map((v) => ({
            variantId: v.id,
            productId: created.product.id,
            handle: p.handle,
          })),
        );
      }
      progress?.(++done, total, demo.name);
    }
    const selling = demo.handle === sellingStoreHandle;
    const stock = await seedDemoInventory(db, actor, store.id, variantIds, !selling);
    await seedDemoPurchasing(
      db,
      actor,
      store,
      variantIds.map((variantId, i) => ({ variantId, ...sold[i]!, ...stock.variants[i]! })),
      stock.locations,
      options.mailFrom ?? 'storepilot@localhost',
    );
    if (selling) {
      // Not what the demo shows sold out: its empty shelf is the point. It was the best-seller
      // until it ran out (the history's stock-out).
      const soldOut = new Set(variantIds.filter((_, i) => stock.variants[i]!.warehouseUnits === 0));
      const stockOut = sellable.find((v) => soldOut.has(v.variantId));
      const targets = new Map(variantIds.map((id, i) => [id, stock.variants[i]!.warehouseUnits]));
      let incidents: HistoryIncidents | undefined;
      const placed = await seedDemoSelling(
        db,
        actor,
        store,
        sellable.filter((v) => !soldOut.has(v.variantId)),
        stock.locations.warehouse,
        () => progress?.(++done, total, `${demo.name}: orders`),
        options.shouldStop,
        async () => {
          const built = await seedDemoHistory(
            db,
            actor,
            store,
            sellable,
            stockOut?.handle ?? '',
            stock.locations.warehouse,
            targets,
            history,
            async (label) => {
              progress?.(++done, total, `${demo.name}: ${label}`);
              await stopIfAsked();
            },
          );
          incidents = built.plan.incidents;
          options.onIncidents?.({ ...incidents, storeHandle: demo.handle });
        },
      );
      // Orders stop early when asked; what they placed goes with the rest.
      await stopIfAsked();
      // The visits the recent orders came from, and the daily reports over all of it.
      await seedDemoTraffic(
        db,
        store,
        sellable,
        placed,
        () => progress?.(++done, total, `${demo.name}: reports`),
        incidents?.campaignStop,
      );
      // This month's campaigns with budgets and a sales goal, drawn from the history.
      await seedDemoPlans(db, actor, store);
      // Reviews on the product pages and a moderation queue with flagged ones.
      await seedDemoReviews(db, actor, store, sellable);
      // Last week's newsletter, sent to the customers who ticked checkout's box, with its figures.
      await seedDemoNewsletter(db, actor, store);
      // A week of customer questions in the support inbox, some answered, some past their SLA.
      await seedDemoSupport(db, actor, store, placed);
      // A banner test finished with a clear winner, ready to ship, and a test still running.
      await seedDemoExperiments(db, actor, store);
    }
    // The support inbox's starting macros ("Where is my order" with the tracking link, …).
    await addDefaultMacros(db, store.id, actor);
    for (const { locale, products } of demoTranslations.filter((t) => t.storeHandle === demo.handle)) {
      for (const [handle, text] of Object.entries(products)) {
        const id = productIds.get(handle);
        if (!id) throw new Error(`Demo translation for ${handle}, which ${demo.handle} does not sell.`);
        await putProductTranslation(db, { actor, canPublish: true }, store, id, locale, text);
      }
    }
    // After the translations, which a publisher puts live: the editor's change waits for review.
    if (selling) await seedDemoContentReview(db, store, editor);
  }
  return true;
}

/** The demo login, if the demo owner still exists with the demo password (so it is worth printing). */
export async function demoLoginStillValid(db: Db): Promise<boolean> {
  const user = await findUserByEmail(db, DEMO_OWNER.email);
  return Boolean(user && (await verifyPassword(user.passwordHash, DEMO_OWNER.password)));
}
