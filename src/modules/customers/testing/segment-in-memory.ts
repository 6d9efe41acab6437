import {
  dayAfter,
  dayStart,
  type SegmentCondition,
  type SegmentMatch,
} from '../segments/segment-conditions.ts';

/** A customer as plain data: what the rules read. */
export interface CustomerFactsInMemory {
  id: string;
  state: string;
  acceptsMarketing: boolean;
  tags: string[];
  country: string | null;
  groupIds: string[];
  totalSpent: number;
  orderCount: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  /** The customer's RFM segment (the analytics' verdict), null without orders. */
  rfmSegment: string | null;
}

const DAY_MS = 86_400_000;

function compare(a: number, operator: string, b: number): boolean {
  switch (operator) {
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'equals':
      return a === b;
    default:
      return a !== b;
  }
}

function dateHolds(at: Date | null, operator: string, value: string | number, asOf: Date): boolean {
  if (!at) return false;
  const t = at.getTime();
  switch (operator) {
    case 'before':
      return t < dayStart(value as string).getTime();
    case 'after':
      return t >= dayAfter(value as string).getTime();
    case 'more_than_days_ago':
      return t < asOf.getTime() - (value as number) * DAY_MS;
    default:
      return t >= asOf.getTime() - (value as number) * DAY_MS;
  }
}

function holds(c: CustomerFactsInMemory, rule: SegmentCondition, asOf: Date): boolean {
  switch (rule.field) {
    case 'total_spent':
      return compare(c.totalSpent, rule.operator, rule.value);
    case 'order_count':
      return compare(c.orderCount, rule.operator, rule.value);
    case 'last_order_at':
      return dateHolds(c.lastOrderAt, rule.operator, rule.value, asOf);
    case 'first_order_at':
      return dateHolds(c.firstOrderAt, rule.operator, rule.value, asOf);
    case 'tag': {
      const has = c.tags.some((t) => t.toLowerCase() === rule.value.toLowerCase());
      return rule.operator === 'equals' ? has : !has;
    }
    case 'country': {
      const same = (c.country ?? '') === rule.value;
      return rule.operator === 'equals' ? same : !same;
    }
    case 'group': {
      const member = c.groupIds.includes(rule.value);
      return rule.operator === 'in' ? member : !member;
    }
    case 'accepts_marketing':
      return c.acceptsMarketing === rule.value;
    case 'rfm_segment': {
      const member = c.rfmSegment === rule.value;
      return rule.operator === 'in' ? member : !member;
    }
    case 'state':
      return rule.operator === 'equals' ? c.state === rule.value : c.state !== rule.value;
  }
}

/**
 * The segment rules evaluated over plain objects: the reference the SQL predicate is tested
 * against (segments.property.test.ts). Not used in production, where the database decides.
 */
export function matchesInMemory(
  customer: CustomerFactsInMemory,
  match: SegmentMatch,
  rules: SegmentCondition[],
  asOf: Date,
): boolean {
  return match === 'all'
    ? rules.every((r) => holds(customer, r, asOf))
    : rules.some((r) => holds(customer, r, asOf));
}
