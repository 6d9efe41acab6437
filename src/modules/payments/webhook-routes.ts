import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { receivePaymentWebhook } from './payment-webhook.ts';

/** Where providers post their events (`:provider` is `test_card`, …). */
export const paymentWebhookPath = '/api/payments/:provider/webhook';

const maxWebhookBytes = 64 * 1024;

function headerRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value) && value[0] !== undefined) out[name] = value[0];
  }
  return out;
}

/**
 * The providers' webhook (docs/payments.md, "Webhook"): public, authenticated by its Standard
 * Webhooks signature with the store's payment webhook secret. The body is kept as sent, because
 * the signature covers those exact bytes.
 */
export async function paymentWebhookRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: maxWebhookBytes },
    (_request, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    paymentWebhookPath,
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Events from a payment provider (captures, refunds, failures made at the provider)',
        description:
          'Signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). ' +
          '401 `invalid_webhook_signature`, 400 `invalid_webhook_payload`, 404 for an unknown provider ' +
          'or payment. A replayed event id answers `duplicate: true` and changes nothing.',
        params: z.object({ provider: z.string().min(1).max(40) }),
      },
    },
    async (request) => {
      const rawBody = typeof request.body === 'string' ? request.body : '';
      return receivePaymentWebhook(db, request.params.provider, headerRecord(request.headers), rawBody);
    },
  );
}
