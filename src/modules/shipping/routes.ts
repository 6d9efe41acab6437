import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { shippingPickupRoutes } from './pickup-routes.ts';
import { previewShipping, shippingQuoteBody } from './quote-shipping.ts';
import { shippingRateRoutes } from './rate-routes.ts';
import { loadShippingConfig } from './shipping-config.ts';
import { shippingZoneRoutes } from './zone-routes.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/** Every admin route of the shipping module (docs/shipping.md, "API"), under /api/admin/stores/:store. */
export async function shippingRoutes(app: FastifyInstance, options: { db: Db }) {
  await app.register(shippingZoneRoutes, options);
  await app.register(shippingRateRoutes, options);
  await app.register(shippingPickupRoutes, options);
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['shipping'];

  r.get(
    '/shipping',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'The whole shipping setup as the calculation reads it: zones, rates, pick-up options',
        params: storeParams,
      },
    },
    async (request) => ({ setup: await loadShippingConfig(db, storeOf(request).store) }),
  );

  r.post(
    '/shipping/quote',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'Run the shipping calculation for a cart and an address (checks the setup; writes nothing)',
        description:
          'The same calculation checkout uses (`shippingOptions`), plus the cart estimate for the country. ' +
          'Give the cart as `lines` (weighed with the catalog) or `totalWeightGrams`.',
        params: storeParams,
        body: shippingQuoteBody,
      },
    },
    async (request) => {
      const { now, ...cart } = request.body;
      return previewShipping(db, storeOf(request).store, { ...cart, ...(now ? { now: new Date(now) } : {}) });
    },
  );
}
