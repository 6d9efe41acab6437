import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../ui/format-date.ts';
import { AnchorLink } from '../../ui/router-links.tsx';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { recentImportsQuery } from './import-queries.ts';
import { formatDescription } from './import-types.ts';

/** The store's last imports, each opening its report. */
export function RecentImports({ store }: { store: string }) {
  const recent = useQuery(recentImportsQuery(store));
  if (recent.isError) {
    return (
      <Text c="red" role="alert">
        {recent.error.message}
      </Text>
    );
  }
  if (!recent.data || recent.data.length === 0) return null;
  return (
    <Card withBorder radius="md" padding={0} mt="xl">
      <Title order={3} size="h5" p="md">
        Recent imports
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Recent imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Products</Table.Th>
              <Table.Th visibleFrom="sm">Uploaded</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recent.data.map((item) => {
              const report = item.result ?? item.check;
              return (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/stores/$store/products/import/$importId"
                      params={{ store, importId: item.id }}
                      size="sm"
                      fw={600}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {item.fileName}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {formatDescription(item)}
                      {item.createdBy ? ` · ${item.createdBy.label}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ImportStatusBadge item={item} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {report ? report.products.toLocaleString() : '—'}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm" c="dimmed">
                      {formatDateTime(item.createdAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
