import { formatMoney } from '../money/minor-units.ts';
import type {
  CurrencyAmounts,
  Discount,
  DiscountClass,
  DiscountKind,
  DiscountStatus,
  DiscountType,
  ItemTarget,
  RejectionReason,
} from './discount-types.ts';

export const discountStatuses: DiscountStatus[] = ['active', 'scheduled', 'expired', 'disabled'];

export const statusLabels: Record<DiscountStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  scheduled: { label: 'Scheduled', color: 'indigo' },
  expired: { label: 'Expired', color: 'gray' },
  disabled: { label: 'Disabled', color: 'red' },
};

export const kindLabels: Record<DiscountKind, string> = { code: 'Code', automatic: 'Automatic' };

export const typeLabels: Record<DiscountType, string> = {
  percentage: 'Percentage',
  fixed_amount: 'Fixed amount',
  free_shipping: 'Free shipping',
  buy_x_get_y: 'Buy X get Y',
};

export const classLabels: Record<DiscountClass, string> = {
  order: 'Order discounts',
  product: 'Product discounts',
  shipping: 'Shipping discounts',
};

/** Basis points as a percent: 1000 → "10 %", 1250 → "12.5 %". */
export function percentText(bp: number): string {
  return `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;
}

/** "€5.00 / $6.00" for an amount in several currencies. */
export function amountsText(amounts: CurrencyAmounts | null): string {
  if (!amounts) return '';
  return Object.entries(amounts)
    .map(([currency, amount]) => formatMoney(amount, currency))
    .join(' / ');
}

function itemsText(items: ItemTarget): string {
  return items.scope === 'products'
    ? `${items.productIds.length} product${items.productIds.length === 1 ? '' : 's'}`
    : `${items.collectionIds.length} collection${items.collectionIds.length === 1 ? '' : 's'}`;
}

/** What a discount gives, in a few words: "10 % off the order", "€5.00 off 3 products", "Buy 2, get 1 free". */
export function valueText(
  discount: Pick<Discount, 'type' | 'percentBp' | 'amounts' | 'appliesTo' | 'oncePerOrder' | 'buyXGetY'>,
): string {
  const target = discount.appliesTo.scope === 'order' ? 'the order' : itemsText(discount.appliesTo);
  switch (discount.type) {
    case 'percentage':
      return `${percentText(discount.percentBp ?? 0)} off ${target}`;
    case 'fixed_amount':
      return `${amountsText(discount.amounts)} off ${target}${discount.appliesTo.scope !== 'order' && !discount.oncePerOrder ? ', each unit' : ''}`;
    case 'free_shipping':
      return 'Free shipping';
    case 'buy_x_get_y': {
      const offer = discount.buyXGetY;
      if (!offer) return 'Buy X get Y';
      const buys =
        offer.buys.quantity !== null
          ? `Buy ${offer.buys.quantity}`
          : `Spend ${amountsText(offer.buys.minimumAmounts)}`;
      const off = offer.gets.percentBp === 10_000 ? 'free' : `${percentText(offer.gets.percentBp)} off`;
      return `${buys}, get ${offer.gets.quantity} ${off}`;
    }
  }
}

/** Why a discount did not apply, for a person. */
export const rejectionLabels: Record<RejectionReason, string> = {
  unknown_code: 'No discount has this code',
  disabled: 'Disabled',
  not_started: 'Not started yet',
  expired: 'Ended',
  usage_limit_reached: 'Used as often as allowed',
  customer_required: 'Needs a known customer (per-customer limit)',
  customer_limit_reached: 'This customer used it as often as allowed',
  customer_not_eligible: 'Not for this customer’s segments',
  wrong_currency: 'No amount in the cart’s currency',
  not_applicable: 'Nothing in the cart qualifies',
  below_minimum_quantity: 'Below the minimum quantity',
  below_minimum_subtotal: 'Below the minimum order value',
  does_not_combine: 'Does not combine with a better discount',
  nothing_to_discount: 'Nothing left to discount',
};
