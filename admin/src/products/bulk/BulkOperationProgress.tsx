import { Alert, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { bulkOperationQuery, useRefreshCatalog } from './bulk-queries.ts';
import { finished } from './bulk-types.ts';

const statusLooks = {
  queued: { color: 'gray', label: 'Queued' },
  running: { color: 'blue', label: 'Running' },
  completed: { color: 'teal', label: 'Done' },
  failed: { color: 'red', label: 'Failed' },
} as const;

/**
 * Why a product was left as it was, in a word, for the codes a person can act on; the server's
 * message beside it says the rest. Publishing goes through the review workflow product by product.
 */
const failureLabels: Record<string, string> = {
  review_pending: 'Not approved yet',
  changed_since_approval: 'Changed since approval',
  illegal_transition: 'Not possible now',
  permission_denied: 'Needs publish permission',
  changed_since: 'Changed since',
};

const productCount = (n: number) => `${n} ${n === 1 ? 'product' : 'products'}`;
const namesOf = (items: { productId: string; title: string | null }[], total: number) =>
  `${items.map((item) => item.title ?? item.productId).join(', ')}${items.length < total ? ' …' : ''}`;

/** Live progress of one operation (its job runs on the server), the products it could not change, and undo. */
export function BulkOperationProgress({
  operationId,
  onUndo,
  undoing,
}: {
  operationId: string;
  onUndo?: () => void;
  undoing?: boolean;
}) {
  const { store } = useCurrentStore();
  const operation = useQuery(bulkOperationQuery(store.handle, operationId));
  const refresh = useRefreshCatalog(store.handle);
  const announced = useRef(false);
  const data = operation.data;
  useEffect(() => {
    if (data && finished(data) && !announced.current) {
      announced.current = true;
      refresh();
    }
  }, [data, refresh]);

  if (operation.isError) {
    return (
      <Alert color="red" role="alert">
        {operation.error.message}
      </Alert>
    );
  }
  if (!data) return <Progress value={0} animated aria-label="Starting" />;
  const percent = data.total > 0 ? Math.round((data.done / data.total) * 100) : 0;
  const staged = data.outcomes?.staged ?? 0;
  const reviewReset = data.reviewReset?.count ?? 0;
  const changed = data.done - data.failed;
  const look = statusLooks[data.status];
  const isUndo = data.action.type === 'undo';
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Badge color={look.color} variant="light" data-testid="bulk-status">
            {look.label}
          </Badge>
          <Text size="sm" aria-live="polite" data-testid="bulk-progress">
            {data.done} of {data.total} {isUndo ? 'restored or checked' : 'processed'}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {percent}%
        </Text>
      </Group>
      <Progress
        value={percent}
        animated={!finished(data)}
        color={data.failed > 0 ? 'orange' : 'teal'}
        aria-label="Progress"
      />
      {finished(data) ? (
        <Text size="sm">
          {data.failed === 0
            ? `${isUndo ? 'Undone' : 'Finished'} without errors.`
            : `${changed} fine, ${data.failed} left as they were:`}
        </Text>
      ) : null}
      {staged > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={`${staged} live ${staged === 1 ? 'product' : 'products'} staged for review`}
          data-testid="bulk-staged"
        >
          <Text size="sm" mb={4}>
            {`The storefront keeps showing ${staged === 1 ? 'it' : 'them'} as ${staged === 1 ? 'it is' : 'they are'} until someone who can publish approves and publishes the change.`}
          </Text>
          <Text size="sm" c="dimmed">
            {namesOf(data.staged ?? [], staged)}
          </Text>
        </Alert>
      ) : null}
      {reviewReset > 0 ? (
        <Alert
          color="orange"
          variant="light"
          title={`${productCount(reviewReset)} back to draft`}
          data-testid="bulk-review-reset"
        >
          <Text size="sm" mb={4}>
            {`${reviewReset === 1 ? 'Its' : 'Their'} review was under way (in review or approved), and the reviewer must see this change: send ${reviewReset === 1 ? 'it' : 'them'} for review again.`}
          </Text>
          <Text size="sm" c="dimmed">
            {namesOf(data.reviewReset?.products ?? [], reviewReset)}
          </Text>
        </Alert>
      ) : null}
      {data.lastError ? (
        <Alert color="red" title="The job stopped">
          {data.lastError}
        </Alert>
      ) : null}
      {data.errors.length > 0 ? (
        <Table.ScrollContainer minWidth={360} mah={220}>
          <Table aria-label="Products not changed" striped>
            <Table.Tbody>
              {data.errors.map((error) => (
                <Table.Tr key={error.productId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {error.title ?? error.productId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {error.code ? (
                      <Text size="xs" fw={600} c="orange.8" data-testid="bulk-error-code">
                        {failureLabels[error.code] ?? error.code.replaceAll('_', ' ')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {error.message}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data.failed > data.errors.length ? (
        <Text size="xs" c="dimmed">
          {`The first ${data.errors.length} of ${data.failed} are listed.`}
        </Text>
      ) : null}
      {data.canUndo && onUndo ? (
        <Group justify="flex-end">
          <Button variant="default" onClick={onUndo} loading={undoing}>
            Undo this change
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
