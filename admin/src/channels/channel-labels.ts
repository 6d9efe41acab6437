import type { ChannelKind } from './channel-types.ts';

export const channelKindLabels: Record<ChannelKind, string> = {
  storefront: 'Storefront',
  marketplace: 'Marketplace',
  pos: 'Point of sale',
  other: 'Other',
};

/** "Oat Mug · Large", the product's title alone for its only variant, or the SKU of a variant gone. */
export function channelVariantLabel(row: {
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
}): string {
  if (!row.productTitle) return row.sku ?? 'Unknown variant';
  return row.variantTitle ? `${row.productTitle} · ${row.variantTitle}` : row.productTitle;
}
