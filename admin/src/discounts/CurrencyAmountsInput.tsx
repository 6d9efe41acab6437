import { ActionIcon, Group, Input, Select, Stack } from '@mantine/core';
import { currencyOptions } from '../money/currency-options.ts';
import { MoneyInput, parseMoneyText } from '../money/MoneyInput.tsx';
import { IconX } from '../ui/icons.tsx';
import { type AmountDraft, amountDraft } from './discount-draft.ts';

/**
 * An amount in each of several currencies ({ EUR: 5.00, USD: 6.00 }): a discount or a threshold is
 * never converted, so a cart in a currency the list lacks does not get it. With an `error`, the
 * amounts that do not read are marked too.
 */
export function CurrencyAmountsInput({
  label,
  description,
  value,
  onChange,
  error,
  suggested,
  disabled = false,
}: {
  label: string;
  description?: string;
  value: AmountDraft[];
  onChange: (value: AmountDraft[]) => void;
  error?: string;
  /** Currencies the store sells in, offered first when adding one. */
  suggested: string[];
  disabled?: boolean;
}) {
  const present = new Set(value.map((a) => a.currency));
  const update = (key: number, change: Partial<AmountDraft>) =>
    onChange(value.map((a) => (a.key === key ? { ...a, ...change } : a)));
  const addable = [
    ...suggested.filter((c) => !present.has(c)).map((c) => ({ value: c, label: `${c} (you sell in it)` })),
    ...currencyOptions.filter((o) => !present.has(o.value) && !suggested.includes(o.value)),
  ];
  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    >
      <Stack gap={6} mt={4}>
        {value.map((entry) => (
          <Group key={entry.key} gap="xs" wrap="nowrap">
            <Select
              aria-label={`${label}: currency`}
              data={currencyOptions
                .filter((o) => o.value === entry.currency || !present.has(o.value))
                .map((o) => ({ value: o.value, label: o.value }))}
              value={entry.currency}
              onChange={(currency) => currency && update(entry.key, { currency })}
              allowDeselect={false}
              searchable
              w={100}
              disabled={disabled}
            />
            <MoneyInput
              aria-label={`${label} in ${entry.currency}`}
              currency={entry.currency}
              value={entry.amount}
              onChange={(amount) => update(entry.key, { amount })}
              error={Boolean(error) && !parseMoneyText(entry.amount, entry.currency).ok}
              w={160}
              disabled={disabled}
            />
            {value.length > 1 && !disabled ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove ${entry.currency}`}
                onClick={() => onChange(value.filter((a) => a.key !== entry.key))}
              >
                <IconX size={14} />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {disabled ? null : (
          <Select
            aria-label={`${label}: add a currency`}
            placeholder="Add a currency"
            data={addable}
            value={null}
            onChange={(currency) => currency && onChange([...value, amountDraft(currency)])}
            searchable
            size="xs"
            w={268}
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
