import { CsrfField, Field, SubmitRow } from '../account/account-page.tsx';
import { renderCheckoutDocument } from '../checkout/checkout-document.tsx';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { orderPaths } from './order-paths.ts';

/** /orders/lookup: a guest finds their order by its number and their e-mail. */
export function renderOrderLookupPage(
  site: StorefrontSite,
  view: {
    csrfToken: string;
    problem: string | null;
    values: { number?: string; email?: string };
    signedIn: boolean;
  },
): string {
  const t = messagesFor(site.locale);
  const problems = { fields: {} };
  return renderCheckoutDocument(site, {
    title: t.orderLookupTitle,
    signedIn: view.signedIn,
    children: (
      <div class="account wrap lookup">
        <h1>{t.orderLookupTitle}</h1>
        <p class="lead">{t.orderLookupLead}</p>
        {view.problem ? (
          <p class="form-problem" role="alert">
            {view.problem}
          </p>
        ) : null}
        <form class="form panel" method="post" action={orderPaths.lookup(site)} novalidate>
          <CsrfField token={view.csrfToken} />
          <Field
            name="number"
            label={t.orderNumber}
            value={view.values.number}
            required
            maxLength={20}
            hint={t.orderNumberHint}
            problems={problems}
          />
          <Field
            name="email"
            type="email"
            label={t.accountEmail}
            value={view.values.email}
            autocomplete="email"
            required
            maxLength={254}
            problems={problems}
          />
          <SubmitRow label={t.orderLookupButton} />
        </form>
      </div>
    ),
  });
}
