import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AccountParams, type AccountRouteContext, startVisit } from '../account/account-visit.ts';
import { contactHandlers } from './contact-handlers.ts';

/** A contact form post is small: 10,000 characters of message and a few fields. */
const FORM_BODY_LIMIT = 64 * 1024;

/**
 * The storefront's contact page (`/contact`, docs/support.md): on a store's own domain and under
 * `/s/:store/`, in every locale; never page-cached, works without script. Each post opens a
 * support ticket.
 */
export async function contactRoutes(app: FastifyInstance, context: AccountRouteContext): Promise<void> {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const contact = contactHandlers(context);
  const options = { schema: { hide: true }, bodyLimit: FORM_BODY_LIMIT };
  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    app.get(
      `${prefix}/contact`,
      options,
      async (request: FastifyRequest<{ Params: AccountParams }>, reply) => {
        const visit = await startVisit(context, request, reply);
        if (visit) await contact.contactPage(visit);
        return reply as FastifyReply;
      },
    );
    app.post(
      `${prefix}/contact`,
      options,
      async (request: FastifyRequest<{ Params: AccountParams }>, reply) => {
        const visit = await startVisit(context, request, reply);
        if (visit) await contact.send(visit, request.body);
        return reply as FastifyReply;
      },
    );
  }
}
