import { Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { attributionQuery } from './marketing-queries.ts';
import { type AttributionModel, attributionModels } from './marketing-types.ts';

const ratio = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`);
/** Fractional credit (a third of an order) shown to one decimal. */
const count = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/**
 * Orders, net sales and new customers attributed to channels and campaigns by the chosen model
 * over each order's 30 days of sessions, against spend: ROAS, CPA, CAC; MER for the store.
 */
export function AttributionCard({ store, period }: { store: string; period: { from: string; to: string } }) {
  const [model, setModel] = useState<AttributionModel>('last_non_direct');
  const report = useQuery(attributionQuery(store, { ...period, model }));
  const currency = report.data?.currency ?? 'EUR';
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, currency));
  const header = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th ta="right">Spend</Table.Th>
        <Table.Th ta="right">Orders</Table.Th>
        <Table.Th ta="right">Net sales</Table.Th>
        <Table.Th ta="right">New customers</Table.Th>
        <Table.Th ta="right">ROAS</Table.Th>
        <Table.Th ta="right">CPA</Table.Th>
        <Table.Th ta="right">CAC</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  const cells = (r: {
    spend: number;
    orders: number;
    revenue: number;
    newCustomers: number;
    roas: number | null;
    cpa: number | null;
    cac: number | null;
  }) => (
    <>
      <Table.Td ta="right">{r.spend > 0 ? money(r.spend) : '—'}</Table.Td>
      <Table.Td ta="right">{count(r.orders)}</Table.Td>
      <Table.Td ta="right">{money(r.revenue)}</Table.Td>
      <Table.Td ta="right">{count(r.newCustomers)}</Table.Td>
      <Table.Td ta="right" c={r.roas !== null && r.roas < 1 ? 'red' : undefined}>
        {ratio(r.roas)}
      </Table.Td>
      <Table.Td ta="right">{money(r.cpa)}</Table.Td>
      <Table.Td ta="right">{money(r.cac)}</Table.Td>
    </>
  );
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm" align="flex-start">
        <div>
          <Text fw={600}>Attributed returns</Text>
          {report.data ? (
            <Group gap="xl" mt={4}>
              <Text size="sm">
                Spend <b>{money(report.data.totals.spend)}</b>
              </Text>
              <Text size="sm">
                Net sales <b>{money(report.data.totals.revenue)}</b>
              </Text>
              <Text size="sm">
                MER <b>{ratio(report.data.totals.mer)}</b>
              </Text>
              <Text size="sm">
                CAC <b>{money(report.data.totals.cac)}</b>
              </Text>
            </Group>
          ) : null}
        </div>
        <SegmentedControl
          aria-label="Attribution model"
          size="xs"
          value={model}
          onChange={(value) => setModel(value as AttributionModel)}
          data={attributionModels.map((m) => ({ value: m.value, label: m.label }))}
        />
      </Group>
      {report.isError ? (
        <LoadFailed
          what="The attribution report"
          error={report.error}
          onRetry={() => void report.refetch()}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Campaign returns">
              {header('Campaign')}
              <Table.Tbody>
                {(report.data?.campaigns ?? []).map((c) => (
                  <Table.Tr key={c.utmCampaign ?? c.campaign}>
                    <Table.Td>
                      <Text size="sm">{c.campaign}</Text>
                      {c.channel ? (
                        <Text size="xs" c="dimmed">
                          {c.channel}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {cells(c)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Table.ScrollContainer minWidth={760} mt="md">
            <Table striped aria-label="Channel returns">
              {header('Channel')}
              <Table.Tbody>
                {(report.data?.channels ?? []).map((c) => (
                  <Table.Tr key={c.channel}>
                    <Table.Td>{c.channel}</Table.Td>
                    {cells(c)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
