import { Alert, Badge, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { formatDate, formatDateTime } from '../../ui/format-date.ts';
import { IconArrowLeft } from '../../ui/icons.tsx';
import { ListSkeleton } from '../../ui/ListSkeleton.tsx';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { experimentStatusColours, pointWords } from '../experiment-words.ts';
import { useExperimentAction } from '../experiments-queries.ts';
import {
  type ExperimentDetail,
  type ExperimentResults,
  experimentQuery,
  experimentResultsQuery,
  useShipExperiment,
} from './experiment-results-queries.ts';
import { MetricResultsTable } from './MetricResultsTable.tsx';
import { ResultsBanners } from './ResultsBanners.tsx';
import { ShippedNote } from './ShippedNote.tsx';
import { ShipVariantDialog } from './ShipVariantDialog.tsx';
import { UpliftChart } from './UpliftChart.tsx';
import { VerdictCard } from './VerdictCard.tsx';

const route = getRouteApi('/signed-in/stores/$store/experiments/$experimentId');

const roleOrder = { primary: 0, secondary: 1, guardrail: 2 } as const;

/** A running test's results are read again every minute: visitors keep coming. */
const refreshWhileRunning = 60_000;

function daysText(days: number): string {
  const whole = Math.floor(days);
  return whole < 1 ? 'less than a day' : `${whole} day${whole === 1 ? '' : 's'}`;
}

/** The dates and the split in one line under the title. */
function Facts({ experiment, results }: { experiment: ExperimentDetail; results?: ExperimentResults }) {
  const total = experiment.variants.reduce((sum, v) => sum + v.weight, 0);
  const parts = [
    `Changes: ${pointWords[experiment.point] ?? experiment.point}`,
    `Split: ${experiment.variants.map((v) => `${v.name} ${Math.round((100 * v.weight) / total)}%`).join(' · ')}`,
    experiment.startedAt ? `Started ${formatDate(experiment.startedAt)}` : 'Not started',
    ...(experiment.stoppedAt ? [`Stopped ${formatDate(experiment.stoppedAt)}`] : []),
    ...(results?.from ? [`Ran ${daysText(results.daysRunning)}`] : []),
  ];
  return (
    <Text size="sm" c="dimmed" data-testid="experiment-facts">
      {parts.join('  ·  ')}
    </Text>
  );
}

/** No one has seen the test yet: why, and when figures will appear. */
function NoVisitorsYet({ experiment }: { experiment: ExperimentDetail }) {
  return (
    <Alert color="gray" title="No visitors in the test yet" data-testid="no-visitors">
      {experiment.status === 'draft'
        ? 'This test has not started. Start it from the Experiments list; results appear here once visitors see it.'
        : 'No visitor has been shown the test yet. A visitor is counted the first time a page shows them the changed element, and only with the consent the store asks for. Figures appear here as they come in.'}
    </Alert>
  );
}

/**
 * An experiment's results for a shop manager (docs/experiments.md): the plain verdict first — is
 * there a winner, how sure, is anything broken — then each metric per variant with its uplift and
 * interval, the cumulative uplift over time, and the actions to stop the test or ship a variant.
 */
export function ExperimentResultsScreen(): ReactNode {
  const { experimentId } = route.useParams();
  const { store, can } = useCurrentStore();
  const experiment = useQuery(experimentQuery(store.handle, experimentId));
  const running = experiment.data?.status === 'running';
  const results = useQuery({
    ...experimentResultsQuery(store.handle, experimentId),
    enabled: experiment.isSuccess,
    refetchInterval: running ? refreshWhileRunning : false,
  });
  const action = useExperimentAction(store.handle);
  const ship = useShipExperiment(store.handle, experimentId);
  const [shipping, setShipping] = useState(false);
  const writable = can('experiments:write');

  const back = (
    <ButtonLink
      to="/stores/$store/experiments"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Experiments
    </ButtonLink>
  );
  if (experiment.isPending) return <ListSkeleton label="Loading the experiment" />;
  if (experiment.isError) {
    return (
      <>
        <PageHeader title="Experiment" actions={back} />
        <LoadFailed
          what="The experiment"
          error={experiment.error}
          onRetry={() => void experiment.refetch()}
        />
      </>
    );
  }
  const exp = experiment.data;
  const data = results.data;
  const winner =
    data && (data.verdict.kind === 'winner' || data.verdict.kind === 'early_lead')
      ? (data.verdict.variantKey ?? null)
      : null;
  const canShip = writable && (exp.status === 'running' || exp.status === 'stopped');
  const noVisitors = data?.variants.every((v) => v.visitors === 0);

  const stop = () =>
    action.mutate(
      { id: exp.id, action: 'stop' },
      {
        onSuccess: () => notifySuccess('Every visitor sees the control again.', 'Test stopped'),
        onError: (error) => notifyError(error, 'The experiment was not stopped'),
      },
    );
  const shipVariant = (variant: string) =>
    ship.mutate(variant, {
      onSuccess: ({ experiment: shipped }) => {
        setShipping(false);
        const name = shipped.variants.find((v) => v.key === shipped.shippedVariant)?.name ?? variant;
        notifySuccess(
          shipped.shippedAs === 'in_review'
            ? `${name} waits for approval in the product’s review.`
            : shipped.shippedAs === 'rollout'
              ? `Every visitor sees ${name} from now on.`
              : `${name} is now the product’s own.`,
          'Shipped',
        );
      },
      onError: (error) => notifyError(error, 'The variant was not shipped'),
    });

  return (
    <>
      <PageHeader
        title={exp.name}
        badge={
          <Badge color={experimentStatusColours[exp.status]} variant="light" data-testid="experiment-status">
            {exp.status}
          </Badge>
        }
        description={exp.hypothesis || undefined}
        actions={
          <>
            {back}
            {writable && running && (
              <Button variant="default" color="orange" onClick={stop} loading={action.isPending}>
                Stop test
              </Button>
            )}
            {canShip && (
              <Button color="green" onClick={() => setShipping(true)} disabled={!data}>
                {winner ? 'Ship winner' : 'Ship a variant'}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Facts experiment={exp} results={data} />
        {exp.status === 'shipped' && <ShippedNote experiment={exp} writable={writable} />}
        {results.isPending ? (
          <ListSkeleton label="Working out the results" />
        ) : results.isError ? (
          <LoadFailed what="The results" error={results.error} onRetry={() => void results.refetch()} />
        ) : noVisitors ? (
          <NoVisitorsYet experiment={exp} />
        ) : (
          <>
            <ResultsBanners results={results.data} />
            <VerdictCard results={results.data} />
            <UpliftChart results={results.data} />
            {[...results.data.metrics]
              .sort((a, b) => roleOrder[a.role] - roleOrder[b.role])
              .map((metric) => (
                <MetricResultsTable key={metric.metric} metric={metric} currency={results.data.currency} />
              ))}
            <Text size="xs" c="dimmed">
              Worked out {formatDateTime(results.data.computedAt)} from each visitor’s first sight of the test
              on. Uplift is the change against control; the interval is where the true change lies with 95%
              certainty.
            </Text>
          </>
        )}
      </Stack>
      {shipping && data && (
        <ShipVariantDialog
          experiment={exp}
          winner={winner}
          canPublish={can('catalog:publish')}
          loading={ship.isPending}
          onShip={shipVariant}
          onClose={() => setShipping(false)}
        />
      )}
    </>
  );
}
