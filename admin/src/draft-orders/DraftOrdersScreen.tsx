import { Badge, Card, EmptyState, Group, Loader, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconArrowLeft, IconPencil, IconPlus, IconSearch } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { draftStatusLooks } from './draft-order-labels.ts';
import { draftListQuery } from './draft-order-queries.ts';
import type { DraftOrderSummary, DraftStatus } from './draft-order-types.ts';

const draftsRoute = getRouteApi('/signed-in/stores/$store/draft-orders');
const pageSize = 25;

const tabs: { value: DraftStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'invoice_sent', label: 'Invoice sent' },
  { value: 'completed', label: 'Completed' },
];

export function DraftStatusBadge({ status }: { status: DraftStatus }) {
  const look = draftStatusLooks[status];
  return (
    <Badge color={look.color} size="sm" style={{ flexShrink: 0 }}>
      {look.label}
    </Badge>
  );
}

/**
 * Orders staff prepare for customers (phone orders): open ones being put together, ones whose
 * payment link went out, and completed ones with the order they became. Newest first, by status,
 * searchable by name (D1004) or e-mail. (Return type written out: the router's types include the screens'.)
 */
export function DraftOrdersScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = draftsRoute.useSearch();
  const navigate = draftsRoute.useNavigate();
  const page = search.page ?? 1;
  const list = useQuery(
    draftListQuery(store.handle, {
      status: search.status,
      q: search.q,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const change = (next: { status?: DraftStatus; q?: string }, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...next, page: undefined }), replace });
  const [searchText, setSearchText] = useSearchParamInput(search.q, (q) => change({ q }, true));
  const items = list.data?.items ?? [];
  const filtered = Boolean(search.status || search.q);

  return (
    <>
      <PageHeader
        title="Draft orders"
        description="Orders you put together for a customer — by phone, by e-mail, in person. Send them a link to pay, or take the payment yourself."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/orders"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconArrowLeft />}
            >
              Orders
            </ButtonLink>
            {can('orders:write') ? (
              <ButtonLink
                to="/stores/$store/draft-orders/new"
                params={{ store: store.handle }}
                leftSection={<IconPlus />}
              >
                New draft order
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Card withBorder padding={0} radius="md">
        <Tabs
          value={search.status ?? 'all'}
          onChange={(value) =>
            change({ status: value && value !== 'all' ? (value as DraftStatus) : undefined })
          }
        >
          <Tabs.List px="sm">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group p="md">
          <TextInput
            aria-label="Search draft orders"
            placeholder="Search by name (D1001) or e-mail"
            leftSection={<IconSearch size={16} />}
            rightSection={list.isFetching && !list.isPending ? <Loader size={14} /> : null}
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            style={{ flex: '1 1 16rem', maxWidth: '26rem' }}
            type="search"
          />
        </Group>
        {list.isError ? (
          <LoadFailed what="The draft orders" error={list.error} onRetry={() => void list.refetch()} inset />
        ) : list.isPending ? (
          <ListSkeleton label="Loading draft orders" rows={5} />
        ) : items.length === 0 ? (
          <EmptyState
            py="xl"
            variant="light"
            icon={<IconPencil size={28} />}
            title={filtered ? 'No draft orders match' : 'No draft orders yet'}
            description={
              filtered
                ? 'Try another search, or another tab.'
                : 'A customer orders by phone? Put the order together here, then send the link to pay or mark it paid.'
            }
          >
            {!filtered && can('orders:write') ? (
              <EmptyState.Actions>
                <ButtonLink to="/stores/$store/draft-orders/new" params={{ store: store.handle }}>
                  New draft order
                </ButtonLink>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : (
          <>
            <DraftTable drafts={items} dimmed={list.isPlaceholderData} />
            <ListPager
              page={page}
              pageSize={pageSize}
              total={list.data?.total ?? 0}
              onPage={(next) =>
                void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
              }
            />
          </>
        )}
      </Card>
    </>
  );
}

function DraftTable({ drafts, dimmed }: { drafts: DraftOrderSummary[]; dimmed: boolean }) {
  const { store } = useCurrentStore();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Draft orders" style={{ opacity: dimmed ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Draft</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Items</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {drafts.map((draft) => (
            <Table.Tr key={draft.id}>
              <Table.Td>
                <AnchorLink
                  to="/stores/$store/draft-orders/$draftId"
                  params={{ store: store.handle, draftId: draft.id }}
                  fw={600}
                  size="sm"
                >
                  {draft.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(draft.createdAt)}</Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Stack gap={0}>
                  <Text size="sm" truncate="end" c={draft.customerName ? undefined : 'dimmed'}>
                    {draft.customerName || (draft.email ? 'No name yet' : 'No customer yet')}
                  </Text>
                  {draft.email ? (
                    <Text size="xs" c="dimmed" truncate="end">
                      {draft.email}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <DraftStatusBadge status={draft.status} />
                  {draft.order ? (
                    <AnchorLink
                      to="/stores/$store/orders/$orderId"
                      params={{ store: store.handle, orderId: draft.order.id }}
                      size="xs"
                    >
                      Order {draft.order.number === null ? '' : `#${draft.order.number}`}
                    </AnchorLink>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                {draft.itemCount} {draft.itemCount === 1 ? 'item' : 'items'}
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                <Text size="sm" fw={500} span>
                  {draft.total === null ? '—' : formatMoney(draft.total, draft.currency)}
                </Text>
                {draft.currency !== store.baseCurrency ? (
                  <Text size="xs" c="dimmed">
                    {draft.currency}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
