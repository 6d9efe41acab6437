import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import {
  activateCustomer,
  authenticateCustomer,
  customerEmail,
  getCustomer,
  openCustomerSession,
  peekCustomerToken,
  registerCustomer,
  requestPasswordReset,
  resetPassword,
  signOutCustomer,
  TOKEN_LIFETIME_MS,
} from '../../modules/customers/index.ts';
import { AppError } from '../../platform/errors.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { setCustomerCookie } from './account-cookies.ts';
import { accountPaths, noticeOf, safeReturnPath, withNotice } from './account-paths.ts';
import {
  type AccountRouteContext,
  type AccountVisit,
  accountLinks,
  formField,
  preSessionCsrf,
  preSessionFormOk,
  redirectAfterPost,
  sendAccountHtml,
} from './account-visit.ts';
import { type FormProblems, formProblemsOf, noProblems } from './form-problems.ts';
import {
  renderChoosePasswordPage,
  renderLinkExpiredPage,
  renderLoginPage,
  renderRegisterPage,
  renderResetRequestPage,
} from './sign-in-pages.tsx';

const RESET_HOURS = TOKEN_LIFETIME_MS.password_reset / 3_600_000;

function formExpired(visit: AccountVisit): FormProblems {
  return { form: messagesFor(visit.site.locale).accountFormExpired, fields: {} };
}

/**
 * Sign-in, sign-up, sign-out, password reset and activation: the pages shown before someone is
 * signed in. Their forms carry the pre-session CSRF token; a refused token re-shows the form (403).
 */
