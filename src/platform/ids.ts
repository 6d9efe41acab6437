import { TypeID, typeid } from 'typeid-js';

/**
 * TypeIDs: a readable prefix plus a UUIDv7 (time-sortable), e.g. `prod_01h455vb4pex5vsknk084sn02q`.
 * The prefix registry keeps prefixes unique and short.
 */
export const idPrefixes = {
  store: 'store',
  user: 'user',
  membership: 'mbr',
  session: 'sess',
  apiKey: 'key',
  audit: 'aud',
  product: 'prod',
  variant: 'var',
  productImage: 'img',
  category: 'cat',
  collection: 'coll',
  bulkOperation: 'bulk',
  productView: 'pview',
  redirect: 'rdr',
  productRevision: 'rev',
  productSchedule: 'psch',
  importRun: 'imp',
  event: 'evt',
  job: 'job',
  webhookEndpoint: 'whep',
  webhookDelivery: 'whdl',
  webhookAttempt: 'what',
  location: 'loc',
  movement: 'mov',
  reservation: 'rsv',
  supplier: 'sup',
  purchaseOrder: 'po',
  purchaseOrderLine: 'pol',
  transfer: 'trf',
  transferLine: 'trfl',
  stockCount: 'cnt',
  salesChannel: 'chan',
  mailMessage: 'mail',
  notification: 'ntf',
  discount: 'disc',
  discountUsage: 'dusg',
  market: 'mkt',
  exchangeRate: 'fxr',
  taxRate: 'txr',
  shippingZone: 'shz',
  shippingRate: 'shr',
  pickupOption: 'pku',
  cart: 'cart',
  cartLine: 'cartl',
  customer: 'cus',
  customerAddress: 'caddr',
  customerGroup: 'cgrp',
  customerSegment: 'cseg',
  marketingConsent: 'mcons',
  payment: 'pay',
  paymentTransaction: 'ptx',
  order: 'ord',
  orderLine: 'ordl',
  orderEvent: 'oev',
  fulfilment: 'ful',
  refund: 'rfd',
  orderReturn: 'ret',
  goal: 'goal',
  marketingCampaign: 'mcmp',
  // `rev` is the product revisions' already.
  review: 'rvw',
  reviewPhoto: 'rvph',
  supportTicket: 'tkt',
  supportMessage: 'tmsg',
  supportAttachment: 'tatt',
  supportMacro: 'tmac',
  privacyRequest: 'prq',
  newsletter: 'nl',
  newsletterRecipient: 'nlr',
  experiment: 'exp',
} as const;

export type IdKind = keyof typeof idPrefixes;

export function newId(kind: IdKind): string {
  return typeid(idPrefixes[kind]).toString();
}

/** True when `value` is a well-formed TypeID of the given kind. */
export function isId(kind: IdKind, value: string): boolean {
  if (!value.startsWith(`${idPrefixes[kind]}_`)) return false;
  try {
    TypeID.fromString(value);
    return true;
  } catch {
    return false;
  }
}
