import { Alert, Badge, Button, Card, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { GoalForm } from './GoalForm.tsx';
import { formatGoalValue, statusWords } from './goal-format.ts';
import type { Goal, GoalPacing } from './goal-types.ts';
import { goalsQuery, useDeleteGoal } from './goals-queries.ts';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** Actual so far (solid) and the forecast of the rest (light), against the target at 100 %. */
function PaceBar({ pacing }: { pacing: GoalPacing }) {
  const { pace } = pacing;
  const scale = Math.max(1, pace.projectedShare ?? 0);
  const actual = Math.min(100, (100 * Math.max(0, pace.actualShare ?? 0)) / scale);
  const forecast = Math.max(0, (100 * (pace.projectedShare ?? 0)) / scale - actual);
  const color = statusWords[pace.status].color;
  return (
    <Stack gap={2}>
      <Progress.Root
        size="lg"
        aria-label={`${percent(pace.actualShare)} so far, ${percent(pace.projectedShare)} projected`}
      >
        <Progress.Section value={actual} color={color} />
        <Progress.Section value={forecast} color={color} style={{ opacity: 0.35 }} />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {percent(pace.actualShare)} so far · {percent(pace.projectedShare)} projected · day{' '}
        {pacing.elapsedDays} of {pacing.totalDays}
      </Text>
    </Stack>
  );
}

function scopeText(goal: Goal): string {
  if (goal.scope === 'store') return 'Whole store';
  return goal.scope === 'channel' ? `Channel ${goal.scopeValue}` : 'Category';
}

/**
 * The store's goals: each target with what has happened so far, where the forecast says the period
 * will end, and the chance of getting there (docs/goals.md). (Return type written out: the router's
 * types include the screens'.)
 */
export function GoalsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const goals = useQuery(goalsQuery(store.handle));
  const remove = useDeleteGoal(store.handle);
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const [removing, setRemoving] = useState<Goal | null>(null);
  const writable = can('goals:write');

  return (
    <>
      <PageHeader
        title="Goals"
        description="Targets for a month, a quarter or any days, paced against the forecast of the days still to come."
        actions={
          writable && (
            <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
              New goal
            </Button>
          )
        }
      />
      {goals.isPending ? (
        <ListSkeleton label="Loading goals" />
      ) : goals.isError ? (
        <LoadFailed what="The goals" error={goals.error} onRetry={() => void goals.refetch()} />
      ) : goals.data.items.length === 0 ? (
        <Alert>No goals yet. {writable ? 'Set one: a month of net sales is a good start.' : ''}</Alert>
      ) : (
        <Card withBorder padding={0}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={200}>Goal</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>So far</Table.Th>
                <Table.Th>Projected</Table.Th>
                <Table.Th miw={220}>Pace</Table.Th>
                <Table.Th>Chance</Table.Th>
                <Table.Th miw={110}>Status</Table.Th>
                {writable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {goals.data.items.map((pacing) => {
                const { goal, pace, currency } = pacing;
                const status = statusWords[pace.status];
                return (
                  <Table.Tr key={goal.id} data-testid="goal-row">
                    <Table.Td>
                      <Text fw={500} size="sm">
                        {goal.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {scopeText(goal)} · {goal.startDay} – {goal.endDay}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatGoalValue(goal.metric, goal.target, currency)}</Table.Td>
                    <Table.Td>{formatGoalValue(goal.metric, pace.actual, currency)}</Table.Td>
                    <Table.Td>{formatGoalValue(goal.metric, pace.projected, currency)}</Table.Td>
                    <Table.Td>
                      <PaceBar pacing={pacing} />
                    </Table.Td>
                    <Table.Td>
                      <Tooltip
                        label={
                          pace.probability === null
                            ? 'Too little history to forecast with confidence'
                            : 'Share of simulated periods that reach the target'
                        }
                      >
                        <Text size="sm">{pace.probability === null ? '—' : percent(pace.probability)}</Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={status.color} variant="light">
                        {status.label}
                      </Badge>
                    </Table.Td>
                    {writable && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="subtle" onClick={() => setEditing(goal)}>
                            Edit
                          </Button>
                          <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(goal)}>
                            Remove
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {editing && (
        <GoalForm
          key={editing === 'new' ? 'new' : editing.id}
          store={store.handle}
          goal={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title="Remove goal"
        confirmLabel="Remove"
        loading={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => setRemoving(null),
            onError: (error) => notifyError(error, 'The goal was not removed'),
          });
        }}
      >
        {`Remove “${removing?.name ?? ''}”? Its pacing goes with it; the audit log keeps what it was.`}
      </ConfirmDialog>
    </>
  );
}
