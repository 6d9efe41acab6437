import { Card, Flex, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Supplier } from './purchasing-types.ts';

/** The supplier's contact and trading terms at a glance. */
export function SupplierTerms({ supplier }: { supplier: Supplier }) {
  const contact = [supplier.contactName, supplier.phone].filter(Boolean).join(' · ');
  return (
    <Card withBorder radius="md" aria-label="Terms" component="section">
      {/* Sized to their content, so an address or a phone number is not broken mid-word. */}
      <Flex wrap="wrap" columnGap="xl" rowGap="md">
        <Term label="Contact">{contact || <Dimmed>None</Dimmed>}</Term>
        <Term label="E-mail">{supplier.email ?? <Dimmed>None: purchase orders cannot be sent</Dimmed>}</Term>
        <Term label="Currency">{supplier.currency}</Term>
        <Term label="Lead time">
          {supplier.leadTimeDays === 1 ? '1 day' : `${supplier.leadTimeDays} days`}
        </Term>
        <Term label="Minimum order">
          {supplier.minimumOrderQuantity === null ? (
            <Dimmed>None</Dimmed>
          ) : (
            `${supplier.minimumOrderQuantity} units per order`
          )}
        </Term>
        <Term label="Order format">{supplier.orderFormat.toUpperCase()} by e-mail</Term>
      </Flex>
      {supplier.notes ? (
        <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
          {supplier.notes}
        </Text>
      ) : null}
    </Card>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} component="div">
        {children}
      </Text>
    </div>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}
