import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { requestBaseUrl } from '../../../platform/http/public-base-url.ts';
import { storeOf } from '../../access/index.ts';
import { storefrontBaseUrl } from '../../transactional-mail/index.ts';
import { completeDraftOrder } from './draft-completion.ts';
import { completeDraftInput, draftInvoiceInput, draftListQuery, draftOrderInput } from './draft-input.ts';
import { sendDraftInvoice } from './draft-invoice.ts';
import { createDraftOrder, deleteDraftOrder, updateDraftOrder } from './draft-orders.ts';
import { getDraftOrder, listDraftOrders } from './draft-read.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const draftParams = storeParams.extend({ draftId: z.string().min(1).max(64) });

/**
 * Draft orders under /api/admin/stores/:store/draft-orders (docs/draft-orders.md): staff build an
 * order for a customer (a phone order), send them a link to pay it, or take the payment
 * themselves. Reading needs `orders:read`, every change `orders:write`; each change is one
 * transaction, audited.
 */
export async function draftOrderRoutes(
  app: FastifyInstance,
  { db, publicUrl }: { db: Db; publicUrl?: string },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['draft orders'];

  r.get(
    '/draft-orders',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary:
          'Draft orders, newest first: by status (open, invoice_sent, completed) or a search over name and e-mail',
        params: storeParams,
        querystring: draftListQuery,
      },
    },
    async (request) => listDraftOrders(db, storeOf(request).store, request.query),
  );

  r.post(
    '/draft-orders',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary:
          'Start a draft order: lines, customer, addresses, shipping option, discount codes, note (all optional)',
        params: storeParams,
        body: draftOrderInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const draft = await db.transaction((tx) => createDraftOrder(tx, store.id, actor, request.body));
      return reply.status(201).send({ draft });
    },
  );

  r.get(
    '/draft-orders/:draftId',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'A draft order with what it costs now (the checkout’s pricing) and what it still needs',
        params: draftParams,
      },
    },
    async (request) => ({ draft: await getDraftOrder(db, storeOf(request).store, request.params.draftId) }),
  );

  r.patch(
    '/draft-orders/:draftId',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Change a draft order: fields left out stay, null clears; lines and codes are replaced',
        params: draftParams,
        body: draftOrderInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const draft = await db.transaction((tx) =>
        updateDraftOrder(tx, store.id, actor, request.params.draftId, request.body),
      );
      return { draft };
    },
  );

  r.delete(
    '/draft-orders/:draftId',
    {
      config: { permission: 'orders:write' },
      schema: { tags, summary: 'Delete a draft order that is not an order yet', params: draftParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteDraftOrder(tx, store.id, actor, request.params.draftId));
      return reply.status(204).send();
    },
  );

  r.post(
    '/draft-orders/:draftId/invoice',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary:
          'E-mail the customer the draft and a link to pay it (a new link each time); answers the link',
        params: draftParams,
        // An empty POST reaches the schema as null.
        body: draftInvoiceInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const sent = await db.transaction((tx) =>
        sendDraftInvoice(tx, store.id, actor, request.params.draftId, request.body ?? {}),
      );
      const paymentUrl = `${storefrontBaseUrl(store, requestBaseUrl(request, publicUrl))}${sent.paymentPath}`;
      return { draft: sent.draft, paymentUrl };
    },
  );

  r.post(
    '/draft-orders/:draftId/complete',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Place the draft as an order paid by staff (manual payment): received, or pending',
        params: draftParams,
        body: completeDraftInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const completed = await db.transaction((tx) =>
        completeDraftOrder(tx, store.id, actor, request.params.draftId, request.body),
      );
      const { order } = completed;
      return reply.status(201).send({
        draft: completed.draft,
        order: {
          id: order.id,
          number: order.number,
          status: order.status,
          financialStatus: order.financialStatus,
          currency: order.currency,
          total: order.total,
        },
      });
    },
  );
}
