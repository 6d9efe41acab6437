import { and, or, type SQL, sql } from 'drizzle-orm';
import { customerGroupMembers, customers } from '../schema.ts';
import { noRuleData, type ResolvedRuleData } from './rfm-membership.ts';
import {
  type AmountOperator,
  type DateOperator,
  dayAfter,
  dayStart,
  type SegmentCondition,
  type SegmentMatch,
} from './segment-conditions.ts';

/** The columns a rule reads besides `customers`: the order figures and the default address's country. */
export interface SegmentColumns {
  totalSpent: SQL;
  orderCount: SQL;
  firstOrderAt: SQL;
  lastOrderAt: SQL;
  country: SQL;
}

const amountSql: Record<AmountOperator, string> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  equals: '=',
  not_equals: '<>',
};

const DAY_MS = 86_400_000;

function datePredicate(column: SQL, operator: DateOperator, value: string | number, asOf: Date): SQL {
  // A missing date compares as null: the rule is false, never true by negation.
  switch (operator) {
    case 'before':
      return sql`(${column} < ${dayStart(value as string).toISOString()}::timestamptz) is true`;
    case 'after':
      return sql`(${column} >= ${dayAfter(value as string).toISOString()}::timestamptz) is true`;
    case 'more_than_days_ago':
      return sql`(${column} < ${new Date(asOf.getTime() - (value as number) * DAY_MS).toISOString()}::timestamptz) is true`;
    case 'within_days':
      return sql`(${column} >= ${new Date(asOf.getTime() - (value as number) * DAY_MS).toISOString()}::timestamptz) is true`;
  }
}

function conditionSql(
  storeId: string,
  condition: SegmentCondition,
  columns: SegmentColumns,
  asOf: Date,
  data: ResolvedRuleData,
): SQL {
  switch (condition.field) {
    case 'total_spent':
      return sql`${columns.totalSpent} ${sql.raw(amountSql[condition.operator])} ${condition.value}`;
    case 'order_count':
      return sql`${columns.orderCount} ${sql.raw(amountSql[condition.operator])} ${condition.value}`;
    case 'last_order_at':
      return datePredicate(columns.lastOrderAt, condition.operator, condition.value, asOf);
    case 'first_order_at':
      return datePredicate(columns.firstOrderAt, condition.operator, condition.value, asOf);
    case 'tag': {
      // Tags compare without case, as the catalog's rule collections do.
      const hasTag = sql`lower(${condition.value}::text) = any(lower(${customers.tags}::text)::text[])`;
      return condition.operator === 'equals' ? hasTag : sql`not ${hasTag}`;
    }
    case 'country': {
      const same = sql`coalesce(${columns.country}, '') = ${condition.value}`;
      return condition.operator === 'equals' ? same : sql`not ${same}`;
    }
    case 'group': {
      const member = sql`exists (select 1 from ${customerGroupMembers}
        where ${customerGroupMembers.customerId} = ${customers.id}
          and ${customerGroupMembers.groupId} = ${condition.value}
          and ${customerGroupMembers.storeId} = ${storeId})`;
      return condition.operator === 'in' ? member : sql`not ${member}`;
    }
    case 'accepts_marketing':
      return condition.value ? sql`${customers.acceptsMarketing}` : sql`not ${customers.acceptsMarketing}`;
    case 'rfm_segment': {
      // Customers without orders are in no RFM segment: `not_in` holds for them.
      const ids = [...(data.rfmMembers.get(condition.value) ?? [])];
      const member = sql`${customers.id} = any(${sql.param(ids)}::text[])`;
      return condition.operator === 'in' ? member : sql`not ${member}`;
    }
    case 'state':
      return condition.operator === 'equals'
        ? sql`${customers.state} = ${condition.value}`
        : sql`${customers.state} <> ${condition.value}`;
  }
}

/**
 * The rules as one SQL predicate over `customers` joined with `columns` (customer-facts.ts's
 * query). `asOf` is the instant "N days ago" counts from (now, except in tests); `data` is what
 * `resolveRuleData` read for the rules beforehand (RFM segments' members).
 */
export function segmentPredicate(
  storeId: string,
  match: SegmentMatch,
  rules: SegmentCondition[],
  columns: SegmentColumns,
  asOf: Date,
  data: ResolvedRuleData = noRuleData,
): SQL {
  const parts = rules.map((rule) => sql`(${conditionSql(storeId, rule, columns, asOf, data)})`);
  return (match === 'all' ? and(...parts) : or(...parts)) ?? sql`true`;
}
