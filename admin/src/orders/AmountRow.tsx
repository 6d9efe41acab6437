import { Group, Text } from '@mantine/core';
import { numberCell } from '../inventory/StockTable.tsx';

/** One row of an order's amounts: what it is, a detail (a code, a rate), and the amount on the right. */
export function AmountRow({
  label,
  detail,
  amount,
  strong = false,
  labelWidth = 140,
}: {
  label: string;
  detail?: string;
  amount: string;
  /** The total: set in bold. */
  strong?: boolean;
  labelWidth?: number;
}) {
  return (
    <Group gap="md" wrap="nowrap" justify="space-between">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={strong ? 600 : undefined} w={labelWidth} style={{ flexShrink: 0 }}>
          {label}
        </Text>
        {detail ? (
          <Text size="sm" c="dimmed" truncate="end">
            {detail}
          </Text>
        ) : null}
      </Group>
      <Text size="sm" fw={strong ? 600 : undefined} style={numberCell}>
        {amount}
      </Text>
    </Group>
  );
}
