import { Button, Card, EmptyState, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { IconArrowLeft, IconPlus, IconUsers } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { suppliersQuery } from './purchasing-queries.ts';
import type { Supplier } from './purchasing-types.ts';
import { SupplierFormModal } from './SupplierFormModal.tsx';

/** The store's suppliers by name and their editor. (Return type written out: see LocationsScreen.) */
export function SuppliersScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const suppliers = useQuery(suppliersQuery(store.handle));
  const [editing, setEditing] = useState<Supplier | null>(null);
  const [creating, setCreating] = useState(false);
  const writable = can('purchasing:write');
  const list = suppliers.data ?? [];

  return (
    <>
      <PageHeader
        title="Suppliers"
        description="Who you buy stock from, in which currency, and how they want their purchase orders."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/purchasing"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconArrowLeft />}
            >
              Purchase orders
            </ButtonLink>
            {writable && list.length > 0 ? (
              <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
                Add supplier
              </Button>
            ) : null}
          </>
        }
      />
      <Card withBorder padding={0} radius="md">
        {suppliers.isError ? (
          <Text c="red" p="md" role="alert">
            {suppliers.error.message}
          </Text>
        ) : suppliers.isPending ? (
          <ListSkeleton label="Loading suppliers" />
        ) : list.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconUsers size={28} />}
            variant="light"
            title="No suppliers yet"
            description="Add the companies you buy stock from. With a supplier's e-mail you can send it purchase orders and book what arrives into stock."
          >
            {writable ? (
              <EmptyState.Actions>
                <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
                  Add your first supplier
                </Button>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Suppliers" verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Supplier</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th ta="right">Lead time</Table.Th>
                  <Table.Th ta="right">Minimum</Table.Th>
                  <Table.Th>Format</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {writable ? <Table.Th w={80} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((supplier) => (
                  <Table.Tr key={supplier.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/stores/$store/purchasing/suppliers/$supplierId"
                        params={{ store: store.handle, supplierId: supplier.id }}
                        size="sm"
                        fw={600}
                      >
                        {supplier.name}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {[supplier.contactName, supplier.phone].filter(Boolean).join(' · ') || 'No contact'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={supplier.email ? undefined : 'dimmed'}>
                        {supplier.email ?? 'None: orders cannot be sent'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{supplier.currency}</Table.Td>
                    <Table.Td ta="right">{supplier.leadTimeDays} d</Table.Td>
                    <Table.Td ta="right">{supplier.minimumOrderQuantity ?? '—'}</Table.Td>
                    <Table.Td>{supplier.orderFormat.toUpperCase()}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={supplier.active} size="sm" />
                    </Table.Td>
                    {writable ? (
                      <Table.Td ta="right">
                        <Button
                          variant="subtle"
                          size="xs"
                          onClick={() => setEditing(supplier)}
                          aria-label={`Edit ${supplier.name}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {writable && (creating || editing) ? (
        <SupplierFormModal
          key={editing?.id ?? 'new'}
          supplier={editing}
          onClose={() => {
            setEditing(null);
            setCreating(false);
          }}
        />
      ) : null}
    </>
  );
}
