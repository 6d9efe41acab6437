import { ActionIcon, Group, NumberInput, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { numberCell } from '../inventory/StockTable.tsx';
import { MoneyInput } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { VariantPicker } from '../purchasing/VariantPicker.tsx';
import { IconX } from '../ui/icons.tsx';
import type { TestCart } from './use-test-cart.ts';

/**
 * The lines of a made-up cart and the market it is priced in: find variants by title or SKU, set
 * quantities and, if need be, prices. `showErrors` marks the prices that are not amounts (once the
 * form was sent), so a line just added is not shown wrong while its price loads.
 */
export function TestCartLines({
  cart,
  showErrors,
  linesError,
}: {
  cart: TestCart;
  showErrors: boolean;
  /** What the server said about the lines as a whole (e.g. an unknown product). */
  linesError?: string;
}) {
  const present = new Set(cart.lines.map((l) => l.variantId));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Market"
          description="Lines are priced as its shoppers pay."
          data={cart.markets.map((m) => ({ value: m.id, label: `${m.name} (${m.currency})` }))}
          value={cart.market?.id ?? null}
          onChange={(value) => value && cart.chooseMarket(value)}
          allowDeselect={false}
          disabled={cart.markets.length === 0}
          inputWrapperOrder={['label', 'input', 'description']}
        />
        <VariantPicker onPick={cart.addVariant} exclude={present} error={linesError} />
      </SimpleGrid>
      {cart.lines.length === 0 ? (
        <Text
          size="sm"
          c="dimmed"
          ta="center"
          py="md"
          style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 8 }}
        >
          No lines yet: add variants to the cart.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Cart lines" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th w={96}>Quantity</Table.Th>
                <Table.Th w={150}>Unit price</Table.Th>
                <Table.Th ta="right" w={110}>
                  Line
                </Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cart.lines.map((line) => {
                const name = [line.productTitle, line.variantTitle].filter(Boolean).join(' – ');
                return (
                  <Table.Tr key={line.variantId}>
                    <Table.Td>
                      <Text size="sm" fw={500} lineClamp={1}>
                        {name}
                      </Text>
                      {line.sku ? (
                        <Text size="xs" c="dimmed">
                          {line.sku}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Quantity of ${name}`}
                        size="xs"
                        min={1}
                        max={10_000}
                        allowDecimal={false}
                        allowNegative={false}
                        value={line.quantity}
                        onChange={(value) =>
                          cart.setQuantity(
                            line.variantId,
                            typeof value === 'number' && value >= 1 ? value : 1,
                          )
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <MoneyInput
                        aria-label={`Unit price of ${name}`}
                        size="xs"
                        currency={cart.currency}
                        value={line.unitPrice}
                        onChange={(text) => cart.setUnitPrice(line.variantId, text)}
                        error={showErrors ? line.priceError : undefined}
                      />
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      <Text size="sm">
                        {line.unitAmount === null
                          ? '—'
                          : formatMoney(line.unitAmount * line.quantity, cart.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove ${name}`}
                        onClick={() => cart.removeLine(line.variantId)}
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cart.lines.length > 0 ? (
        <Group justify="flex-end" gap="xs">
          <Text size="sm" c="dimmed">
            Subtotal
          </Text>
          <Text size="sm" fw={600} style={numberCell}>
            {cart.subtotal === null ? '—' : formatMoney(cart.subtotal, cart.currency)}
          </Text>
        </Group>
      ) : null}
    </>
  );
}
