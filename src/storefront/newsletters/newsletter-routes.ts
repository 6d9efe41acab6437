import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { confirmNewsletterSignup, requestNewsletterSignup } from '../../modules/customers/index.ts';
import {
  recipientOfToken,
  recordClick,
  recordOpen,
  unsubscribeByToken,
} from '../../modules/newsletters/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type AccountParams,
  type AccountRouteContext,
  type AccountVisit,
  formField,
  preSessionCsrf,
  preSessionFormOk,
  redirectAfterPost,
  sendAccountHtml,
  startVisit,
} from '../account/account-visit.ts';
import { type FormProblems, formProblemsOf, noProblems } from '../account/form-problems.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { absoluteUrl } from '../site.ts';
import {
  newsletterPaths,
  renderLinkActionPage,
  renderSignupPage,
  type SignupValues,
} from './newsletter-pages.tsx';

const FORM_BODY_LIMIT = 16 * 1024;

/** A transparent 1×1 GIF: the open pixel's answer, whatever the token. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

type Params = AccountParams & { index?: string };
type LinkRequest = FastifyRequest<{ Params: Params; Querystring: { token?: string } }>;

const tokenOf = (request: LinkRequest, body?: unknown) => {
  const query = request.query.token;
  return (typeof query === 'string' && query) || formField(body, 'token') || request.params.token || '';
};

/**
 * The storefront's newsletter addresses (docs/newsletters.md), on a store's own domain and under
 * `/s/:store/`, never page-cached, working without script:
 * - `/newsletter`: the sign-up form (pre-session CSRF like the account forms) starting the double
 *   opt-in; `/newsletter/confirm/:token` confirms with a button;
 * - `/unsubscribe?token=…`: GET shows a button; POST unsubscribes at once (RFC 8058 one-click, the
 *   token is the authority, so no CSRF token); both idempotent, 404 for a token that names nobody;
 * - `/newsletters/open/:token` (the open pixel) and `/newsletters/click/:token/:index` (to the
 *   newsletter's own `index`-th link only).
 */
