import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportReport } from './import-types.ts';

interface Count {
  label: string;
  value: number;
  color?: string;
}

/** A report's numbers: in the check they say what the import would do, afterwards what it did. */
export function ImportCounts({ report }: { report: ImportReport }) {
  const counts: Count[] = [
    { label: 'Products in the file', value: report.products },
    { label: report.dryRun ? 'New' : 'Created', value: report.created, color: 'teal' },
    { label: report.dryRun ? 'Will change' : 'Updated', value: report.updated, color: 'indigo' },
    { label: 'Unchanged', value: report.unchanged },
    ...(report.staged
      ? [
          {
            label: report.dryRun ? 'Will wait for review' : 'Waiting for review',
            value: report.staged,
            color: 'orange',
          },
        ]
      : []),
    {
      label: report.dryRun ? 'Skipped (errors)' : 'Not imported',
      value: report.failed,
      color: report.failed > 0 ? 'red' : undefined,
    },
    {
      label: 'Warnings',
      value: report.issueCount.warnings,
      color: report.issueCount.warnings > 0 ? 'yellow.8' : undefined,
    },
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: counts.length }}
      spacing="sm"
      role="list"
      aria-label="Import counts"
    >
      {counts.map((count) => (
        <Paper key={count.label} withBorder radius="md" p="sm" role="listitem">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {count.label}
          </Text>
          <Text size="xl" fw={700} c={count.color} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {count.value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
