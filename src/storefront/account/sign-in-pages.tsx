import { MIN_CUSTOMER_PASSWORD_LENGTH } from '../../modules/customers/index.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { CsrfField, Field, FormProblem, Notice, renderAccountPage, SubmitRow } from './account-page.tsx';
import { type AccountNotice, accountPaths } from './account-paths.ts';
import type { FormProblems } from './form-problems.ts';

interface FormView {
  csrfToken: string;
  problems: FormProblems;
  notice?: AccountNotice;
}

/** /account/login: e-mail and password. */
export function renderLoginPage(
  site: StorefrontSite,
  view: FormView & { email?: string; returnTo?: string | null },
): string {
  const t = messagesFor(site.locale);
  return renderAccountPage(site, {
    title: t.accountSignInTitle,
    signedIn: false,
    narrow: true,
    children: (
      <>
        <h1>{t.accountSignInTitle}</h1>
        <Notice site={site} notice={view.notice} />
        <FormProblem problems={view.problems} />
        <form class="form panel" method="post" action={accountPaths.login(site)} novalidate>
          <CsrfField token={view.csrfToken} />
          {view.returnTo ? <input type="hidden" name="return" value={view.returnTo} /> : null}
          <Field
            name="email"
            type="email"
            label={t.accountEmail}
            value={view.email}
            autocomplete="email"
            required
            problems={view.problems}
          />
          <Field
            name="password"
            type="password"
            label={t.accountPassword}
            autocomplete="current-password"
            required
            problems={view.problems}
          />
          <SubmitRow label={t.accountSignInButton} />
        </form>
        <p class="links">
          <a href={accountPaths.resetRequest(site)}>{t.accountForgotPassword}</a>
          <span>
            {t.accountNewHere} <a href={accountPaths.register(site)}>{t.accountCreateLink}</a>
          </span>
        </p>
      </>
    ),
  });
}

/** /account/register: the sign-up form, or (after it) the neutral "check your e-mail". */
export function renderRegisterPage(
  site: StorefrontSite,
  view: FormView & { values?: { email?: string; firstName?: string; lastName?: string } },
): string {
  const t = messagesFor(site.locale);
  if (view.notice === 'check-email') {
    return renderAccountPage(site, {
      title: t.accountCheckEmailTitle,
      signedIn: false,
      narrow: true,
      children: (
        <>
          <h1>{t.accountCheckEmailTitle}</h1>
          <p class="lead">{t.accountCheckEmailBody}</p>
          <p class="links">
            <a href={accountPaths.login(site)}>{t.accountSignInTitle}</a>
          </p>
        </>
      ),
    });
  }
  const values = view.values ?? {};
  return renderAccountPage(site, {
    title: t.accountRegisterTitle,
    signedIn: false,
    narrow: true,
    children: (
      <>
        <h1>{t.accountRegisterTitle}</h1>
        <p class="lead">{t.accountRegisterLead}</p>
        <FormProblem problems={view.problems} />
        <form class="form panel" method="post" action={accountPaths.register(site)} novalidate>
          <CsrfField token={view.csrfToken} />
          <div class="form-row">
            <Field
              name="firstName"
              label={t.accountFirstName}
              value={values.firstName}
              autocomplete="given-name"
              maxLength={100}
              problems={view.problems}
            />
            <Field
              name="lastName"
              label={t.accountLastName}
              value={values.lastName}
              autocomplete="family-name"
              maxLength={100}
              problems={view.problems}
            />
          </div>
          <Field
            name="email"
            type="email"
            label={t.accountEmail}
            value={values.email}
            autocomplete="email"
            required
            problems={view.problems}
          />
          <SubmitRow label={t.accountRegisterButton} />
        </form>
        <p class="links">
          <span>
            {t.accountHaveAccount} <a href={accountPaths.login(site)}>{t.accountSignInLink}</a>
          </span>
        </p>
      </>
    ),
  });
}

/** /account/reset: ask for a reset link (the answer is the same for any address). */
export function renderResetRequestPage(
  site: StorefrontSite,
  view: FormView & { email?: string; resetHours: number },
): string {
  const t = messagesFor(site.locale);
  return renderAccountPage(site, {
    title: t.accountResetTitle,
    signedIn: false,
    narrow: true,
    children: (
      <>
        <h1>{t.accountResetTitle}</h1>
        <Notice site={site} notice={view.notice} resetHours={view.resetHours} />
        <p class="lead">{t.accountResetLead}</p>
        <FormProblem problems={view.problems} />
        <form class="form panel" method="post" action={accountPaths.resetRequest(site)} novalidate>
          <CsrfField token={view.csrfToken} />
          <Field
            name="email"
            type="email"
            label={t.accountEmail}
            value={view.email}
            autocomplete="email"
            required
            problems={view.problems}
          />
          <SubmitRow label={t.accountResetButton} />
        </form>
        <p class="links">
          <a href={accountPaths.login(site)}>{t.accountSignInTitle}</a>
        </p>
      </>
    ),
  });
}

/**
 * The page behind a mailed link: choose a password, to reset it or to activate the account. The
 * account's e-mail is shown (read-only, `autocomplete="username"`) so password managers save the new
 * password under it.
 */
export function renderChoosePasswordPage(
  site: StorefrontSite,
  view: FormView & { purpose: 'reset' | 'activate'; action: string; email: string },
): string {
  const t = messagesFor(site.locale);
  const reset = view.purpose === 'reset';
  const title = reset ? t.accountNewPasswordTitle : t.accountActivateTitle;
  return renderAccountPage(site, {
    title,
    signedIn: false,
    narrow: true,
    children: (
      <>
        <h1>{title}</h1>
        {reset ? null : <p class="lead">{t.accountActivateLead}</p>}
        <FormProblem problems={view.problems} />
        <form class="form panel" method="post" action={view.action} novalidate>
          <CsrfField token={view.csrfToken} />
          <Field
            name="username"
            type="email"
            label={t.accountEmail}
            value={view.email}
            autocomplete="username"
            readOnly
            problems={view.problems}
          />
          <Field
            name="password"
            type="password"
            label={reset ? t.accountNewPassword : t.accountPassword}
            hint={t.accountPasswordHint(MIN_CUSTOMER_PASSWORD_LENGTH)}
            autocomplete="new-password"
            required
            problems={view.problems}
          />
          <SubmitRow label={reset ? t.accountSavePassword : t.accountActivateButton} />
        </form>
      </>
    ),
  });
}

/** A mailed link that is unknown, used or expired. */
export function renderLinkExpiredPage(site: StorefrontSite): string {
  const t = messagesFor(site.locale);
  return renderAccountPage(site, {
    title: t.accountLinkExpiredTitle,
    signedIn: false,
    narrow: true,
    children: (
      <>
        <h1>{t.accountLinkExpiredTitle}</h1>
        <p class="lead">{t.accountLinkExpiredBody}</p>
        <div class="actions">
          <a class="btn" href={accountPaths.resetRequest(site)}>
            {t.accountAskNewLink}
          </a>
        </div>
      </>
    ),
  });
}
