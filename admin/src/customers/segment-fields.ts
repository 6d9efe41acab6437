import type { SegmentField, SegmentRule } from './customer-types.ts';

/** What the builder offers per field: its operators in words and the kind of value it takes. */
export const segmentFieldOptions: Record<
  SegmentField,
  {
    label: string;
    operators: { value: string; label: string }[];
    value: 'money' | 'number' | 'day' | 'days' | 'text' | 'boolean' | 'state' | 'group' | 'rfm';
  }
> = {
  total_spent: {
    label: 'Amount spent',
    operators: [
      { value: 'gt', label: 'more than' },
      { value: 'gte', label: 'at least' },
      { value: 'lt', label: 'less than' },
      { value: 'lte', label: 'at most' },
      { value: 'equals', label: 'exactly' },
    ],
    value: 'money',
  },
  order_count: {
    label: 'Number of orders',
    operators: [
      { value: 'gt', label: 'more than' },
      { value: 'gte', label: 'at least' },
      { value: 'lt', label: 'less than' },
      { value: 'equals', label: 'exactly' },
    ],
    value: 'number',
  },
  last_order_at: {
    label: 'Last order',
    operators: [
      { value: 'more_than_days_ago', label: 'more than … days ago' },
      { value: 'within_days', label: 'within the last … days' },
      { value: 'before', label: 'before' },
      { value: 'after', label: 'after' },
    ],
    value: 'days',
  },
  first_order_at: {
    label: 'First order',
    operators: [
      { value: 'within_days', label: 'within the last … days' },
      { value: 'more_than_days_ago', label: 'more than … days ago' },
      { value: 'before', label: 'before' },
      { value: 'after', label: 'after' },
    ],
    value: 'days',
  },
  tag: {
    label: 'Tag',
    operators: [
      { value: 'equals', label: 'has' },
      { value: 'not_equals', label: 'has not' },
    ],
    value: 'text',
  },
  country: {
    label: 'Country (default address)',
    operators: [
      { value: 'equals', label: 'is' },
      { value: 'not_equals', label: 'is not' },
    ],
    value: 'text',
  },
  group: {
    label: 'Group',
    operators: [
      { value: 'in', label: 'is in' },
      { value: 'not_in', label: 'is not in' },
    ],
    value: 'group',
  },
  accepts_marketing: {
    label: 'Accepts marketing',
    operators: [{ value: 'equals', label: 'is' }],
    value: 'boolean',
  },
  rfm_segment: {
    label: 'RFM segment',
    operators: [
      { value: 'in', label: 'is' },
      { value: 'not_in', label: 'is not' },
    ],
    value: 'rfm',
  },
  state: {
    label: 'Account',
    operators: [
      { value: 'equals', label: 'is' },
      { value: 'not_equals', label: 'is not' },
    ],
    value: 'state',
  },
};

/** The value a fresh rule of this field starts with. */
export function defaultRule(field: SegmentField): SegmentRule {
  const option = segmentFieldOptions[field];
  const operator = option.operators[0]!.value;
  const value: Record<typeof option.value, SegmentRule['value']> = {
    money: 10_000,
    number: 1,
    day: new Date().toISOString().slice(0, 10),
    days: 90,
    text: '',
    boolean: true,
    state: 'enabled',
    group: '',
    rfm: 'champions',
  };
  return { field, operator, value: value[option.value] };
}

/** Date operators take a day, the others a number of days. */
export const takesDay = (operator: string) => operator === 'before' || operator === 'after';

/** The analytics' RFM segments (Analytics → Customers explains each), as the rule names them. */
export const rfmSegmentChoices = [
  { value: 'champions', label: 'Champions' },
  { value: 'loyal', label: 'Loyal' },
  { value: 'potential_loyalists', label: 'Potential loyalists' },
  { value: 'new', label: 'New' },
  { value: 'promising', label: 'Promising' },
  { value: 'need_attention', label: 'Need attention' },
  { value: 'about_to_sleep', label: 'About to sleep' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'cannot_lose', label: 'Cannot lose' },
  { value: 'hibernating', label: 'Hibernating' },
  { value: 'lost', label: 'Lost' },
];
