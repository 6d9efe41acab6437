import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { currencyFractionDigits, formatMinorAsDecimal, parseDecimalToMinor } from './minor-units.ts';

/**
 * An amount of money as typed ("12.50"), with its currency beside it. The value stays text so a
 * half-typed amount is never rounded; `parseMoneyText` turns it into minor units when the form is sent.
 */
export function MoneyInput({
  currency,
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'rightSection'> & {
  currency: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const digits = currencyFractionDigits(currency);
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder={digits === 0 ? '0' : `0.${'0'.repeat(digits)}`}
      rightSection={
        <Text size="xs" c="dimmed" aria-hidden>
          {currency}
        </Text>
      }
      rightSectionWidth={44}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...props}
    />
  );
}

/** Minor units as a MoneyInput shows them to be changed: 1250 EUR → "12.50"; null → "". */
export function moneyText(amount: number | null | undefined, currency: string): string {
  return amount === null || amount === undefined
    ? ''
    : formatMinorAsDecimal(amount, currencyFractionDigits(currency));
}

export type ParsedMoney = { ok: true; amount: number | null } | { ok: false; message: string };

/**
 * A MoneyInput's text in minor units of `currency`; an empty text is null when `optional`, else
 * refused. More decimals than the currency has (1.234 EUR, 1.5 JPY) are refused, never rounded.
 */
export function parseMoneyText(
  text: string,
  currency: string,
  options: { optional?: boolean } = {},
): ParsedMoney {
  if (text.trim() === '') {
    return options.optional ? { ok: true, amount: null } : { ok: false, message: 'Enter an amount.' };
  }
  const parsed = parseDecimalToMinor(text, currencyFractionDigits(currency));
  if (parsed.ok) return parsed;
  // The parser speaks of prices; here it may be a threshold or a shipping amount too.
  return { ok: false, message: parsed.message.replace('The price', 'The amount') };
}
