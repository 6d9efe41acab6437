import { Badge, Group, Table, Text } from '@mantine/core';
import type { InventoryLocation, LocationStock, VariantStock } from './inventory-types.ts';
import { RunsOut } from './RunsOut.tsx';
import { numberCell } from './StockTable.tsx';

/**
 * Each location's numbers for one variant, in fulfilment order: every active location (with 0 where
 * it holds none), and an inactive one only while it still holds or expects some (its stock is not in
 * the totals).
 */
export function LocationStockTable({
  stock,
  locations,
}: {
  stock: VariantStock;
  locations: InventoryLocation[];
}) {
  const rows: LocationStock[] = [];
  for (const location of locations) {
    const held = stock.locations.find((l) => l.locationId === location.id);
    if (held) rows.push({ ...held, locationName: location.name, active: location.active });
    else if (location.active) {
      rows.push({
        locationId: location.id,
        locationName: location.name,
        active: true,
        onHand: 0,
        reserved: 0,
        available: 0,
        incoming: 0,
        soldPerDay: 0,
        daysOfCover: null,
      });
    }
  }
  const shown = rows.filter((r) => r.active || r.onHand !== 0 || r.reserved !== 0 || r.incoming !== 0);
  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No location holds stock of this variant.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Stock by location" withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Location</Table.Th>
            <Table.Th ta="right">On hand</Table.Th>
            <Table.Th ta="right">Reserved</Table.Th>
            <Table.Th ta="right">Available</Table.Th>
            <Table.Th ta="right">Incoming</Table.Th>
            <Table.Th ta="right">Runs out</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={row.locationId}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{row.locationName}</Text>
                  {row.active ? null : (
                    <Badge size="xs" variant="outline" color="gray">
                      Inactive
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                {row.onHand}
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                {row.reserved}
              </Table.Td>
              <Table.Td ta="right" style={numberCell} fw={600}>
                {row.available}
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                {row.incoming}
              </Table.Td>
              <Table.Td ta="right">
                <RunsOut daysOfCover={row.daysOfCover} soldPerDay={row.soldPerDay} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
