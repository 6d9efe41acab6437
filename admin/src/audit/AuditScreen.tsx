import {
  ActionIcon,
  Badge,
  Card,
  EmptyState,
  Group,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconChevronRight, IconHistory } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { AuditChange } from './AuditChange.tsx';
import { auditQuery } from './audit-queries.ts';

const auditRoute = getRouteApi('/signed-in/stores/$store/audit');
const pageSize = 50;

const actorColors: Record<string, string> = { user: 'indigo', api_key: 'grape', system: 'gray' };

export function AuditScreen() {
  const { store } = useCurrentStore();
  const search = auditRoute.useSearch();
  const navigate = auditRoute.useNavigate();
  const page = search.page ?? 1;
  const [entityType, setEntityType] = useSearchParamInput(search.entityType, (value) =>
    navigate({ search: (prev) => ({ ...prev, entityType: value, page: undefined }), replace: true }),
  );
  const [action, setAction] = useSearchParamInput(search.action, (value) =>
    navigate({ search: (prev) => ({ ...prev, action: value, page: undefined }), replace: true }),
  );
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  const log = useQuery(
    auditQuery(store.handle, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
      entityType: search.entityType,
      action: search.action,
    }),
  );
  const total = log.data?.total ?? 0;
  const filtered = Boolean(search.entityType || search.action);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in this store: who did it, when, and what changed."
      />
      <Card withBorder padding={0} radius="md">
        <Group p="md" gap="md" wrap="wrap">
          <TextInput
            label="Entity type"
            placeholder="e.g. product"
            value={entityType}
            onChange={(e) => setEntityType(e.currentTarget.value)}
            w={{ base: '100%', xs: 220 }}
          />
          <TextInput
            label="Action"
            placeholder="e.g. product.updated"
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>

        {log.isError ? (
          <Text c="red" p="md" role="alert">
            {log.error.message}
          </Text>
        ) : log.isPending ? (
          <ListSkeleton label="Loading the audit log" rows={5} height={28} />
        ) : log.data.items.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconHistory size={28} />}
            variant="light"
            title={filtered ? 'No matching entries' : 'Nothing recorded yet'}
            description={
              filtered ? 'Try another entity type or action.' : 'Changes to this store will appear here.'
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Audit log" style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <VisuallyHidden>Details</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Entity</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.map((entry) => {
                  const open = expanded.has(entry.id);
                  return (
                    <Fragment key={entry.id}>
                      <Table.Tr onClick={() => toggle(entry.id)} style={{ cursor: 'pointer' }}>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-expanded={open}
                            aria-controls={`audit-${entry.id}`}
                            aria-label={open ? 'Hide changes' : 'Show changes'}
                            onClick={(event) => {
                              event.stopPropagation();
                              toggle(entry.id);
                            }}
                          >
                            <IconChevronRight
                              size={16}
                              style={{
                                transform: open ? 'rotate(90deg)' : undefined,
                                transition: 'transform 120ms',
                              }}
                            />
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{formatDateTime(entry.at)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" truncate="end" maw={220}>
                              {entry.actorLabel || entry.actorId || 'System'}
                            </Text>
                            <Badge size="xs" color={actorColors[entry.actorType] ?? 'gray'}>
                              {entry.actorType.replace('_', ' ')}
                            </Badge>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {entry.action}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{entry.entityType}</Text>
                          {entry.entityId ? (
                            <Text size="xs" c="dimmed" ff="monospace">
                              {entry.entityId}
                            </Text>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                      {open ? (
                        <Table.Tr id={`audit-${entry.id}`} bg="var(--mantine-color-gray-0)">
                          <Table.Td colSpan={5}>
                            <AuditChange entry={entry} />
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {log.data && total > 0 ? (
          <ListPager
            page={page}
            pageSize={pageSize}
            total={total}
            onPage={(next) =>
              void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
            }
          />
        ) : null}
      </Card>
    </>
  );
}
