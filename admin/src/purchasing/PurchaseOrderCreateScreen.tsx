import { Card } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { reorderForecastsQuery } from '../forecasts/forecast-queries.ts';
import { defaultServiceLevel } from '../forecasts/forecast-search.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconArrowLeft } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { PurchaseOrderDraftForm } from './PurchaseOrderDraftForm.tsx';
import { type PrefillLine, parsePrefillLines } from './purchase-order-prefill.ts';

const createRoute = getRouteApi('/signed-in/stores/$store/purchasing/new');

/**
 * Starts a draft order, filled in from the address when it names a supplier and lines, or a
 * supplier and `from=forecast` (see purchase-order-prefill.ts); once saved, its page takes over
 * (send, receive).
 */
export function PurchaseOrderCreateScreen(): ReactNode {
  const { store } = useCurrentStore();
  const navigate = useNavigate();
  const search = createRoute.useSearch();
  const fromForecast = search.from === 'forecast' && Boolean(search.supplierId) && !search.lines;
  const forecasts = useQuery({
    ...reorderForecastsQuery(store.handle, {
      serviceLevel: search.serviceLevel ?? defaultServiceLevel,
      supplierId: search.supplierId,
    }),
    enabled: fromForecast,
  });
  let lines: PrefillLine[] = parsePrefillLines(search.lines);
  if (fromForecast && forecasts.data) {
    lines = forecasts.data.groups.find((g) => g.supplier.id === search.supplierId)?.lines ?? [];
  }
  return (
    <>
      <PageHeader
        title="New purchase order"
        description="Choose the supplier and where the goods go, then add what to order. It stays a draft until you send it."
        actions={
          <ButtonLink
            to="/stores/$store/purchasing"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            Purchase orders
          </ButtonLink>
        }
      />
      {fromForecast && forecasts.isPending ? (
        <Card withBorder p={0}>
          <ListSkeleton label="Working out the forecast reorders" rows={4} />
        </Card>
      ) : fromForecast && forecasts.isError ? (
        <LoadFailed
          what="The forecast reorders"
          error={forecasts.error}
          onRetry={() => void forecasts.refetch()}
        />
      ) : (
        <PurchaseOrderDraftForm
          // Another prefilled link opened from this screen starts a fresh form.
          key={`${search.supplierId ?? ''} ${search.lines ?? ''} ${search.from ?? ''}`}
          order={null}
          prefill={{ supplierId: search.supplierId, lines }}
          onSaved={(order) => {
            notifySuccess(`${order.label} created as a draft.`);
            void navigate({
              to: '/stores/$store/purchasing/$purchaseOrderId',
              params: { store: store.handle, purchaseOrderId: order.id },
            });
          }}
        />
      )}
    </>
  );
}
