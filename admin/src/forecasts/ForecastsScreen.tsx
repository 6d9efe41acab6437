import { Alert, Button, Card, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { prefillLinesParam } from '../purchasing/purchase-order-prefill.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconPackage } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { ForecastTable } from './ForecastTable.tsx';
import { reorderForecastsQuery, useCreateReorderDrafts } from './forecast-queries.ts';
import { defaultServiceLevel, serviceLevels } from './forecast-search.ts';
import type { CreatedReorderDraft } from './forecast-types.ts';

const forecastsRoute = getRouteApi('/signed-in/stores/$store/forecasts');
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/**
 * Forecasts and reorders: each variant's daily demand forecast (method chosen by backtest), when
 * it runs out, its reorder point, and what to order, one card per supplier; "Create draft purchase
 * orders" makes one draft per supplier at once (docs/forecasting.md).
 */
export function ForecastsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = forecastsRoute.useSearch();
  const navigate = useNavigate({ from: '/stores/$store/forecasts' });
  const serviceLevel = search.serviceLevel ?? defaultServiceLevel;
  const forecasts = useQuery(reorderForecastsQuery(store.handle, { serviceLevel }));
  const create = useCreateReorderDrafts(store.handle);
  const [created, setCreated] = useState<CreatedReorderDraft[] | null>(null);
  const writable = can('purchasing:write');
  const groups = forecasts.data?.groups ?? [];
  const items = forecasts.data?.items ?? [];
  const ordered = new Set(groups.flatMap((g) => g.lines.map((l) => l.variantId)));
  const others = items.filter((i) => !ordered.has(i.variantId));

  const createDrafts = () =>
    create.mutate(
      { serviceLevel },
      {
        onSuccess: (drafts) => {
          if (drafts.length === 1) {
            void navigate({
              to: '/stores/$store/purchasing/$purchaseOrderId',
              params: { store: store.handle, purchaseOrderId: drafts[0]!.id },
            });
          } else setCreated(drafts);
        },
        onError: (error) => notifyError(error, 'The drafts were not created'),
      },
    );

  return (
    <>
      <PageHeader
        title="Forecasts and reorders"
        description="Each variant's daily demand forecast, when it runs out, and what to order from whom before it does."
        actions={
          <>
            <Select
              aria-label="Service level"
              w={190}
              data={serviceLevels.map((level) => ({
                value: String(level),
                label: `${percent.format(level)} service level`,
              }))}
              value={String(serviceLevel)}
              allowDeselect={false}
              onChange={(value) => {
                setCreated(null);
                void navigate({
                  search: (prev) => ({
                    ...prev,
                    serviceLevel: Number(value) === defaultServiceLevel ? undefined : Number(value),
                  }),
                });
              }}
            />
            {writable && groups.length > 0 && !created ? (
              <Button leftSection={<IconPackage />} loading={create.isPending} onClick={createDrafts}>
                {groups.length === 1
                  ? 'Create draft purchase order'
                  : `Create ${groups.length} draft purchase orders`}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        {created ? (
          <Alert color="green" title={`${created.length} drafts created`} role="alert">
            <Group gap="md">
              {created.map((draft) => (
                <AnchorLink
                  key={draft.id}
                  to="/stores/$store/purchasing/$purchaseOrderId"
                  params={{ store: store.handle, purchaseOrderId: draft.id }}
                >
                  {draft.label}
                </AnchorLink>
              ))}
            </Group>
          </Alert>
        ) : null}
        {forecasts.isPending ? (
          <Card withBorder p={0}>
            <ListSkeleton label="Forecasting demand" rows={5} height={40} />
          </Card>
        ) : forecasts.isError ? (
          <LoadFailed what="The forecasts" error={forecasts.error} onRetry={() => void forecasts.refetch()} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Orders cover each supplier's lead time and {forecasts.data.settings.reviewPeriodDays} more days,
              with safety stock for a {percent.format(serviceLevel)} chance of not running out before the
              delivery. Forecast from up to a year of daily sales; days out of stock are left out.
            </Text>
            {groups.length === 0 ? (
              <Card withBorder>
                <Text>Nothing needs ordering: the stock available and on its way covers every forecast.</Text>
              </Card>
            ) : null}
            {groups.map((group) => {
              const groupItems = items.filter(
                (i) => i.supplier?.id === group.supplier.id && (i.order?.quantity ?? 0) > 0,
              );
              return (
                <Card
                  key={group.supplier.id}
                  withBorder
                  p={0}
                  component="section"
                  aria-label={`Order from ${group.supplier.name}`}
                >
                  <Group justify="space-between" p="md" wrap="nowrap">
                    <Stack gap={2}>
                      <Title order={3} size="h4">
                        {group.supplier.name}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {group.lines.length} {group.lines.length === 1 ? 'variant' : 'variants'},{' '}
                        {group.units} units, {formatMoney(group.total.amount, group.total.currency)} · lead
                        time {group.supplier.leadTimeDays} days
                        {group.belowSupplierMinimum
                          ? ` · below the supplier's minimum order of ${group.supplier.minimumOrderQuantity} units`
                          : ''}
                      </Text>
                    </Stack>
                    {writable ? (
                      <ButtonLink
                        variant="default"
                        to="/stores/$store/purchasing/new"
                        params={{ store: store.handle }}
                        search={{ supplierId: group.supplier.id, lines: prefillLinesParam(group.lines) }}
                      >
                        Draft purchase order
                      </ButtonLink>
                    ) : null}
                  </Group>
                  <ForecastTable
                    items={groupItems}
                    label={`To order from ${group.supplier.name}`}
                    store={store.handle}
                  />
                </Card>
              );
            })}
            <Switch
              label={`Show the ${others.length} other variants forecast (covered, or without a supplier)`}
              checked={search.all === true}
              onChange={(event) =>
                void navigate({
                  search: (prev) => ({ ...prev, all: event.currentTarget.checked ? true : undefined }),
                })
              }
            />
            {search.all && others.length > 0 ? (
              <Card withBorder p={0} component="section" aria-label="Nothing to order">
                <ForecastTable items={others} label="Nothing to order" store={store.handle} />
              </Card>
            ) : null}
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No tracked variant sold in the last year, so there is nothing to forecast yet.
              </Text>
            ) : null}
          </>
        )}
      </Stack>
    </>
  );
}
