import { exampleVariables } from './example-variables.ts';
import { type TransactionalTemplateKey, transactionalTemplateKeys } from './template-keys.ts';

/**
 * How a value prints: `money` ({ amount in minor units, currency }) prints formatted in the e-mail's
 * language (`.amount` compares); `date` (ISO 8601) prints through `format_date`; `address` through
 * `format_address`; a `list` is walked with `{% for %}`.
 */
export type VariableType =
  | 'text'
  | 'number'
  | 'boolean'
  | 'money'
  | 'date'
  | 'url'
  | 'email'
  | 'address'
  | 'list';

export interface VariableDoc {
  /** The path, with `[]` for an item of a list: `order.lines[].title`. */
  name: string;
  type: VariableType;
  description: string;
  /** The value the preview uses. */
  example: unknown;
  /** What the editor inserts for it. */
  snippet: string;
}

type Definition = [name: string, type: VariableType, description: string];

/** The name a list's items take inside its loop (`{% for line in order.lines %}`). */
const itemNames: Record<string, string> = {
  'order.lines': 'line',
  'order.discount_codes': 'code',
  'fulfilment.lines': 'line',
  'refund.lines': 'line',
  'return.lines': 'line',
  products: 'product',
};

const store: Definition[] = [['store.name', 'text', "The store's name."]];

const customer: Definition[] = [
  ['customer.first_name', 'text', 'First name; may be empty (greet without a name then).'],
  ['customer.last_name', 'text', 'Last name; may be empty.'],
  ['customer.email', 'email', 'The address the e-mail goes to.'],
];

const order: Definition[] = [
  ['order.name', 'text', 'The order as the store names it: its number prefix and number, e.g. #1001.'],
  ['order.number', 'text', 'The number alone, e.g. 1001.'],
  ['order.placed_at', 'date', 'When the order was placed.'],
  ['order.status_url', 'url', "The order's status page: items, payment, parcels and tracking, returns."],
  ['order.lines', 'list', 'The ordered items.'],
  ['order.lines[].title', 'text', "The product's title."],
  ['order.lines[].variant_title', 'text', 'The variant (e.g. "Natural / M"); empty for a single variant.'],
  ['order.lines[].sku', 'text', 'The SKU; may be empty.'],
  ['order.lines[].quantity', 'number', 'How many.'],
  ['order.lines[].unit_price', 'money', 'Price of one.'],
  ['order.lines[].subtotal', 'money', 'Price × quantity, before discounts.'],
  ['order.lines[].discount', 'money', 'Discounts on this line.'],
  ['order.lines[].total', 'money', 'What the line costs after discounts.'],
  ['order.subtotal', 'money', 'Sum of the lines before discounts.'],
  ['order.discount_total', 'money', 'All discounts, shipping discounts included.'],
  ['order.discount_codes', 'list', 'The discount codes used.'],
  ['order.shipping_method', 'text', 'The shipping option chosen; empty when nothing ships.'],
  ['order.shipping_total', 'money', 'Shipping after shipping discounts.'],
  ['order.tax_total', 'money', 'Tax on the order.'],
  ['order.taxes_included', 'boolean', 'True when prices include tax (the total then includes tax_total).'],
  ['order.total', 'money', 'What the customer pays.'],
  ['order.shipping_address', 'address', 'Where it ships; empty for pick-up and digital orders.'],
  ['order.billing_address', 'address', 'The billing address; may be empty.'],
];

const payment: Definition[] = [
  [
    'payment.provider',
    'text',
    'The payment provider; manual (bank transfer, cash) gets payment instructions.',
  ],
  ['payment.status', 'text', "The payment's state; pending until a manual payment arrives."],
  ['payment.method_name', 'text', 'How the customer pays, in words ("Bank transfer", "Visa •••• 4242").'],
  ['payment.amount', 'money', 'The amount of the payment.'],
];

const paymentInstructions: Definition[] = [
  ...payment,
  ['payment.instructions', 'text', "The store's bank details for a transfer (several lines)."],
  ['payment.reference', 'text', 'The reference to give with the transfer.'],
];

const fulfilment: Definition[] = [
  ['fulfilment.carrier', 'text', 'The carrier; may be empty.'],
  ['fulfilment.tracking_number', 'text', 'The tracking number; may be empty.'],
  ['fulfilment.tracking_url', 'url', "The carrier's tracking page; may be empty."],
  ['fulfilment.shipped_at', 'date', 'When the parcel left.'],
  ['fulfilment.lines', 'list', 'The items in this parcel.'],
  ['fulfilment.lines[].title', 'text', "The product's title."],
  ['fulfilment.lines[].variant_title', 'text', 'The variant; may be empty.'],
  ['fulfilment.lines[].quantity', 'number', 'How many.'],
];

const returnCommon: Definition[] = [
  ['return.number', 'text', 'The return number.'],
  ['return.requested_at', 'date', 'When the return was asked for.'],
  ['return.lines', 'list', 'The items being returned.'],
  ['return.lines[].title', 'text', "The product's title."],
  ['return.lines[].variant_title', 'text', 'The variant; may be empty.'],
  ['return.lines[].quantity', 'number', 'How many.'],
];

const orderMail = [...store, ...customer, ...order];

/** A draft order's variables: an order's, but a name (D1001) instead of a number, date and status page. */
const draftOrder: Definition[] = [
  ['order.name', 'text', "The draft order's name, e.g. D1001."],
  ...order.filter(
    ([name]) => !['order.name', 'order.number', 'order.placed_at', 'order.status_url'].includes(name),
  ),
];

