import { formatMinorAsDecimal, parseDecimalToMinor } from '../money/minor-units.ts';
import type { CollectionRule, RuleField } from './collection-types.ts';

/**
 * What the rule builder offers for each product field: its operators and the kind of value it
 * takes. Prices are typed as decimals ("19.99") and sent as integer minor units.
 */
type ValueKind = 'text' | 'money' | 'category' | 'status';

interface FieldDefinition {
  label: string;
  operators: { value: string; label: string }[];
  valueKind: ValueKind;
}

const textOperators = [
  { value: 'equals', label: 'is' },
  { value: 'not_equals', label: 'is not' },
  { value: 'contains', label: 'contains' },
  { value: 'not_contains', label: 'does not contain' },
  { value: 'starts_with', label: 'starts with' },
  { value: 'ends_with', label: 'ends with' },
];

export const ruleFields: Record<RuleField, FieldDefinition> = {
  tag: {
    label: 'Tag',
    operators: [
      { value: 'equals', label: 'is' },
      { value: 'not_equals', label: 'is not' },
    ],
    valueKind: 'text',
  },
  title: { label: 'Title', operators: textOperators, valueKind: 'text' },
  vendor: { label: 'Vendor', operators: textOperators, valueKind: 'text' },
  productType: { label: 'Product type', operators: textOperators, valueKind: 'text' },
  price: {
    label: 'Price',
    operators: [
      { value: 'lt', label: 'is less than' },
      { value: 'lte', label: 'is at most' },
      { value: 'gt', label: 'is more than' },
      { value: 'gte', label: 'is at least' },
      { value: 'equals', label: 'is' },
      { value: 'not_equals', label: 'is not' },
    ],
    valueKind: 'money',
  },
  category: {
    label: 'Category',
    operators: [
      { value: 'in', label: 'is in' },
      { value: 'not_in', label: 'is not in' },
    ],
    valueKind: 'category',
  },
  status: {
    label: 'Status',
    operators: [
      { value: 'equals', label: 'is' },
      { value: 'not_equals', label: 'is not' },
    ],
    valueKind: 'status',
  },
};

export const ruleFieldOptions = (Object.keys(ruleFields) as RuleField[]).map((field) => ({
  value: field,
  label: ruleFields[field].label,
}));

/** A condition being edited: the value as typed. */
export interface DraftRule {
  key: string;
  field: RuleField;
  operator: string;
  text: string;
}

let draftCounter = 0;
const nextKey = () => `rule-${++draftCounter}`;

export function newDraftRule(field: RuleField = 'tag'): DraftRule {
  const definition = ruleFields[field];
  return {
    key: nextKey(),
    field,
    operator: definition.operators[0]!.value,
    text: definition.valueKind === 'status' ? 'active' : '',
  };
}

/**
 * Changing the field keeps operator and value between fields of the same kind (tag → vendor);
 * another kind starts from that field's first operator ("is less than" for a price) and no value.
 */
export function withField(rule: DraftRule, field: RuleField): DraftRule {
  const definition = ruleFields[field];
  const sameKind = ruleFields[rule.field].valueKind === definition.valueKind;
  const operator =
    sameKind && definition.operators.some((o) => o.value === rule.operator)
      ? rule.operator
      : definition.operators[0]!.value;
  return {
    ...rule,
    field,
    operator,
    text: sameKind ? rule.text : definition.valueKind === 'status' ? 'active' : '',
  };
}

export function draftFromRule(rule: CollectionRule, fractionDigits: number): DraftRule {
  const text =
    rule.field === 'price' && typeof rule.value === 'number'
      ? formatMinorAsDecimal(rule.value, fractionDigits)
      : String(rule.value);
  return { key: nextKey(), field: rule.field, operator: rule.operator, text };
}

export type RuleCheck = { ok: true; rule: CollectionRule } | { ok: false; message: string };

/** The condition the API takes, or what is wrong with the draft. */
export function ruleFromDraft(draft: DraftRule, fractionDigits: number): RuleCheck {
  const text = draft.text.trim();
  if (draft.field === 'price') {
    const parsed = parseDecimalToMinor(text, fractionDigits);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    return { ok: true, rule: { field: 'price', operator: draft.operator, value: parsed.amount } };
  }
  if (!text) {
    return {
      ok: false,
      message: draft.field === 'category' ? 'Pick a category.' : 'Enter a value.',
    };
  }
  if (text.length > 255) return { ok: false, message: 'Use at most 255 characters.' };
  return { ok: true, rule: { field: draft.field, operator: draft.operator, value: text } };
}

/** All conditions as the API takes them, or null while any is incomplete. */
export function rulesFromDrafts(drafts: DraftRule[], fractionDigits: number): CollectionRule[] | null {
  const rules: CollectionRule[] = [];
  for (const draft of drafts) {
    const checked = ruleFromDraft(draft, fractionDigits);
    if (!checked.ok) return null;
    rules.push(checked.rule);
  }
  return rules;
}
