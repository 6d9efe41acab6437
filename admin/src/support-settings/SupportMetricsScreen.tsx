import { BarChart, LineChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { membersQuery } from '../team/team-queries.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { durationLabel } from './duration-label.ts';
import {
  type Durations,
  type GroupMetrics,
  type SupportMetrics,
  supportMetricsQuery,
} from './support-settings-queries.ts';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const share = (v: number | null) => (v === null ? '–' : percent.format(v));
const minutes = (v: number | null) => (v === null ? '–' : durationLabel(v));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const channelLabels: Record<string, string> = {
  contact_form: 'Contact form',
  order_page: 'Order page',
  email: 'E-mail',
  staff: 'Opened by staff',
};

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Card>
  );
}

function timeHint(d: Durations) {
  return `p90 ${minutes(d.p90BusinessMinutes)} · calendar: median ${minutes(d.medianMinutes)}, p90 ${minutes(d.p90Minutes)} · ${d.count} tickets`;
}

/**
 * Support → Metrics: how the team did over a period — first response and resolution times (business
 * hours first, calendar time beside), the share within SLA, backlog, volume per day and customer
 * satisfaction (Good / Bad surveys), for the store, per agent and per channel.
 */
export function SupportMetricsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const [period, setPeriod] = useState(() => {
    const to = new Date();
    return { from: isoDay(new Date(to.getTime() - 29 * 86_400_000)), to: isoDay(to) };
  });
  const metrics = useQuery(supportMetricsQuery(store.handle, period));
  // Names for the agents when the viewer may see the team; their ids otherwise.
  const members = useQuery({ ...membersQuery(store.handle), enabled: can('team:read') });
  const agentName = (id: string | null) =>
    id === null ? 'Unassigned' : (members.data?.find((m) => m.userId === id)?.name ?? id);

  return (
    <>
      <PageHeader title="Support metrics" description="Response times, SLA, backlog and satisfaction." />
      <Group gap="sm" align="flex-end" mb="md">
        <TextInput
          type="date"
          label="From"
          value={period.from}
          max={period.to}
          onChange={(e) => e.currentTarget.value && setPeriod((p) => ({ ...p, from: e.currentTarget.value }))}
        />
        <TextInput
          type="date"
          label="to"
          value={period.to}
          min={period.from}
          onChange={(e) => e.currentTarget.value && setPeriod((p) => ({ ...p, to: e.currentTarget.value }))}
        />
        {metrics.data ? (
          <Text size="sm" c="dimmed" mb={8}>
            Days of {metrics.data.timezone}
          </Text>
        ) : null}
      </Group>
      {metrics.isError ? (
        <LoadFailed what="The support metrics" error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : metrics.isPending ? (
        <Skeleton height={520} radius="md" />
      ) : (
        <MetricsBody m={metrics.data} agentName={agentName} />
      )}
    </>
  );
}

function MetricsBody({ m, agentName }: { m: SupportMetrics; agentName: (id: string | null) => string }) {
  const days = m.days.map((d) => ({ ...d, day: d.date.slice(5) }));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Figure
          label="First response (median, business time)"
          value={minutes(m.firstResponse.medianBusinessMinutes)}
          hint={timeHint(m.firstResponse)}
        />
        <Figure
          label="Resolution (median, business time)"
          value={minutes(m.resolution.medianBusinessMinutes)}
          hint={timeHint(m.resolution)}
        />
        <Figure
          label="Within SLA"
          value={share(m.withinSla.firstResponse.share)}
          hint={`first responses (${m.withinSla.firstResponse.met} of ${m.withinSla.firstResponse.judged}); resolutions ${share(m.withinSla.resolution.share)} (${m.withinSla.resolution.met} of ${m.withinSla.resolution.judged})`}
        />
        <Figure
          label="Customer satisfaction"
          value={share(m.csat.score)}
          hint={`${m.csat.good} good, ${m.csat.bad} bad · ${m.csat.responses} of ${m.csat.surveysSent} surveys answered (${share(m.csat.responseRate)})`}
        />
        <Figure label="Open tickets now" value={m.backlog.now} />
        <Figure label="Created" value={m.created} hint={`${m.from} to ${m.to}`} />
        <Figure label="Solved" value={m.solved} hint={`${m.from} to ${m.to}`} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Card withBorder radius="md" padding="md">
          <Text fw={600} mb="xs">
            Created and solved per day
          </Text>
          <BarChart
            h={220}
            data={days}
            dataKey="day"
            series={[
              { name: 'created', label: 'Created', color: 'blue.6' },
              { name: 'solved', label: 'Solved', color: 'teal.6' },
            ]}
            withLegend
            aria-label="Tickets created and solved per day"
          />
        </Card>
        <Card withBorder radius="md" padding="md">
          <Text fw={600} mb="xs">
            Backlog at the end of each day
          </Text>
          <LineChart
            h={220}
            data={days}
            dataKey="day"
            series={[{ name: 'backlog', label: 'Open tickets', color: 'orange.6' }]}
            curveType="monotone"
            withDots={false}
            aria-label="Open tickets at the end of each day"
          />
        </Card>
      </SimpleGrid>
      <Breakdown
        title="By agent"
        rows={m.byAgent.map((g) => ({ key: g.assigneeId ?? 'none', label: agentName(g.assigneeId), g }))}
      />
      <Breakdown
        title="By channel"
        rows={m.byChannel.map((g) => ({ key: g.channel, label: channelLabels[g.channel] ?? g.channel, g }))}
      />
    </Stack>
  );
}

function Breakdown({
  title,
  rows,
}: {
  title: string;
  rows: { key: string; label: string; g: GroupMetrics }[];
}) {
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">No tickets in this period.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">Created</Table.Th>
                <Table.Th ta="right">Solved</Table.Th>
                <Table.Th ta="right">First response (median)</Table.Th>
                <Table.Th ta="right">Resolution (median)</Table.Th>
                <Table.Th ta="right">Within SLA</Table.Th>
                <Table.Th ta="right">CSAT</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ key, label, g }) => (
                <Table.Tr key={key}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right">{g.created}</Table.Td>
                  <Table.Td ta="right">{g.solved}</Table.Td>
                  <Table.Td ta="right">{minutes(g.firstResponse.medianBusinessMinutes)}</Table.Td>
                  <Table.Td ta="right">{minutes(g.resolution.medianBusinessMinutes)}</Table.Td>
                  <Table.Td ta="right">{share(g.withinSla.firstResponse.share)}</Table.Td>
                  <Table.Td ta="right">
                    {share(g.csat.score)}
                    {g.csat.responses ? ` (${g.csat.responses})` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
