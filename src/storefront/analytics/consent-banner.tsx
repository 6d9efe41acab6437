import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';

export const consentPath = (site: StorefrontSite) => `${site.storePath}/consent`;

/**
 * The question a store that needs consent asks before its visitor cookie is set: a plain form, so
 * it works without script; the answer comes back to the page it was on (the form's Referer). Until
 * it is answered, visits are counted without cookies.
 */
export function ConsentBanner({ site }: { site: StorefrontSite }) {
  const t = messagesFor(site.locale);
  return (
    <form class="consent-banner" method="post" action={consentPath(site)} aria-label={t.consentQuestion}>
      <p>{t.consentQuestion}</p>
      <button type="submit" name="choice" value="granted">
        {t.consentAccept}
      </button>
      <button type="submit" name="choice" value="denied" class="secondary">
        {t.consentDecline}
      </button>
    </form>
  );
}
