import { parseDecimalToMinor } from '../../money/minor-units.ts';
import type { VariantDraft } from './variant-drafts.ts';
import type { VariantCellField } from './variant-errors.ts';

export type TextProperty = 'price' | 'compareAtPrice' | 'cost' | 'sku' | 'barcode' | 'weight' | 'taxClass';
export type FlagProperty = 'requiresShipping' | 'taxable' | 'continueSelling';

export type VariantColumn =
  | {
      kind: 'money' | 'text' | 'grams';
      property: TextProperty;
      label: string;
      width: number;
      maxLength?: number;
    }
  | { kind: 'flag'; property: FlagProperty; field: VariantCellField; label: string; width: number }
  | { kind: 'margin'; label: string; width: number };

export type ColumnSet = 'pricing' | 'inventory' | 'shipping';

/** The grid shows one set of columns at a time, so every cell is wide enough to read and type in. */
export const columnSets: Record<ColumnSet, { label: string; columns: VariantColumn[] }> = {
  pricing: {
    label: 'Pricing',
    columns: [
      { kind: 'money', property: 'price', label: 'Price', width: 120 },
      { kind: 'money', property: 'compareAtPrice', label: 'Compare-at', width: 120 },
      { kind: 'money', property: 'cost', label: 'Cost', width: 120 },
      { kind: 'margin', label: 'Margin', width: 76 },
    ],
  },
  inventory: {
    label: 'Inventory',
    columns: [
      { kind: 'text', property: 'sku', label: 'SKU', width: 170, maxLength: 64 },
      { kind: 'text', property: 'barcode', label: 'Barcode', width: 150, maxLength: 64 },
      {
        kind: 'flag',
        property: 'continueSelling',
        field: 'inventoryPolicy',
        label: 'Sell when out of stock',
        width: 104,
      },
    ],
  },
  shipping: {
    label: 'Shipping and tax',
    columns: [
      { kind: 'grams', property: 'weight', label: 'Weight', width: 104 },
      { kind: 'flag', property: 'requiresShipping', field: 'requiresShipping', label: 'Ships', width: 64 },
      { kind: 'flag', property: 'taxable', field: 'taxable', label: 'Charge tax', width: 80 },
      { kind: 'text', property: 'taxClass', label: 'Tax class', width: 130, maxLength: 60 },
    ],
  },
};

export const columnSetOrder = Object.keys(columnSets) as ColumnSet[];

/** The cell a column edits, as errors name it (none for the computed margin). */
export function cellFieldOf(column: VariantColumn): VariantCellField | null {
  return column.kind === 'margin' ? null : column.kind === 'flag' ? column.field : column.property;
}

export function flagValue(variant: VariantDraft, property: FlagProperty): boolean {
  return property === 'continueSelling' ? variant.inventoryPolicy === 'continue' : variant[property];
}

export function withFlag(variant: VariantDraft, property: FlagProperty, on: boolean): VariantDraft {
  if (property === 'continueSelling') return { ...variant, inventoryPolicy: on ? 'continue' : 'deny' };
  return { ...variant, [property]: on };
}

/** (price − cost) / price, when both are readable and the price is not zero. */
export function marginText(variant: VariantDraft, fractionDigits: number): string {
  const price = parseDecimalToMinor(variant.price, fractionDigits);
  const cost = parseDecimalToMinor(variant.cost, fractionDigits);
  if (!price.ok || !cost.ok || price.amount === 0) return '—';
  return `${Math.round(((price.amount - cost.amount) / price.amount) * 100)}%`;
}
