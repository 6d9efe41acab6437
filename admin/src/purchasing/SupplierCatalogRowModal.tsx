import { Checkbox, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { currencyFractionDigits, formatMinorAsDecimal, parseDecimalToMinor } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import type { Supplier, SupplierVariant } from './purchasing-types.ts';
import { useSaveSupplierVariant } from './supplier-catalog-queries.ts';

type Field = 'supplierSku' | 'cost' | 'packSize' | 'minimumOrderQuantity';
/** The last part of a server error's path (`items.0.cost.amount`) → the input it is about. */
const fieldFor: Record<string, Field> = {
  supplierSku: 'supplierSku',
  cost: 'cost',
  amount: 'cost',
  packSize: 'packSize',
  minimumOrderQuantity: 'minimumOrderQuantity',
};

/** What the modal edits: a variant just picked (`terms` null) or a row of the catalog. */
export interface CatalogRowTarget {
  variantId: string;
  label: string;
  terms: SupplierVariant | null;
}

/**
 * The supplier's terms for one variant: its SKU there, the cost per unit in the supplier's
 * currency, the pack size and the minimum. Ranges are the server's to judge (one set of rules);
 * what it refuses shows on the field it names.
 */
export function SupplierCatalogRowModal({
  supplier,
  target,
  onClose,
}: {
  supplier: Supplier;
  target: CatalogRowTarget;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const save = useSaveSupplierVariant(store.handle, supplier.id);
  const digits = currencyFractionDigits(supplier.currency);
  const { terms } = target;
  const [supplierSku, setSupplierSku] = useState(terms?.supplierSku ?? '');
  const [cost, setCost] = useState(terms ? formatMinorAsDecimal(terms.cost.amount, digits) : '');
  const [packSize, setPackSize] = useState<number | string>(terms?.packSize ?? 1);
  const [minimum, setMinimum] = useState<number | string>(terms?.minimumOrderQuantity ?? 1);
  const [preferred, setPreferred] = useState(terms?.preferred ?? false);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    // The one check the console must make itself: turning the typed price into minor units.
    const parsed = parseDecimalToMinor(cost, digits);
    if (!parsed.ok) found.cost = parsed.message;
    if (typeof packSize !== 'number') found.packSize = 'Units per pack, a whole number.';
    if (typeof minimum !== 'number') found.minimumOrderQuantity = 'Units per order, a whole number.';
    if (!showFound(found) || !parsed.ok) return;
    save.mutate(
      {
        variantId: target.variantId,
        supplierSku: supplierSku.trim() || null,
        cost: { amount: parsed.amount },
        packSize: packSize as number,
        minimumOrderQuantity: minimum as number,
        preferred,
      },
      {
        onSuccess: () => {
          notifySuccess(
            terms
              ? `${target.label}: ${supplier.name}'s terms saved.`
              : `${target.label} added to ${supplier.name}'s catalog.`,
          );
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={terms ? 'Edit catalog row' : 'Add to catalog'} size="lg">
      <form onSubmit={submit} noValidate aria-label="Catalog row">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {target.label}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Supplier SKU"
              description={`The code ${supplier.name} knows it by, printed on orders.`}
              placeholder="Optional"
              value={supplierSku}
              onChange={(e) => setSupplierSku(e.currentTarget.value)}
              error={errors.supplierSku}
              maxLength={64}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data-autofocus
            />
            <TextInput
              label={`Cost per unit (${supplier.currency})`}
              description="What a new order line costs unless you type another price."
              placeholder={formatMinorAsDecimal(0, digits)}
              inputMode="decimal"
              value={cost}
              onChange={(e) => setCost(e.currentTarget.value)}
              error={errors.cost}
              required
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <NumberInput
              label="Pack size"
              description="Units per pack: orders must be whole packs."
              allowDecimal={false}
              allowNegative={false}
              // No clamping: a 0 typed stays 0 and the server says why it cannot be.
              clampBehavior="none"
              value={packSize}
              onChange={setPackSize}
              error={errors.packSize}
              required
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <NumberInput
              label="Minimum order quantity"
              description="The fewest units of this variant per order."
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              value={minimum}
              onChange={setMinimum}
              error={errors.minimumOrderQuantity}
              required
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <Checkbox
            label="Preferred supplier for this variant"
            description="Reorder it from here. Marking it preferred here unmarks any other supplier of it."
            checked={preferred}
            onChange={(e) => setPreferred(e.currentTarget.checked)}
            mt="xs"
          />
          <FormFooter
            general={general}
            submitLabel={terms ? 'Save' : 'Add to catalog'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
