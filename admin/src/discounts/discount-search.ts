import { discountStatuses } from './discount-labels.ts';
import type { DiscountKind, DiscountStatus, DiscountType } from './discount-types.ts';

export interface DiscountsSearch {
  status?: DiscountStatus;
  kind?: DiscountKind;
  type?: DiscountType;
  q?: string;
  page?: number;
}

const kinds: readonly string[] = ['code', 'automatic'];
const types: readonly string[] = ['percentage', 'fixed_amount', 'free_shipping', 'buy_x_get_y'];

/** The list's filters, search and page, kept in the URL so a reload or a shared link shows the same list. */
export function parseDiscountsSearch(search: Record<string, unknown>): DiscountsSearch {
  const page = Number(search.page);
  const pick = <T extends string>(value: unknown, allowed: readonly string[]) =>
    typeof value === 'string' && allowed.includes(value) ? (value as T) : undefined;
  return {
    status: pick<DiscountStatus>(search.status, discountStatuses),
    kind: pick<DiscountKind>(search.kind, kinds),
    type: pick<DiscountType>(search.type, types),
    q: typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 200) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
