import { Badge, type MantineSize } from '@mantine/core';
import {
  financialStatusLooks,
  fulfilmentStatusLooks,
  orderStatusLooks,
  parcelStatusLooks,
  paymentStateLooks,
  returnStatusLooks,
  wordsOf,
} from './order-labels.ts';
import type {
  FinancialStatus,
  FulfilmentStatus,
  OrderStatus,
  ParcelStatus,
  PaymentState,
  ReturnStatus,
} from './order-types.ts';

function StateBadge({
  look,
  value,
  size = 'sm',
}: {
  look: { label: string; color: string } | undefined;
  value: string;
  size?: MantineSize;
}) {
  return (
    <Badge color={look?.color ?? 'gray'} size={size} style={{ flexShrink: 0 }}>
      {look?.label ?? wordsOf(value)}
    </Badge>
  );
}

/** The order's payment status ("Paid", "Payment pending", …). */
export function PaymentStatusBadge({ status, size }: { status: FinancialStatus; size?: MantineSize }) {
  return <StateBadge look={financialStatusLooks[status]} value={status} size={size} />;
}

export function FulfilmentStatusBadge({ status, size }: { status: FulfilmentStatus; size?: MantineSize }) {
  return <StateBadge look={fulfilmentStatusLooks[status]} value={status} size={size} />;
}

export function OrderStatusBadge({ status, size }: { status: OrderStatus; size?: MantineSize }) {
  return <StateBadge look={orderStatusLooks[status]} value={status} size={size} />;
}

export function ParcelStatusBadge({ status }: { status: ParcelStatus }) {
  return <StateBadge look={parcelStatusLooks[status]} value={status} />;
}

export function PaymentStateBadge({ state }: { state: PaymentState }) {
  return <StateBadge look={paymentStateLooks[state]} value={state} />;
}

export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  return <StateBadge look={returnStatusLooks[status]} value={status} />;
}
