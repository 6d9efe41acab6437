import { useMantineTheme } from '@mantine/core';
import { formatLift, type IntervalSide, intervalSide } from './result-format.ts';

const width = 160;
const height = 18;
const padding = 4;

/**
 * The lift's 95% interval as a bar on a scale centred on no change (the grey line): green when the
 * whole bar is on the good side, red when on the bad side, grey while it still crosses zero. `reach`
 * is the scale's half-width, shared by the rows of a table so their bars compare.
 */
export function UpliftIntervalBar({
  lift,
  interval,
  inverse,
  reach,
}: {
  lift: number;
  interval: [number, number];
  inverse: boolean;
  reach: number;
}) {
  const theme = useMantineTheme();
  const side = intervalSide(interval, inverse);
  const colour: Record<IntervalSide, string> = {
    good: theme.colors.green[6],
    bad: theme.colors.red[6],
    unclear: theme.colors.gray[5],
  };
  const x = (v: number) => {
    const clamped = Math.max(-reach, Math.min(reach, v));
    return padding + ((clamped + reach) / (2 * reach)) * (width - 2 * padding);
  };
  const [low, high] = interval;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`Lift ${formatLift(lift)}, 95% interval ${formatLift(low)} to ${formatLift(high)}`}
      data-side={side}
    >
      <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke={theme.colors.gray[6]} strokeWidth={1} />
      <rect
        x={x(low)}
        y={height / 2 - 4}
        width={Math.max(2, x(high) - x(low))}
        height={8}
        rx={4}
        fill={colour[side]}
        fillOpacity={0.35}
        stroke={colour[side]}
      />
      <circle cx={x(lift)} cy={height / 2} r={3.5} fill={colour[side]} />
    </svg>
  );
}

/** The half-width of a scale that holds every interval of a table, a little over the widest. */
export function intervalReach(intervals: [number, number][]): number {
  const widest = Math.max(0.02, ...intervals.flatMap(([low, high]) => [Math.abs(low), Math.abs(high)]));
  return widest * 1.1;
}
