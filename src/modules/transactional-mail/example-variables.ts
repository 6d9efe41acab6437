import type { TransactionalTemplateKey } from './template-keys.ts';

/**
 * A realistic set of variables for every e-mail: what the preview shows, what a saved template must
 * render with, and the `example` of each documented variable (template-variables.ts). The shapes are
 * the contract with the modules that send the mail (docs/transactional-mail.md, "Variables").
 */

const eur = (amount: number) => ({ amount, currency: 'EUR' });

const customer = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' };

const shippingAddress = {
  name: 'Ada Lovelace',
  company: null,
  line1: '12 Rue des Lilas',
  line2: 'Bâtiment B',
  postal_code: '75011',
  city: 'Paris',
  region: null,
  country: 'FR',
  phone: '+33 1 23 45 67 89',
};

const order = {
  name: '#1001',
  number: '1001',
  placed_at: '2025-03-14T10:24:00Z',
  status_url: 'https://shop.example.com/orders/7f3c9a2e41d04b6a',
  currency: 'EUR',
  lines: [
    {
      title: 'Linen apron',
      variant_title: 'Natural / M',
      sku: 'APR-NAT-M',
      quantity: 2,
      unit_price: eur(3900),
      subtotal: eur(7800),
      discount: eur(0),
      total: eur(7800),
    },
    {
      title: 'Tea towel set',
      variant_title: null,
      sku: 'TT-3',
      quantity: 1,
      unit_price: eur(2400),
      subtotal: eur(2400),
      discount: eur(240),
      total: eur(2160),
    },
  ],
  subtotal: eur(10200),
  discount_total: eur(240),
  discount_codes: ['WELCOME10'],
  shipping_method: 'Standard',
  shipping_total: eur(490),
  tax_total: eur(1742),
  taxes_included: true,
  total: eur(10450),
  shipping_address: shippingAddress,
  billing_address: { ...shippingAddress, line2: null },
};

const payment = {
  provider: 'manual',
  method_name: 'Bank transfer',
  status: 'pending',
  amount: eur(10450),
  reference: '1001',
  instructions: 'Linen & Co\nIBAN: FR76 3000 6000 0112 3456 7890 189\nBIC: AGRIFRPP',
};

const parcelLines = [
  { title: 'Linen apron', variant_title: 'Natural / M', quantity: 2 },
  { title: 'Tea towel set', variant_title: null, quantity: 1 },
];

const fulfilment = {
  carrier: 'DHL',
  tracking_number: 'JD014600006281234567',
  tracking_url: 'https://www.dhl.com/track?tracking-id=JD014600006281234567',
  shipped_at: '2025-03-15T14:05:00Z',
  delivered_at: '2025-03-17T09:40:00Z',
  lines: parcelLines,
};

const returnLines = [{ title: 'Linen apron', variant_title: 'Natural / M', quantity: 1 }];

const orderReturn = {
  number: '1001-R1',
  requested_at: '2025-03-20T08:12:00Z',
  lines: returnLines,
  instructions:
    'Pack the items in their original packaging and send them to:\nLinen & Co Returns, 4 Rue du Port, 44000 Nantes, France',
  note: 'Worn items cannot be returned.',
};

const orderMail = { customer, order, payment };

/** A draft order (staff made it) before it is paid: no number, date or status page yet. */
const { name: _name, number: _number, placed_at: _placedAt, status_url: _statusUrl, ...draftOrder } = order;

const examples: Record<TransactionalTemplateKey, Record<string, unknown>> = {
  order_confirmation: orderMail,
  payment_instructions: orderMail,
  payment_received: {
    customer,
    order,
    payment: { ...payment, status: 'paid', paid_at: '2025-03-15T09:00:00Z' },
  },
  shipping_confirmation: { customer, order, fulfilment },
  delivery_confirmation: { customer, order, fulfilment },
  order_cancelled: {
    customer,
    order,
    cancellation: { note: 'The tea towel set is no longer available.', refund_amount: eur(10450) },
  },
  refund_issued: {
    customer,
    order,
    refund: {
      amount: eur(2160),
      shipping: eur(0),
      method_name: 'Visa •••• 4242',
      note: null,
      lines: [{ title: 'Tea towel set', variant_title: null, quantity: 1, amount: eur(2160) }],
    },
  },
  return_requested: { customer, order, return: orderReturn },
  return_approved: { customer, order, return: orderReturn },
  return_rejected: { customer, order, return: orderReturn },
  return_received: { customer, order, return: orderReturn },
  password_reset: {
    customer,
    reset_url: 'https://shop.example.com/account/reset?token=Qm9vayBvZiBsaW5lbg',
    expires_in_hours: 2,
  },
  account_activation: {
    customer,
    activation_url: 'https://shop.example.com/account/activate?token=TGluZW4gJiBDbw',
    expires_in_hours: 72,
  },
  account_exists: {
    customer,
    login_url: 'https://shop.example.com/account/login',
    reset_url: 'https://shop.example.com/account/reset',
  },
  newsletter_confirmation: {
    customer,
    confirmation_url: 'https://shop.example.com/newsletter/confirm/TGluZW4gJiBDbw',
    expires_in_hours: 168,
  },
  draft_invoice: {
    customer,
    order: { ...draftOrder, name: 'D1001' },
    payment_url: 'https://shop.example.com/checkout?draft=RDEwMDEgTGluZW4gJiBDbw',
    message: 'As agreed on the phone: the apron in natural, size M.',
  },
  review_request: {
    customer,
    order: { name: '#1001' },
    products: [
      { title: 'Linen apron', review_url: 'https://shop.example.com/reviews/new/UmV2aWV3IGxpbmsgb25l' },
      { title: 'Tea towel set', review_url: 'https://shop.example.com/reviews/new/UmV2aWV3IGxpbmsgdHdv' },
    ],
  },
  support_satisfaction: {
    customer,
    ticket: { number: 1042, subject: 'Where is my parcel?' },
    good_url: 'https://shop.example.com/support/rate/U3VydmV5IGxpbms?rating=good',
    bad_url: 'https://shop.example.com/support/rate/U3VydmV5IGxpbms?rating=bad',
  },
};

/** A fresh copy of the example variables of one e-mail (the store's name is added when rendering). */
export function exampleVariables(key: TransactionalTemplateKey): Record<string, unknown> {
  return structuredClone(examples[key]);
}
