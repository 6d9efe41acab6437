import { z } from 'zod';
import { customerStates } from '../schema.ts';

/**
 * The rules a segment is made of ("spent more than 100.00 AND last order more than 90 days ago").
 * Each is one field, an operator and a value; segment-predicate.ts turns a list of them into one SQL
 * predicate, and testing/segment-in-memory.ts evaluates the same rules over plain objects (the
 * property test holds the two to the same answer).
 *
 * Dates are calendar days in UTC: `before 2026-03-01` is before that day began, `after` is after it
 * ended. A customer without orders has no first or last order date, so every date rule about
 * orders is false for them ("more than 90 days ago" means they did order, long ago).
 */
export const amountOperators = ['lt', 'lte', 'gt', 'gte', 'equals', 'not_equals'] as const;
export type AmountOperator = (typeof amountOperators)[number];
export const dateOperators = ['before', 'after', 'more_than_days_ago', 'within_days'] as const;
export type DateOperator = (typeof dateOperators)[number];

const day = z.iso.date('Send a day as YYYY-MM-DD.');
const days = z.number().int('Send a whole number of days.').min(0).max(36_500);
const count = z.number().int().min(0).max(1_000_000_000);

const dateRule = <F extends string>(field: F) => [
  z.object({ field: z.literal(field), operator: z.enum(['before', 'after']), value: day }).strict(),
  z
    .object({ field: z.literal(field), operator: z.enum(['more_than_days_ago', 'within_days']), value: days })
    .strict(),
];

export const segmentCondition = z.union([
  z
    .object({
      /** Σ of counted orders minus refunds, minor units of the store's base currency. */
      field: z.literal('total_spent'),
      operator: z.enum(amountOperators),
      value: z.number().int('Send the amount in minor units (an integer).').min(0).max(1_000_000_000_000),
    })
    .strict(),
  z.object({ field: z.literal('order_count'), operator: z.enum(amountOperators), value: count }).strict(),
  ...dateRule('last_order_at'),
  ...dateRule('first_order_at'),
  z
    .object({
      field: z.literal('tag'),
      operator: z.enum(['equals', 'not_equals']),
      value: z.string().trim().min(1, 'Give a tag.').max(64),
    })
    .strict(),
  z
    .object({
      /** The country of the default address (ISO 3166-1 alpha-2); without one, no country. */
      field: z.literal('country'),
      operator: z.enum(['equals', 'not_equals']),
      value: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code.')
        .transform((c) => c.toUpperCase()),
    })
    .strict(),
  z
    .object({
      field: z.literal('group'),
      operator: z.enum(['in', 'not_in']),
      value: z.string().min(1).max(64),
    })
    .strict(),
  z
    .object({ field: z.literal('accepts_marketing'), operator: z.literal('equals'), value: z.boolean() })
    .strict(),
  z
    .object({
      /** The analytics' RFM segment (champions, at_risk, …), computed as the rule is read: rfm-membership.ts. */
      field: z.literal('rfm_segment'),
      operator: z.enum(['in', 'not_in']),
      value: z.string().regex(/^[a-z][a-z_]{1,39}$/, 'Name an RFM segment, e.g. champions or at_risk.'),
    })
    .strict(),
  z
    .object({
      field: z.literal('state'),
      operator: z.enum(['equals', 'not_equals']),
      value: z.enum(customerStates),
    })
    .strict(),
]);

export type SegmentCondition = z.output<typeof segmentCondition>;
export type SegmentField = SegmentCondition['field'];
export const segmentFields = [
  'total_spent',
  'order_count',
  'last_order_at',
  'first_order_at',
  'tag',
  'country',
  'group',
  'accepts_marketing',
  'rfm_segment',
  'state',
] as const satisfies readonly SegmentField[];

export const segmentMatches = ['all', 'any'] as const;
export type SegmentMatch = (typeof segmentMatches)[number];

export const MAX_SEGMENT_CONDITIONS = 25;
export const segmentConditions = z
  .array(segmentCondition)
  .min(1, 'A segment needs at least one rule.')
  .max(MAX_SEGMENT_CONDITIONS);

/** The start of a UTC day, and of the day after it. */
export function dayStart(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00.000Z`);
}
export function dayAfter(isoDay: string): Date {
  return new Date(dayStart(isoDay).getTime() + 86_400_000);
}
