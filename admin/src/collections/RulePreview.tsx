import { Alert, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { formatMoney } from '../money/minor-units.ts';
import { ProductThumbnail } from '../products/ProductThumbnail.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { rulePreviewQuery } from './collection-queries.ts';
import type { CollectionRule, CollectionSortOrder, ConditionMatch } from './collection-types.ts';

const SHOWN = 8;

/** The products the rules gather right now, refreshed as the rules are edited (nothing is saved). */
export function RulePreview({
  match,
  rules,
  sortOrder,
}: {
  match: ConditionMatch;
  /** Null while a condition is incomplete. */
  rules: CollectionRule[] | null;
  sortOrder: CollectionSortOrder;
}) {
  const { store } = useCurrentStore();
  const [request] = useDebouncedValue(
    rules && rules.length > 0
      ? { match, rules, sortOrder: sortOrder === 'manual' ? 'title_asc' : sortOrder, limit: SHOWN }
      : null,
    300,
  );
  const preview = useQuery({
    ...rulePreviewQuery(store.handle, request ?? { match, rules: [], sortOrder: 'title_asc', limit: SHOWN }),
    enabled: request !== null,
  });

  return (
    <Stack gap="xs" aria-live="polite" aria-label="Matching products">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Matching now
        </Text>
        {request === null ? (
          <Text size="sm" c="dimmed">
            Complete the conditions to see the products.
          </Text>
        ) : preview.isFetching && !preview.data ? (
          <Loader size="xs" />
        ) : preview.data ? (
          <Badge variant="light" color={preview.data.total > 0 ? 'teal' : 'gray'} data-testid="preview-total">
            {preview.data.total === 1 ? '1 product' : `${preview.data.total} products`}
          </Badge>
        ) : null}
        {preview.isFetching && preview.data ? <Loader size="xs" /> : null}
      </Group>
      {preview.isError ? (
        <Alert color="red" role="alert">
          {preview.error.message}
        </Alert>
      ) : null}
      {request !== null && preview.data && preview.data.items.length > 0 ? (
        <Stack gap={6} style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
          {preview.data.items.map((product) => (
            <Group key={product.id} gap="sm" wrap="nowrap">
              <ProductThumbnail src={product.imageUrl} title={product.title} size={32} />
              <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate="end">
                {product.title}
              </Text>
              {product.status !== 'active' ? (
                <Badge size="xs" variant="outline" color="gray">
                  {product.status}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(product.price.amount, product.price.currency)}
              </Text>
            </Group>
          ))}
          {preview.data.total > SHOWN ? (
            <Text size="xs" c="dimmed">
              and {preview.data.total - SHOWN} more
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
