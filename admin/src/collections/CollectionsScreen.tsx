import {
  Badge,
  Card,
  EmptyState,
  Group,
  Pagination,
  SegmentedControl,
  Skeleton,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconLayers, IconPlus, IconSearch } from '../ui/icons.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { collectionListQuery } from './collection-queries.ts';
import { type CollectionKind, sortOrderLabels } from './collection-types.ts';
import { describeRules } from './describe-rules.ts';

const pageSize = 25;

/** All collections of the store, manual and rule-based. */
export function CollectionsScreen() {
  const { store, can } = useCurrentStore();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [kind, setKind] = useState<'all' | CollectionKind>('all');
  const [page, setPage] = useState(1);
  const list = useQuery(
    collectionListQuery(store.handle, {
      q: q || undefined,
      kind: kind === 'all' ? undefined : kind,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const newButton = can('catalog:write') ? (
    <ButtonLink
      to="/stores/$store/collections/new"
      params={{ store: store.handle }}
      leftSection={<IconPlus />}
    >
      New collection
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title="Collections"
        description="Groups of products with their own storefront page: picked by hand, or gathered by rules that stay up to date."
        actions={newButton}
      />
      <Card withBorder padding={0} radius="md">
        <Group p="md" gap="md" justify="space-between" wrap="wrap">
          <TextInput
            aria-label="Search collections"
            placeholder="Search by title or handle"
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '1 1 16rem', maxWidth: '26rem' }}
            type="search"
          />
          <SegmentedControl
            aria-label="Filter by kind"
            data={[
              { label: 'All', value: 'all' },
              { label: 'Manual', value: 'manual' },
              { label: 'Rules', value: 'rules' },
            ]}
            value={kind}
            onChange={(value) => {
              setKind(value as typeof kind);
              setPage(1);
            }}
          />
        </Group>
        {list.isError ? (
          <Text c="red" p="md" role="alert">
            {list.error.message}
          </Text>
        ) : list.isPending ? (
          <Skeleton height={160} m="md" />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconLayers size={28} />}
            variant="light"
            title={q || kind !== 'all' ? 'No collections match' : 'No collections yet'}
            description="A collection can be a hand-picked list (“Staff picks”) or rules such as “tag is sale and price under 20”."
          />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label="Collections">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Collection</Table.Th>
                  <Table.Th>Products</Table.Th>
                  <Table.Th visibleFrom="sm">Sorted by</Table.Th>
                  <Table.Th visibleFrom="md">Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((collection) => (
                  <Table.Tr key={collection.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/stores/$store/collections/$collectionId"
                        params={{ store: store.handle, collectionId: collection.id }}
                        fw={600}
                        size="sm"
                        c="var(--mantine-color-text)"
                      >
                        {collection.title}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        /collections/{collection.handle}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Badge variant="light" color={collection.kind === 'rules' ? 'violet' : 'blue'}>
                          {collection.kind === 'rules' ? 'Rules' : 'Manual'}
                        </Badge>
                        <Text size="sm" c="dimmed" lineClamp={1}>
                          {collection.kind === 'rules'
                            ? describeRules(collection.match, collection.rules, store.baseCurrency)
                            : `${collection.productCount ?? 0} products`}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{sortOrderLabels[collection.sortOrder]}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm" c="dimmed">
                        {formatDate(collection.updatedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages > 1 ? (
          <Group justify="flex-end" p="md">
            <Pagination total={pages} value={page} onChange={setPage} size="sm" />
          </Group>
        ) : null}
      </Card>
    </>
  );
}
