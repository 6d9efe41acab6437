// One simulated shopper of the checkout benchmarks: a purchase through the storefront's HTTP
// endpoints, each step timed.
import { randomUUID } from 'node:crypto';
import http from 'node:http';

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

/**
 * The shoppers' connections, kept alive between requests as a browser keeps them. Requests go
 * through node:http rather than fetch: the shoppers share the machine with the server and the
 * database, and fetch spent about twice the CPU per request (its web streams), taken from them.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(url: string, method: string, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** One shopper's purchase from the store at `shop` (its base URL); each step's time goes to `timings`. */
export async function buy(
  shop: string,
  variantId: string,
  withCode: boolean,
  timings: Map<Step, number[]>,
): Promise<void> {
  const timed = async (step: Step, request: () => Promise<Answer>, expect: number) => {
    const started = performance.now();
    const answer = await request();
    timings.get(step)!.push(performance.now() - started);
    if (answer.status !== expect)
      throw new StepFailed(`${step}: ${answer.status} ${answer.body.slice(0, 300)}`);
    return answer;
  };
  // The product page's form: a new shopper, no cookie yet; the answer sets the cart cookie.
  const added = await timed(
    'add to cart',
    () =>
      send(
        `${shop}/cart/lines`,
        'POST',
        { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        new URLSearchParams({ variantId, quantity: '1' }).toString(),
      ),
    303,
  );
  const cookie = added.headers['set-cookie']?.find((c) => c.startsWith('sp_cart='));
  const cartToken = cookie?.slice('sp_cart='.length).split(';')[0];
  if (!cartToken) throw new StepFailed('add to cart: no cart cookie');
  const post = (step: Step, pathName: string, body: object, headers: Record<string, string> = {}) =>
    timed(
      step,
      () =>
        send(
          `${shop}/checkout/${pathName}`,
          'POST',
          { 'content-type': 'application/json', ...headers },
          JSON.stringify({ cartToken, ...body }),
        ),
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
