import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { generateCodesInput, listCodes, listCodesQuery } from './discount-codes.ts';
import { discountDefinition, updateDiscountInput } from './discount-input.ts';
import { discountListQuery, listDiscounts } from './discount-list.ts';
import { getDiscount, getDiscountRow } from './discount-records.ts';
import { createDiscount, deleteDiscount, generateDiscountCodes, updateDiscount } from './discounts.ts';
import { evaluateCart, evaluateCartInput } from './evaluate.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const discountParams = storeParams.extend({ discountId: z.string().min(1).max(64) });

/**
 * Discounts under /api/admin/stores/:store/discounts (docs/promotions.md): codes and automatic
 * discounts, their codes, and a cart evaluation to try them before a checkout exists. Every change
 * is audited and told to the outbox (`discount.created` / `updated` / `deleted`).
 */
export async function promotionRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['promotions'];

  r.get(
    '/discounts',
    {
      config: { permission: 'promotions:read' },
      schema: {
        tags,
        summary: 'Discounts, newest first (filter by status, kind, type; search title and codes)',
        params: storeParams,
        querystring: discountListQuery,
      },
    },
    async (request) => listDiscounts(db, storeOf(request).store.id, request.query),
  );

  r.post(
    '/discounts',
    {
      config: { permission: 'promotions:write' },
      schema: { tags, summary: 'Create a discount', params: storeParams, body: discountDefinition },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const discount = await db.transaction((tx) => createDiscount(tx, store.id, actor, request.body));
      return reply.status(201).send({ discount });
    },
  );

  r.post(
    '/discounts/evaluate',
    {
      config: { permission: 'promotions:read' },
      schema: {
        tags,
        summary: "Run the store's discounts on a cart (writes nothing)",
        params: storeParams,
        body: evaluateCartInput,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return { result: await evaluateCart(db, store.id, store.baseCurrency, request.body) };
    },
  );

  r.get(
    '/discounts/:discountId',
    {
      config: { permission: 'promotions:read' },
      schema: { tags, summary: 'A discount', params: discountParams },
    },
    async (request) => ({
      discount: await getDiscount(db, storeOf(request).store.id, request.params.discountId),
    }),
  );

  r.patch(
    '/discounts/:discountId',
    {
      config: { permission: 'promotions:write' },
      schema: {
        tags,
        summary: 'Change a discount (codes, when sent, replace all its codes)',
        params: discountParams,
        body: updateDiscountInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const discount = await db.transaction((tx) =>
        updateDiscount(tx, store.id, actor, request.params.discountId, request.body),
      );
      return { discount };
    },
  );

  r.delete(
    '/discounts/:discountId',
    {
      config: { permission: 'promotions:write' },
      schema: { tags, summary: 'Delete a discount (its usage history stays)', params: discountParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteDiscount(tx, store.id, actor, request.params.discountId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/discounts/:discountId/codes',
    {
      config: { permission: 'promotions:read' },
      schema: {
        tags,
        summary: "A discount's codes with their uses",
        params: discountParams,
        querystring: listCodesQuery,
      },
    },
    async (request) => {
      const { row } = await getDiscountRow(db, storeOf(request).store.id, request.params.discountId);
      return listCodes(db, row.id, request.query);
    },
  );

  r.post(
    '/discounts/:discountId/codes/generate',
    {
      config: { permission: 'promotions:write' },
      schema: {
        tags,
        summary: 'Add random codes to a code discount (1 to 1000, with a prefix)',
        params: discountParams,
        body: generateCodesInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const generated = await db.transaction((tx) =>
        generateDiscountCodes(tx, store.id, actor, request.params.discountId, request.body),
      );
      return reply.status(201).send(generated);
    },
  );
}
