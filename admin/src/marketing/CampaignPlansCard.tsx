import { Anchor, Badge, Button, Card, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { ManualSpendForm } from './ManualSpendForm.tsx';
import { campaignListQuery } from './marketing-queries.ts';
import type { Campaign, PacingStatus } from './marketing-types.ts';

const statusLabels: Record<PacingStatus, { label: string; color: string }> = {
  not_started: { label: 'Not started', color: 'gray' },
  on_pace: { label: 'On pace', color: 'green' },
  overspending: { label: 'Overspending', color: 'red' },
  underspending: { label: 'Underspending', color: 'yellow' },
  ended: { label: 'Ended', color: 'gray' },
};

/**
 * The store's campaigns with their budget pacing: a bar of spend to date against the budget, a
 * mark where even spending would be by now, and the projected spend at the current daily rate.
 * Those who may change campaigns plan and edit them here and record spend by hand.
 */
export function CampaignPlansCard({ store, canWrite }: { store: string; canWrite: boolean }) {
  const list = useQuery(campaignListQuery(store));
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const currency = list.data?.currency ?? 'EUR';
  const money = (v: number) => formatMoney(v, currency);
  if (list.isError)
    return <LoadFailed what="The campaigns" error={list.error} onRetry={() => void list.refetch()} />;
  const campaigns = list.data?.campaigns ?? [];
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Text fw={600}>Campaign plans and pacing</Text>
          <Text size="sm" c="dimmed">
            Spend to date against the budget; the mark is where even spending would be today.
          </Text>
        </div>
        {canWrite ? <Button onClick={() => setEditing('new')}>New campaign</Button> : null}
      </Group>
      <Table.ScrollContainer minWidth={820}>
        <Table aria-label="Campaign plans" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th ta="right">Budget</Table.Th>
              <Table.Th w={200}>Spend to date</Table.Th>
              <Table.Th ta="right">Projected</Table.Th>
              <Table.Th>Pacing</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {campaigns.map((c) => {
              const p = c.pacing;
              const scale = Math.max(p.budget, p.spendToDate, 1);
              const status = statusLabels[p.status];
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.channel} · utm_campaign={c.utmCampaign} ·{' '}
                      <Anchor size="xs" href={c.link} target="_blank" rel="noreferrer">
                        tagged link
                      </Anchor>
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">
                      {c.startsOn} – {c.endsOn}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{money(p.budget)}</Text>
                    <Text size="xs" c="dimmed">
                      {c.budgetPeriod === 'monthly' ? `this month (${money(c.budget)} a month)` : 'in all'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip
                      label={`Expected by now: ${money(p.expectedToDate)} (day ${p.elapsedDays} of ${p.totalDays})`}
                    >
                      <div style={{ position: 'relative' }}>
                        <Progress
                          value={(p.spendToDate / scale) * 100}
                          color={status.color}
                          size="lg"
                          aria-label={`${c.name} spend to date`}
                        />
                        <div
                          aria-hidden
                          style={{
                            position: 'absolute',
                            top: -2,
                            bottom: -2,
                            width: 2,
                            left: `${(p.expectedToDate / scale) * 100}%`,
                            background: 'var(--mantine-color-dark-6)',
                          }}
                        />
                      </div>
                    </Tooltip>
                    <Text size="xs" c="dimmed" mt={2}>
                      {money(p.spendToDate)} of {money(p.budget)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{money(p.projectedSpend)}</Table.Td>
                  <Table.Td miw={130}>
                    <Badge color={status.color} variant="light" style={{ overflow: 'visible' }}>
                      {status.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>
                        Edit
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {list.data && campaigns.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed">
                    No campaigns planned yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canWrite ? (
        <Stack mt="md" gap={4}>
          <Text size="sm" fw={500}>
            Spend without a report
          </Text>
          <ManualSpendForm store={store} currency={currency} campaigns={campaigns} />
        </Stack>
      ) : null}
      {editing ? (
        <CampaignFormModal
          store={store}
          currency={currency}
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
