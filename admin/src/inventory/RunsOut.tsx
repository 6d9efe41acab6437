import { Text, Tooltip } from '@mantine/core';

const day = 24 * 3600 * 1000;

/** "in 6 days", "in 3 weeks", "in 4 months": precise when it is soon, rough when it is far. */
export function runsOutWords(daysOfCover: number): string {
  if (daysOfCover <= 0) return 'now';
  if (daysOfCover === 1) return 'tomorrow';
  if (daysOfCover < 21) return `in ${daysOfCover} days`;
  if (daysOfCover < 90) return `in ${Math.round(daysOfCover / 7)} weeks`;
  if (daysOfCover < 730) return `in ${Math.round(daysOfCover / 30)} months`;
  return 'in over 2 years';
}

/** Per day, as people say it: "2.5 a day", "3 a week" when under one a day. */
export function salesRateWords(soldPerDay: number): string {
  if (soldPerDay >= 1) return `${Number(soldPerDay.toFixed(1))} a day`;
  const perWeek = soldPerDay * 7;
  if (perWeek >= 1) return `${Number(perWeek.toFixed(1))} a week`;
  return `${Number((soldPerDay * 30).toFixed(1))} a month`;
}

/**
 * When the available stock runs out at the rate of the last four weeks; a dash when it does not
 * sell. Orange when it is running out (it lasts no longer than a reorder takes). The tooltip gives
 * the date and the rate, so the estimate can be checked.
 */
export function RunsOut({
  daysOfCover,
  soldPerDay,
  runningOut = false,
  size = 'sm',
}: {
  daysOfCover: number | null;
  soldPerDay: number;
  runningOut?: boolean;
  size?: 'xs' | 'sm';
}) {
  if (daysOfCover === null) {
    return (
      <Text span size={size} c="dimmed" title="No sales in the last four weeks">
        —
      </Text>
    );
  }
  const date = new Date(Date.now() + daysOfCover * day).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
  });
  return (
    <Tooltip
      label={`Selling ${salesRateWords(soldPerDay)} over the last four weeks: lasts until about ${date}`}
    >
      <Text
        span
        size={size}
        c={daysOfCover === 0 ? 'red.7' : runningOut ? 'orange.8' : undefined}
        fw={runningOut ? 600 : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {runsOutWords(daysOfCover)}
      </Text>
    </Tooltip>
  );
}

/** The drawer's sentence: how fast the variant sells and when its available stock runs out. */
export function RunsOutSummary({
  daysOfCover,
  soldPerDay,
}: {
  daysOfCover: number | null;
  soldPerDay: number;
}) {
  if (daysOfCover === null) {
    return (
      <Text size="sm" c="dimmed">
        No sales in the last four weeks.
      </Text>
    );
  }
  const date = new Date(Date.now() + daysOfCover * day).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
  });
  return (
    <Text size="sm">
      Selling {salesRateWords(soldPerDay)} over the last four weeks:{' '}
      {daysOfCover === 0 ? (
        <Text span c="red.7" fw={600}>
          nothing left to sell.
        </Text>
      ) : (
        <>
          the available stock runs out{' '}
          <Text span fw={600}>
            {runsOutWords(daysOfCover)}
          </Text>{' '}
          (about {date}).
        </>
      )}
    </Text>
  );
}
