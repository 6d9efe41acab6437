import { CompositeChart } from '@mantine/charts';
import { Box, Card, Group, Paper, Text, useMantineTheme } from '@mantine/core';
import { Area } from 'recharts';
import type { ExperimentResults } from './experiment-results-queries.ts';
import { formatLift, metricTitle } from './result-format.ts';

/** Mantine palette entries for the variants after control, in order. */
const palette = ['blue', 'grape', 'teal', 'orange', 'pink', 'cyan', 'lime', 'indigo', 'yellow'] as const;

/** Round ticks (…, −50%, 0%, 50%, …) that hold every band and zero, about four steps apart. */
function percentTicks(values: number[]): number[] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const rough = Math.max((high - low) / 4, 0.5);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t <= Math.ceil(high / step) * step + step / 2; t += step) {
    ticks.push(Math.round(t * 100) / 100);
  }
  return ticks;
}

/**
 * The primary metric's lift over control, cumulative day by day, each variant's line inside its 95%
 * interval band, with the zero line of no change: early days swing widely and the band narrows as
 * visitors come in — the picture of why a test needs its full run.
 */
export function UpliftChart({ results }: { results: ExperimentResults }) {
  const theme = useMantineTheme();
  const primary = results.metrics[0];
  const challengers = results.variants
    .slice(1)
    .map((v, i) => ({ ...v, colour: palette[i % palette.length]! }));
  const data = results.series.days.map((d) => {
    const row: Record<string, unknown> = { day: d.day.slice(5) };
    for (const point of d.variants) {
      if (point.lift === null) continue;
      row[point.variantKey] = Math.round(point.lift * 1000) / 10;
      if (point.low !== null && point.high !== null) {
        row[`${point.variantKey}__band`] = [
          Math.round(point.low * 1000) / 10,
          Math.round(point.high * 1000) / 10,
        ];
      }
    }
    return row;
  });
  const title = primary ? metricTitle(primary) : 'Primary metric';
  // The scale fits the later half of the run: the first days' intervals can be ten times wider
  // than the rest and would flatten everything after them. What runs off the scale is cut off.
  const valuesOf = (rows: Record<string, unknown>[]) =>
    rows.flatMap((row) =>
      challengers.flatMap((c) => [
        ...((row[`${c.key}__band`] as [number, number] | undefined) ?? []),
        ...(typeof row[c.key] === 'number' ? [row[c.key] as number] : []),
      ]),
    );
  const scaled = data.length >= 4 ? data.slice(Math.floor(data.length / 2)) : data;
  const ticks = percentTicks(valuesOf(scaled));
  const [bottom, top] = [ticks[0]!, ticks[ticks.length - 1]!];
  const offScale = valuesOf(data).some((v) => v < bottom || v > top);
  if (!data.some((row) => challengers.some((c) => typeof row[c.key] === 'number'))) {
    return (
      <Card withBorder padding="md">
        <Text fw={600}>Uplift over time</Text>
        <Text size="sm" c="dimmed">
          The line starts once both control and a variant have visitors with a {primary?.label ?? 'result'}.
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder padding="md" data-testid="uplift-chart">
      <Text fw={600}>{title}: uplift over control, cumulative</Text>
      <Text size="xs" c="dimmed">
        Each line is the lift so far with its 95% interval as a band; above zero the variant is ahead
        {primary?.inverse ? ' (for this metric lower is better: below zero is good)' : ''}. Early days swing
        widely; the band narrows as visitors come in.
        {offScale ? ' The first days’ swings run off this scale: hover a day to read them.' : ''}
      </Text>
      {/* The chart's own legend would list the bands as series too. */}
      <Group gap="md" justify="flex-end" mb="xs">
        {challengers.map((c) => (
          <Group key={c.key} gap={6}>
            <Box
              w={14}
              h={10}
              bg={`${c.colour}.1`}
              style={{ borderTop: `2px solid var(--mantine-color-${c.colour}-6)` }}
            />
            <Text size="xs">{c.name}</Text>
          </Group>
        ))}
      </Group>
      <CompositeChart
        h={260}
        data={data}
        dataKey="day"
        series={challengers.map((c) => ({
          name: c.key,
          label: c.name,
          color: `${c.colour}.6`,
          type: 'line',
        }))}
        curveType="linear"
        withDots={false}
        connectNulls
        valueFormatter={(v) => `${v}%`}
        yAxisProps={{ domain: [bottom, top], ticks, allowDataOverflow: true }}
        referenceLines={[{ y: 0, color: 'gray.6', label: 'no change', labelPosition: 'insideTopLeft' }]}
        tooltipProps={{
          content: ({ label, payload }) => {
            const row = payload?.[0]?.payload as Record<string, unknown> | undefined;
            if (!row) return null;
            return (
              <Paper withBorder shadow="sm" p="xs" fz="sm">
                <Text size="xs" fw={600} mb={4}>
                  {String(label)}
                </Text>
                {challengers.map((c) => {
                  const lift = row[c.key];
                  const band = row[`${c.key}__band`] as [number, number] | undefined;
                  if (typeof lift !== 'number') return null;
                  return (
                    <Text key={c.key} size="xs">
                      {c.name}: {formatLift(lift / 100)}
                      {band ? ` (${formatLift(band[0] / 100)} to ${formatLift(band[1] / 100)})` : ''}
                    </Text>
                  );
                })}
              </Paper>
            );
          },
        }}
        aria-label={`${title}: cumulative uplift over control per day`}
      >
        {challengers.map((c) => (
          <Area
            key={c.key}
            dataKey={`${c.key}__band`}
            stroke="none"
            fill={theme.colors[c.colour][6]}
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls
            legendType="none"
            activeDot={false}
          />
        ))}
      </CompositeChart>
    </Card>
  );
}
