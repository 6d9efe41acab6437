import { Card, Group, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { funnelQuery } from './analytics-queries.ts';
import { dimensionLabels, dimensions } from './analytics-search.ts';
import type { Dimension, FunnelStep } from './analytics-types.ts';

const stepLabels: Record<string, string> = {
  sessions: 'Sessions',
  view_item: 'Viewed a product',
  add_to_cart: 'Added to cart',
  begin_checkout: 'Reached checkout',
  add_shipping_info: 'Chose shipping',
  add_payment_info: 'Entered payment',
  purchase: 'Ordered',
};

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const count = (n: number) => new Intl.NumberFormat().format(n);

/**
 * The closed checkout funnel of the period (a session counts at a step only after every step
 * before it, in order): sessions at each step, the rate from the step before and how many dropped
 * off there; with a breakdown, each value's share of sessions reaching every step.
 */
export function FunnelCard({
  store,
  period,
  breakdown,
  onBreakdown,
}: {
  store: string;
  period: { from: string; to: string; compare: string };
  breakdown: Dimension | undefined;
  onBreakdown: (d: Dimension | undefined) => void;
}) {
  const report = useQuery(funnelQuery(store, { ...period, ...(breakdown ? { breakdown } : {}) }));
  return (
    <Card withBorder padding="md" aria-label="Checkout funnel">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Checkout funnel</Text>
        <Select
          aria-label="Funnel breakdown"
          size="xs"
          w={180}
          allowDeselect={false}
          value={breakdown ?? 'none'}
          data={[
            { value: 'none', label: 'Whole store' },
            ...dimensions.map((d) => ({ value: d, label: dimensionLabels[d] })),
          ]}
          onChange={(v) => v && onBreakdown(v === 'none' ? undefined : (v as Dimension))}
        />
      </Group>
      {report.isError ? (
        <LoadFailed what="The funnel" error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? null : (
        <>
          <Stack gap="xs">
            {report.data.total.map((step) => (
              <FunnelStepRow key={step.step} step={step} />
            ))}
          </Stack>
          {breakdown ? <FunnelByValue breakdown={breakdown} rows={report.data.rows} /> : null}
        </>
      )}
    </Card>
  );
}

function FunnelStepRow({ step }: { step: FunnelStep }) {
  return (
    <div data-funnel-step={step.step}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{stepLabels[step.step] ?? step.step}</Text>
        <Text size="sm" c="dimmed">
          {count(step.sessions)}
          {step.fromPrevious !== null ? ` · ${percent(step.fromPrevious)} of the step before` : ''}
          {step.dropOff ? ` · ${count(step.dropOff)} left` : ''}
        </Text>
      </Group>
      <Progress value={(step.fromStart ?? 0) * 100} size="sm" aria-hidden />
    </div>
  );
}

/** Each breakdown value's sessions and the share of them that reached each step. */
function FunnelByValue({
  breakdown,
  rows,
}: {
  breakdown: Dimension;
  rows: { value: string; funnel: FunnelStep[] }[];
}) {
  const steps = rows[0]?.funnel.slice(1) ?? [];
  return (
    <Table.ScrollContainer minWidth={560} mt="md">
      <Table striped fz="xs" aria-label={`Funnel by ${dimensionLabels[breakdown].toLowerCase()}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{dimensionLabels[breakdown]}</Table.Th>
            <Table.Th ta="right">Sessions</Table.Th>
            {steps.map((s) => (
              <Table.Th key={s.step} ta="right">
                {stepLabels[s.step]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, 10).map((row) => (
            <Table.Tr key={row.value}>
              <Table.Td>{row.value}</Table.Td>
              <Table.Td ta="right">{count(row.funnel[0]?.sessions ?? 0)}</Table.Td>
              {row.funnel.slice(1).map((s) => (
                <Table.Td key={s.step} ta="right">
                  {percent(s.fromStart)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
