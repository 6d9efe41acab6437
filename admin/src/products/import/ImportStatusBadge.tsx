import { Badge, type BadgeProps } from '@mantine/core';
import type { ImportStatus, ProductImport } from './import-types.ts';

const looks: Record<ImportStatus, { color: string; label: string }> = {
  checking: { color: 'blue', label: 'Checking' },
  checked: { color: 'indigo', label: 'Ready to import' },
  applying: { color: 'blue', label: 'Importing' },
  done: { color: 'teal', label: 'Imported' },
  failed: { color: 'red', label: 'Failed' },
  discarded: { color: 'gray', label: 'Discarded' },
};

/** The import's state as people read it: a checked file with no readable product cannot be imported. */
export function ImportStatusBadge({
  item,
  ...props
}: { item: Pick<ProductImport, 'status' | 'check'> } & BadgeProps) {
  const look =
    item.status === 'checked' && item.check?.products === 0
      ? { color: 'red', label: 'Cannot import' }
      : (looks[item.status] ?? { color: 'gray', label: item.status });
  return (
    <Badge color={look.color} {...props}>
      {look.label}
    </Badge>
  );
}
