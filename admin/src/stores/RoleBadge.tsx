import { Badge, type BadgeProps } from '@mantine/core';

const roleColors: Record<string, string> = {
  owner: 'grape',
  admin: 'indigo',
  manager: 'blue',
  marketing: 'pink',
  operations: 'orange',
  support: 'cyan',
  content: 'teal',
  analyst: 'lime',
  viewer: 'gray',
};

export function RoleBadge({ role, ...props }: { role: string } & BadgeProps) {
  return (
    <Badge color={roleColors[role] ?? 'gray'} variant="light" tt="capitalize" {...props}>
      {role}
    </Badge>
  );
}