const link = (name: string, what: string): Definition => [name, 'url', what];
const expiresInHours: Definition = ['expires_in_hours', 'number', 'How many hours the link works.'];

const definitions: Record<TransactionalTemplateKey, Definition[]> = {
  order_confirmation: [...orderMail, ...payment],
  payment_instructions: [...orderMail, ...paymentInstructions],
  payment_received: [...orderMail, ...payment, ['payment.paid_at', 'date', 'When the payment was settled.']],
  shipping_confirmation: [...orderMail, ...fulfilment],
  delivery_confirmation: [
    ...orderMail,
    ...fulfilment,
    ['fulfilment.delivered_at', 'date', 'When the parcel was delivered.'],
  ],
  order_cancelled: [
    ...orderMail,
    ['cancellation.note', 'text', "The store's note to the customer about why; may be empty."],
    ['cancellation.refund_amount', 'money', 'What is refunded; empty when nothing was paid.'],
  ],
  refund_issued: [
    ...orderMail,
    ['refund.amount', 'money', 'The amount refunded.'],
    ['refund.shipping', 'money', 'Shipping refunded (part of the amount).'],
    ['refund.method_name', 'text', 'Where the money goes back to ("Visa •••• 4242").'],
    ['refund.note', 'text', "The store's note to the customer; may be empty."],
    ['refund.lines', 'list', 'The items refunded; empty for a plain amount.'],
    ['refund.lines[].title', 'text', "The product's title."],
    ['refund.lines[].variant_title', 'text', 'The variant; may be empty.'],
    ['refund.lines[].quantity', 'number', 'How many.'],
    ['refund.lines[].amount', 'money', "The line's share of the refund."],
  ],
  return_requested: [...orderMail, ...returnCommon],
  return_approved: [
    ...orderMail,
    ...returnCommon,
    ['return.instructions', 'text', 'How and where to send the items (several lines).'],
  ],
  return_rejected: [
    ...orderMail,
    ...returnCommon,
    ['return.note', 'text', "The store's reason for declining; may be empty."],
  ],
  return_received: [...orderMail, ...returnCommon],
  password_reset: [
    ...store,
    ...customer,
    link('reset_url', 'The page where the customer chooses a new password (single use).'),
    expiresInHours,
  ],
  account_activation: [
    ...store,
    ...customer,
    link('activation_url', 'The page that confirms the account and sets its password.'),
    expiresInHours,
  ],
  account_exists: [
    ...store,
    ...customer,
    link('login_url', 'The sign-in page.'),
    link('reset_url', 'The page to ask for a new password.'),
  ],
  newsletter_confirmation: [
    ...store,
    ...customer,
    link('confirmation_url', 'The page that confirms the sign-up; consent is recorded only there.'),
    expiresInHours,
  ],
  draft_invoice: [
    ...store,
    ...customer,
    ...draftOrder,
    link('payment_url', 'The checkout where the customer pays this order (it cannot be changed there).'),
    ['message', 'text', "Staff's message to the customer; may be empty."],
  ],
  review_request: [
    ...store,
    ...customer,
    ['order.name', 'text', 'The order the products came with, e.g. #1001.'],
    ['products', 'list', 'The products of the order, one review link each.'],
    ['products[].title', 'text', "The product's name as it was ordered."],
    link(
      'products[].review_url',
      'The page where the customer reviews this product (single use, a verified purchase).',
    ),
  ],
  support_satisfaction: [
    ...store,
    ...customer,
    ['ticket.number', 'number', 'The support request’s number, e.g. 1042.'],
    ['ticket.subject', 'text', 'The subject of the request.'],
    link('good_url', 'Records a good rating (one click; the first rating given counts).'),
    link('bad_url', 'Records a bad rating (one click; the first rating given counts).'),
  ],
};

/** The value at a documented path in an example (`[]` reads the first item). */
function exampleAt(scope: unknown, name: string): unknown {
  let value: unknown = scope;
  for (const part of name.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    value = (value as Record<string, unknown> | null | undefined)?.[key];
    if (list) value = Array.isArray(value) ? value[0] : undefined;
  }
  return value;
}

/** The Liquid an editor inserts for a variable. */
function snippetFor(name: string, type: VariableType): string {
  if (type === 'list') {
    const item = itemNames[name] ?? 'item';
    return `{% for ${item} in ${name} %}\n  {{ ${item} }}\n{% endfor %}`;
  }
  const itemField = /^(.+)\[\]\.(.+)$/.exec(name);
  const path = itemField ? `${itemNames[itemField[1]!] ?? 'item'}.${itemField[2]}` : name;
  if (type === 'date') return `{{ ${path} | format_date }}`;
  if (type === 'address') return `{{ ${path} | format_address }}`;
  if (type === 'text' && /instructions$/.test(name)) return `{{ ${path} | multiline }}`;
  return `{{ ${path} }}`;
}

function documented(key: TransactionalTemplateKey): VariableDoc[] {
  const example = { ...exampleVariables(key), store: { name: 'Linen & Co' } };
  return definitions[key].map(([name, type, description]) => ({
    name,
    type,
    description,
    example: exampleAt(example, name) ?? null,
    snippet: snippetFor(name, type),
  }));
}

/** Which variables each e-mail offers, with an example value each (the preview and the editor's help). */
export const templateVariables: Record<TransactionalTemplateKey, VariableDoc[]> = Object.fromEntries(
  transactionalTemplateKeys.map((key) => [key, documented(key)]),
) as Record<TransactionalTemplateKey, VariableDoc[]>;
