import { Card, EmptyState, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconPackage, IconPlus, IconUsers } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { PurchaseOrderTable } from './PurchaseOrderTable.tsx';
import { orderStateLabels, orderStates } from './purchasing-labels.ts';
import { purchaseOrdersQuery, suppliersQuery } from './purchasing-queries.ts';
import type { PurchaseOrderState } from './purchasing-types.ts';

const listRoute = getRouteApi('/signed-in/stores/$store/purchasing');
const pageSize = 25;

/** Purchase orders newest first, filtered by state and supplier. (Return type: see LocationsScreen.) */
export function PurchaseOrdersScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = listRoute.useSearch();
  const navigate = useNavigate({ from: '/stores/$store/purchasing' });
  const page = search.page ?? 1;
  const orders = useQuery(
    purchaseOrdersQuery(store.handle, {
      state: search.state,
      supplierId: search.supplierId,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const suppliers = useQuery(suppliersQuery(store.handle));
  const writable = can('purchasing:write');
  const filtered = Boolean(search.state || search.supplierId);
  const rows = orders.data?.items ?? [];
  const setSearch = (change: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, page: undefined, ...change }) });
  const noSuppliers = suppliers.data !== undefined && suppliers.data.length === 0;

  return (
    <>
      <PageHeader
        title="Purchase orders"
        description="Stock you ordered from suppliers: send an order, then book what arrives into stock."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/purchasing/suppliers"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconUsers />}
            >
              Suppliers
            </ButtonLink>
            {writable && !noSuppliers ? (
              <ButtonLink
                to="/stores/$store/purchasing/new"
                params={{ store: store.handle }}
                leftSection={<IconPlus />}
              >
                New purchase order
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm">
          <Select
            aria-label="State"
            placeholder="All states"
            data={orderStates.map((value) => ({ value, label: orderStateLabels[value] }))}
            value={search.state ?? null}
            onChange={(value) => setSearch({ state: (value as PurchaseOrderState | null) ?? undefined })}
            clearable
            w={200}
          />
          <Select
            aria-label="Supplier"
            placeholder="All suppliers"
            data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={search.supplierId ?? null}
            onChange={(value) => setSearch({ supplierId: value ?? undefined })}
            clearable
            searchable
            w={240}
          />
        </Group>
        <Card withBorder padding={0} radius="md">
          {orders.isError ? (
            <Text c="red" p="md" role="alert">
              {orders.error.message}
            </Text>
          ) : orders.isPending ? (
            <ListSkeleton label="Loading purchase orders" />
          ) : rows.length === 0 ? (
            filtered ? (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconPackage size={28} />}
                title="No purchase orders match"
                description="Clear the filters to see every order."
              />
            ) : (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconPackage size={28} />}
                title="No purchase orders yet"
                description={
                  noSuppliers
                    ? 'Purchase orders are placed with a supplier. Add the suppliers you buy from first, then order stock from them here.'
                    : 'Order stock from a supplier: pick the variants and quantities, send the order by e-mail, and receive the goods into stock when they arrive.'
                }
              >
                {writable ? (
                  <EmptyState.Actions>
                    {noSuppliers ? (
                      <ButtonLink
                        to="/stores/$store/purchasing/suppliers"
                        params={{ store: store.handle }}
                        leftSection={<IconPlus />}
                      >
                        Add a supplier
                      </ButtonLink>
                    ) : (
                      <ButtonLink
                        to="/stores/$store/purchasing/new"
                        params={{ store: store.handle }}
                        leftSection={<IconPlus />}
                      >
                        Create your first purchase order
                      </ButtonLink>
                    )}
                  </EmptyState.Actions>
                ) : null}
              </EmptyState>
            )
          ) : (
            <>
              <PurchaseOrderTable orders={rows} label="Purchase orders" />
              <ListPager
                page={page}
                pageSize={pageSize}
                total={orders.data?.total ?? 0}
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
