import {
  Badge,
  Button,
  Card,
  Code,
  EmptyState,
  Group,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiKey } from '../api/types.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../ui/format-date.ts';
import { IconKey, IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { apiKeysQuery, useRevokeApiKey } from './api-key-queries.ts';
import { CreateApiKeyModal } from './CreateApiKeyModal.tsx';
import { NewKeyModal } from './NewKeyModal.tsx';

export function ApiKeysScreen() {
  const { store, can } = useCurrentStore();
  const keys = useQuery(apiKeysQuery(store.handle));
  const revoke = useRevokeApiKey(store.handle);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const canWrite = can('apikeys:write');

  const confirmRevoke = () => {
    if (!revoking) return;
    const key = revoking;
    revoke.mutate(key.id, {
      onSuccess: () => {
        notifySuccess(`“${key.name}” can no longer be used.`, 'Key revoked');
        setRevoking(null);
      },
      onError: (error) => {
        notifyError(error, 'Key not revoked');
        setRevoking(null);
      },
    });
  };

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let scripts and integrations use the API for this store, with the permissions you give them."
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
              Create API key
            </Button>
          ) : null
        }
      />
      <Card withBorder padding={0} radius="md">
        {keys.isError ? (
          <Text c="red" p="md" role="alert">
            {keys.error.message}
          </Text>
        ) : keys.isPending ? (
          <ListSkeleton label="Loading API keys" />
        ) : keys.data.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconKey size={28} />}
            variant="light"
            title="No API keys"
            description="Create a key to connect an ERP, a feed tool or your own scripts."
          />
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table aria-label="API keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Permissions</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {canWrite ? (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.map((key) => (
                  <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {key.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}…</Code>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Group gap={4}>
                        {key.permissions.map((permission) => (
                          <Badge key={permission} size="xs" variant="default" tt="none" fw={500}>
                            {permission}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDate(key.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={key.lastUsedAt ? undefined : 'dimmed'}>
                        {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {key.revokedAt ? (
                        <Tooltip label={`Revoked ${formatDateTime(key.revokedAt)}`}>
                          <Badge color="gray">Revoked</Badge>
                        </Tooltip>
                      ) : (
                        <Badge color="teal">Active</Badge>
                      )}
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td ta="right">
                        {key.revokedAt ? null : (
                          <Button
                            variant="subtle"
                            color="red"
                            size="compact-sm"
                            onClick={() => setRevoking(key)}
                            aria-label={`Revoke ${key.name}`}
                          >
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <CreateApiKeyModal
        store={store.handle}
        grantable={store.permissions}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={setCreated}
      />
      <NewKeyModal created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke API key?"
        confirmLabel="Revoke key"
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        {revoking
          ? `Anything using “${revoking.name}” (${revoking.prefix}…) will stop working immediately. This cannot be undone.`
          : ''}
      </ConfirmDialog>
    </>
  );
}
