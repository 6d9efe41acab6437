import { ActionIcon, Alert, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { ProductThumbnail } from '../products/ProductThumbnail.tsx';
import { VariantPicker } from '../purchasing/VariantPicker.tsx';
import { IconTrash } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.ts';
import type { DraftChange, DraftOrder, PricedLine } from './draft-order-types.ts';

/** Units of one variant on a draft, as a cart allows. */
const MAX_QUANTITY = 9_999;

/**
 * What the customer orders: a variant picker (title or SKU), then each line with its price from
 * the draft's market, a quantity that saves when it is left, and the line's total after discounts.
 * Lines the store cannot sell as they are (sold out, too few) say so.
 */
export function DraftLinesCard({
  draft,
  editable,
  save,
}: {
  draft: DraftOrder | null;
  editable: boolean;
  save: (change: DraftChange) => Promise<unknown>;
}) {
  const priced = draft?.priced ?? null;
  const lines = draft?.lines ?? [];
  const money = (amount: number) => formatMoney(amount, priced?.currency ?? draft?.currency ?? 'EUR');
  const withQuantity = (variantId: string, quantity: number) =>
    lines.flatMap((l) =>
      l.variantId !== variantId
        ? [{ variantId: l.variantId, quantity: l.quantity }]
        : quantity > 0
          ? [{ variantId, quantity }]
          : [],
    );

  return (
    <Card withBorder radius="md" padding={0}>
      <Stack gap="sm" p="md">
        <Title order={3} size="h5">
          Items
        </Title>
        {editable ? (
          <VariantPicker
            label="Add a product"
            exclude={new Set(lines.map((l) => l.variantId))}
            onPick={(variant) =>
              void save({
                lines: [
                  ...lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
                  { variantId: variant.variantId, quantity: 1 },
                ],
              }).catch((error: unknown) => notifyError(error, 'The item could not be added'))
            }
          />
        ) : null}
        {priced?.problems.some((p) => !p.lineId) ? (
          <Alert color="orange" variant="light">
            {priced.problems
              .filter((p) => !p.lineId)
              .map((p) => p.message)
              .join(' ')}
          </Alert>
        ) : null}
      </Stack>
      {priced && priced.lines.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Draft lines" verticalSpacing="sm" highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th ta="right">Price</Table.Th>
                <Table.Th ta="right" w={120}>
                  Qty
                </Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                {editable ? <Table.Th w={48} aria-label="Remove" /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {priced.lines.map((line) => (
                <Table.Tr key={line.lineId}>
                  <Table.Td>
                    <LineProduct
                      line={line}
                      problem={priced.problems.find((p) => p.lineId === line.lineId)?.message}
                    />
                  </Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {money(line.unitAmount)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {editable ? (
                      <QuantityInput
                        key={`${line.lineId}-${line.quantity}`}
                        quantity={line.quantity}
                        label={`Quantity of ${line.title ?? line.sku ?? 'this item'}`}
                        onCommit={(quantity) => save({ lines: withQuantity(line.variantId, quantity) })}
                      />
                    ) : (
                      <Text size="sm" style={numberCell}>
                        × {line.quantity}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {line.discount > 0 ? (
                      <Text size="xs" c="dimmed" td="line-through">
                        {money(line.subtotal)}
                      </Text>
                    ) : null}
                    <Text size="sm" fw={500}>
                      {money(line.subtotal - line.discount)}
                    </Text>
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove ${line.title ?? line.sku ?? 'this item'}`}
                        onClick={() =>
                          void save({ lines: withQuantity(line.variantId, 0) }).catch((error: unknown) =>
                            notifyError(error, 'The item could not be removed'),
                          )
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed" px="md" pb="md">
          No items yet. Find a product by its title or SKU above.
        </Text>
      )}
    </Card>
  );
}

function LineProduct({ line, problem }: { line: PricedLine; problem: string | undefined }) {
  const title = line.title ?? line.sku ?? 'Unknown item';
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <ProductThumbnail src={line.imageUrl} title={title} size={44} />
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} lineClamp={2}>
          {title}
        </Text>
        {line.variantTitle ? (
          <Text size="xs" c="dimmed">
            {line.variantTitle}
          </Text>
        ) : null}
        {line.sku ? (
          <Text size="xs" c="dimmed">
            SKU {line.sku}
          </Text>
        ) : null}
        {problem ? (
          <Text size="xs" c="orange.8" role="status">
            {problem}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

/** A quantity that is saved when the field is left (or Enter pressed), not at every keystroke. */
function QuantityInput({
  quantity,
  label,
  onCommit,
}: {
  quantity: number;
  label: string;
  onCommit: (quantity: number) => Promise<unknown>;
}) {
  const [value, setValue] = useState<number | string>(quantity);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const next = Number(value);
    if (!Number.isInteger(next) || next < 1 || next > MAX_QUANTITY) {
      setError(`1 to ${MAX_QUANTITY}`);
      return;
    }
    setError(null);
    if (next !== quantity) {
      void onCommit(next).catch((err: unknown) => {
        setValue(quantity);
        notifyError(err, 'The quantity could not be changed');
      });
    }
  };
  return (
    <NumberInput
      aria-label={label}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      min={1}
      max={MAX_QUANTITY}
      allowDecimal={false}
      allowNegative={false}
      size="xs"
      w={90}
      ml="auto"
      error={error}
    />
  );
}
