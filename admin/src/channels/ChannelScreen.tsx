import {
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { IconArrowLeft, IconDownload, IconSearch, IconTrash, IconWarehouse } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { ChannelFormModal } from './ChannelFormModal.tsx';
import { ChannelStockTable } from './ChannelStockTable.tsx';
import { ChannelSyncHelp } from './ChannelSyncHelp.tsx';
import { channelKindLabels } from './channel-labels.ts';
import { channelLocationsText } from './channel-locations.ts';
import { channelQuery, channelStockCsvPath, channelStockQuery } from './channel-queries.ts';
import type { SalesChannel } from './channel-types.ts';
import { DeleteChannelDialog } from './DeleteChannelDialog.tsx';

const channelRoute = getRouteApi('/signed-in/stores/$store/channels/$channelId');

/**
 * One sales channel: where it sells from, what it may sell of each variant (searchable by SKU, as
 * CSV too), and how other systems read it or hear of changes. (Return type written out: see
 * LocationsScreen.)
 */
export function ChannelScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const { channelId } = channelRoute.useParams();
  const navigate = channelRoute.useNavigate();
  const channel = useQuery(channelQuery(store.handle, channelId));
  const locations = useQuery(locationsQuery(store.handle));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const writable = can('inventory:write');
  const data = channel.data;

  return (
    <>
      <PageHeader
        title={data?.name ?? 'Sales channel'}
        badge={data ? <ActiveBadge active={data.active} /> : null}
        description={
          data
            ? [
                channelKindLabels[data.kind] ?? data.kind,
                `sells from ${channelLocationsText(data, locations.data).replace(/^All/, 'all')}`,
                data.safetyBuffer > 0
                  ? `holds back ${data.safetyBuffer.toLocaleString()} per variant`
                  : 'no safety buffer',
              ].join(' · ')
            : undefined
        }
        actions={
          <>
            <ButtonLink
              to="/stores/$store/channels"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconArrowLeft />}
            >
              Sales channels
            </ButtonLink>
            {writable && data ? (
              <>
                <Button variant="default" onClick={() => setEditing(true)}>
                  Edit channel
                </Button>
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setDeleting(true)}
                >
                  Remove
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {channel.isError ? (
        <Text c="red" role="alert">
          {channel.error.message}
        </Text>
      ) : channel.isPending ? (
        <Skeleton height={240} aria-busy="true" aria-label="Loading sales channel" />
      ) : (
        <Stack gap="lg">
          <ChannelStock channel={channel.data} />
          <ChannelSyncHelp channel={channel.data} />
        </Stack>
      )}
      {writable && editing && data ? (
        <ChannelFormModal channel={data} onClose={() => setEditing(false)} />
      ) : null}
      {writable ? (
        <DeleteChannelDialog
          channel={deleting && data ? data : null}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate({ to: '/stores/$store/channels', params: { store: store.handle } })}
        />
      ) : null}
    </>
  );
}

function ChannelStock({ channel }: { channel: SalesChannel }) {
  const { store } = useCurrentStore();
  const search = channelRoute.useSearch();
  const navigate = channelRoute.useNavigate();
  const [skuText, setSkuText] = useSearchParamInput(search.sku, (sku) =>
    navigate({ search: (prev) => ({ ...prev, sku }), replace: true }),
  );
  const stock = useInfiniteQuery({
    ...channelStockQuery(store.handle, channel.id, search.sku),
    placeholderData: keepPreviousData,
  });
  const rows = stock.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card withBorder padding={0} radius="md" component="section" aria-labelledby="channel-stock-title">
      <Group p="md" gap="sm" justify="space-between" wrap="wrap">
        <Title order={3} size="h5" id="channel-stock-title">
          What it may sell
        </Title>
        <Group gap="sm" wrap="wrap" style={{ flex: '1 1 20rem', justifyContent: 'flex-end' }}>
          <TextInput
            aria-label="Find by SKU"
            placeholder="Exact SKU"
            leftSection={<IconSearch size={16} />}
            rightSection={stock.isFetching && !stock.isPending ? <Loader size={14} /> : null}
            value={skuText}
            onChange={(e) => setSkuText(e.currentTarget.value)}
            style={{ flex: '1 1 12rem', maxWidth: '18rem' }}
            type="search"
          />
          <Button
            component="a"
            href={channelStockCsvPath(store.handle, channel.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download CSV
          </Button>
        </Group>
      </Group>
      <div style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {stock.isError ? (
          <Text c="red" p="md" role="alert">
            {stock.error.message}
          </Text>
        ) : stock.isPending ? (
          <ListSkeleton label="Loading sellable stock" rows={5} />
        ) : rows.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconWarehouse size={28} />}
            variant="light"
            title={search.sku ? 'No such SKU here' : channel.active ? 'Nothing to sell yet' : 'Switched off'}
            description={
              search.sku
                ? `No variant with the SKU “${search.sku}” is in this channel’s list. Only tracked variants are listed, and the SKU must match exactly.`
                : channel.active
                  ? 'Only variants whose stock is tracked are listed. Give variants stock on the Inventory screen and they appear here.'
                  : 'An inactive channel has no stock and is sent no changes. Switch it on to compute its stock again.'
            }
          />
        ) : (
          <ChannelStockTable
            rows={rows}
            stale={stock.isPlaceholderData}
            hasMore={stock.hasNextPage}
            loadingMore={stock.isFetchingNextPage}
            onLoadMore={() => void stock.fetchNextPage()}
          />
        )}
      </div>
    </Card>
  );
}
