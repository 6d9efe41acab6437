import { Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate } from '../ui/format-date.ts';
import { AnchorLink } from '../ui/router-links.tsx';
import { DemandSparkline } from './DemandSparkline.tsx';
import type { ReorderForecastItem } from './forecast-types.ts';
import { accuracyText, daysText, methodLabel, orderText, unitsText } from './forecast-words.ts';

const right = { textAlign: 'right' } as const;

/** One row per variant: its demand, the method and how well it backtested, cover, and what to order. */
export function ForecastTable({
  items,
  label,
  store,
}: {
  items: readonly ReorderForecastItem[];
  label: string;
  store: string;
}): ReactNode {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table aria-label={label} verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variant</Table.Th>
            <Table.Th>Sold and forecast</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th style={right}>Available</Table.Th>
            <Table.Th>Runs out</Table.Th>
            <Table.Th style={right}>Reorder point</Table.Th>
            <Table.Th style={right}>Suggested</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const name = `${item.productTitle}${item.variantTitle && item.variantTitle !== 'Default' ? ` — ${item.variantTitle}` : ''}`;
            return (
              <Table.Tr key={item.variantId}>
                <Table.Td>
                  <Stack gap={0}>
                    <AnchorLink
                      to="/stores/$store/inventory"
                      params={{ store }}
                      search={{ variant: item.variantId }}
                      size="sm"
                    >
                      {name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {item.sku ?? 'No SKU'}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <DemandSparkline
                    history={item.history}
                    forecast={item.forecast}
                    label={`Demand of ${name}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{methodLabel(item.method)}</Text>
                    <Text size="xs" c="dimmed">
                      {accuracyText(item)}
                    </Text>
                    {item.censoredDays > 0 ? (
                      <Text size="xs" c="dimmed">
                        {item.censoredDays} out-of-stock days left out
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td style={right}>
                  <Text size="sm">{item.available}</Text>
                  {item.incoming > 0 ? (
                    <Text size="xs" c="dimmed">
                      +{item.incoming} incoming
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {item.stockOutDate ? formatDate(item.stockOutDate) : 'Not in 3 months'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {daysText(item.daysOfCover)} of cover
                  </Text>
                </Table.Td>
                <Table.Td style={right}>
                  <Text size="sm">{unitsText(item.reorderPoint)}</Text>
                  {item.safetyStock !== null ? (
                    <Text size="xs" c="dimmed">
                      incl. {unitsText(item.safetyStock)} safety stock
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={right}>
                  <Text size="sm" fw={item.order && item.order.quantity > 0 ? 600 : undefined}>
                    {item.supplier ? orderText(item.order) : 'No supplier'}
                  </Text>
                  {item.drafts.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      On draft {item.drafts.map((d) => d.label).join(', ')}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
