import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import { storeOf } from '../access/index.ts';
import { maxTaxableAmount, maxTaxLines } from './compute-tax-input.ts';
import { quoteTax } from './quote-tax.ts';
import { taxAddressInput } from './tax-address.ts';
import { taxClassHandle } from './tax-classes.ts';
import { getTaxSettings, updateTaxSettings, updateTaxSettingsInput } from './tax-settings.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const amount = z.number().int().min(0).max(maxTaxableAmount);

const previewInput = z
  .object({
    /** The cart's currency; the store's base currency when left out. */
    currency: z
      .string()
      .transform((c) => c.toUpperCase())
      .refine(isCurrencyCode, 'Not an ISO 4217 currency code.')
      .optional(),
    lines: z
      .array(
        z
          .object({
            /** Numbered line-1, line-2 … when left out. */
            lineId: z.string().trim().min(1).max(100).optional(),
            productId: z.string().trim().min(1).max(64).nullish(),
            taxClass: taxClassHandle.nullish(),
            amount,
            quantity: z.number().int().min(1).max(1_000_000).default(1),
          })
          .strict(),
      )
      .max(maxTaxLines),
    shipping: z.object({ amount }).strict().nullish(),
    shippingAddress: taxAddressInput.nullish(),
    billingAddress: taxAddressInput.nullish(),
  })
  .strict();

/**
 * Tax settings under /api/admin/stores/:store/tax/settings, and the preview that runs the checkout's
 * tax calculation (`quoteTax`) for a posted cart and address, writing nothing.
 */
export async function taxSettingsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tax'];

  r.get(
    '/tax/settings',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: "The store's tax settings (the defaults until changed)", params: storeParams },
    },
    async (request) => ({ settings: await getTaxSettings(db, storeOf(request).store.id) }),
  );

  r.patch(
    '/tax/settings',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Change tax settings (fields left out stay)',
        description:
          '422 `shipping_tax_class_required`, `shipping_tax_class_unused`, `unknown_tax_class`, `store_address_required`.',
        params: storeParams,
        body: updateTaxSettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const settings = await db.transaction((tx) => updateTaxSettings(tx, store.id, actor, request.body));
      return { settings };
    },
  );

  r.post(
    '/tax/preview',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary:
          'What a cart would be taxed at an address, with the store’s settings and rates; writes nothing',
        description:
          'Lines name a product (its tax class is looked up) or a class. 422 `tax_address_required`, ' +
          '`unknown_products`, `unknown_tax_class`; 400 `invalid_tax_input` for duplicate line ids.',
        params: storeParams,
        body: previewInput,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { currency, lines, shipping, shippingAddress, billingAddress } = request.body;
      const quote = await quoteTax(db, store.id, {
        currency: currency ?? store.baseCurrency,
        lines: lines.map((line, i) => ({ ...line, lineId: line.lineId ?? `line-${i + 1}` })),
        shipping: shipping ?? null,
        shippingAddress: shippingAddress ?? null,
        billingAddress: billingAddress ?? null,
      });
      return { quote };
    },
  );
}
