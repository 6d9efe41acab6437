import { Text, TextInput } from '@mantine/core';

/**
 * The rate of an order from a supplier who bills in another currency than the store: "1 USD = [ ] EUR".
 * Receipts turn the order's unit costs into the store's currency at this rate, so it sets the stock's
 * average cost; it can change while the order is a draft.
 */
export function ExchangeRateField({
  orderCurrency,
  baseCurrency,
  value,
  onChange,
  error,
}: {
  orderCurrency: string;
  baseCurrency: string;
  /** As typed. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const prefix = `1 ${orderCurrency} =`;
  return (
    <TextInput
      label="Exchange rate"
      description={`How many ${baseCurrency} you pay for 1 ${orderCurrency}. Received goods are costed in ${baseCurrency} at this rate.`}
      inputMode="decimal"
      autoComplete="off"
      required
      // In the text's own colour, so the prefix does not read as a placeholder.
      leftSection={
        <Text size="sm" aria-hidden>
          {prefix}
        </Text>
      }
      // Room for the prefix in the currency's own letters, e.g. "1 USD =".
      leftSectionWidth={prefix.length * 8 + 16}
      rightSection={
        <Text size="sm" aria-hidden>
          {baseCurrency}
        </Text>
      }
      rightSectionWidth={48}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
