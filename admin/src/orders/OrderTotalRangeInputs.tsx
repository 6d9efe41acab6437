import { useEffect, useState } from 'react';
import { MoneyInput, moneyText, parseMoneyText } from '../money/MoneyInput.tsx';

/**
 * "Total from … up to …" (two inputs, for the caller's grid) in the store's currency, kept in minor units. A bound is applied when the
 * field is left or Enter is pressed, so the list does not reload at every key.
 */
export function OrderTotalRangeInputs({
  min,
  max,
  currency,
  onChange,
}: {
  min: number | undefined;
  max: number | undefined;
  currency: string;
  onChange: (change: { totalMin?: number; totalMax?: number }) => void;
}) {
  return (
    <>
      <Bound
        label="Total from"
        amount={min}
        currency={currency}
        check={(amount) => (max !== undefined && amount > max ? 'Above the highest total.' : null)}
        onApply={(totalMin) => onChange({ totalMin })}
      />
      <Bound
        label="up to"
        amount={max}
        currency={currency}
        check={(amount) => (min !== undefined && amount < min ? 'Below the lowest total.' : null)}
        onApply={(totalMax) => onChange({ totalMax })}
      />
    </>
  );
}

function Bound({
  label,
  amount,
  currency,
  check,
  onApply,
}: {
  label: string;
  amount: number | undefined;
  currency: string;
  check: (amount: number) => string | null;
  onApply: (amount: number | undefined) => void;
}) {
  const [value, setValue] = useState(moneyText(amount, currency));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setValue(moneyText(amount, currency));
    setError(null);
  }, [amount, currency]);

  const apply = () => {
    const parsed = parseMoneyText(value, currency, { optional: true });
    if (!parsed.ok) return setError(parsed.message);
    const problem = parsed.amount === null ? null : check(parsed.amount);
    if (problem) return setError(problem);
    setError(null);
    if ((parsed.amount ?? undefined) !== amount) onApply(parsed.amount ?? undefined);
  };

  return (
    <MoneyInput
      label={label}
      currency={currency}
      value={value}
      onChange={setValue}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
      }}
      error={error}
    />
  );
}
