import { formatMoney } from '../money/minor-units.ts';
import type { CollectionRule, ConditionMatch } from './collection-types.ts';
import { ruleFields } from './rule-fields.ts';

/** A rule set in words, e.g. "Tag is sale and Price is less than €20.00" (category ids stay ids). */
export function describeRules(match: ConditionMatch, rules: CollectionRule[], currency: string): string {
  const parts = rules.map((rule) => {
    const definition = ruleFields[rule.field];
    const operator = definition.operators.find((o) => o.value === rule.operator)?.label ?? rule.operator;
    const value =
      rule.field === 'price' && typeof rule.value === 'number'
        ? formatMoney(rule.value, currency)
        : rule.field === 'category'
          ? 'a category'
          : `“${rule.value}”`;
    return `${definition.label} ${operator} ${value}`;
  });
  return parts.join(match === 'all' ? ' and ' : ' or ');
}
