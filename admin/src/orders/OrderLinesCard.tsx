import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { ProductThumbnail } from '../products/ProductThumbnail.tsx';
import { IconTruck } from '../ui/icons.tsx';
import { FulfilmentStatusBadge } from './OrderBadges.tsx';
import { unfulfilledOf } from './order-amounts.ts';
import type { OrderDetail, OrderLine } from './order-types.ts';

/** "Oat Mug · Large": the product's title and, for a product with options, the variant's. */
export function lineTitle(line: Pick<OrderLine, 'title' | 'variantTitle'>): string {
  return line.variantTitle ? `${line.title} · ${line.variantTitle}` : line.title;
}

/**
 * The order's lines as bought: picture, title, variant and SKU, unit price × quantity, discount,
 * tax and total, and what happened to the units since (fulfilled, refunded, returned). `onFulfil`
 * (when the member may and something is left to ship) puts the Fulfil button in the card's head.
 */
export function OrderLinesCard({ order, onFulfil }: { order: OrderDetail; onFulfil?: () => void }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const unfulfilled = order.lines.reduce((sum, line) => sum + unfulfilledOf(line), 0);
  const anyDiscount = order.lines.some((l) => l.discount > 0);
  const anyTax = order.lines.some((l) => l.tax > 0);
  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" px="md" pt="md" pb="sm" wrap="nowrap">
        <Group gap="sm">
          <Title order={3} size="h5">
            Items
          </Title>
          <FulfilmentStatusBadge status={order.fulfilmentStatus} />
        </Group>
        {onFulfil && unfulfilled > 0 ? (
          <Button size="xs" leftSection={<IconTruck size={16} />} onClick={onFulfil}>
            Fulfil {unfulfilled} {unfulfilled === 1 ? 'item' : 'items'}
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={anyDiscount || anyTax ? 640 : 480}>
        <Table aria-label="Order lines" verticalSpacing="sm" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th ta="right">Price</Table.Th>
              <Table.Th ta="right">Qty</Table.Th>
              {anyDiscount ? <Table.Th ta="right">Discount</Table.Th> : null}
              {anyTax ? <Table.Th ta="right">{order.taxesIncluded ? 'Tax incl.' : 'Tax'}</Table.Th> : null}
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap" align="center">
                    <ProductThumbnail src={line.imageUrl ?? null} title={line.title} size={44} />
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} lineClamp={2}>
                        {line.title}
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
                      <LineProgress line={line} />
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(line.unitAmount)}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  × {line.quantity}
                </Table.Td>
                {anyDiscount ? (
                  <Table.Td ta="right" style={numberCell}>
                    {line.discount > 0 ? `−${money(line.discount)}` : '—'}
                  </Table.Td>
                ) : null}
                {anyTax ? (
                  <Table.Td ta="right" style={numberCell}>
                    {money(line.tax)}
                  </Table.Td>
                ) : null}
                <Table.Td ta="right" style={numberCell}>
                  <Text size="sm" fw={500}>
                    {money(line.total)}
                  </Text>
                  {line.discount > 0 ? (
                    <Text size="xs" c="dimmed" td="line-through">
                      {money(line.subtotal)}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** What became of a line's units, as small badges: "2 of 3 fulfilled", "1 refunded", "1 returned". */
function LineProgress({ line }: { line: OrderLine }) {
  const parts: { label: string; color: string }[] = [];
  if (line.fulfilledQuantity > 0) {
    parts.push({
      label:
        line.fulfilledQuantity === line.quantity
          ? 'Fulfilled'
          : `${line.fulfilledQuantity} of ${line.quantity} fulfilled`,
      color: 'teal',
    });
  }
  const unfulfilled = unfulfilledOf(line);
  if (unfulfilled > 0 && line.fulfilledQuantity > 0)
    parts.push({ label: `${unfulfilled} to ship`, color: 'yellow' });
  if (line.refundedQuantity > 0) parts.push({ label: `${line.refundedQuantity} refunded`, color: 'grape' });
  if (line.returnedQuantity > 0) parts.push({ label: `${line.returnedQuantity} returned`, color: 'orange' });
  if (parts.length === 0) return null;
  return (
    <Group gap={4} mt={2}>
      {parts.map((part) => (
        <Badge key={part.label} size="xs" color={part.color} variant="light" tt="none">
          {part.label}
        </Badge>
      ))}
    </Group>
  );
}
