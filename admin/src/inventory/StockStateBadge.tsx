import { Badge, type BadgeProps, Group } from '@mantine/core';
import type { StockState } from './inventory-types.ts';

const looks: Record<StockState | 'untracked', { label: string; color: string } | null> = {
  ok: null,
  low: { label: 'Low', color: 'orange' },
  out: { label: 'Out of stock', color: 'red' },
  untracked: { label: 'Not tracked', color: 'gray' },
};

/** Low / out (and overstock) as badges; stock that is fine shows nothing, so the problems stand out. */
export function StockStateBadge({
  state,
  overstock = false,
  size = 'sm',
}: {
  state: StockState | 'untracked';
  overstock?: boolean;
  size?: BadgeProps['size'];
}) {
  const look = looks[state];
  if (!look && !overstock) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {look ? (
        <Badge color={look.color} variant="light" size={size}>
          {look.label}
        </Badge>
      ) : null}
      {overstock ? (
        <Badge color="grape" variant="light" size={size}>
          Overstock
        </Badge>
      ) : null}
    </Group>
  );
}
