import { Skeleton, Stack } from '@mantine/core';

/** Placeholder rows while a list card loads; `label` is what a screen reader hears. */
export function ListSkeleton({
  label,
  rows = 3,
  height = 36,
}: {
  label: string;
  rows?: number;
  height?: number;
}) {
  return (
    <Stack p="md" gap="sm" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity and never reorder.
        <Skeleton key={row} height={height} />
      ))}
    </Stack>
  );
}
