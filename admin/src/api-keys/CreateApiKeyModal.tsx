import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorsFrom, notifyError } from '../ui/notify.ts';
import { useCreateApiKey } from './api-key-queries.ts';

/**
 * Asks for a name and the permissions the key carries. A key can never do more than the person
 * creating it, so only their own permissions are offered.
 */
export function CreateApiKeyModal({
  store,
  grantable,
  opened,
  onClose,
  onCreated,
}: {
  store: string;
  grantable: string[];
  opened: boolean;
  onClose: () => void;
  onCreated: (created: { name: string; key: string }) => void;
}) {
  const createKey = useCreateApiKey(store);
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ name?: string; permissions?: string }>({});
  const readOnly = grantable.filter((p) => p.endsWith(':read'));

  const close = () => {
    setName('');
    setPermissions([]);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = 'Name the key after what uses it, e.g. “ERP sync”.';
    if (permissions.length === 0) found.permissions = 'Choose at least one permission.';
    setErrors(found);
    if (found.name || found.permissions) return;
    createKey.mutate(
      { name: name.trim(), permissions },
      {
        onSuccess: ({ apiKey, key }) => {
          close();
          onCreated({ name: apiKey.name, key });
        },
        onError: (error) => {
          setErrors(
            fieldErrorsFrom(
              error,
              (path) =>
                path.startsWith('permissions') ? 'permissions' : path === 'name' ? 'name' : undefined,
              {
                no_permissions: 'permissions',
                unknown_permission: 'permissions',
                permission_denied: 'permissions',
              },
            ),
          );
          notifyError(error, 'The key was not created');
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Create API key" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Key name"
            placeholder="ERP sync"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Checkbox.Group
            label="Permissions"
            description="Give the key only what the integration needs."
            value={permissions}
            onChange={setPermissions}
            error={errors.permissions}
          >
            <Group gap="xs" mt="xs" mb="sm">
              <Button variant="light" size="compact-xs" onClick={() => setPermissions(readOnly)}>
                Read only
              </Button>
              <Button variant="light" size="compact-xs" onClick={() => setPermissions(grantable)}>
                All mine
              </Button>
              <Button variant="subtle" color="gray" size="compact-xs" onClick={() => setPermissions([])}>
                None
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              {grantable.map((permission) => (
                <Checkbox key={permission} value={permission} label={permission} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Text size="xs" c="dimmed">
            The key is shown once, right after it is created. Store it in your integration's secret settings.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={createKey.isPending}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
