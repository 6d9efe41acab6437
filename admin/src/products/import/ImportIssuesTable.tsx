import { Badge, Card, Group, Pagination, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { type IssueView, importIssuePageSize } from './import-queries.ts';
import type { ImportReport, IssueSeverity } from './import-types.ts';

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** Every problem the report kept, by line and column, a page at a time, all or one severity. */
export function ImportIssuesTable({
  report,
  view,
  onView,
  title = 'Problems in the file',
}: {
  report: ImportReport;
  view: IssueView;
  onView: (view: IssueView) => void;
  title?: string;
}) {
  const issues = report.issues;
  const { errors, warnings } = report.issueCount;
  if (!issues || errors + warnings === 0) return null;
  const total =
    view.severity === 'error' ? errors : view.severity === 'warning' ? warnings : errors + warnings;
  const pages = Math.max(1, Math.ceil(issues.kept / importIssuePageSize));
  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" p="md" gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {errors > 0 && warnings > 0 ? (
          <SegmentedControl
            size="xs"
            aria-label="Show problems"
            value={view.severity ?? 'all'}
            onChange={(value) =>
              onView({ page: 0, severity: value === 'all' ? undefined : (value as IssueSeverity) })
            }
            data={[
              { value: 'all', label: 'All' },
              { value: 'error', label: plural(errors, 'error') },
              { value: 'warning', label: plural(warnings, 'warning') },
            ]}
          />
        ) : (
          <Badge color={errors > 0 ? 'red' : 'yellow'}>
            {errors > 0 ? plural(errors, 'error') : plural(warnings, 'warning')}
          </Badge>
        )}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70} ta="right">
                Line
              </Table.Th>
              <Table.Th w={170}>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
              <Table.Th w={120}>Severity</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.items.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a page of issues is a fixed list; two can read the same.
              <Table.Tr key={`${issues.offset + index}-${issue.row}-${issue.code}`}>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {issue.row}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c={issue.column ? undefined : 'dimmed'}>
                    {issue.column ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {issue.message}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={issue.severity === 'error' ? 'red' : 'yellow'}>{issue.severity}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group
        justify="space-between"
        p="md"
        gap="sm"
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text size="sm" c="dimmed">
          {issues.kept < total
            ? `The first ${issues.kept.toLocaleString()} of ${total.toLocaleString()} problems are listed`
            : plural(total, 'problem')}
        </Text>
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={view.page + 1}
            onChange={(next) => onView({ ...view, page: next - 1 })}
            size="sm"
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : undefined,
            })}
          />
        ) : null}
      </Group>
    </Card>
  );
}
