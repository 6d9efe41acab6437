import { CsrfField, Field, FormProblem, renderAccountPage, SubmitRow } from '../account/account-page.tsx';
import type { FormProblems } from '../account/form-problems.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';

export const newsletterPaths = {
  signup: (site: StorefrontSite) => `${site.basePath}/newsletter`,
  confirm: (site: StorefrontSite, token: string) =>
    `${site.basePath}/newsletter/confirm/${encodeURIComponent(token)}`,
  unsubscribe: (site: StorefrontSite, token: string) =>
    `${site.basePath}/unsubscribe?token=${encodeURIComponent(token)}`,
};

export interface SignupValues {
  email: string;
  firstName: string;
}

/** /newsletter: the sign-up form (double opt-in), or its check-your-inbox line after a post. */
export function renderSignupPage(
  site: StorefrontSite,
  view: { csrfToken: string; problems: FormProblems; values: SignupValues; sent: boolean; signedIn: boolean },
): string {
  const t = messagesFor(site.locale);
  return renderAccountPage(site, {
    title: t.newsletterTitle,
    signedIn: view.signedIn,
    narrow: true,
    children: (
      <>
        <h1>{t.newsletterTitle}</h1>
        {view.sent ? (
          <p class="notice-ok" role="status">
            {t.newsletterCheckEmail}
          </p>
        ) : (
          <p class="lead">{t.newsletterLead}</p>
        )}
        {view.sent ? null : (
          <>
            <FormProblem problems={view.problems} />
            <form class="form panel" method="post" action={newsletterPaths.signup(site)} novalidate>
              <CsrfField token={view.csrfToken} />
              <Field
                name="email"
                type="email"
                label={t.accountEmail}
                value={view.values.email}
                autocomplete="email"
                required
                maxLength={254}
                problems={view.problems}
              />
              <Field
                name="firstName"
                label={t.newsletterFirstName}
                value={view.values.firstName}
                autocomplete="given-name"
                optionalLabel={t.accountOptional}
                maxLength={100}
                problems={view.problems}
              />
              <SubmitRow label={t.newsletterSubscribe} />
            </form>
          </>
        )}
      </>
    ),
  });
}

/**
 * A link's page: a button that posts to the same address (mail scanners follow links but do not
 * press buttons, so neither a confirmation nor an unsubscription happens by a GET), or the result.
 */
export function renderLinkActionPage(
  site: StorefrontSite,
  view: {
    title: string;
    lead?: string;
    action?: { path: string; label: string; oneClick?: boolean };
    done?: string;
    problem?: string;
  },
): string {
  return renderAccountPage(site, {
    title: view.title,
    signedIn: false,
    narrow: true,
    children: (
      <>
        <h1>{view.title}</h1>
        {view.done ? (
          <p class="notice-ok" role="status">
            {view.done}
          </p>
        ) : null}
        {view.problem ? (
          <p class="form-problem" role="alert">
            {view.problem}
          </p>
        ) : null}
        {view.lead ? <p class="lead">{view.lead}</p> : null}
        {view.action ? (
          <form class="form panel" method="post" action={view.action.path}>
            {view.action.oneClick ? <input type="hidden" name="List-Unsubscribe" value="One-Click" /> : null}
            <SubmitRow label={view.action.label} />
          </form>
        ) : null}
      </>
    ),
  });
}
