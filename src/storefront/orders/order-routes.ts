import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CHECKOUT_BODY_LIMIT,
  type CheckoutParams,
  type CheckoutRouteContext,
  type CheckoutVisit,
  startCheckoutVisit,
} from '../checkout/checkout-visit.ts';
import { orderHandlers } from './order-handlers.ts';

type Handler = (
  visit: CheckoutVisit,
  request: FastifyRequest<{ Params: CheckoutParams }>,
) => Promise<unknown>;

/**
 * The customer's order pages: the status page (`/orders/:token`, the token is the secret, sent in
 * every order e-mail) with its return form, and the guest lookup (`/orders/lookup`); under both
 * mounts and every locale, never page-cached, never indexed.
 */
export async function storefrontOrderRoutes(
  app: FastifyInstance,
  context: CheckoutRouteContext,
): Promise<void> {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: CHECKOUT_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const orders = orderHandlers(context);
  const options = { schema: { hide: true }, bodyLimit: CHECKOUT_BODY_LIMIT };
  const route =
    (handle: Handler) =>
    async (
      request: FastifyRequest<{ Params: CheckoutParams }>,
      reply: FastifyReply,
    ): Promise<FastifyReply> => {
      const visit = await startCheckoutVisit(context, request, reply, { cart: false });
      if (visit) await handle(visit, request);
      return reply;
    };
  const token = (request: FastifyRequest<{ Params: CheckoutParams }>) => request.params.token ?? '';

  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    const at = `${prefix}/orders`;
    app.get(
      `${at}/lookup`,
      options,
      route((v) => orders.lookupPage(v)),
    );
    app.post(
      `${at}/lookup`,
      options,
      route((v, r) => orders.lookup(v, r.body)),
    );
    app.get(
      `${at}/:token`,
      options,
      route((v, r) => orders.statusPage(v, token(r))),
    );
    app.post(
      `${at}/:token/returns`,
      options,
      route((v, r) => orders.requestReturn(v, token(r), r.body)),
    );
    app.post(
      `${at}/:token/help`,
      options,
      route((v, r) => orders.askForHelp(v, token(r), r.body)),
    );
  }
}
