import { Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { prefillLinesParam } from '../purchasing/purchase-order-prefill.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconPlus } from '../ui/icons.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { reorderSuggestionsQuery } from './reorder-queries.ts';
import { coverWords, quantityWords, reorderWhy, supplierChoiceWords } from './reorder-words.ts';

/**
 * The variant drawer's "Reorder" line for a variant that sells: how many to buy from which
 * supplier and why, with "Draft purchase order" opening the order form filled in. Says so when
 * stock and incoming already cover the supplier's lead time, or when no supplier sells it. Shown to
 * members who may read purchasing.
 */
export function ReorderSuggestion({ variantId }: { variantId: string }) {
  const { store, can } = useCurrentStore();
  const readable = can('purchasing:read');
  const query = useQuery({
    ...reorderSuggestionsQuery(store.handle, { variantIds: [variantId] }),
    enabled: readable,
  });
  if (!readable) return null;
  if (query.isPending) return <Skeleton height={64} aria-label="Loading the reorder suggestion" />;
  if (query.isError) {
    return (
      <Text size="sm" c="red" role="alert">
        The reorder suggestion could not be worked out: {query.error.message}
      </Text>
    );
  }
  const s = query.data.items[0];
  if (!s || s.reason === 'no_sales' || s.reason === 'untracked') return null;

  if (s.reason === 'no_supplier') {
    return (
      <Text size="sm" c="dimmed">
        No active supplier sells this variant, so there is no reorder suggestion.{' '}
        <AnchorLink to="/stores/$store/purchasing/suppliers" params={{ store: store.handle }} size="sm">
          Add it to a supplier’s catalog
        </AnchorLink>
      </Text>
    );
  }

  const supplier = s.supplier!;
  const choice = supplierChoiceWords(s);
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Reorder">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {s.reason === 'order' ? (
            <Text size="sm">
              <Text span fw={600}>
                Suggested: {quantityWords(s.quantity, s.calculation.packSize)}
              </Text>{' '}
              from {supplier.name}
              {choice ? ` (${choice})` : ''} — {coverWords(s)}
            </Text>
          ) : (
            <Text size="sm">
              <Text span fw={600}>
                No reorder needed from {supplier.name}:
              </Text>{' '}
              the stock available and on its way {coverWords(s)}.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {reorderWhy(s)}
          </Text>
          {s.drafts.length > 0 ? (
            <Text size="xs">
              Already on{' '}
              {s.drafts.map((d, i) => (
                <span key={d.id}>
                  {i > 0 ? ', ' : ''}
                  <AnchorLink
                    to="/stores/$store/purchasing/$purchaseOrderId"
                    params={{ store: store.handle, purchaseOrderId: d.id }}
                    size="xs"
                  >
                    draft {d.label}
                  </AnchorLink>{' '}
                  ({d.quantity})
                </span>
              ))}
              : a draft is not counted as incoming until it is sent.
            </Text>
          ) : null}
        </Stack>
        {s.reason === 'order' && can('purchasing:write') ? (
          <ButtonLink
            to="/stores/$store/purchasing/new"
            params={{ store: store.handle }}
            search={{
              supplierId: supplier.id,
              lines: prefillLinesParam([{ variantId: s.variantId, quantity: s.quantity }]),
            }}
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
          >
            Draft purchase order
          </ButtonLink>
        ) : null}
      </Group>
    </Paper>
  );
}
