import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '../../ui/icons.tsx';
import type { ExperimentResults } from './experiment-results-queries.ts';
import { formatCount } from './result-format.ts';

function pValueText(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${p.toFixed(4)}`;
}

/**
 * What is wrong with a test before any figure is read: a broken split (red: nothing below can be
 * trusted), a guardrail a variant hurts (orange), and a test younger than a full week (a note).
 */
export function ResultsBanners({ results }: { results: ExperimentResults }) {
  const { sampleRatio, guardrails, variants } = results;
  const young = results.from !== null && results.daysRunning < results.minimumDays;
  const days = Math.floor(results.daysRunning);
  if (!sampleRatio.mismatch && guardrails.length === 0 && !young) return null;
  return (
    <Stack gap="sm">
      {sampleRatio.mismatch && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconAlertTriangle />}
          title="The split is broken: don’t trust these results"
          data-testid="srm-banner"
        >
          <Text size="sm">
            Visitors did not arrive in the shares the test was set up with ({pValueText(sampleRatio.pValue)}:
            far beyond chance). Something treats the variants differently — a redirect, a cached page, a
            filter that drops one variant’s visitors — so any difference below may come from that, not from
            the change. Find the cause before deciding anything.
          </Text>
          <List size="sm" mt="xs">
            {variants.map((v, i) => (
              <List.Item key={v.key}>
                {v.name}: {formatCount(v.visitors)} visitors, expected about{' '}
                {formatCount(sampleRatio.expected[i] ?? 0)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {guardrails.map((g) => (
        <Alert
          key={`${g.metric}-${g.variantKey}`}
          color="orange"
          icon={<IconAlertTriangle />}
          title={`${g.variantName} may be hurting something you watch`}
          data-testid="guardrail-banner"
        >
          <Text size="sm">{g.sentence}</Text>
        </Alert>
      ))}
      {young && (
        <Alert color="blue" variant="light" title="Not a full week yet" data-testid="duration-note">
          <Text size="sm">
            The test has run {days} of the {results.minimumDays} days it needs. Weekday and weekend shoppers
            behave differently, so a lead before a full week can still turn; check again in{' '}
            {results.minimumDays - days} day{results.minimumDays - days === 1 ? '' : 's'}.
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
