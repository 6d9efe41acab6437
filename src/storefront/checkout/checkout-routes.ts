import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkoutHandlers } from './checkout-handlers.ts';
import {
  CHECKOUT_BODY_LIMIT,
  type CheckoutParams,
  type CheckoutRouteContext,
  type CheckoutVisit,
  startCheckoutVisit,
} from './checkout-visit.ts';
import { placeHandlers } from './place-handlers.ts';

type Handler = (
  visit: CheckoutVisit,
  request: FastifyRequest<{ Params: CheckoutParams }>,
) => Promise<unknown>;

/**
 * The checkout (docs/checkout.md): `/checkout` and its form posts, order placement and the card's
 * extra step, on a store's own domain and under `/s/:store/`, in every locale the store serves.
 * Server-rendered forms that work without script, never page-cached; the same posts take JSON for
 * headless clients (`POST …/checkout/place` with an `Idempotency-Key` header).
 */
export async function checkoutRoutes(app: FastifyInstance, context: CheckoutRouteContext): Promise<void> {
  // Plain HTML forms post url-encoded bodies; this plugin reads them (JSON uses the server's parser).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: CHECKOUT_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const steps = checkoutHandlers(context);
  const placing = placeHandlers(context);
  const options = { schema: { hide: true }, bodyLimit: CHECKOUT_BODY_LIMIT };

  const route =
    (handle: Handler, visitOptions = { cart: true }) =>
    async (
      request: FastifyRequest<{ Params: CheckoutParams }>,
      reply: FastifyReply,
    ): Promise<FastifyReply> => {
      const visit = await startCheckoutVisit(context, request, reply, visitOptions);
      if (visit) await handle(visit, request);
      return reply;
    };
  const paymentId = (request: FastifyRequest<{ Params: CheckoutParams }>) => request.params.paymentId ?? '';

  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    const at = `${prefix}/checkout`;
    app.get(
      at,
      options,
      route((v) => steps.page(v)),
    );
    app.post(
      `${at}/contact`,
      options,
      route((v, r) => steps.contact(v, r.body)),
    );
    app.post(
      `${at}/address`,
      options,
      route((v, r) => steps.address(v, r.body)),
    );
    app.post(
      `${at}/shipping`,
      options,
      route((v, r) => steps.shipping(v, r.body)),
    );
    app.post(
      `${at}/discount`,
      options,
      route((v, r) => steps.discount(v, r.body)),
    );
    app.post(
      `${at}/discount/remove`,
      options,
      route((v, r) => steps.removeDiscount(v, r.body)),
    );
    app.post(
      `${at}/place`,
      options,
      route((v, r) => placing.place(v, r.body)),
    );
    app.get(
      `${at}/payment/:paymentId/verify`,
      options,
      route((v, r) => placing.verifyPage(v, paymentId(r)), { cart: false }),
    );
    app.post(
      `${at}/payment/:paymentId/verify`,
      options,
      route((v, r) => placing.verify(v, paymentId(r), r.body), { cart: false }),
    );
  }
}
