import { Box, Group, Skeleton, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { ProductThumbnail } from '../products/ProductThumbnail.tsx';
import type { StockRow } from './inventory-types.ts';
import { RunsOut } from './RunsOut.tsx';
import { StockStateBadge } from './StockStateBadge.tsx';

/** Numbers line up by their last digit. */
export const numberCell: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/**
 * The inventory table's rows: a variant, its SKU, its numbers right-aligned, when it runs out at
 * its rate of sale, and a badge when it is low, out or overstocked. A whole row opens the variant's drawer; its title is the keyboard's way in.
 */
export function StockTable({
  rows,
  stale,
  onOpen,
}: {
  rows: StockRow[];
  stale: boolean;
  onOpen: (variantId: string) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table
        aria-label="Inventory"
        highlightOnHover
        verticalSpacing="sm"
        style={{ opacity: stale ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56} visibleFrom="xs">
              <VisuallyHidden>Image</VisuallyHidden>
            </Table.Th>
            <Table.Th>Variant</Table.Th>
            <Table.Th visibleFrom="sm">SKU</Table.Th>
            <Table.Th ta="right" style={numberCell}>
              On hand
            </Table.Th>
            <Table.Th ta="right" visibleFrom="sm">
              Reserved
            </Table.Th>
            <Table.Th ta="right">Available</Table.Th>
            <Table.Th ta="right" visibleFrom="sm">
              Incoming
            </Table.Th>
            <Table.Th ta="right" visibleFrom="md">
              Runs out
            </Table.Th>
            <Table.Th visibleFrom="sm">
              <VisuallyHidden>State</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.variantId}
              onClick={() => onOpen(row.variantId)}
              style={{ cursor: 'pointer' }}
              data-variant-id={row.variantId}
            >
              <Table.Td visibleFrom="xs">
                <ProductThumbnail src={row.imageUrl} title={row.productTitle} />
              </Table.Td>
              <Table.Td>
                <UnstyledButton
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(row.variantId);
                  }}
                  aria-label={`Open stock of ${row.title ? `${row.productTitle} ${row.title}` : row.productTitle}`}
                >
                  <Stack gap={0}>
                    <Text size="sm" fw={600} lineClamp={2}>
                      {row.productTitle}
                    </Text>
                    {row.title ? (
                      <Text size="xs" c="dimmed">
                        {row.title}
                      </Text>
                    ) : null}
                    {row.sku ? (
                      <Text size="xs" c="dimmed" ff="monospace" hiddenFrom="sm">
                        {row.sku}
                      </Text>
                    ) : null}
                    <Box hiddenFrom="sm" mt={2}>
                      <StockStateBadge state={row.state} overstock={row.overstock} size="xs" />
                    </Box>
                  </Stack>
                </UnstyledButton>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text
                  size="sm"
                  ff="monospace"
                  c={row.sku ? undefined : 'dimmed'}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {row.sku || '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                {row.onHand}
              </Table.Td>
              <Table.Td ta="right" style={numberCell} visibleFrom="sm">
                <Text span size="sm" c={row.reserved ? undefined : 'dimmed'}>
                  {row.reserved}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                <Text
                  span
                  size="sm"
                  fw={600}
                  c={row.state === 'out' ? 'red.7' : row.state === 'low' ? 'orange.8' : undefined}
                >
                  {row.available}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={numberCell} visibleFrom="sm">
                <Text span size="sm" c={row.incoming ? undefined : 'dimmed'}>
                  {row.incoming}
                </Text>
              </Table.Td>
              <Table.Td ta="right" visibleFrom="md">
                <RunsOut
                  daysOfCover={row.daysOfCover}
                  soldPerDay={row.soldPerDay}
                  runningOut={row.runningOut}
                />
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <StockStateBadge state={row.state} overstock={row.overstock} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function StockTableSkeleton() {
  return (
    <Table aria-label="Loading inventory" aria-busy="true">
      <Table.Tbody>
        {Array.from({ length: 6 }, (_, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity.
          <Table.Tr key={row}>
            <Table.Td w={56}>
              <Skeleton height={40} width={40} radius="sm" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width="60%" mb={6} />
              <Skeleton height={10} width="30%" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width={90} />
            </Table.Td>
            {[0, 1, 2, 3, 4].map((cell) => (
              <Table.Td key={cell}>
                <Group justify="flex-end">
                  <Skeleton height={12} width={32} />
                </Group>
              </Table.Td>
            ))}
            <Table.Td>
              <Skeleton height={18} width={60} radius="xl" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
