import { Alert, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Permission } from '../api/types.ts';
import { IconAlertTriangle } from '../ui/icons.tsx';
import { useCurrentStore } from './current-store.tsx';

/** Shows a page only to roles that may use it; others learn why instead of meeting a failed request. */
export function RequirePermission({
  permission,
  what,
  children,
}: {
  permission: Permission;
  what: string;
  children: ReactNode;
}) {
  const { store, can } = useCurrentStore();
  if (can(permission)) return children;
  return (
    <Container size="sm" py="xl">
      <Alert color="gray" variant="light" icon={<IconAlertTriangle />} title="Not available for your role">
        Your role in {store.name} ({store.role}) does not allow you to {what}: it needs the {permission}{' '}
        permission. Ask an owner of the store if you need it.
      </Alert>
    </Container>
  );
}
