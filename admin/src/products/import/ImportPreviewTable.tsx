import { Badge, Card, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { formatMoney } from '../../money/minor-units.ts';
import { ProductStatusBadge } from '../ProductStatusBadge.tsx';
import type { PreviewProduct } from './import-types.ts';

function priceRange(price: PreviewProduct['price']): string {
  const low = formatMoney(price.min, price.currency);
  return price.min === price.max ? low : `${low} – ${formatMoney(price.max, price.currency)}`;
}

function IssueBadges({ product }: { product: PreviewProduct }) {
  const errors = product.issues.filter((i) => i.severity === 'error').length;
  const warnings = product.issues.length - errors;
  if (product.issues.length === 0) return <Badge color="teal">OK</Badge>;
  return (
    <Tooltip
      label={product.issues.map((i) => `Line ${i.row}: ${i.message}`).join('\n')}
      multiline
      w={360}
      style={{ whiteSpace: 'pre-line' }}
    >
      <Group gap={4} wrap="nowrap">
        {errors > 0 ? <Badge color="red">{errors === 1 ? '1 error' : `${errors} errors`}</Badge> : null}
        {warnings > 0 ? (
          <Badge color="yellow">{warnings === 1 ? '1 warning' : `${warnings} warnings`}</Badge>
        ) : null}
      </Group>
    </Tooltip>
  );
}

/** The first products of the file as the import will write them. */
export function ImportPreviewTable({ products, total }: { products: PreviewProduct[]; total: number }) {
  if (products.length === 0) return null;
  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" p="md" gap="xs">
        <Title order={3} size="h5">
          Preview
        </Title>
        <Text size="sm" c="dimmed">
          {products.length < total
            ? `The first ${products.length} of ${total.toLocaleString()} products`
            : `All ${total} products`}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Import preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th ta="right">Variants</Table.Th>
              <Table.Th ta="right">Price</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>Check</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.map((product) => (
              <Table.Tr
                key={`${product.rows.first}-${product.handle}`}
                style={{ opacity: product.importable ? 1 : 0.7 }}
              >
                <Table.Td>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {product.title || '(no title)'}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    /{product.handle} · line {product.rows.first}
                    {product.images > 0 ? ` · ${product.images} image${product.images === 1 ? '' : 's'}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {product.variants}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {/* A product with errors may have prices that could not be read. */}
                  {product.importable ? priceRange(product.price) : '—'}
                </Table.Td>
                <Table.Td>
                  <ProductStatusBadge status={product.status} />
                  {product.status !== product.fileStatus ? (
                    <Text size="xs" c="dimmed">
                      {product.fileStatus} in the file
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {!product.importable ? (
                    <Badge color="red" variant="outline">
                      Skipped
                    </Badge>
                  ) : product.exists ? (
                    <Badge color="indigo" variant="outline">
                      Update
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="outline">
                      New
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <IssueBadges product={product} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
