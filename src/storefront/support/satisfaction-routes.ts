import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { commentOnRating, csatSurveyByToken, rateTicket } from '../../modules/support/index.ts';
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
import { renderSatisfactionPage, satisfactionPath } from './satisfaction-page.tsx';

type RateParams = AccountParams & { token: string };
const FORM_BODY_LIMIT = 16 * 1024;

/**
 * The satisfaction survey's landing page (`/support/rate/:token?rating=good|bad`, docs/support.md):
 * the click records the rating (the first given stands, a second click or the other link changes
 * nothing), and the page offers an optional comment (POST with the pre-session CSRF token; one
 * comment per survey). Never cached, no Referer leaves it (the token is in its address).
 */
export async function satisfactionRoutes(app: FastifyInstance, context: AccountRouteContext): Promise<void> {
  const { db } = context;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const show = async (visit: AccountVisit, token: string, justRated: boolean, status = 200) => {
    const survey = await csatSurveyByToken(db, visit.store.id, token);
    if (!survey?.rating) {
      return sendAccountHtml(
        visit.reply,
        404,
        renderSatisfactionPage(visit.site, { kind: 'expired' }, visit.signedIn !== null),
      );
    }
    const view = {
      kind: 'rated' as const,
      token,
      rating: survey.rating,
      justRated,
      commented: survey.comment !== null,
      csrfToken: await preSessionCsrf(db, visit),
    };
    return sendAccountHtml(
      visit.reply,
      status,
      renderSatisfactionPage(visit.site, view, visit.signedIn !== null),
    );
  };
  const options = { schema: { hide: true }, bodyLimit: FORM_BODY_LIMIT };
  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    app.get(
      `${prefix}/support/rate/:token`,
      options,
      async (request: FastifyRequest<{ Params: RateParams; Querystring: { rating?: string } }>, reply) => {
        const visit = await startVisit(context, request, reply);
        if (!visit) return reply as FastifyReply;
        const token = request.params.token.slice(0, 200);
        const rating = request.query.rating;
        if (rating === 'good' || rating === 'bad') {
          const result = await rateTicket(db, visit.store.id, token, rating);
          return show(visit, token, result?.recorded ?? false);
        }
        return show(visit, token, false);
      },
    );
    app.post(
      `${prefix}/support/rate/:token`,
      options,
      async (request: FastifyRequest<{ Params: RateParams }>, reply) => {
        const visit = await startVisit(context, request, reply);
        if (!visit) return reply as FastifyReply;
        const token = request.params.token.slice(0, 200);
        if (!(await preSessionFormOk(db, visit, request.body))) {
          // An expired or foreign form: the page again with a fresh token, nothing kept.
          return show(visit, token, false, 403);
        }
        await commentOnRating(db, visit.store.id, token, formField(request.body, 'comment'));
        return redirectAfterPost(visit.reply, satisfactionPath(visit.site, token));
      },
    );
  }
}
