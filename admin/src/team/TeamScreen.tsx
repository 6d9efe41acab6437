import {
  ActionIcon,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Member } from '../api/types.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { RoleBadge } from '../stores/RoleBadge.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconPlus, IconTrash, IconUsers } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AddMemberModal } from './AddMemberModal.tsx';
import { membersQuery, rolesQuery, useChangeRole, useRemoveMember } from './team-queries.ts';

function capitalised(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

export function TeamScreen() {
  const { store, can } = useCurrentStore();
  const { data: session } = useSuspenseQuery(sessionQuery);
  const members = useQuery(membersQuery(store.handle));
  const roles = useQuery(rolesQuery(store.handle));
  const changeRole = useChangeRole(store.handle);
  const removeMember = useRemoveMember(store.handle);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const canWrite = can('team:write');
  const roleNames = roles.data?.roles.map((r) => r.role) ?? [];
  const roleOptions = roleNames.map((r) => ({ value: r, label: capitalised(r) }));

  const onRoleChange = (member: Member, role: string | null) => {
    if (!role || role === member.role) return;
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => notifySuccess(`${member.name || member.email} is now ${role}.`, 'Role changed'),
        onError: (error) => notifyError(error, 'Role not changed'),
      },
    );
  };

  const confirmRemove = () => {
    if (!removing) return;
    const member = removing;
    removeMember.mutate(member.userId, {
      onSuccess: () => {
        notifySuccess(
          `${member.name || member.email} no longer has access to ${store.name}.`,
          'Member removed',
        );
        setRemoving(null);
      },
      onError: (error) => {
        notifyError(error, 'Member not removed');
        setRemoving(null);
      },
    });
  };

  return (
    <>
      <PageHeader
        title="Team"
        description="Who can work on this store, and what their role lets them do."
        actions={
          canWrite ? (
            <Button
              leftSection={<IconPlus />}
              onClick={() => setAdding(true)}
              disabled={roleNames.length === 0}
            >
              Add member
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Card withBorder padding={0} radius="md">
          {members.isError ? (
            <Text c="red" p="md" role="alert">
              {members.error.message}
            </Text>
          ) : members.isPending ? (
            <ListSkeleton label="Loading members" />
          ) : members.data.length === 0 ? (
            <EmptyState py="xl" icon={<IconUsers size={28} />} variant="light" title="No members" />
          ) : (
            <Table.ScrollContainer minWidth={360}>
              <Table aria-label="Team members">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Member</Table.Th>
                    <Table.Th w={180}>Role</Table.Th>
                    <Table.Th visibleFrom="sm">Joined</Table.Th>
                    {canWrite ? (
                      <Table.Th w={60}>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.map((member) => {
                    const isYou = member.userId === session.user.id;
                    const label = member.name || member.email;
                    return (
                      <Table.Tr key={member.userId}>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Text size="sm" fw={600}>
                              {member.name || '—'}
                            </Text>
                            {isYou ? (
                              <Badge size="xs" color="gray" variant="outline">
                                You
                              </Badge>
                            ) : null}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {member.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {canWrite && roleOptions.length > 0 ? (
                            <NativeSelect
                              aria-label={`Role of ${label}`}
                              data={roleOptions}
                              value={member.role}
                              onChange={(e) => onRoleChange(member, e.currentTarget.value)}
                              size="xs"
                              disabled={changeRole.isPending}
                            />
                          ) : (
                            <RoleBadge role={member.role} />
                          )}
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm" c="dimmed">
                            {formatDate(member.createdAt)}
                          </Text>
                        </Table.Td>
                        {canWrite ? (
                          <Table.Td>
                            <Tooltip label={`Remove ${label}`}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={`Remove ${label}`}
                                onClick={() => setRemoving(member)}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>

        {roles.data ? (
          <Card withBorder radius="md" padding="lg">
            <Title order={3} size="h5" mb="sm">
              What each role can do
            </Title>
            <Table.ScrollContainer minWidth={300}>
              <Table aria-label="Roles and permissions" verticalSpacing="xs" highlightOnHover={false}>
                <Table.Tbody>
                  {roles.data.roles.map((definition) => (
                    <Table.Tr key={definition.role}>
                      <Table.Td w={120} style={{ verticalAlign: 'top' }}>
                        <RoleBadge role={definition.role} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {definition.permissions.map((permission) => (
                            <Badge key={permission} size="xs" variant="default" tt="none" fw={500}>
                              {permission}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        ) : null}
      </Stack>

      <AddMemberModal
        store={store.handle}
        roles={roleNames}
        opened={adding}
        onClose={() => setAdding(false)}
      />
      <ConfirmDialog
        opened={removing !== null}
        title="Remove team member?"
        confirmLabel="Remove"
        loading={removeMember.isPending}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        {removing
          ? `${removing.name || removing.email} will lose access to ${store.name}. Their account stays, and you can add them again later.`
          : ''}
      </ConfirmDialog>
    </>
  );
}
