import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { openCustomerTicket } from '../../modules/support/index.ts';
import {
  type AccountRouteContext,
  type AccountVisit,
  formField,
  preSessionCsrf,
  preSessionFormOk,
  redirectAfterPost,
  sendAccountHtml,
} from '../account/account-visit.ts';
import { type FormProblems, formProblemsOf, noProblems } from '../account/form-problems.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { type ContactValues, contactPath, renderContactPage } from './contact-page.tsx';

/**
 * The contact form: anyone may write (the pre-session CSRF token, like sign-in's forms, keeps
 * other sites from posting it); a signed-in customer finds their e-mail filled in. A sent form
 * answers 303 to the page with its thank-you line, so reloading never sends twice.
 */
export function contactHandlers({ db }: AccountRouteContext) {
  async function show(visit: AccountVisit, status: number, problems: FormProblems, values?: ContactValues) {
    const customer = visit.signedIn?.customer;
    const name = [customer?.firstName, customer?.lastName].filter(Boolean).join(' ');
    const sent = status === 200 && (visit.request.query as { sent?: unknown }).sent === '1';
    const body = renderContactPage(visit.site, {
      csrfToken: await preSessionCsrf(db, visit),
      problems,
      values: values ?? { name, email: customer?.email ?? '', subject: '', message: '' },
      sent,
      signedIn: visit.signedIn !== null,
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  return {
    /** GET /contact. */
    contactPage(visit: AccountVisit): Promise<FastifyReply> {
      return show(visit, 200, noProblems);
    },

    /** POST /contact: `name`, `email`, `subject`, `message`. */
    async send(visit: AccountVisit, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      const values: ContactValues = {
        name: formField(body, 'name').slice(0, 120),
        email: formField(body, 'email').slice(0, 254),
        subject: formField(body, 'subject').slice(0, 200),
        message: formField(body, 'message').slice(0, 10_000),
      };
      if (!(await preSessionFormOk(db, visit, body))) {
        return show(visit, 403, { form: t.accountFormExpired, fields: {} }, values);
      }
      try {
        await openCustomerTicket(db, visit.store.id, 'contact_form', {
          ...values,
          name: values.name || undefined,
        });
      } catch (err) {
        if (!(err instanceof ZodError)) throw err;
        return show(visit, 422, { ...formProblemsOf(err, t), form: t.contactInvalid }, values);
      }
      return redirectAfterPost(visit.reply, `${contactPath(visit.site)}?sent=1`);
    },
  };
}
