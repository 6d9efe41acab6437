import { Badge } from '@mantine/core';
import { orderStateColors, orderStateLabels } from './purchasing-labels.ts';
import type { PurchaseOrderState } from './purchasing-types.ts';

export function PurchaseOrderStateBadge({ state }: { state: PurchaseOrderState }) {
  return (
    <Badge color={orderStateColors[state]} variant="light" size="sm">
      {orderStateLabels[state]}
    </Badge>
  );
}
