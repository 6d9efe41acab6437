import { Card, Group, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFlask } from '../../ui/icons.tsx';
import type { ExperimentResults, VerdictKind } from './experiment-results-queries.ts';
import { formatChance, formatLift } from './result-format.ts';

const looks: Record<VerdictKind, { colour: string; headline: string; advice: string }> = {
  winner: {
    colour: 'green',
    headline: 'We have a winner',
    advice: 'Ship it to make the change permanent for every visitor.',
  },
  early_lead: {
    colour: 'teal',
    headline: 'Promising, not final yet',
    advice: 'Keep the test running until it is final before shipping.',
  },
  control_winning: {
    colour: 'orange',
    headline: 'The current version is better',
    advice: 'Keep what you have: stop the test.',
  },
  no_winner_yet: {
    colour: 'gray',
    headline: 'No winner yet',
    advice: 'Keep the test running; the page updates as visitors come in.',
  },
  no_difference: {
    colour: 'gray',
    headline: 'No real difference',
    advice: 'The versions do about as well: keep whichever you prefer and stop the test.',
  },
  no_data: {
    colour: 'gray',
    headline: 'Not enough data yet',
    advice: 'Results appear once visitors in each variant have bought.',
  },
  sample_ratio_mismatch: {
    colour: 'red',
    headline: 'The results cannot be trusted',
    advice: 'Fix the broken split (above) before reading anything here.',
  },
};

/** What to do once the test is over, whatever the figures say. */
const afterTheTest: Partial<Record<ExperimentResults['status'], string>> = {
  shipped: 'The test is over: a variant was shipped.',
  stopped: 'The test is stopped: every visitor sees the control until you ship a variant or restart it.',
};

/**
 * How sure we are, in one line, from the primary metric's leading variant: the chance it beats
 * control and where its true lift likely lies. None while nothing can be compared or the split is broken.
 */
function howSure(results: ExperimentResults): string | null {
  const primary = results.metrics[0];
  if (!primary || results.verdict.kind === 'sample_ratio_mismatch') return null;
  const control = primary.variants[0];
  const [best] = primary.variants
    .slice(1)
    .filter((v) => v.chanceToBeatControl !== undefined && v.interval && v.lift !== undefined)
    .sort((a, b) => b.chanceToBeatControl! - a.chanceToBeatControl!);
  if (!control || !best?.interval || best.lift === undefined) return null;
  return `How sure: ${formatChance(best.chanceToBeatControl!)} chance that ${best.variantName} does better than ${control.variantName} on ${primary.label} (${formatLift(best.lift)}, likely between ${formatLift(best.interval[0])} and ${formatLift(best.interval[1])}).`;
}

/** The answer first: is there a winner, how sure are we, and what to do about it. */
export function VerdictCard({ results }: { results: ExperimentResults }) {
  const look = looks[results.verdict.kind];
  const advice =
    results.status === 'stopped' && results.verdict.kind === 'winner'
      ? 'The test is stopped; you can still ship the winner.'
      : (afterTheTest[results.status] ?? look.advice);
  const sure = howSure(results);
  const icon =
    results.verdict.kind === 'winner' ? (
      <IconCheck />
    ) : results.verdict.kind === 'sample_ratio_mismatch' || results.verdict.kind === 'control_winning' ? (
      <IconAlertTriangle />
    ) : (
      <IconFlask />
    );
  return (
    <Card
      withBorder
      padding="lg"
      data-testid="verdict"
      data-kind={results.verdict.kind}
      style={{ borderLeft: `6px solid var(--mantine-color-${look.colour}-6)` }}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon color={look.colour} variant="light" size={44} radius="xl">
          {icon}
        </ThemeIcon>
        <div>
          <Text fw={700} size="xl" c={`${look.colour}.8`}>
            {look.headline}
          </Text>
          <Text size="lg" mt={4}>
            {results.verdict.sentence}
          </Text>
          {sure && (
            <Text size="sm" mt={6} data-testid="how-sure">
              {sure}
            </Text>
          )}
          <Text size="sm" c="dimmed" mt={6}>
            {advice}
          </Text>
        </div>
      </Group>
    </Card>
  );
}
