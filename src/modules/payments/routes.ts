import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import {
  getPaymentSettings,
  rotatePaymentWebhookSecret,
  updatePaymentSettings,
  updatePaymentSettingsInput,
} from './payment-settings.ts';
import { getPayment, paymentTransactionsOf } from './payments.ts';
import { paymentWebhookPath } from './webhook-routes.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const paymentParams = storeParams.extend({ paymentId: z.string().min(1).max(64) });

/**
 * The payments module's admin routes under /api/admin/stores/:store (docs/payments.md, "API"): the
 * store's payment settings and one payment with its ledger. An order's payments are listed by the
 * orders module, which also captures, refunds and marks manual payments received.
 */
export async function paymentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];

  r.get(
    '/payments/settings',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'Payment settings: capture mode and the ways to pay (the defaults until changed)',
        params: storeParams,
      },
    },
    async (request) => ({ settings: await getPaymentSettings(db, storeOf(request).store.id) }),
  );

  r.put(
    '/payments/settings',
    {
      config: { permission: 'store:write' },
      schema: {
        tags,
        summary: 'Change payment settings (fields left out stay)',
        description: '422 `payment_provider_required` when no way to pay would be left.',
        params: storeParams,
        body: updatePaymentSettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const settings = await db.transaction((tx) => updatePaymentSettings(tx, store.id, actor, request.body));
      return { settings };
    },
  );

  r.post(
    '/payments/settings/webhook-secret',
    {
      config: { permission: 'store:write' },
      schema: {
        tags,
        summary: "Make a new signing secret for the providers' webhook events (shown this once)",
        description: `Events are posted to \`${paymentWebhookPath}\` and signed per Standard Webhooks. The previous secret stops verifying at once.`,
        params: storeParams,
        body: z.object({}).strict().nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const secret = await db.transaction((tx) => rotatePaymentWebhookSecret(tx, store.id, actor));
      return { secret, webhookPath: paymentWebhookPath };
    },
  );

  r.get(
    '/payments/:paymentId',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'A payment and its ledger of provider calls and events',
        params: paymentParams,
      },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const payment = await getPayment(db, storeId, request.params.paymentId);
      return { payment, transactions: await paymentTransactionsOf(db, storeId, payment.id) };
    },
  );
}
