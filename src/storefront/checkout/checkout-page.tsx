import type { ComponentChildren } from 'preact';
import type { Cart, PricedCart } from '../../modules/checkout/index.ts';
import type { Customer, CustomerAddress } from '../../modules/customers/index.ts';
import type { PaymentSettings } from '../../modules/payments/index.ts';
import { cartPaths } from '../cart/cart-paths.ts';
import { messagesFor, type StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import { homePath, type StorefrontSite } from '../site.ts';
import { AddressSection } from './address-section.tsx';
import { renderCheckoutDocument } from './checkout-document.tsx';
import { type CheckoutSection, checkoutPaths } from './checkout-paths.ts';
import type { CheckoutProgress } from './checkout-progress.ts';
import { ContactSection, ShippingSection } from './checkout-sections.tsx';
import { CheckoutSummary } from './checkout-summary.tsx';
import { PaymentSection } from './payment-section.tsx';

/** What is wrong with the form just posted: its section, a line for the whole form, and each field's problem. */
export interface SectionProblems {
  section: CheckoutSection | 'discount';
  form?: string;
  fields: Record<string, string>;
}

export interface CheckoutView {
  cart: Cart;
  priced: PricedCart;
  progress: CheckoutProgress;
  /** The `_csrf` of every form (derived from the cart's token). */
  csrfToken: string;
  customer: Customer | null;
  savedAddresses: readonly CustomerAddress[];
  /** The "ship to" countries of the address form. */
  countries: readonly string[];
  payments: PaymentSettings;
  /** Made when the page renders and carried by the place form: one order however often it is sent. */
  idempotencyKey: string;
  problems: SectionProblems | null;
  /** What the shopper typed in the form that has problems (never card details). */
  values: Record<string, string>;
  /** A line above the sections (a failed card step, a total that changed …). */
  notice: string | null;
}

/** /checkout: the sections left, the order summary right (above on a phone), every amount from `priceCart`. */
export function renderCheckoutPage(site: StorefrontSite, view: CheckoutView): string {
  const t = messagesFor(site.locale);
  return renderCheckoutDocument(site, {
    title: t.checkoutTitle,
    signedIn: view.customer !== null,
    cartCount: view.priced.itemCount,
    children: (
      <div class="checkout-page wrap">
        <CheckoutHead site={site} t={t} />
        <div class="checkout-grid">
          <CheckoutSummary site={site} view={view} />
          <div class="checkout-main">
            {view.notice ? (
              <p class="checkout-notice" role="alert">
                {view.notice}
              </p>
            ) : null}
            <ContactSection site={site} view={view} />
            <AddressSection site={site} view={view} />
            <ShippingSection site={site} view={view} />
            <PaymentSection site={site} view={view} />
          </div>
        </div>
      </div>
    ),
  });
}

/** /checkout without a cart (or with an empty one): back to the shop. */
export function renderEmptyCheckoutPage(site: StorefrontSite, signedIn: boolean): string {
  const t = messagesFor(site.locale);
  return renderCheckoutDocument(site, {
    title: t.checkoutTitle,
    signedIn,
    cartCount: 0,
    children: (
      <div class="checkout-page wrap">
        <CheckoutHead site={site} t={t} />
        <div class="empty-checkout">
          <p>
            {t.cartEmpty} {t.cartEmptyHint}
          </p>
          <a class="button" href={homePath(site)}>
            {t.cartContinueShopping}
          </a>
        </div>
      </div>
    ),
  });
}

function CheckoutHead({ site, t }: { site: StorefrontSite; t: StorefrontMessages }) {
  return (
    <div class="checkout-head">
      <h1>{t.checkoutTitle}</h1>
      <nav aria-label={t.breadcrumb}>
        <ol class="trail">
          <li>
            <a href={cartPaths.cart(site)}>{t.cartTitle}</a>
          </li>
          <li aria-current="page">{t.checkoutTitle}</li>
        </ol>
      </nav>
    </div>
  );
}

/**
 * One section of the checkout: numbered; done (with a recap and a "Change" link), open (its form),
 * or later (its heading only, until the sections before it are done).
 */
export function Step(props: {
  site: StorefrontSite;
  id: CheckoutSection;
  number: number;
  title: string;
  state: 'done' | 'open' | 'later';
  /** A draft order's sections were filled in by the store: shown, not changeable. */
  locked?: boolean;
  recap?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const t = messagesFor(props.site.locale);
  const headingId = `${props.id}-heading`;
  return (
    <section id={props.id} class={`step step-${props.state}`} aria-labelledby={headingId}>
      <div class="step-head">
        <h2 id={headingId}>
          <span class="step-no" aria-hidden="true">
            {props.state === 'done' ? '✓' : props.number}
          </span>
          {props.title}
        </h2>
        {props.state === 'done' && !props.locked ? (
          <a
            class="change"
            href={checkoutPaths.edit(props.site, props.id)}
            aria-label={`${t.checkoutChange}: ${props.title}`}
          >
            {t.checkoutChange}
          </a>
        ) : null}
      </div>
      {props.state === 'done' && props.recap ? <div class="step-recap">{props.recap}</div> : null}
      {props.state === 'open' ? <div class="step-body">{props.children}</div> : null}
    </section>
  );
}

/** Which state a section is in on this page. */
export function stepState(view: CheckoutView, section: CheckoutSection): 'done' | 'open' | 'later' {
  if (view.progress.open === section) return 'open';
  return view.progress.done[section] ? 'done' : 'later';
}

/** The form's own problem, announced at once. */
export function FormLine({ view, section }: { view: CheckoutView; section: SectionProblems['section'] }) {
  if (view.problems?.section !== section || !view.problems.form) return null;
  return (
    <p class="form-problem" role="alert">
      {view.problems.form}
    </p>
  );
}

/** The problems of a section's fields (none unless that section's form was the one posted). */
export function fieldProblems(view: CheckoutView, section: SectionProblems['section']) {
  return { fields: view.problems?.section === section ? view.problems.fields : {} };
}

/** What a field shows: what was just typed when the form came back with problems, else the cart's. */
export function shown(
  view: CheckoutView,
  section: SectionProblems['section'],
  name: string,
  saved: string | null | undefined,
) {
  return view.problems?.section === section ? (view.values[name] ?? '') : (saved ?? '');
}
