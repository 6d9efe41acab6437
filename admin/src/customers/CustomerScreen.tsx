import { Badge, Card, Group, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { addressLines } from '../countries/address-lines.ts';
import { formatMoney } from '../money/minor-units.ts';
import { CustomerPrivacyActions } from '../privacy/CustomerPrivacyActions.tsx';
import { CustomerPrivacyCard } from '../privacy/CustomerPrivacyCard.tsx';
import { isErasedCustomer } from '../privacy/erased-customer.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate, formatDateTime } from '../ui/format-date.ts';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { customerName } from './customer-types.ts';
import { customerQuery, useSetConsent } from './customers-queries.ts';

const route = getRouteApi('/signed-in/stores/$store/customers/$customerId');

const sourceWords: Record<string, string> = {
  checkout_checkbox: 'Checkout checkbox',
  signup_form: 'Sign-up form',
  double_opt_in: 'Confirmed by e-mail (double opt-in)',
  admin: 'Set by staff',
  import: 'Imported',
  unsubscribe: 'Unsubscribed',
};

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Card>
  );
}

/** One customer: figures, recent orders, addresses, tags and note, consent with its history. */
export function CustomerScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const { customerId } = route.useParams();
  const profile = useQuery(customerQuery(store.handle, customerId));
  const setConsent = useSetConsent(store.handle, customerId);
  if (profile.isPending) return <ListSkeleton label="Loading the customer" />;
  if (profile.isError) {
    return <LoadFailed what="The customer" error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const { customer, addresses, groups, consentHistory, recentOrders } = profile.data;
  return (
    <>
      <PageHeader
        title={customerName(customer)}
        description={customer.email}
        actions={
          can('privacy:manage') ? (
            <CustomerPrivacyActions
              store={store.handle}
              customer={customer}
              erased={isErasedCustomer(customer)}
            />
          ) : undefined
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Figure
          label="Amount spent"
          value={formatMoney(customer.totalSpent, store.baseCurrency)}
          note={
            // The figure adds up every order in the base currency (customers.md, "Order figures").
            recentOrders.some((o) => o.currency !== store.baseCurrency)
              ? 'Orders in other currencies converted at the rate of their day.'
              : undefined
          }
        />
        <Figure label="Orders" value={String(customer.orderCount)} />
        <Figure label="First order" value={customer.firstOrderAt ? formatDate(customer.firstOrderAt) : '—'} />
        <Figure label="Last order" value={customer.lastOrderAt ? formatDate(customer.lastOrderAt) : '—'} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Recent orders
            </Title>
            {recentOrders.length === 0 ? (
              <Text c="dimmed">No orders yet.</Text>
            ) : (
              <Table aria-label="Recent orders">
                <Table.Tbody>
                  {recentOrders.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/stores/$store/orders/$orderId"
                          params={{ store: store.handle, orderId: o.id }}
                        >
                          #{o.number ?? '—'}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{o.placedAt ? formatDate(o.placedAt) : '—'}</Table.Td>
                      <Table.Td>{o.financialStatus}</Table.Td>
                      <Table.Td ta="right">{formatMoney(o.total, o.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Addresses
            </Title>
            {addresses.length === 0 ? (
              <Text c="dimmed">No saved address.</Text>
            ) : (
              addresses.map((a) => (
                <Text key={a.id} size="sm" mb="xs">
                  {addressLines(a).join(' · ')}
                  {a.isDefault && (
                    <Badge ml="xs" size="xs">
                      Default
                    </Badge>
                  )}
                </Text>
              ))
            )}
          </Card>
        </Stack>
        <Stack>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Tags, groups and note
            </Title>
            <Group gap="xs" mb="xs">
              {customer.tags.map((t) => (
                <Badge key={t} variant="light">
                  {t}
                </Badge>
              ))}
              {groups.map((g) => (
                <Badge key={g.id} variant="outline">
                  {g.name}
                </Badge>
              ))}
              {customer.tags.length + groups.length === 0 && <Text c="dimmed">None.</Text>}
            </Group>
            <Text size="sm">{customer.note ?? ''}</Text>
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              E-mail marketing
            </Title>
            <Switch
              label="Accepts e-mail marketing"
              checked={customer.acceptsMarketing}
              disabled={!can('customers:write') || setConsent.isPending}
              onChange={(e) =>
                setConsent.mutate(e.currentTarget.checked, { onError: (err) => notifyError(err) })
              }
              description="Change it only on the customer's word: the change is logged as made by staff."
              mb="sm"
            />
            <Table aria-label="Consent history">
              <Table.Tbody>
                {consentHistory.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.recordedAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} c={e.status === 'granted' ? 'green' : 'dimmed'}>
                        {e.status === 'granted' ? 'Granted' : 'Withdrawn'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{sourceWords[e.source] ?? e.source}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {e.ip ?? ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {consentHistory.length === 0 && <Text c="dimmed">Never asked.</Text>}
          </Card>
        </Stack>
      </SimpleGrid>
      {can('privacy:manage') && <CustomerPrivacyCard store={store.handle} customerId={customer.id} />}
    </>
  );
}