export function signInHandlers({ db }: AccountRouteContext) {
  async function showLogin(
    visit: AccountVisit,
    status: number,
    problems: FormProblems,
    email?: string,
    returnTo?: string | null,
  ) {
    const body = renderLoginPage(visit.site, {
      csrfToken: await preSessionCsrf(db, visit),
      problems,
      notice: status === 200 ? noticeOf(visit.request.query) : undefined,
      ...(email !== undefined ? { email } : {}),
      returnTo: returnTo ?? null,
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  async function showRegister(
    visit: AccountVisit,
    status: number,
    problems: FormProblems,
    values?: { email: string; firstName: string; lastName: string },
  ) {
    const body = renderRegisterPage(visit.site, {
      csrfToken: await preSessionCsrf(db, visit),
      problems,
      notice: status === 200 ? noticeOf(visit.request.query) : undefined,
      ...(values ? { values } : {}),
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  async function showResetRequest(
    visit: AccountVisit,
    status: number,
    problems: FormProblems,
    email?: string,
  ) {
    const body = renderResetRequestPage(visit.site, {
      csrfToken: await preSessionCsrf(db, visit),
      problems,
      resetHours: RESET_HOURS,
      notice: status === 200 ? noticeOf(visit.request.query) : undefined,
      ...(email !== undefined ? { email } : {}),
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  /** The page of a mailed link, with the e-mail of the account it is for; 410 once the link is spent. */
  async function showChoosePassword(
    visit: AccountVisit,
    purpose: 'reset' | 'activate',
    token: string,
    status: number,
    problems: FormProblems,
  ) {
    const kind = purpose === 'reset' ? 'password_reset' : 'activation';
    const customerId = await peekCustomerToken(db, visit.store.id, kind, token);
    if (!customerId) return sendAccountHtml(visit.reply, 410, renderLinkExpiredPage(visit.site));
    const { email } = await getCustomer(db, visit.store.id, customerId);
    const action =
      purpose === 'reset' ? accountPaths.reset(visit.site, token) : accountPaths.activate(visit.site, token);
    const body = renderChoosePasswordPage(visit.site, {
      csrfToken: await preSessionCsrf(db, visit),
      problems,
      purpose,
      action,
      email,
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  /** A new session for the customer in this store, replacing the visitor's old one. */
  function signIn(visit: AccountVisit, grant: Parameters<typeof setCustomerCookie>[2]) {
    setCustomerCookie(visit.reply, visit.scope, grant);
  }

  return {
    async loginPage(visit: AccountVisit): Promise<FastifyReply> {
      const returnTo = safeReturnPath(visit.site, (visit.request.query as Record<string, unknown>).return);
      if (visit.signedIn) return redirectAfterPost(visit.reply, returnTo ?? accountPaths.account(visit.site));
      return showLogin(visit, 200, noProblems, undefined, returnTo);
    },

    async login(visit: AccountVisit, body: unknown): Promise<FastifyReply> {
      const email = formField(body, 'email');
      // The page the shopper was on when asked to sign in (a review form, say): back there after.
      const returnTo = safeReturnPath(visit.site, formField(body, 'return'));
      if (!(await preSessionFormOk(db, visit, body))) {
        return showLogin(visit, 403, formExpired(visit), email, returnTo);
      }
      const t = messagesFor(visit.site.locale);
      try {
        const { session } = await authenticateCustomer(db, visit.store.id, {
          email,
          password: formField(body, 'password'),
          ip: visit.request.ip,
        });
        if (visit.sessionToken) await signOutCustomer(db, visit.store.id, visit.sessionToken);
        signIn(visit, session);
        return redirectAfterPost(visit.reply, returnTo ?? accountPaths.account(visit.site));
      } catch (err) {
        if (!(err instanceof AppError) || (err.status !== 401 && err.status !== 429)) throw err;
        const problem = err.status === 429 ? t.accountTooManyAttempts : t.accountWrongCredentials;
        return showLogin(visit, err.status, { form: problem, fields: {} }, email, returnTo);
      }
    },

    async registerPage(visit: AccountVisit): Promise<FastifyReply> {
      if (visit.signedIn) return redirectAfterPost(visit.reply, accountPaths.account(visit.site));
      return showRegister(visit, 200, noProblems);
    },

    async register(visit: AccountVisit, body: unknown): Promise<FastifyReply> {
      const values = {
        email: formField(body, 'email'),
        firstName: formField(body, 'firstName'),
        lastName: formField(body, 'lastName'),
      };
      if (!(await preSessionFormOk(db, visit, body))) {
        return showRegister(visit, 403, formExpired(visit), values);
      }
      try {
        // Every sign-up continues in the mailbox; the password is chosen on the activation page.
        await db.transaction((tx) =>
          registerCustomer(
            tx,
            visit.store.id,
            { ...values, locale: visit.site.locale },
            accountLinks(visit.site),
          ),
        );
      } catch (err) {
        if (!(err instanceof ZodError)) throw err;
        return showRegister(visit, 422, formProblemsOf(err, messagesFor(visit.site.locale)), values);
      }
      return redirectAfterPost(visit.reply, withNotice(accountPaths.register(visit.site), 'check-email'));
    },

    async resetRequestPage(visit: AccountVisit): Promise<FastifyReply> {
      return showResetRequest(visit, 200, noProblems);
    },

    async requestReset(visit: AccountVisit, body: unknown): Promise<FastifyReply> {
      const email = formField(body, 'email');
      if (!(await preSessionFormOk(db, visit, body)))
        return showResetRequest(visit, 403, formExpired(visit), email);
      const parsed = customerEmail.safeParse(email);
      if (!parsed.success) {
        return showResetRequest(
          visit,
          422,
          formProblemsOf(wrap(parsed.error, 'email'), messagesFor(visit.site.locale)),
          email,
        );
      }
      await db.transaction((tx) =>
        requestPasswordReset(tx, visit.store.id, { email: parsed.data }, accountLinks(visit.site)),
      );
      return redirectAfterPost(visit.reply, withNotice(accountPaths.resetRequest(visit.site), 'reset-sent'));
    },

    async choosePasswordPage(visit: AccountVisit, purpose: 'reset' | 'activate', token: string) {
      return showChoosePassword(visit, purpose, token, 200, noProblems);
    },

    async choosePassword(visit: AccountVisit, purpose: 'reset' | 'activate', token: string, body: unknown) {
      if (!(await preSessionFormOk(db, visit, body))) {
        return showChoosePassword(visit, purpose, token, 403, formExpired(visit));
      }
      const password = formField(body, 'password');
      try {
        const grant = await db.transaction(async (tx) => {
          const customer =
            purpose === 'reset'
              ? await resetPassword(tx, visit.store.id, token, password)
              : await activateCustomer(tx, visit.store.id, token, password);
          return openCustomerSession(tx, customer);
        });
        if (visit.sessionToken) await signOutCustomer(db, visit.store.id, visit.sessionToken);
        signIn(visit, grant);
        const notice = purpose === 'reset' ? 'password' : 'activated';
        return redirectAfterPost(visit.reply, withNotice(accountPaths.account(visit.site), notice));
      } catch (err) {
        if (err instanceof ZodError) {
          const problems = formProblemsOf(wrap(err, 'password'), messagesFor(visit.site.locale));
          return showChoosePassword(visit, purpose, token, 422, problems);
        }
        if (err instanceof AppError && err.code === 'link_expired') {
          return sendAccountHtml(visit.reply, 410, renderLinkExpiredPage(visit.site));
        }
        throw err;
      }
    },
  };
}

/** A single value's error, as if it were the named field of a form. */
function wrap(error: ZodError, field: string): ZodError {
  return new ZodError(error.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] })));
}
