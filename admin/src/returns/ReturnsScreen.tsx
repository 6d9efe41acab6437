import { Card, EmptyState, Group, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { ReturnStatusBadge } from '../orders/OrderBadges.tsx';
import { orderName, returnStatusLooks } from '../orders/order-labels.ts';
import { orderSettingsQuery } from '../orders/order-queries.ts';
import { type ReturnStatus, returnStatuses } from '../orders/order-types.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconArrowLeft, IconReturn } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { ReturnReasonsReport } from './ReturnReasonsReport.tsx';
import { returnListQuery } from './return-queries.ts';
import type { ReturnsSearch } from './returns-search.ts';

const returnsRoute = getRouteApi('/signed-in/stores/$store/returns');
const pageSize = 25;

const resolutionWords = { refund: 'Refunded', exchange: 'Exchanged', none: 'No refund' } as const;

/**
 * The store's returns, newest first and by status, and why customers send things back (the reasons
 * report). (Return type written out: the router's types include the screens'.)
 */
export function ReturnsScreen(): ReactNode {
  const { store } = useCurrentStore();
  const search = returnsRoute.useSearch();
  const navigate = returnsRoute.useNavigate();
  const change = (next: Partial<ReturnsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });

  return (
    <>
      <PageHeader
        title="Returns"
        description="What customers send back: approve, receive and settle each return, and see why things come back."
        actions={
          <ButtonLink
            to="/stores/$store/orders"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            Orders
          </ButtonLink>
        }
      />
      <Tabs
        value={search.tab ?? 'list'}
        onChange={(tab) => change({ tab: tab === 'reasons' ? 'reasons' : undefined, page: undefined })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="list">All returns</Tabs.Tab>
          <Tabs.Tab value="reasons">Reasons</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <ReturnList
            status={search.status}
            page={search.page ?? 1}
            onStatus={(status) => change({ status, page: undefined })}
            onPage={(page) => change({ page: page > 1 ? page : undefined })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="reasons">
          <ReturnReasonsReport from={search.from} to={search.to} onDays={(days) => change(days)} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ReturnList({
  status,
  page,
  onStatus,
  onPage,
}: {
  status: ReturnStatus | undefined;
  page: number;
  onStatus: (status: ReturnStatus | undefined) => void;
  onPage: (page: number) => void;
}) {
  const { store } = useCurrentStore();
  const settings = useQuery(orderSettingsQuery(store.handle));
  const list = useQuery(
    returnListQuery(store.handle, { status, limit: pageSize, offset: (page - 1) * pageSize }),
  );
  const prefix = settings.data?.numberPrefix ?? '#';
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group>
        <Select
          aria-label="Status"
          placeholder="All statuses"
          data={returnStatuses.map((value) => ({ value, label: returnStatusLooks[value].label }))}
          value={status ?? null}
          onChange={(value) => onStatus((value as ReturnStatus | null) ?? undefined)}
          clearable
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      <Card withBorder padding={0} radius="md">
        {list.isError ? (
          <Text c="red" p="md" role="alert">
            {list.error.message}
          </Text>
        ) : list.isPending ? (
          <ListSkeleton label="Loading returns" rows={4} />
        ) : items.length === 0 ? (
          <EmptyState
            py="xl"
            variant="light"
            icon={<IconReturn size={28} />}
            title={status ? `No ${returnStatusLooks[status].label.toLowerCase()} returns` : 'No returns yet'}
            description={
              status
                ? 'Clear the filter to see every return.'
                : 'Customers ask for returns from their order page; you can open one for them from an order too.'
            }
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label="Returns" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Order</Table.Th>
                    <Table.Th>Customer</Table.Th>
                    <Table.Th>Requested</Table.Th>
                    <Table.Th ta="right">Items</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/stores/$store/orders/$orderId"
                          params={{ store: store.handle, orderId: r.orderId }}
                          fw={600}
                          size="sm"
                        >
                          {orderName({ number: r.orderNumber }, prefix)}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td maw={260}>
                        <Text size="sm" truncate="end">
                          {r.customerName || 'No name'}
                        </Text>
                        <Text size="xs" c="dimmed" truncate="end">
                          {r.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(r.requestedAt)}</Text>
                        <Text size="xs" c="dimmed">
                          by {r.requestedBy === 'customer' ? 'the customer' : 'staff'}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={numberCell}>
                        <Text size="sm">{r.units}</Text>
                        {r.receivedUnits > 0 ? (
                          <Text size="xs" c="dimmed">
                            {r.receivedUnits} received
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <ReturnStatusBadge status={r.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={r.resolution ? undefined : 'dimmed'}>
                          {r.resolution ? resolutionWords[r.resolution] : '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListPager page={page} pageSize={pageSize} total={list.data?.total ?? 0} onPage={onPage} />
          </>
        )}
      </Card>
    </Stack>
  );
}
