import {
  Badge,
  Card,
  EmptyState,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconFlask, IconPlus, IconSearch, IconTag } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { DiscountStatusBadge } from './DiscountStatusBadge.tsx';
import { discountStatuses, kindLabels, statusLabels, typeLabels, valueText } from './discount-labels.ts';
import { discountsQuery } from './discount-queries.ts';
import type { Discount, DiscountKind, DiscountStatus, DiscountType } from './discount-types.ts';

const listRoute = getRouteApi('/signed-in/stores/$store/discounts');
const pageSize = 25;

/** Its codes when a few ("SUMMER10, WINTER10"), else how many ("1,000 codes"); `isCode` when they are codes. */
function codesText(discount: Discount): { text: string; isCode: boolean } {
  if (discount.codeCount === 0) return { text: 'No codes yet', isCode: false };
  if (discount.codeCount <= 3) return { text: discount.codes.join(', '), isCode: true };
  return { text: `${discount.codeCount.toLocaleString()} codes`, isCode: false };
}

/** "1 Jun 2025 – 1 Sep 2025", "From 1 Jun 2025". */
function windowText(discount: Discount): string {
  return discount.endsAt
    ? `${formatDate(discount.startsAt)} – ${formatDate(discount.endsAt)}`
    : `From ${formatDate(discount.startsAt)}`;
}

/** The store's discounts newest first: status, search by title or code, kind and type. */
export function DiscountsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = listRoute.useSearch();
  const navigate = listRoute.useNavigate();
  const page = search.page ?? 1;
  const setSearch = (change: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, page: undefined, ...change }), replace: true });
  const [qText, setQText] = useSearchParamInput(search.q, (q) => setSearch({ q }));
  const discounts = useQuery(
    discountsQuery(store.handle, {
      status: search.status,
      kind: search.kind,
      type: search.type,
      q: search.q,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const writable = can('promotions:write');
  const filtered = Boolean(search.status || search.kind || search.type || search.q);
  const rows = discounts.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Discounts"
        description="Codes shoppers enter and discounts that apply by themselves. Try a cart to see which apply and why."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/discounts/evaluate"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconFlask size={16} />}
            >
              Try a cart
            </ButtonLink>
            {writable ? (
              <ButtonLink
                to="/stores/$store/discounts/new"
                params={{ store: store.handle }}
                leftSection={<IconPlus />}
              >
                Create discount
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Tabs
          value={search.status ?? 'all'}
          onChange={(value) =>
            setSearch({ status: !value || value === 'all' ? undefined : (value as DiscountStatus) })
          }
        >
          <Tabs.List aria-label="Status">
            <Tabs.Tab value="all">All</Tabs.Tab>
            {discountStatuses.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {statusLabels[value].label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label="Search discounts"
            placeholder="Title or code"
            leftSection={<IconSearch size={16} />}
            rightSection={discounts.isFetching && !discounts.isPending ? <Loader size={14} /> : null}
            value={qText}
            onChange={(e) => setQText(e.currentTarget.value)}
            type="search"
            w={280}
          />
          <Select
            aria-label="Kind"
            placeholder="Codes and automatic"
            data={(Object.keys(kindLabels) as DiscountKind[]).map((value) => ({
              value,
              label: kindLabels[value],
            }))}
            value={search.kind ?? null}
            onChange={(value) => setSearch({ kind: (value as DiscountKind | null) ?? undefined })}
            clearable
            w={200}
          />
          <Select
            aria-label="Type"
            placeholder="Every type"
            data={(Object.keys(typeLabels) as DiscountType[]).map((value) => ({
              value,
              label: typeLabels[value],
            }))}
            value={search.type ?? null}
            onChange={(value) => setSearch({ type: (value as DiscountType | null) ?? undefined })}
            clearable
            w={180}
          />
        </Group>
        <Card withBorder padding={0} radius="md">
          {discounts.isError ? (
            <Text c="red" p="md" role="alert">
              {discounts.error.message}
            </Text>
          ) : discounts.isPending ? (
            <ListSkeleton label="Loading discounts" />
          ) : rows.length === 0 ? (
            filtered ? (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconTag size={28} />}
                title="No discounts match"
                description="Clear the search and filters to see every discount."
              />
            ) : (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconTag size={28} />}
                title="No discounts yet"
                description="Create a code (SUMMER10: 10 % off for the first 100 orders) or an automatic discount (free shipping from €50)."
              >
                {writable ? (
                  <EmptyState.Actions>
                    <ButtonLink
                      to="/stores/$store/discounts/new"
                      params={{ store: store.handle }}
                      leftSection={<IconPlus />}
                    >
                      Create your first discount
                    </ButtonLink>
                  </EmptyState.Actions>
                ) : null}
              </EmptyState>
            )
          ) : (
            <>
              <Table.ScrollContainer minWidth={860}>
                <Table
                  aria-label="Discounts"
                  verticalSpacing="sm"
                  highlightOnHover
                  style={{ opacity: discounts.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Discount</Table.Th>
                      <Table.Th>Gives</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th ta="right">Used</Table.Th>
                      <Table.Th>Dates</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((discount) => (
                      <Table.Tr key={discount.id}>
                        <Table.Td maw={320}>
                          <AnchorLink
                            to="/stores/$store/discounts/$discountId"
                            params={{ store: store.handle, discountId: discount.id }}
                            size="sm"
                            fw={600}
                            style={{ overflowWrap: 'anywhere' }}
                          >
                            {discount.title}
                          </AnchorLink>
                          <Group gap={6} mt={2}>
                            {discount.kind === 'code' ? (
                              <Text
                                size="xs"
                                ff={codesText(discount).isCode ? 'monospace' : undefined}
                                c="dimmed"
                                lineClamp={1}
                              >
                                {codesText(discount).text}
                              </Text>
                            ) : (
                              <Badge size="xs" variant="outline" color="gray">
                                Automatic
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{valueText(discount)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <DiscountStatusBadge discount={discount} size="sm" />
                        </Table.Td>
                        <Table.Td ta="right" style={numberCell}>
                          <Text size="sm">
                            {discount.used.toLocaleString()}
                            {discount.usageLimit !== null ? (
                              <Text span size="sm" c="dimmed">
                                {' '}
                                / {discount.usageLimit.toLocaleString()}
                              </Text>
                            ) : null}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {windowText(discount)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListPager
                page={page}
                pageSize={pageSize}
                total={discounts.data?.total ?? 0}
                onPage={(next) =>
                  void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
                }
              />
            </>
          )}
        </Card>
      </Stack>
    </>
  );
}