export async function newsletterPageRoutes(
  app: FastifyInstance,
  context: AccountRouteContext,
): Promise<void> {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  // RFC 8058 allows a multipart one-click post; its body says nothing the token does not.
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_r, _b, done) => done(null, {}),
  );
  const { db } = context;
  const options = { schema: { hide: true }, bodyLimit: FORM_BODY_LIMIT };

  const visitOf = (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
    startVisit(context, request as FastifyRequest<{ Params: AccountParams }>, reply);

  async function signupPage(
    visit: AccountVisit,
    status: number,
    problems: FormProblems,
    values: SignupValues = { email: visit.signedIn?.customer.email ?? '', firstName: '' },
  ) {
    const sent = status === 200 && (visit.request.query as { sent?: unknown }).sent === '1';
    const body = renderSignupPage(visit.site, {
      csrfToken: await preSessionCsrf(db, visit),
      problems,
      values,
      sent,
      signedIn: visit.signedIn !== null,
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    app.get(`${prefix}/newsletter`, options, async (request: FastifyRequest<{ Params: Params }>, reply) => {
      const visit = await visitOf(request, reply);
      if (visit) await signupPage(visit, 200, noProblems);
      return reply;
    });

    app.post(`${prefix}/newsletter`, options, async (request: FastifyRequest<{ Params: Params }>, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const t = messagesFor(visit.site.locale);
      const values = {
        email: formField(request.body, 'email').slice(0, 254),
        firstName: formField(request.body, 'firstName').slice(0, 100),
      };
      if (!(await preSessionFormOk(db, visit, request.body))) {
        return signupPage(visit, 403, { form: t.accountFormExpired, fields: {} }, values);
      }
      try {
        await db.transaction((tx) =>
          requestNewsletterSignup(
            tx,
            visit.store.id,
            { email: values.email, firstName: values.firstName || undefined, locale: visit.site.locale },
            {
              locale: visit.site.locale,
              confirmationUrl: (token) =>
                absoluteUrl(visit.site.baseUrl, newsletterPaths.confirm(visit.site, token)),
            },
          ),
        );
      } catch (err) {
        if (!(err instanceof ZodError)) throw err;
        return signupPage(visit, 422, { ...formProblemsOf(err, t), form: t.contactInvalid }, values);
      }
      return redirectAfterPost(reply, `${newsletterPaths.signup(visit.site)}?sent=1`);
    });

    app.get(
      `${prefix}/newsletter/confirm/:token`,
      options,
      async (request: FastifyRequest<{ Params: Params }>, reply) => {
        const visit = await visitOf(request, reply);
        if (!visit) return reply;
        const t = messagesFor(visit.site.locale);
        const token = request.params.token ?? '';
        return sendAccountHtml(
          reply,
          200,
          renderLinkActionPage(visit.site, {
            title: t.newsletterConfirmTitle,
            lead: t.newsletterConfirmLead,
            action: { path: newsletterPaths.confirm(visit.site, token), label: t.newsletterConfirmButton },
          }),
        );
      },
    );

    app.post(
      `${prefix}/newsletter/confirm/:token`,
      options,
      async (request: FastifyRequest<{ Params: Params }>, reply) => {
        const visit = await visitOf(request, reply);
        if (!visit) return reply;
        const t = messagesFor(visit.site.locale);
        try {
          await db.transaction((tx) =>
            confirmNewsletterSignup(tx, visit.store.id, request.params.token ?? '', {
              ip: request.ip,
              userAgent: request.headers['user-agent'] ?? null,
            }),
          );
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 422) throw err;
          return sendAccountHtml(
            reply,
            422,
            renderLinkActionPage(visit.site, {
              title: t.newsletterConfirmTitle,
              problem: t.newsletterLinkInvalid,
            }),
          );
        }
        return sendAccountHtml(
          reply,
          200,
          renderLinkActionPage(visit.site, { title: t.newsletterConfirmTitle, done: t.newsletterConfirmed }),
        );
      },
    );

    app.get(`${prefix}/unsubscribe`, options, async (request: LinkRequest, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const t = messagesFor(visit.site.locale);
      const token = tokenOf(request);
      const recipient = await recipientOfToken(db, visit.store.id, token);
      if (!recipient) {
        return sendAccountHtml(
          reply,
          404,
          renderLinkActionPage(visit.site, { title: t.unsubscribeTitle, problem: t.unsubscribeLinkInvalid }),
        );
      }
      const page = recipient.unsubscribedAt
        ? { title: t.unsubscribeTitle, done: t.unsubscribeDone }
        : {
            title: t.unsubscribeTitle,
            lead: t.unsubscribeLead(recipient.email),
            action: {
              path: newsletterPaths.unsubscribe(visit.site, token),
              label: t.unsubscribeButton,
              oneClick: true,
            },
          };
      return sendAccountHtml(reply, 200, renderLinkActionPage(visit.site, page));
    });

    app.post(`${prefix}/unsubscribe`, options, async (request: LinkRequest, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const t = messagesFor(visit.site.locale);
      const result = await unsubscribeByToken(db, visit.store.id, tokenOf(request, request.body), {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (!result) {
        return sendAccountHtml(
          reply,
          404,
          renderLinkActionPage(visit.site, { title: t.unsubscribeTitle, problem: t.unsubscribeLinkInvalid }),
        );
      }
      return sendAccountHtml(
        reply,
        200,
        renderLinkActionPage(visit.site, { title: t.unsubscribeTitle, done: t.unsubscribeDone }),
      );
    });

    app.get(
      `${prefix}/newsletters/open/:token`,
      options,
      async (request: FastifyRequest<{ Params: Params }>, reply) => {
        const visit = await visitOf(request, reply);
        if (!visit) return reply;
        await recordOpen(db, visit.store.id, request.params.token ?? '');
        return reply
          .header('content-type', 'image/gif')
          .header('cache-control', 'private, no-store')
          .header('referrer-policy', 'no-referrer')
          .send(PIXEL);
      },
    );

    app.get(
      `${prefix}/newsletters/click/:token/:index`,
      options,
      async (request: FastifyRequest<{ Params: Params }>, reply) => {
        const visit = await visitOf(request, reply);
        if (!visit) return reply;
        const index = /^\d{1,4}$/.test(request.params.index ?? '') ? Number(request.params.index) : -1;
        const target = await recordClick(db, visit.store.id, request.params.token ?? '', index);
        if (!target) {
          const t = messagesFor(visit.site.locale);
          return sendAccountHtml(
            reply,
            404,
            renderLinkActionPage(visit.site, { title: t.newsletterTitle, problem: t.unsubscribeLinkInvalid }),
          );
        }
        return reply
          .header('cache-control', 'private, no-store')
          .header('referrer-policy', 'no-referrer')
          .redirect(target, 302);
      },
    );
  }
}
