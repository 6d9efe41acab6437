import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatMinorAsDecimal, parseDecimalToMinor } from '../../money/minor-units.ts';
import { foldValue, type OptionDraft } from './variant-combinations.ts';
import type { VariantDraft } from './variant-drafts.ts';

type BulkField = 'price' | 'compareAtPrice' | 'cost' | 'weight' | 'taxClass';

const fieldLabels: Record<BulkField, string> = {
  price: 'Price',
  compareAtPrice: 'Compare-at price',
  cost: 'Cost',
  weight: 'Weight (g)',
  taxClass: 'Tax class',
};

/** Why a value cannot be set on the field, if it cannot. Empty clears every field but the price. */
function valueProblem(field: BulkField, text: string, fractionDigits: number): string | undefined {
  const value = text.trim();
  if (field === 'price' || ((field === 'compareAtPrice' || field === 'cost') && value)) {
    const parsed = parseDecimalToMinor(value, fractionDigits);
    return parsed.ok ? undefined : parsed.message;
  }
  if (field === 'weight' && value && !/^\d+$/.test(value)) return 'Enter whole grams, e.g. 350.';
  return undefined;
}

/** `all`, or `<option index>:<value>` for the variants with that value. */
function inScope(variant: VariantDraft, scope: string): boolean {
  if (scope === 'all') return true;
  const at = scope.indexOf(':');
  const option = Number(scope.slice(0, at));
  return foldValue(variant.optionValues[option] ?? '') === foldValue(scope.slice(at + 1));
}

/**
 * "Apply to all": one value into one column for every variant, or for the variants with one option
 * value (every Large, say).
 */
export function VariantBulkSet({
  options,
  variants,
  fractionDigits,
  currency,
  onApply,
}: {
  options: OptionDraft[];
  variants: VariantDraft[];
  fractionDigits: number;
  currency: string;
  onApply: (variants: VariantDraft[]) => void;
}) {
  const [field, setField] = useState<BulkField>('price');
  const [value, setValue] = useState('');
  const [scope, setScope] = useState('all');
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const scopes = [
    { value: 'all', label: 'All variants' },
    ...options.map((option, i) => ({
      group: option.name.trim() || `Option ${i + 1}`,
      items: option.values.map((v) => ({
        value: `${i}:${v}`,
        label: `${option.name.trim() || `Option ${i + 1}`}: ${v}`,
      })),
    })),
  ];
  const scopeValid = scope === 'all' || options.some((o, i) => o.values.some((v) => `${i}:${v}` === scope));

  const apply = () => {
    const found = valueProblem(field, value, fractionDigits);
    setProblem(found);
    if (found) return;
    const chosen = scopeValid ? scope : 'all';
    let count = 0;
    // Amounts are written the way the grid shows them: 119 → 119.00.
    const parsed = parseDecimalToMinor(value, fractionDigits);
    const money = field === 'price' || field === 'compareAtPrice' || field === 'cost';
    const text = money && parsed.ok ? formatMinorAsDecimal(parsed.amount, fractionDigits) : value.trim();
    onApply(
      variants.map((variant) => {
        if (!inScope(variant, chosen)) return variant;
        count++;
        return { ...variant, [field]: text };
      }),
    );
    setDone(
      `${fieldLabels[field]} ${text ? 'set' : 'cleared'} for ${count === 1 ? '1 variant' : `${count} variants`}.`,
    );
  };

  return (
    <Paper bg="var(--mantine-color-gray-0)" radius="sm" p="xs" mb="sm" aria-label="Apply to variants">
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Text size="sm" fw={500} mt={5}>
          Set
        </Text>
        <Select
          size="xs"
          aria-label="Field to set"
          data={Object.entries(fieldLabels).map(([v, label]) => ({ value: v, label }))}
          value={field}
          onChange={(next) => {
            if (next) setField(next as BulkField);
            setProblem(undefined);
            setDone(null);
          }}
          allowDeselect={false}
          w={136}
        />
        <Text size="sm" mt={5}>
          to
        </Text>
        <TextInput
          size="xs"
          aria-label="Value to set"
          placeholder={field === 'taxClass' ? 'e.g. Reduced' : field === 'weight' ? 'Grams' : currency}
          inputMode={field === 'taxClass' ? 'text' : 'decimal'}
          value={value}
          error={problem}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setProblem(undefined);
            setDone(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              apply();
            }
          }}
          w={96}
        />
        <Text size="sm" mt={5}>
          for
        </Text>
        <Select
          size="xs"
          aria-label="Variants to set"
          data={scopes}
          value={scopeValid ? scope : 'all'}
          onChange={(next) => {
            setScope(next ?? 'all');
            setDone(null);
          }}
          allowDeselect={false}
          w={148}
        />
        <Button size="xs" variant="light" onClick={apply}>
          Apply
        </Button>
        {done ? (
          <Text size="xs" c="teal.8" mt={6} role="status">
            {done}
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
}
