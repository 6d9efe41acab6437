import { CsrfField, renderAccountPage, SubmitRow } from '../account/account-page.tsx';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';

export const satisfactionPath = (site: StorefrontSite, token: string) =>
  `${site.basePath}/support/rate/${encodeURIComponent(token)}`;

export type SatisfactionView =
  | { kind: 'expired' }
  | {
      kind: 'rated';
      token: string;
      rating: 'good' | 'bad';
      /** False when this visit found the rating already given (a second click, the other link). */
      justRated: boolean;
      commented: boolean;
      csrfToken: string;
    };

/**
 * The page a satisfaction survey's link opens: thanks for the rating (the first one given stands),
 * then a short optional comment form (a plain POST, no script needed), or the thank-you for it.
 */
export function renderSatisfactionPage(
  site: StorefrontSite,
  view: SatisfactionView,
  signedIn: boolean,
): string {
  const t = messagesFor(site.locale);
  return renderAccountPage(site, {
    title: t.csatTitle,
    signedIn,
    narrow: true,
    children: (
      <>
        <h1>{t.csatTitle}</h1>
        {view.kind === 'expired' ? (
          <p class="lead">{t.csatLinkExpired}</p>
        ) : (
          <>
            <p class="notice-ok" role="status">
              {view.justRated
                ? view.rating === 'good'
                  ? t.csatThanksGood
                  : t.csatThanksBad
                : t.csatAlreadyRated}
            </p>
            {view.commented ? (
              <p class="lead">{t.csatCommentSent}</p>
            ) : (
              <form class="form panel" method="post" action={satisfactionPath(site, view.token)}>
                <CsrfField token={view.csrfToken} />
                <div class="field">
                  <label for="f-comment">{t.csatCommentLabel}</label>
                  <textarea id="f-comment" name="comment" rows={5} maxLength={2000} />
                </div>
                <SubmitRow label={t.csatCommentSend} />
              </form>
            )}
          </>
        )}
      </>
    ),
  });
}
