import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { InventoryImportReport } from './inventory-import-types.ts';

interface Count {
  label: string;
  value: string;
  color?: string;
}

/** A report's numbers: after the check what the import would do, afterwards what it did. */
export function InventoryImportCounts({ report }: { report: InventoryImportReport }) {
  const dry = report.dryRun;
  const counts: Count[] = [
    { label: 'Rows read', value: report.rows.toLocaleString() },
    {
      label: dry ? 'Will change' : 'Changed',
      value: report.changed.toLocaleString(),
      color: report.changed > 0 ? 'indigo' : undefined,
    },
    { label: 'Unchanged', value: report.unchanged.toLocaleString() },
    { label: 'Left as is', value: report.skipped.toLocaleString() },
    {
      label: 'Units',
      value: `+${report.unitsAdded.toLocaleString()} / −${report.unitsRemoved.toLocaleString()}`,
    },
    {
      label: 'Errors',
      value: report.errorCount.toLocaleString(),
      color: report.errorCount > 0 ? 'red' : undefined,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs" role="list" aria-label="Import counts">
      {counts.map((count) => (
        <Paper key={count.label} withBorder radius="md" p="xs" role="listitem" aria-label={count.label}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lineClamp={1}>
            {count.label}
          </Text>
          <Text size="lg" fw={700} c={count.color} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {count.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
