import { formatMoney } from '../money/minor-units.ts';
import type { TemplateVariable } from './email-template-types.ts';

/** A variable's example as the editor's help shows it: money formatted, lists by their length, text as it is. */
export function exampleText(variable: Pick<TemplateVariable, 'type' | 'example'>): string {
  const { type, example } = variable;
  if (example === null || example === undefined || example === '') return '—';
  if (type === 'money' && typeof example === 'object') {
    const { amount, currency } = example as { amount: number; currency: string };
    return formatMoney(amount, currency, 'en');
  }
  if (type === 'list')
    return Array.isArray(example) ? `${example.length} item${example.length === 1 ? '' : 's'}` : '—';
  if (type === 'address' && typeof example === 'object') {
    const a = example as Record<string, unknown>;
    return [a.name, a.line1, [a.postal_code, a.city].filter(Boolean).join(' '), a.country]
      .filter(Boolean)
      .join(', ');
  }
  if (type === 'date' && typeof example === 'string') {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(example));
  }
  return String(example).replace(/\n/g, ' · ');
}

/** The first part of a variable's name (`order` of `order.lines[].title`), how the help groups them; `mail` for one of its own (`reset_url`). */
export function variableGroup(name: string): string {
  return name.includes('.') ? name.slice(0, name.indexOf('.')) : 'mail';
}
