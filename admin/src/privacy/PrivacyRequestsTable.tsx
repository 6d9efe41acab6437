import { Anchor, Badge, Table, Text } from '@mantine/core';
import { formatDateTime } from '../ui/format-date.ts';
import { AnchorLink } from '../ui/router-links.tsx';
import { exportDownloadHref, type PrivacyRequest } from './privacy-queries.ts';

const statusWords: Record<PrivacyRequest['status'], { label: string; color: string }> = {
  ready: { label: 'Ready', color: 'teal' },
  expired: { label: 'Deleted', color: 'gray' },
  completed: { label: 'Erased', color: 'red' },
};

/** The privacy requests log: one row per export or erasure, newest first. */
export function PrivacyRequestsTable({
  store,
  items,
  showCustomer = true,
}: {
  store: string;
  items: PrivacyRequest[];
  showCustomer?: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Privacy requests">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Type</Table.Th>
            {showCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Requested by</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
              <Table.Td>{r.kind === 'export' ? 'Data export' : 'Erasure'}</Table.Td>
              {showCustomer && (
                <Table.Td>
                  <AnchorLink
                    to="/stores/$store/customers/$customerId"
                    params={{ store, customerId: r.customerId }}
                  >
                    {r.customerLabel}
                  </AnchorLink>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">
                  {r.source === 'customer' ? 'The customer (account page)' : r.requestedBy.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusWords[r.status].color}>
                  {statusWords[r.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.status === 'ready' ? (
                  <Anchor href={exportDownloadHref(store, r.id)} download>
                    Download JSON
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
