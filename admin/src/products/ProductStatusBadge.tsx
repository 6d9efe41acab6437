import { Badge, type BadgeProps } from '@mantine/core';
import type { ProductStatus } from '../api/types.ts';

const looks: Record<ProductStatus, { color: string; label: string }> = {
  draft: { color: 'gray', label: 'Draft' },
  active: { color: 'teal', label: 'Active' },
  archived: { color: 'orange', label: 'Archived' },
};

export function ProductStatusBadge({ status, ...props }: { status: ProductStatus } & BadgeProps) {
  const look = looks[status] ?? { color: 'gray', label: status };
  return (
    <Badge color={look.color} variant="light" {...props}>
      {look.label}
    </Badge>
  );
}
