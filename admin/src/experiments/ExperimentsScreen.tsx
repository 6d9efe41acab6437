import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import {
  type Experiment,
  type ExperimentMetric,
  type ExperimentStatus,
  experimentsQuery,
  useCreateExperiment,
  useExperimentAction,
} from './experiments-queries.ts';

const statusColours: Record<ExperimentStatus, string> = {
  draft: 'gray',
  running: 'green',
  stopped: 'orange',
  shipped: 'blue',
};

const metricWords: Record<ExperimentMetric, string> = {
  conversion_rate: 'Conversion rate',
  revenue_per_visitor: 'Revenue per visitor',
  average_order_value: 'Average order value',
  add_to_cart_rate: 'Add-to-cart rate',
  refund_rate: 'Refund rate (lower is better)',
};

const pointWords: Record<string, string> = {
  announcement_banner: 'Announcement banner',
  product_text: 'Product title and description',
  price_display: 'Price display',
};

function split(experiment: Experiment): string {
  const total = experiment.variants.reduce((sum, v) => sum + v.weight, 0);
  return experiment.variants.map((v) => `${v.name} ${Math.round((100 * v.weight) / total)} %`).join(' · ');
}

/** A banner test: no banner (control) against a banner with a text, at a chosen share. */
function NewBannerExperiment({ store, onClose }: { store: string; onClose: () => void }) {
  const create = useCreateExperiment(store);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [hypothesis, setHypothesis] = useState('');
  const [text, setText] = useState('');
  const [share, setShare] = useState<number>(50);
  const [metric, setMetric] = useState<ExperimentMetric>('conversion_rate');
  const [audience, setAudience] = useState<'all' | 'new_visitors'>('all');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        key,
        name,
        hypothesis,
        point: 'announcement_banner',
        variants: [
          { key: 'control', name: 'No banner', weight: 100 - share, change: { show: false } },
          { key: 'banner', name: 'Banner', weight: share, change: { show: true, text } },
        ],
        targeting: { audience },
        primaryMetric: metric,
      },
      { onSuccess: onClose, onError: (error) => notifyError(error, 'The experiment was not saved') },
    );
  };

  return (
    <Modal opened onClose={onClose} title="New banner experiment" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput
            label="Key"
            description="Lower-case letters, digits and hyphens; fixed once the test has run"
            required
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
          />
          <Textarea
            label="Hypothesis"
            autosize
            minRows={2}
            value={hypothesis}
            onChange={(e) => setHypothesis(e.currentTarget.value)}
          />
          <TextInput
            label="Banner text"
            required
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group grow>
            <NumberInput
              label="Shown the banner (%)"
              min={1}
              max={99}
              value={share}
              onChange={(value) => setShare(Number(value) || 50)}
            />
            <Select
              label="Primary metric"
              data={Object.entries(metricWords).map(([value, label]) => ({ value, label }))}
              value={metric}
              onChange={(value) => value && setMetric(value as ExperimentMetric)}
              allowDeselect={false}
            />
            <Select
              label="Who takes part"
              data={[
                { value: 'all', label: 'All visitors' },
                { value: 'new_visitors', label: 'New visitors only' },
              ]}
              value={audience}
              onChange={(value) => value && setAudience(value as 'all' | 'new_visitors')}
              allowDeselect={false}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save as draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The store's A/B tests (docs/experiments.md): what each changes, its split and status, started and
 * stopped from here. (Return type written out: the router's types include the screens'.)
 */
export function ExperimentsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const experiments = useQuery(experimentsQuery(store.handle));
  const action = useExperimentAction(store.handle);
  const [creating, setCreating] = useState(false);
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
            <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
              New banner test
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
        <Alert>No experiments yet. {writable ? 'Start with a banner test.' : ''}</Alert>
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
                      {experiment.targeting.audience === 'new_visitors' ? ' · new visitors' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{pointWords[experiment.point] ?? experiment.point}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{split(experiment)}</Text>
                  </Table.Td>
                  <Table.Td>{metricWords[experiment.primaryMetric]}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColours[experiment.status]} variant="light">
                      {experiment.status}
                    </Badge>
                  </Table.Td>
                  {writable && (
                    <Table.Td>
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
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {creating && <NewBannerExperiment store={store.handle} onClose={() => setCreating(false)} />}
    </>
  );
}
