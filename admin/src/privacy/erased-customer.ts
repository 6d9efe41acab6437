/** An erased customer's row keeps only the tombstone address `erased-<id>@invalid` (docs/privacy.md). */
export function isErasedCustomer(customer: { id: string; email: string }): boolean {
  return customer.email === `erased-${customer.id}@invalid`;
}
