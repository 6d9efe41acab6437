import { Badge, type MantineSize, Tooltip } from '@mantine/core';
import { statusLabels } from './discount-labels.ts';
import type { Discount } from './discount-types.ts';

/**
 * A discount's status (active, scheduled, expired, disabled). An active discount used as often as
 * its limit allows stays active for the server; the badge says "Used up" so the list does not mislead.
 */
export function DiscountStatusBadge({
  discount,
  size,
}: {
  discount: Pick<Discount, 'status' | 'used' | 'usageLimit'>;
  size?: MantineSize;
}) {
  const usedUp =
    discount.status === 'active' && discount.usageLimit !== null && discount.used >= discount.usageLimit;
  if (usedUp) {
    return (
      <Tooltip label="Active, but used as often as its limit allows: no order gets it any more.">
        <Badge color="orange" variant="light" size={size}>
          Used up
        </Badge>
      </Tooltip>
    );
  }
  const { label, color } = statusLabels[discount.status];
  return (
    <Badge color={color} variant="light" size={size}>
      {label}
    </Badge>
  );
}
