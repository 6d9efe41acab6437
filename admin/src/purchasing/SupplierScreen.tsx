import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { IconArrowLeft, IconPlus } from '../ui/icons.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { SupplierCatalogTable } from './SupplierCatalogTable.tsx';
import { SupplierFormModal } from './SupplierFormModal.tsx';
import { SupplierRecentOrders } from './SupplierRecentOrders.tsx';
import { SupplierTerms } from './SupplierTerms.tsx';
import { type SupplierWithCatalog, supplierQuery } from './supplier-catalog-queries.ts';

const supplierRoute = getRouteApi('/signed-in/stores/$store/purchasing/suppliers/$supplierId');

/** One supplier: its terms, what it sells of the catalog and at what cost, and its latest orders. */
export function SupplierScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { supplierId } = supplierRoute.useParams();
  const supplier = useQuery(supplierQuery(store.handle, supplierId));
  const back = (
    <ButtonLink
      to="/stores/$store/purchasing/suppliers"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Suppliers
    </ButtonLink>
  );
  if (supplier.isError) {
    return (
      <>
        <PageHeader title="Supplier" actions={back} />
        <Alert color="red" role="alert">
          {supplier.error.message}
        </Alert>
      </>
    );
  }
  if (supplier.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading supplier">
        <Skeleton height={40} />
        <Skeleton height={90} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  return <SupplierPage data={supplier.data} back={back} />;
}

function SupplierPage({ data, back }: { data: SupplierWithCatalog; back: ReactNode }) {
  const { store, can } = useCurrentStore();
  const writable = can('purchasing:write');
  const [editing, setEditing] = useState(false);
  const { supplier, variants } = data;

  return (
    <>
      <PageHeader
        title={supplier.name}
        badge={<ActiveBadge active={supplier.active} />}
        description={
          supplier.active
            ? 'Its terms, what it sells you and at what cost, and your orders to it.'
            : 'Inactive: its orders are kept, but it is not offered for new ones.'
        }
        actions={
          <>
            {back}
            {writable ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit supplier
              </Button>
            ) : null}
            {writable && supplier.active ? (
              <ButtonLink
                to="/stores/$store/purchasing/new"
                params={{ store: store.handle }}
                search={{ supplierId: supplier.id }}
                leftSection={<IconPlus />}
              >
                New purchase order
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <SupplierTerms supplier={supplier} />
        <SupplierCatalogTable supplier={supplier} rows={variants} writable={writable} />
        <SupplierRecentOrders supplier={supplier} />
      </Stack>
      {writable && editing ? (
        <SupplierFormModal supplier={supplier} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
