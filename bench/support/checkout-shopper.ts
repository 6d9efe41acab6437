// One simulated shopper of the checkout benchmarks: a purchase through the storefront's HTTP
// endpoints, each step timed.
import { randomUUID } from 'node:crypto';

export const steps = [
  'add to cart',
  'contact',
  'address',
  'shipping',
  'discount code',
  'place order',
] as const;
export type Step = (typeof steps)[number];

export class StepFailed extends Error {}

/** One shopper's purchase from the store at `shop` (its base URL); each step's time goes to `timings`. */
export async function buy(
  shop: string,
  variantId: string,
  withCode: boolean,
  timings: Map<Step, number[]>,
): Promise<void> {
  const timed = async (step: Step, send: () => Promise<Response>, expect: number) => {
    const started = performance.now();
    const res = await send();
    const body = res.status === 303 ? '' : await res.text();
    timings.get(step)!.push(performance.now() - started);
    if (res.status !== expect) throw new StepFailed(`${step}: ${res.status} ${body.slice(0, 300)}`);
    return { res, body };
  };
  // The product page's form: a new shopper, no cookie yet; the answer sets the cart cookie.
  const added = await timed(
    'add to cart',
    () =>
      fetch(`${shop}/cart/lines`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ variantId, quantity: '1' }).toString(),
        redirect: 'manual',
      }),
    303,
  );
  const cookie = added.res.headers.getSetCookie().find((c) => c.startsWith('sp_cart='));
  const cartToken = cookie?.slice('sp_cart='.length).split(';')[0];
  if (!cartToken) throw new StepFailed('add to cart: no cart cookie');
  const post = (step: Step, pathName: string, body: object, headers: Record<string, string> = {}) =>
    timed(
      step,
      () =>
        fetch(`${shop}/checkout/${pathName}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ cartToken, ...body }),
        }),
      step === 'place order' ? 201 : 200,
    );
  await post('contact', 'contact', { email: `shopper-${randomUUID().slice(0, 8)}@example.com` });
  const addressed = await post('address', 'address', {
    shippingAddress: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      line1: 'Heidestraße 17',
      city: 'Köln',
      postalCode: '51147',
      country: 'DE',
    },
  });
  const option = JSON.parse(addressed.body).priced.shipping.options[0].key as string;
  let priced = await post('shipping', 'shipping', { option });
  if (withCode) priced = await post('discount code', 'discount', { code: 'BENCH10' });
  const total = JSON.parse(priced.body).priced.totals.total as number;
  await post(
    'place order',
    'place',
    {
      payment: {
        provider: 'test_card',
        card: {
          cardNumber: '4242424242424242',
          expiry: `12/${(new Date().getFullYear() + 2) % 100}`,
          cvc: '123',
        },
      },
      expectedTotal: total,
    },
    { 'idempotency-key': randomUUID() },
  );
}
