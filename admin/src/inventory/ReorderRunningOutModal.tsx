import { Alert, Button, Group, List, Modal, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { parseExchangeRate } from '../purchasing/exchange-rate.ts';
import { orderFormErrorsFrom } from '../purchasing/line-errors.ts';
import type { PurchaseOrderDetail } from '../purchasing/purchasing-types.ts';
import { variantLabel } from '../purchasing/VariantPicker.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { locationsQuery } from './inventory-queries.ts';
import { ReorderSupplierCard } from './ReorderSupplierCard.tsx';
import { groupLines, quantityProblem, type TypedQuantity } from './reorder-draft-lines.ts';
import {
  type DraftToCreate,
  type ReorderSuggestion,
  reorderSuggestionsQuery,
  useCreateDrafts,
} from './reorder-queries.ts';
import { daysWords } from './reorder-words.ts';

const suggestionLabel = (s: ReorderSuggestion) =>
  variantLabel({ productTitle: s.productTitle, title: s.variantTitle, sku: s.sku });

/**
 * Every running-out variant's reorder suggestion, one card per supplier with editable quantities,
 * and "Create N draft purchase orders": one draft per supplier through the ordinary create endpoint,
 * each at the catalog's costs, delivered to one location. Drafts made are linked; a refused one
 * shows why on its card and can be corrected and retried without making the others twice. Variants
 * no supplier sells are listed apart, with the way to the suppliers.
 */
export function ReorderRunningOutModal({
  opened,
  onClose,
  locationId: preferredLocationId,
}: {
  opened: boolean;
  onClose: () => void;
  /** The inventory table's location, when it shows one: the drafts' delivery location to start with. */
  locationId?: string;
}) {
  const { store } = useCurrentStore();
  const suggestions = useQuery({
    ...reorderSuggestionsQuery(store.handle, { state: 'running-out' }),
    enabled: opened,
  });
  const locations = useQuery(locationsQuery(store.handle));
  const create = useCreateDrafts(store.handle);
  const [quantities, setQuantities] = useState<Record<string, TypedQuantity>>({});
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [rates, setRates] = useState<Record<string, string>>({});
  const [locationId, setLocationId] = useState<string | null>(null);
  const [created, setCreated] = useState<Record<string, PurchaseOrderDetail>>({});
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [groupErrors, setGroupErrors] = useState<Record<string, string>>({});
  const [rateErrors, setRateErrors] = useState<Record<string, string>>({});

  const activeLocations = (locations.data ?? []).filter((l) => l.active);
  const deliverTo =
    locationId ??
    activeLocations.find((l) => l.id === preferredLocationId)?.id ??
    activeLocations[0]?.id ??
    null;
  const items = suggestions.data?.items ?? [];
  const groups = suggestions.data?.groups ?? [];
  const byId = new Map(items.map((s) => [s.variantId, s]));
  const pending = groups.filter(
    (g) =>
      !created[g.supplier.id] && !excluded.has(g.supplier.id) && groupLines(g, quantities, byId).length > 0,
  );
  const covered = items.filter((s) => s.reason === 'covered');
  const withoutSupplier = items.filter((s) => s.reason === 'no_supplier');
  const made = Object.values(created);

  const submit = () => {
    if (!deliverTo) return;
    const foundLines: Record<string, string> = {};
    const foundRates: Record<string, string> = {};
    const drafts: DraftToCreate[] = [];
    for (const group of pending) {
      const lines = groupLines(group, quantities, byId);
      for (const line of lines) {
        const problem = quantityProblem(line.quantity, byId.get(line.variantId)!);
        if (problem) foundLines[line.variantId] = problem;
      }
      let exchangeRate: number | undefined;
      if (group.supplier.currency !== store.baseCurrency) {
        const rate = parseExchangeRate(
          rates[group.supplier.id] ?? '',
          group.supplier.currency,
          store.baseCurrency,
        );
        if (rate.ok) exchangeRate = rate.rate;
        else foundRates[group.supplier.id] = rate.message;
      }
      drafts.push({
        supplierId: group.supplier.id,
        input: { locationId: deliverTo, expectedOn: null, note: null, exchangeRate, lines },
      });
    }
    setLineErrors(foundLines);
    setRateErrors(foundRates);
    setGroupErrors({});
    if (Object.keys(foundLines).length > 0 || Object.keys(foundRates).length > 0) return;
    create.mutate(drafts, {
      onSuccess: (outcomes) => {
        const nowCreated = { ...created };
        const placedLines: Record<string, string> = {};
        const placedRates: Record<string, string> = {};
        const general: Record<string, string> = {};
        for (const outcome of outcomes) {
          if ('order' in outcome) {
            nowCreated[outcome.supplierId] = outcome.order;
            continue;
          }
          const sent = drafts.find((d) => d.supplierId === outcome.supplierId)!.input.lines;
          const placed = orderFormErrorsFrom(outcome.error, { exchangeRate: 'rate' as const });
          for (const [index, fields] of Object.entries(placed.lines)) {
            const variantId = sent[Number(index)]?.variantId;
            if (variantId) placedLines[variantId] = fields.quantity ?? fields.unitCost ?? '';
          }
          if (placed.fields.rate) placedRates[outcome.supplierId] = placed.fields.rate;
          if (placed.general) general[outcome.supplierId] = placed.general;
        }
        setCreated(nowCreated);
        setLineErrors(placedLines);
        setRateErrors(placedRates);
        setGroupErrors(general);
      },
    });
  };

  const count = pending.length;
  return (
    <Modal opened={opened} onClose={onClose} title="Reorder running-out stock" size="xl">
      {suggestions.isError ? (
        <Alert color="red" role="alert" title="The suggestions could not be worked out">
          {suggestions.error.message}
        </Alert>
      ) : suggestions.isPending ? (
        <Stack aria-busy="true" aria-label="Working out what to reorder">
          <Skeleton height={36} />
          <Skeleton height={140} />
          <Skeleton height={140} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            For each variant running out: enough to last its supplier’s lead time and{' '}
            {daysWords(suggestions.data.bufferDays)} more at the rate of sale, less what is available and on
            its way, in whole packs. One draft per supplier, at its catalog prices; nothing is sent yet.
          </Text>

          {made.length > 0 ? (
            <Alert color="teal" title={made.length === 1 ? 'Draft created' : `${made.length} drafts created`}>
              <List size="sm" spacing={2}>
                {made.map((order) => (
                  <List.Item key={order.id}>
                    <AnchorLink
                      to="/stores/$store/purchasing/$purchaseOrderId"
                      params={{ store: store.handle, purchaseOrderId: order.id }}
                      size="sm"
                    >
                      {order.label}
                    </AnchorLink>{' '}
                    to {order.supplier.name}: {order.lines.length}{' '}
                    {order.lines.length === 1 ? 'line' : 'lines'}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}

          {groups.length === 0 ? (
            <Text size="sm">
              {items.length === 0
                ? 'Nothing is running out.'
                : 'Nothing to order from a supplier: what runs out is covered by stock on its way, or no supplier sells it.'}
            </Text>
          ) : (
            <>
              {/* Asked only while there is a draft left to make. */}
              {groups.some((g) => !created[g.supplier.id]) ? (
                <Select
                  label="Deliver to"
                  data={activeLocations.map((l) => ({ value: l.id, label: l.name }))}
                  value={deliverTo}
                  onChange={(value) => value && setLocationId(value)}
                  allowDeselect={false}
                  w={280}
                />
              ) : null}
              {groups.map((group) => (
                <ReorderSupplierCard
                  key={group.supplier.id}
                  group={group}
                  suggestions={group.variantIds.map((id) => byId.get(id)!)}
                  labelOf={suggestionLabel}
                  quantities={quantities}
                  onQuantity={(variantId, quantity) =>
                    setQuantities((q) => ({ ...q, [variantId]: quantity }))
                  }
                  included={!excluded.has(group.supplier.id)}
                  onIncluded={(include) =>
                    setExcluded((current) => {
                      const next = new Set(current);
                      if (include) next.delete(group.supplier.id);
                      else next.add(group.supplier.id);
                      return next;
                    })
                  }
                  rate={rates[group.supplier.id] ?? ''}
                  onRate={(rate) => setRates((r) => ({ ...r, [group.supplier.id]: rate }))}
                  rateError={rateErrors[group.supplier.id]}
                  lineErrors={lineErrors}
                  error={groupErrors[group.supplier.id]}
                  created={created[group.supplier.id]}
                />
              ))}
            </>
          )}

          {covered.length > 0 ? (
            <Text size="sm" c="dimmed">
              Covered by stock on its way: {covered.map(suggestionLabel).join(', ')}.
            </Text>
          ) : null}

          {withoutSupplier.length > 0 ? (
            <Stack gap={4} component="section" aria-label="No supplier">
              <Text size="sm" fw={600}>
                No supplier sells {withoutSupplier.length === 1 ? 'this variant' : 'these variants'}
              </Text>
              <List size="sm" spacing={2}>
                {withoutSupplier.map((s) => (
                  <List.Item key={s.variantId}>{suggestionLabel(s)}</List.Item>
                ))}
              </List>
              <Text size="sm">
                <AnchorLink
                  to="/stores/$store/purchasing/suppliers"
                  params={{ store: store.handle }}
                  size="sm"
                >
                  Add {withoutSupplier.length === 1 ? 'it' : 'them'} to a supplier’s catalog
                </AnchorLink>{' '}
                to get a suggestion.
              </Text>
            </Stack>
          ) : null}

          <Group justify="flex-end" gap="sm">
            {made.length > 0 ? (
              <ButtonLink
                to="/stores/$store/purchasing"
                params={{ store: store.handle }}
                search={{ state: 'draft' }}
                variant="default"
              >
                See draft orders
              </ButtonLink>
            ) : null}
            <Button variant="default" onClick={onClose}>
              {made.length > 0 ? 'Close' : 'Cancel'}
            </Button>
            {groups.some((g) => !created[g.supplier.id]) ? (
              <Button onClick={submit} loading={create.isPending} disabled={count === 0 || !deliverTo}>
                {count === 1 ? 'Create 1 draft purchase order' : `Create ${count} draft purchase orders`}
              </Button>
            ) : null}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
