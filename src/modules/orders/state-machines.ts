import { conflict } from '../../platform/errors.ts';
import type { OrderStatus, ParcelStatus, ReturnStatus } from './schema.ts';

/** Which state may follow which, per machine; anything not listed is refused. */
type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * The order's own life (docs/orders.md, "State machines"): a draft is placed or dropped; an open
 * order completes when everything is fulfilled and paid, or is cancelled while nothing has shipped;
 * a return reopens a completed order.
 */
export const orderTransitions: Transitions<OrderStatus> = {
  draft: ['open', 'cancelled'],
  open: ['completed', 'cancelled'],
  completed: ['open'],
  cancelled: [],
};

/** A parcel: shipped, then delivered; a shipped parcel can be cancelled (lost, recalled). */
export const parcelTransitions: Transitions<ParcelStatus> = {
  shipped: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

/** A return: asked for, decided, received, closed (refunded or exchanged); cancelled before it comes back. */
export const returnTransitions: Transitions<ReturnStatus> = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['received', 'cancelled'],
  received: ['closed'],
  rejected: [],
  closed: [],
  cancelled: [],
};

export const machines = {
  order: orderTransitions,
  parcel: parcelTransitions,
  return: returnTransitions,
} as const;
export type MachineName = keyof typeof machines;

export function canTransition<M extends MachineName>(machine: M, from: string, to: string): boolean {
  const table = machines[machine] as Transitions<string>;
  return table[from]?.includes(to) ?? false;
}

/** Throws 409 `illegal_transition` unless `from → to` is in the machine's table. */
export function assertTransition(machine: MachineName, from: string, to: string): void {
  if (canTransition(machine, from, to)) return;
  throw conflict('illegal_transition', `A ${machine} cannot go from ${from} to ${to}.`, {
    machine,
    from,
    to,
  });
}
