import { CsrfField, Field, FormProblem, renderAccountPage, SubmitRow } from '../account/account-page.tsx';
import type { FormProblems } from '../account/form-problems.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';

export const contactPath = (site: StorefrontSite) => `${site.basePath}/contact`;

export interface ContactValues {
  name: string;
  email: string;
  subject: string;
  message: string;
}

/** /contact: the store's contact form (a support ticket), or the thank-you line after it. */
export function renderContactPage(
  site: StorefrontSite,
  view: {
    csrfToken: string;
    problems: FormProblems;
    values: ContactValues;
    sent: boolean;
    signedIn: boolean;
  },
): string {
  const t = messagesFor(site.locale);
  const messageError = view.problems.fields.message;
  return renderAccountPage(site, {
    title: t.contactTitle,
    signedIn: view.signedIn,
    narrow: true,
    children: (
      <>
        <h1>{t.contactTitle}</h1>
        {view.sent ? (
          <p class="notice-ok" role="status">
            {t.contactSent}
          </p>
        ) : (
          <p class="lead">{t.contactLead}</p>
        )}
        <FormProblem problems={view.problems} />
        <form class="form panel" method="post" action={contactPath(site)} novalidate>
          <CsrfField token={view.csrfToken} />
          <Field
            name="name"
            label={t.contactName}
            value={view.values.name}
            autocomplete="name"
            optionalLabel={t.accountOptional}
            maxLength={120}
            problems={view.problems}
          />
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
            name="subject"
            label={t.contactSubject}
            value={view.values.subject}
            required
            maxLength={200}
            problems={view.problems}
          />
          <div class={`field${messageError ? ' field-error' : ''}`}>
            <label for="f-message">{t.contactMessage}</label>
            <textarea
              id="f-message"
              name="message"
              rows={8}
              maxLength={10000}
              required
              aria-invalid={messageError ? 'true' : undefined}
              aria-describedby={messageError ? 'f-message-error' : undefined}
            >
              {view.values.message}
            </textarea>
            {messageError ? (
              <p class="error" id="f-message-error">
                {messageError}
              </p>
            ) : null}
          </div>
          <SubmitRow label={t.contactSend} />
        </form>
      </>
    ),
  });
}
