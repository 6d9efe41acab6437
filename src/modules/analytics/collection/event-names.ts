/**
 * The events Storepilot records, named as GA4 names its recommended e-commerce events, so reports
 * read the same as what managers know and exports map one to one (docs/analytics-events.md).
 */
export const eventNames = [
  'page_view',
  'view_item_list',
  'select_item',
  'view_item',
  'search',
  'add_to_cart',
  'remove_from_cart',
  'view_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
  'refund',
] as const;
export type EventName = (typeof eventNames)[number];

export function isEventName(value: string): value is EventName {
  return (eventNames as readonly string[]).includes(value);
}
