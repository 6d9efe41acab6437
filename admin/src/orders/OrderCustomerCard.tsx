import { Anchor, Card, Divider, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { addressLines } from '../countries/address-lines.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { AnchorLink } from '../ui/router-links.tsx';
import type { OrderAddress, OrderDetail } from './order-types.ts';

function sameAddress(a: OrderAddress | null, b: OrderAddress | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Who bought, how to reach them, where it goes and who pays; and how it travels. */
export function OrderCustomerCard({ order }: { order: OrderDetail }) {
  const { store } = useCurrentStore();
  const name = order.shippingAddress ?? order.billingAddress;
  return (
    <Card withBorder radius="md">
      <Section title="Customer">
        <Text size="sm" fw={500}>
          {name ? `${name.firstName} ${name.lastName}`.trim() : 'Guest'}
        </Text>
        <AnchorLink
          to="/stores/$store/orders"
          params={{ store: store.handle }}
          search={{ q: order.email }}
          size="sm"
        >
          All orders from this e-mail
        </AnchorLink>
      </Section>
      <Divider my="sm" />
      <Section title="Contact">
        <Anchor href={`mailto:${order.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {order.email}
        </Anchor>
        {order.phone ? <Text size="sm">{order.phone}</Text> : null}
        {order.customerId ? null : (
          <Text size="xs" c="dimmed">
            Checked out as a guest
          </Text>
        )}
      </Section>
      <Divider my="sm" />
      <Section title={order.shipping?.kind === 'pickup' ? 'Pick-up' : 'Shipping address'}>
        {order.shippingAddress ? (
          <AddressText address={order.shippingAddress} />
        ) : (
          <Text size="sm" c="dimmed">
            No shipping address
          </Text>
        )}
        {order.shipping ? (
          <Text size="xs" c="dimmed" mt={4}>
            {order.shipping.title}
            {order.shipping.estimate
              ? ` · arrives ${formatDate(order.shipping.estimate.earliest)} – ${formatDate(order.shipping.estimate.latest)}`
              : ''}
          </Text>
        ) : null}
      </Section>
      <Divider my="sm" />
      <Section title="Billing address">
        {sameAddress(order.billingAddress, order.shippingAddress) ? (
          <Text size="sm" c="dimmed">
            Same as shipping address
          </Text>
        ) : order.billingAddress ? (
          <AddressText address={order.billingAddress} />
        ) : (
          <Text size="sm" c="dimmed">
            No billing address
          </Text>
        )}
      </Section>
      {order.note ? (
        <>
          <Divider my="sm" />
          <Section title="Note from the customer">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {order.note}
            </Text>
          </Section>
        </>
      ) : null}
    </Card>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function AddressText({ address }: { address: OrderAddress }) {
  return (
    <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
      {addressLines(address).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an address's lines are fixed and never reorder.
        <span key={i}>
          {line}
          <br />
        </span>
      ))}
    </Text>
  );
}
