/**
 * Pieces the built-in templates share, written out into each template's text (a merchant editing a
 * template sees all of its markup, nothing hidden in a partial). Classes are styled by the layout
 * (mail-layout.ts).
 */

/** The words of the shared pieces in one language. */
export interface BlockWords {
  /** Hello with the first name, and without when there is none. */
  greetingNamed: string;
  greeting: string;
  subtotal: string;
  discounts: string;
  shipping: string;
  free: string;
  tax: string;
  total: string;
  /** "Including {amount} tax", with `{amount}` where the amount goes. */
  includingTax: string;
  shippingAddress: string;
  billingAddress: string;
}

export function greeting(w: BlockWords): string {
  return `<p>{% if customer.first_name %}${w.greetingNamed}{% else %}${w.greeting}{% endif %}</p>`;
}

export function button(urlVariable: string, label: string): string {
  return `<p><a class="button" href="{{ ${urlVariable} }}">${label}</a></p>`;
}

/** A list of items: title, variant under it, quantity, and an amount column when `amount` is given. */
export function itemsTable(list: string, amount?: string): string {
  const amountCell = amount ? `\n    <td class="amount">{{ line.${amount} }}</td>` : '';
  return `<table class="items" role="presentation">
  {%- for line in ${list} %}
  <tr>
    <td>{{ line.title }}{% if line.variant_title %}<br><span class="muted">{{ line.variant_title }}</span>{% endif %}</td>
    <td class="qty">× {{ line.quantity }}</td>${amountCell}
  </tr>
  {%- endfor %}
</table>`;
}

/** The order's totals: subtotal, discounts, shipping, tax (added, or included), total. */
export function orderTotals(w: BlockWords): string {
  return `<table class="totals" role="presentation">
  <tr><td>${w.subtotal}</td><td class="amount">{{ order.subtotal }}</td></tr>
  {%- if order.discount_total.amount > 0 %}
  <tr><td>${w.discounts}{% if order.discount_codes.size > 0 %} ({{ order.discount_codes | join: ", " }}){% endif %}</td><td class="amount">−{{ order.discount_total }}</td></tr>
  {%- endif %}
  {%- if order.shipping_method %}
  <tr><td>${w.shipping} ({{ order.shipping_method }})</td><td class="amount">{% if order.shipping_total.amount == 0 %}${w.free}{% else %}{{ order.shipping_total }}{% endif %}</td></tr>
  {%- endif %}
  {%- unless order.taxes_included %}
  <tr><td>${w.tax}</td><td class="amount">{{ order.tax_total }}</td></tr>
  {%- endunless %}
  <tr class="total"><td>${w.total}</td><td class="amount">{{ order.total }}</td></tr>
  {%- if order.taxes_included and order.tax_total.amount > 0 %}
  <tr><td colspan="2" class="muted">${w.includingTax.replace('{amount}', '{{ order.tax_total }}')}</td></tr>
  {%- endif %}
</table>`;
}

/** Shipping and billing addresses side by side (stacked on a phone). */
export function orderAddresses(w: BlockWords): string {
  return `<table class="addresses" role="presentation"><tr>
  {%- if order.shipping_address %}
  <td><h3>${w.shippingAddress}</h3><p>{{ order.shipping_address | format_address }}</p></td>
  {%- endif %}
  {%- if order.billing_address %}
  <td><h3>${w.billingAddress}</h3><p>{{ order.billing_address | format_address }}</p></td>
  {%- endif %}
</tr></table>`;
}

/** "hour" or "hours" after `expires_in_hours`. */
export function hours(one: string, many: string): string {
  return `{{ expires_in_hours }} {% if expires_in_hours == 1 %}${one}{% else %}${many}{% endif %}`;
}

/** The lines of a template's body, joined (so each language file reads as a list of paragraphs). */
export const lines = (...parts: string[]) => parts.join('\n');
