import { Badge, type MantineSize } from '@mantine/core';

/** Whether a channel, location or supplier is in use: "Active" in teal, or "Inactive" in grey. */
export function ActiveBadge({ active, size }: { active: boolean; size?: MantineSize }) {
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light" size={size}>
      {active ? 'Active' : 'Inactive'}
    </Badge>
  );
}
