import { NumberInput, SimpleGrid, Stack, Switch } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { useUpdateInventoryItem } from './inventory-queries.ts';
import type { VariantStock } from './inventory-types.ts';

type Field = 'low' | 'overstock';
const fieldFor: Record<string, Field> = { lowStockThreshold: 'low', overstockThreshold: 'overstock' };

/** An empty input means "no threshold". */
function threshold(value: number | string): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * Whether the variant's stock is tracked (switching takes effect at once), and the two thresholds:
 * low stock (alerts and the "Low" badge at or below it) and overstock (the "Overstock" filter above it).
 */
export function StockAlertsForm({ stock }: { stock: VariantStock }) {
  const { store } = useCurrentStore();
  const update = useUpdateInventoryItem(store.handle, stock.variantId);
  const tracking = useUpdateInventoryItem(store.handle, stock.variantId);
  const [low, setLow] = useState<number | string>(stock.lowStockThreshold ?? '');
  const [overstock, setOverstock] = useState<number | string>(stock.overstockThreshold ?? '');
  const { errors, general, setErrors, showFound, showServerError } = useFormErrors(fieldFor);
  const changed =
    threshold(low) !== stock.lowStockThreshold || threshold(overstock) !== stock.overstockThreshold;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lowValue = threshold(low);
    const overValue = threshold(overstock);
    if (lowValue !== null && overValue !== null && overValue <= lowValue) {
      setErrors({ overstock: 'Make it higher than the low-stock threshold.' });
      return;
    }
    showFound({});
    update.mutate(
      { lowStockThreshold: lowValue, overstockThreshold: overValue },
      {
        onSuccess: () => notifySuccess('Thresholds saved.'),
        onError: showServerError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Tracking and alerts">
      <Stack gap="sm">
        <Switch
          label="Track stock"
          description="Tracked variants are reserved for orders and cannot be sold beyond their stock. Untracked ones are always sellable."
          checked={stock.tracked}
          disabled={tracking.isPending}
          onChange={(event) =>
            tracking.mutate(
              { tracked: event.currentTarget.checked },
              {
                onSuccess: (_, input) =>
                  notifySuccess(input.tracked ? 'Stock is tracked.' : 'Stock is no longer tracked.'),
                onError: (error) => notifyError(error, 'Tracking was not changed'),
              },
            )
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="Low stock at"
            description="Marked low, with an alert, when available falls to this or below."
            placeholder="No threshold"
            min={0}
            max={1_000_000}
            allowDecimal={false}
            allowNegative={false}
            value={low}
            onChange={setLow}
            error={errors.low}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <NumberInput
            label="Overstock above"
            description="Shown under Overstock when available is above this."
            placeholder="No threshold"
            min={0}
            max={10_000_000}
            allowDecimal={false}
            allowNegative={false}
            value={overstock}
            onChange={setOverstock}
            error={errors.overstock}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </SimpleGrid>
        <FormFooter
          general={general}
          submitLabel="Save thresholds"
          pending={update.isPending}
          submitVariant="default"
          submitDisabled={!changed}
        />
      </Stack>
    </form>
  );
}
