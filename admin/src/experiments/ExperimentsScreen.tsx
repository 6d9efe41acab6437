import { Alert, Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { ExperimentForm } from './ExperimentForm.tsx';
import { experimentStatusColours, metricWords, pointWords } from './experiment-words.ts';
import { type Experiment, experimentsQuery, useExperimentAction } from './experiments-queries.ts';

/** Who takes part, after the key: " · new visitors · mobile · DE, AT"; nothing for everyone. */
function targetingText(targeting: Experiment['targeting']): string {
  return [
    targeting.audience === 'new_visitors' ? 'new visitors' : null,
    targeting.devices?.join(' and '),
    targeting.countries?.join(', '),
  ]
    .filter(Boolean)
    .map((part) => ` · ${part}`)
    .join('');
}

function split(experiment: Experiment): string {
  const total = experiment.variants.reduce((sum, v) => sum + v.weight, 0);
  return experiment.variants.map((v) => `${v.name} ${Math.round((100 * v.weight) / total)} %`).join(' · ');
}

/**
 * The store's A/B tests (docs/experiments.md): what each changes, its split and status, started and
 * stopped from here, defined and changed in ExperimentForm. (Return type written out: the router's
 * types include the screens'.)
 */
export function ExperimentsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const experiments = useQuery(experimentsQuery(store.handle));
  const action = useExperimentAction(store.handle);
  // The form: null while closed, 'new' for a new experiment, else the one being changed.
  const [editing, setEditing] = useState<Experiment | 'new' | null>(null);
  const writable = can('experiments:write');
  const act = (id: string, what: 'start' | 'stop') =>
    action.mutate(
      { id, action: what },
      {
        onError: (error) =>
          notifyError(error, `The experiment was not ${what === 'start' ? 'started' : 'stopped'}`),
      },
    );

  return (
    <>
      <PageHeader
        title="Experiments"
        description="A/B tests on the storefront: each visitor keeps one variant, counted once when they see it."
        actions={
          writable && (
            <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
              New experiment
            </Button>
          )
        }
      />
      {experiments.isPending ? (
        <ListSkeleton label="Loading experiments" />
      ) : experiments.isError ? (
        <LoadFailed
          what="The experiments"
          error={experiments.error}
          onRetry={() => void experiments.refetch()}
        />
      ) : experiments.data.items.length === 0 ? (
        <Alert>No experiments yet. {writable ? 'Define one with New experiment.' : ''}</Alert>
      ) : (
        <Card withBorder padding={0}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={220}>Experiment</Table.Th>
                <Table.Th>Changes</Table.Th>
                <Table.Th>Split</Table.Th>
                <Table.Th>Primary metric</Table.Th>
                <Table.Th>Status</Table.Th>
                {writable && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {experiments.data.items.map((experiment) => (
                <Table.Tr key={experiment.id} data-testid="experiment-row">
                  <Table.Td>
                    <AnchorLink
                      to="/stores/$store/experiments/$experimentId"
                      params={{ store: store.handle, experimentId: experiment.id }}
                      fw={500}
                      size="sm"
                    >
                      {experiment.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {experiment.key}
                      {targetingText(experiment.targeting)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{pointWords[experiment.point] ?? experiment.point}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{split(experiment)}</Text>
                  </Table.Td>
                  <Table.Td>{metricWords[experiment.primaryMetric]}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={experiment.rolloutEndedAt ? 'gray' : experimentStatusColours[experiment.status]}
                      variant="light"
                      miw="max-content"
                    >
                      {experiment.rolloutEndedAt ? 'rollout ended' : experiment.status}
                    </Badge>
                  </Table.Td>
                  {writable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {experiment.status !== 'shipped' ? (
                          <Button size="xs" variant="subtle" onClick={() => setEditing(experiment)}>
                            Edit
                          </Button>
                        ) : null}
                        {experiment.status === 'running' ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="orange"
                            onClick={() => act(experiment.id, 'stop')}
                          >
                            Stop
                          </Button>
                        ) : experiment.status === 'draft' || experiment.status === 'stopped' ? (
                          <Button size="xs" variant="subtle" onClick={() => act(experiment.id, 'start')}>
                            {experiment.status === 'draft' ? 'Start' : 'Restart'}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {editing && (
        <ExperimentForm experiment={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
