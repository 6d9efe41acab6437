import {
  Card,
  EmptyState,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { returnReasonLabels } from '../orders/order-labels.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconReturn } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { returnReasonsQuery } from './return-queries.ts';
import { defaultReportDays } from './returns-search.ts';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/**
 * Why things come back, for returns asked for in a period: per reason the returns, units, their
 * share (as a bar, so the largest reasons stand out), and what was refunded for them; then the
 * products returned most. (@mantine/charts is not installed; a bar per row says the same.)
 */
export function ReturnReasonsReport({
  from,
  to,
  onDays,
}: {
  from: string | undefined;
  to: string | undefined;
  onDays: (days: { from?: string; to?: string }) => void;
}) {
  const { store } = useCurrentStore();
  const fallback = defaultReportDays();
  const days = { from: from ?? fallback.from, to: to ?? fallback.to };
  const report = useQuery(returnReasonsQuery(store.handle, days));
  const data = report.data;

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label="Asked for from"
          value={days.from}
          max={days.to}
          onChange={(e) => e.currentTarget.value && onDays({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="until"
          value={days.to}
          min={days.from}
          onChange={(e) => e.currentTarget.value && onDays({ to: e.currentTarget.value })}
        />
      </Group>
      {report.isError ? (
        <Text c="red" role="alert">
          {report.error.message}
        </Text>
      ) : report.isPending || !data ? (
        <Card withBorder radius="md" padding={0}>
          <ListSkeleton label="Loading the reasons report" rows={4} />
        </Card>
      ) : data.units === 0 ? (
        <Card withBorder radius="md" padding={0}>
          <EmptyState
            py="xl"
            variant="light"
            icon={<IconReturn size={28} />}
            title="No returns in this period"
            description="Returns that were asked for, approved, received or closed in these days are counted here."
          />
        </Card>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
            <Stat label="Returns" value={String(data.returns)} />
            <Stat label="Units returned" value={String(data.units)} />
            <Stat
              label="Top reason"
              value={
                data.reasons[0] ? (returnReasonLabels[data.reasons[0].reason] ?? data.reasons[0].reason) : '—'
              }
            />
          </SimpleGrid>
          <Card withBorder radius="md" padding={0}>
            <Title order={3} size="h5" p="md" pb={0}>
              By reason
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label="Return reasons" highlightOnHover={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Reason</Table.Th>
                    <Table.Th w="34%">Share of units</Table.Th>
                    <Table.Th ta="right">Units</Table.Th>
                    <Table.Th ta="right">Returns</Table.Th>
                    <Table.Th ta="right">Refunded</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.reasons.map((row) => (
                    <Table.Tr key={row.reason}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {returnReasonLabels[row.reason] ?? row.reason}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Progress
                            value={row.share * 100}
                            size="lg"
                            radius="sm"
                            style={{ flex: 1 }}
                            aria-label={`${returnReasonLabels[row.reason] ?? row.reason}: ${percent.format(row.share)} of units`}
                          />
                          <Text size="sm" w={52} ta="right" style={numberCell}>
                            {percent.format(row.share)}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" style={numberCell}>
                        {row.units}
                      </Table.Td>
                      <Table.Td ta="right" style={numberCell}>
                        {row.returns}
                      </Table.Td>
                      <Table.Td ta="right" style={numberCell}>
                        {row.refunded.length
                          ? row.refunded.map((r) => formatMoney(r.amount, r.currency)).join(' + ')
                          : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          {data.topProducts.length > 0 ? (
            <Card withBorder radius="md" padding={0}>
              <Title order={3} size="h5" p="md" pb={0}>
                Most returned products
              </Title>
              <Table.ScrollContainer minWidth={560}>
                <Table aria-label="Most returned products" highlightOnHover={false}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Product</Table.Th>
                      <Table.Th>Reasons</Table.Th>
                      <Table.Th ta="right">Units</Table.Th>
                      <Table.Th ta="right">Returns</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.topProducts.map((p) => (
                      <Table.Tr key={p.productId ?? `title:${p.title}`}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {p.title}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {p.reasons
                              .map((r) => `${returnReasonLabels[r.reason] ?? r.reason} (${r.units})`)
                              .join(', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={numberCell}>
                          {p.units}
                        </Table.Td>
                        <Table.Td ta="right" style={numberCell}>
                          {p.returns}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={650} style={numberCell}>
        {value}
      </Text>
    </Card>
  );
}
