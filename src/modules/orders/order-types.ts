/**
 * The shapes an order keeps of what it was placed with. They are snapshots: a later change to a
 * product, a discount or a tax rate never changes an order.
 */

export interface OrderAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  /** ISO 3166-2 code (e.g. US-CA), or null where the country has none in the address. */
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone: string | null;
}

/** One tax rate's amount on a line, on shipping, or (summed) on the order. */
export interface OrderTaxLine {
  rateId: string;
  name: string;
  /** Millionths: 190000 is 19 %. */
  ratePpm: number;
  amount: number;
}

/** A discount's share of one line. */
export interface OrderLineDiscountAllocation {
  discountId: string;
  amount: number;
}

/** A discount that applied to the order, with the amount it took off in all. */
export interface OrderDiscount {
  discountId: string;
  title: string;
  /** The code that unlocked it; null for an automatic discount. */
  code: string | null;
  amount: number;
}

/** How the order travels (or is collected), and what that cost. */
export interface OrderShipping {
  /** The shipping calculation's option key. */
  optionKey: string;
  title: string;
  kind: 'delivery' | 'pickup';
  /** The inventory location of a pick-up. */
  locationId: string | null;
  amount: number;
  discount: number;
  tax: number;
  taxLines: OrderTaxLine[];
  total: number;
  /** The promised delivery window, as days in the store's time zone (YYYY-MM-DD). */
  estimate: { earliest: string; latest: string } | null;
}
