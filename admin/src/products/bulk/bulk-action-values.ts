import type { ProductStatus } from '../../api/types.ts';
import { parseDecimalToMinor } from '../../money/minor-units.ts';
import type { BulkAction, PriceRounding } from './bulk-types.ts';

/** The bulk action form's fields, as typed. */
export interface BulkActionValues {
  type: BulkAction['type'];
  status: ProductStatus;
  tags: string[];
  collectionId: string | null;
  priceBy: 'percent' | 'amount';
  direction: 'up' | 'down';
  /** Percent ("12.5") or amount ("2.00"), always positive; `direction` gives the sign. */
  priceText: string;
  rounding: 'none' | 'whole' | 'ending';
  /** The ending as a decimal of the currency ("0.99"), or whole units for currencies without minor units. */
  endingText: string;
  /** For currencies without minor units: the grid the ending repeats on ("1000" for ¥1,980, ¥2,980). */
  stepText: string;
}

export const initialBulkActionValues: BulkActionValues = {
  type: 'add_tags',
  status: 'draft',
  tags: [],
  collectionId: null,
  priceBy: 'percent',
  direction: 'down',
  priceText: '',
  rounding: 'none',
  endingText: '0.99',
  stepText: '1000',
};

export type BuiltAction = { ok: true; action: BulkAction } | { ok: false; message: string };

function rounding(values: BulkActionValues, fractionDigits: number): PriceRounding | string {
  if (values.rounding !== 'ending') return { mode: values.rounding };
  if (fractionDigits === 0) {
    const ending = Number(values.endingText);
    const step = Number(values.stepText);
    if (!Number.isInteger(ending) || ending < 0) return 'Give the ending as a whole number, e.g. 980.';
    if (!Number.isInteger(step) || step <= ending) return 'The step must be a whole number above the ending.';
    return { mode: 'ending', ending, step };
  }
  const ending = parseDecimalToMinor(values.endingText, fractionDigits);
  if (!ending.ok) return ending.message;
  if (ending.amount >= 10 ** fractionDigits) return 'The ending must be below one whole unit, e.g. 0.99.';
  return { mode: 'ending', ending: ending.amount };
}

/** The action to send, or why it cannot be sent yet. */
export function bulkActionFrom(
  values: BulkActionValues,
  fractionDigits: number,
  canPublish: boolean,
): BuiltAction {
  switch (values.type) {
    case 'set_status':
      if (values.status === 'active' && !canPublish)
        return { ok: false, message: 'Publishing needs the catalog:publish permission.' };
      return { ok: true, action: { type: 'set_status', status: values.status } };
    case 'add_tags':
    case 'remove_tags':
      if (values.tags.length === 0) return { ok: false, message: 'Give at least one tag.' };
      return { ok: true, action: { type: values.type, tags: values.tags } };
    case 'add_to_collection':
    case 'remove_from_collection':
      if (!values.collectionId) return { ok: false, message: 'Pick a collection.' };
      return { ok: true, action: { type: values.type, collectionId: values.collectionId } };
    case 'delete':
      return { ok: true, action: { type: 'delete' } };
    case 'change_price': {
      const rule = rounding(values, fractionDigits);
      if (typeof rule === 'string') return { ok: false, message: rule };
      const sign = values.direction === 'down' ? -1 : 1;
      if (values.priceBy === 'percent') {
        const text = values.priceText.trim();
        if (!/^\d+(\.\d{1,2})?$/.test(text))
          return { ok: false, message: 'Give a percentage such as 10 or 12.5.' };
        const percent = Number(text);
        if (percent === 0) return { ok: false, message: 'A change of 0% changes nothing.' };
        if (sign < 0 && percent >= 100)
          return { ok: false, message: 'A price can go down by less than 100%.' };
        return {
          ok: true,
          action: {
            type: 'change_price',
            change: { by: 'percent', percent: sign * percent },
            rounding: rule,
          },
        };
      }
      const amount = parseDecimalToMinor(values.priceText, fractionDigits);
      if (!amount.ok) return { ok: false, message: amount.message };
      if (amount.amount === 0) return { ok: false, message: 'A change of 0 changes nothing.' };
      return {
        ok: true,
        action: {
          type: 'change_price',
          change: { by: 'amount', amount: sign * amount.amount },
          rounding: rule,
        },
      };
    }
  }
}
