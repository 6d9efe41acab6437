import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { findStockVariants, findVariantBasePrices, listStockVariants } from '../catalog/index.ts';
import { marketView, marketViews } from './market-view.ts';
import {
  createMarket,
  createMarketInput,
  deleteMarket,
  getMarket,
  listMarkets,
  updateMarket,
  updateMarketInput,
} from './markets.ts';
import { updatePriceList } from './price-list.ts';
import { priceListInput } from './price-list-input.ts';
import { priceVariants } from './price-variants.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const marketParams = storeParams.extend({ marketId: z.string().min(1).max(64) });

/** Variants a preview prices at most (a page of the admin's table). */
const maxPreviewVariants = 250;

const previewQuery = z
  .object({
    /** Comma-separated variant ids; the catalog's first `limit` variants when left out. */
    variantIds: z
      .string()
      .max(maxPreviewVariants * 70)
      .transform((s) => [
        ...new Set(
          s
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ])
      .refine((ids) => ids.length <= maxPreviewVariants, `At most ${maxPreviewVariants} variants.`)
      .optional(),
    limit: z.coerce.number().int().min(1).max(maxPreviewVariants).default(50),
    /** The day to price on (its exchange rate); today when left out. */
    on: z.iso.date().optional(),
  })
  .strict();

/**
 * Markets under /api/admin/stores/:store/markets: where the store sells, in which currency, with
 * which price list; and the preview of what a market's shoppers would pay. Changes are audited.
 */
export async function marketCrudRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['markets'];

  r.get(
    '/markets',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'Markets, the primary first (a store gets its primary market the first time)',
        params: storeParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return { items: await marketViews(db, store, await listMarkets(db, store)) };
    },
  );

  r.post(
    '/markets',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Add a market (409 country_in_other_market when a country is in another active market)',
        params: storeParams,
        body: createMarketInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const market = await db.transaction((tx) => createMarket(tx, store, actor, request.body));
      return reply.status(201).send({ market: await marketView(db, store, market) });
    },
  );

  r.get(
    '/markets/:marketId',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'A market with its price list and current exchange rate',
        params: marketParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return { market: await marketView(db, store, await getMarket(db, store.id, request.params.marketId)) };
    },
  );

  r.patch(
    '/markets/:marketId',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Change a market (the primary stays active and in the base currency)',
        params: marketParams,
        body: updateMarketInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const market = await db.transaction((tx) =>
        updateMarket(tx, store, actor, request.params.marketId, request.body),
      );
      return { market: await marketView(db, store, market) };
    },
  );

  r.delete(
    '/markets/:marketId',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Delete a market and its explicit prices (never the primary: 409 primary_market_required)',
        params: marketParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteMarket(tx, store, actor, request.params.marketId));
      return reply.status(204).send();
    },
  );

  r.patch(
    '/markets/:marketId/price-list',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: "Change a market's price list: mode (converted / explicit), rounding, compare-at conversion",
        params: marketParams,
        body: priceListInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const market = await db.transaction((tx) =>
        updatePriceList(tx, store, actor, request.params.marketId, request.body),
      );
      return { market: await marketView(db, store, market) };
    },
  );

  r.get(
    '/markets/:marketId/prices',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: "What the market's shoppers would pay: the calculated prices of variants",
        description:
          'The same calculation as the storefront and checkout (`priceVariants`). Inactive markets are priced too. ' +
          'Each item also names its variant (`productId`, `productTitle`, `variantTitle`, `sku`) and its `base` price. ' +
          '422 `exchange_rate_missing` when a price must be converted and no rate applies on the day.',
        params: marketParams,
        querystring: previewQuery,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { variantIds, limit, on } = request.query;
      const listed = variantIds ? null : await listStockVariants(db, store.id, { limit });
      const ids = variantIds ?? listed!.map((v) => v.variantId);
      const [priced, variants, basePrices] = await Promise.all([
        priceVariants(db, store, {
          marketId: request.params.marketId,
          variantIds: ids,
          includeInactive: true,
          ...(on ? { at: on } : {}),
        }),
        findStockVariants(db, store.id, ids),
        findVariantBasePrices(db, store.id, ids),
      ]);
      return {
        marketId: priced.market.id,
        currency: priced.currency,
        exchangeRate: priced.exchangeRate,
        // Each price with what it is of (the variant's names) and what it was made from (the base
        // price), so a preview or a test cart can show it without asking the catalog again.
        items: ids.flatMap((id) => {
          const price = priced.prices.get(id);
          const variant = variants.get(id);
          const base = basePrices.get(id);
          if (!price || !variant || !base) return [];
          return [
            {
              ...price,
              productId: variant.productId,
              productTitle: variant.productTitle,
              variantTitle: variant.title,
              sku: variant.sku,
              base: {
                amount: base.amount,
                compareAtAmount: base.compareAtAmount,
                currency: store.baseCurrency,
              },
            },
          ];
        }),
        unknownVariantIds: ids.filter((id) => !priced.prices.has(id)),
      };
    },
  );
}
