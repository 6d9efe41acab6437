import { Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { storeApiPath, useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconDownload, IconSearch } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { customerName } from './customer-types.ts';
import { customerListQuery, segmentsQuery } from './customers-queries.ts';

const sorts = [
  { value: 'newest', label: 'Newest' },
  { value: 'total_spent_desc', label: 'Amount spent, highest first' },
  { value: 'orders_desc', label: 'Most orders' },
  { value: 'last_order_desc', label: 'Last order, latest first' },
  { value: 'last_order_asc', label: 'Last order, earliest first' },
];

/**
 * The store's customers with what they spent, how often they ordered and when last; searched,
 * narrowed to a segment or to those who accept marketing, sorted by any figure (docs/customers.md).
 * (Return type written out: the router's types include the screens'.)
 */
export function CustomersScreen(): ReactNode {
  const { store } = useCurrentStore();
  const [q, setQ] = useState('');
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [sort, setSort] = useState<string | null>('newest');
  const [marketing, setMarketing] = useState<string | null>(null);
  const segments = useQuery(segmentsQuery(store.handle));
  const list = useQuery(
    customerListQuery(store.handle, {
      q: q.trim() || undefined,
      segmentId: segmentId ?? undefined,
      sort: sort ?? 'newest',
      acceptsMarketing: marketing ?? undefined,
    }),
  );
  const exportUrl = storeApiPath(store.handle, '/customers/export.csv');

  return (
    <>
      <PageHeader
        title="Customers"
        description="Everyone who ordered or signed up, with what they spent."
        actions={
          <Group gap="xs">
            <ButtonLink
              variant="default"
              to="/stores/$store/customers/segments"
              params={{ store: store.handle }}
            >
              Segments
            </ButtonLink>
            <Button component="a" href={exportUrl} variant="default" leftSection={<IconDownload />}>
              Export CSV
            </Button>
          </Group>
        }
      />
      <Group mb="md" align="end">
        <TextInput
          label="Search"
          placeholder="E-mail or name"
          leftSection={<IconSearch />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          label="Segment"
          placeholder="All customers"
          clearable
          data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={segmentId}
          onChange={setSegmentId}
        />
        <Select
          label="Marketing"
          placeholder="Any"
          clearable
          data={[
            { value: 'true', label: 'Accepts marketing' },
            { value: 'false', label: 'Does not accept' },
          ]}
          value={marketing}
          onChange={setMarketing}
        />
        <Select label="Sort" data={sorts} value={sort} onChange={setSort} allowDeselect={false} />
      </Group>
      {list.isPending ? (
        <ListSkeleton label="Loading customers" />
      ) : list.isError ? (
        <LoadFailed what="The customers" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card withBorder padding={0}>
          <Table verticalSpacing="sm" highlightOnHover aria-label="Customers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Country</Table.Th>
                <Table.Th>Marketing</Table.Th>
                <Table.Th ta="right">Orders</Table.Th>
                <Table.Th ta="right">Amount spent</Table.Th>
                <Table.Th>Last order</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="customer-row">
                  <Table.Td>
                    <AnchorLink
                      to="/stores/$store/customers/$customerId"
                      params={{ store: store.handle, customerId: c.id }}
                      fw={500}
                      size="sm"
                    >
                      {customerName(c)}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {c.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.country ?? '—'}</Table.Td>
                  <Table.Td>
                    {c.acceptsMarketing ? (
                      <Badge color="green">Subscribed</Badge>
                    ) : (
                      <Badge color="gray">No</Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{c.orderCount}</Table.Td>
                  <Table.Td ta="right">{formatMoney(c.totalSpent, store.baseCurrency)}</Table.Td>
                  <Table.Td>{c.lastOrderAt ? formatDate(c.lastOrderAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" p="sm">
            {list.data.total} customer{list.data.total === 1 ? '' : 's'}
          </Text>
        </Card>
      )}
    </>
  );
}
