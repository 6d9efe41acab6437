import {
  Badge,
  Button,
  Card,
  Checkbox,
  EmptyState,
  Group,
  Image,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { storeApiPath, useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconStar } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { reviewListQuery, useDeleteReview, useModerateReviews, useReplyToReview } from './review-queries.ts';
import {
  flagWords,
  type Review,
  type ReviewFlag,
  type ReviewStatus,
  reviewFlags,
  reviewStatuses,
} from './review-types.ts';
import type { ReviewsSearch } from './reviews-search.ts';

const reviewsRoute = getRouteApi('/signed-in/stores/$store/reviews');
const pageSize = 25;

const statusWords: Record<ReviewStatus, string> = {
  pending: 'Pending',
  published: 'Published',
  rejected: 'Rejected',
};

const stars = (rating: number) => '★'.repeat(rating) + '☆'.repeat(5 - rating);

/**
 * The moderation queue (docs/reviews.md): reviews waiting, published and rejected, with the
 * automatic flags that held them back; publish, reject (one or a selection), reply in public,
 * delete. (Return type written out: the router's types include the screens'.)
 */
export function ReviewsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = reviewsRoute.useSearch();
  const navigate = reviewsRoute.useNavigate();
  const change = (next: Partial<ReviewsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const status = search.status ?? 'pending';
  const page = search.page ?? 1;
  const list = useQuery(
    reviewListQuery(store.handle, {
      status,
      ...(search.flag ? { flag: search.flag } : {}),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const moderate = useModerateReviews(store.handle);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const writable = can('reviews:write');
  const counts = list.data?.statusCounts;
  const items = list.data?.items ?? [];

  const act = (ids: string[], action: 'publish' | 'reject') =>
    moderate.mutate(
      { ids, action },
      {
        onSuccess: () => {
          setSelected(new Set());
          notifySuccess(
            `${ids.length === 1 ? 'Review' : `${ids.length} reviews`} ${action === 'publish' ? 'published' : 'rejected'}.`,
          );
        },
        onError: (error) => notifyError(error, 'The reviews were not changed'),
      },
    );

  return (
    <>
      <PageHeader
        title="Reviews"
        description="What customers say about your products. Flagged reviews wait for you; published ones show on the product page and in search results."
        actions={
          <Button component="a" href={storeApiPath(store.handle, '/reviews/export.csv')} variant="default">
            Export CSV
          </Button>
        }
      />
      <Tabs
        value={status}
        onChange={(tab) => {
          setSelected(new Set());
          change({
            status: (tab as ReviewStatus) === 'pending' ? undefined : (tab as ReviewStatus),
            page: undefined,
          });
        }}
      >
        <Tabs.List mb="md">
          {reviewStatuses.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {statusWords[s]}
              {counts ? ` (${counts[s]})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Stack gap="md">
        <Group justify="space-between">
          <Select
            aria-label="Flag"
            placeholder="Any flag"
            data={reviewFlags.map((value) => ({ value, label: flagWords[value] }))}
            value={search.flag ?? null}
            onChange={(value) => change({ flag: (value as ReviewFlag | null) ?? undefined, page: undefined })}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
          {writable && selected.size > 0 ? (
            <Group gap="xs">
              <Text size="sm">{selected.size} selected</Text>
              {status !== 'published' && (
                <Button size="xs" onClick={() => act([...selected], 'publish')} loading={moderate.isPending}>
                  Publish selected
                </Button>
              )}
              {status !== 'rejected' && (
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  onClick={() => act([...selected], 'reject')}
                  loading={moderate.isPending}
                >
                  Reject selected
                </Button>
              )}
            </Group>
          ) : null}
        </Group>
        {list.isError ? (
          <LoadFailed what="The reviews" error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <ListSkeleton label="Loading reviews" rows={4} />
        ) : items.length === 0 ? (
          <Card withBorder>
            <EmptyState
              py="xl"
              variant="light"
              icon={<IconStar size={28} />}
              title={
                status === 'pending'
                  ? 'Nothing waits for moderation'
                  : `No ${statusWords[status].toLowerCase()} reviews`
              }
              description="Customers review products from the link in the e-mail sent after delivery, or from their account."
            />
          </Card>
        ) : (
          <>
            {items.map((review) => (
              <ReviewCard
                key={review.id}
                review={review}
                writable={writable}
                selected={selected.has(review.id)}
                onSelect={(on) =>
                  setSelected((prev) => {
                    const next = new Set(prev);
                    if (on) next.add(review.id);
                    else next.delete(review.id);
                    return next;
                  })
                }
                onAct={(action) => act([review.id], action)}
                busy={moderate.isPending}
              />
            ))}
            <ListPager
              page={page}
              pageSize={pageSize}
              total={list.data?.total ?? 0}
              onPage={(p) => change({ page: p > 1 ? p : undefined })}
            />
          </>
        )}
      </Stack>
    </>
  );
}

function ReviewCard({
  review,
  writable,
  selected,
  onSelect,
  onAct,
  busy,
}: {
  review: Review & { productTitle?: string | null };
  writable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onAct: (action: 'publish' | 'reject') => void;
  busy: boolean;
}) {
  const { store } = useCurrentStore();
  const reply = useReplyToReview(store.handle);
  const remove = useDeleteReview(store.handle);
  const [replying, setReplying] = useState(false);
  const [draft, setDraft] = useState(review.reply ?? '');
  const [deleting, setDeleting] = useState(false);

  const saveReply = (text: string | null) =>
    reply.mutate(
      { id: review.id, reply: text },
      {
        onSuccess: () => {
          setReplying(false);
          notifySuccess(text === null ? 'Reply removed.' : 'Reply saved.');
        },
        onError: (error) => notifyError(error, 'The reply was not saved'),
      },
    );

  return (
    <Card withBorder padding="md" data-testid="review-card" aria-label={`Review by ${review.authorName}`}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        {writable && (
          <Checkbox
            aria-label={`Select the review by ${review.authorName}`}
            checked={selected}
            onChange={(event) => onSelect(event.currentTarget.checked)}
            mt={4}
          />
        )}
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text c="yellow.7" fw={700} aria-label={`${review.rating} of 5 stars`}>
              {stars(review.rating)}
            </Text>
            {review.title ? <Text fw={600}>{review.title}</Text> : null}
            {review.flags.map((flag) => (
              <Badge key={flag} color="orange" variant="light">
                {flagWords[flag]}
              </Badge>
            ))}
            {review.verified ? (
              <Badge color="teal" variant="light">
                Verified purchase
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {review.body}
          </Text>
          {review.photos.length > 0 ? (
            <Group gap="xs">
              {review.photos.map((photo) => (
                <Image
                  key={photo.key}
                  src={storeApiPath(store.handle, `/reviews/photos/${photo.key}`)}
                  w={72}
                  h={72}
                  radius="sm"
                  fit="cover"
                  alt="Customer photo"
                />
              ))}
            </Group>
          ) : null}
          <Text size="xs" c="dimmed">
            {review.authorName}
            {review.authorEmail ? ` · ${review.authorEmail}` : ''} · {formatDate(review.createdAt)}
            {review.productTitle ? ` · ${review.productTitle}` : ''}
          </Text>
          {review.reply && !replying ? (
            <Card withBorder padding="xs" bg="gray.0">
              <Text size="xs" c="dimmed">
                Your reply{review.repliedBy ? ` (${review.repliedBy})` : ''}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {review.reply}
              </Text>
            </Card>
          ) : null}
          {replying ? (
            <Stack gap="xs">
              <Textarea
                label="Public reply"
                description="Shown under the review on the product page."
                value={draft}
                onChange={(event) => setDraft(event.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={5000}
              />
              <Group gap="xs">
                <Button
                  size="xs"
                  onClick={() => saveReply(draft)}
                  loading={reply.isPending}
                  disabled={!draft.trim()}
                >
                  Save reply
                </Button>
                <Button size="xs" variant="default" onClick={() => setReplying(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          ) : null}
          {writable && !replying ? (
            <Group gap="xs" mt={4}>
              {review.status !== 'published' && (
                <Button size="xs" onClick={() => onAct('publish')} loading={busy}>
                  Publish
                </Button>
              )}
              {review.status !== 'rejected' && (
                <Button size="xs" color="red" variant="light" onClick={() => onAct('reject')} loading={busy}>
                  Reject
                </Button>
              )}
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setDraft(review.reply ?? '');
                  setReplying(true);
                }}
              >
                {review.reply ? 'Edit reply' : 'Reply'}
              </Button>
              {review.reply ? (
                <Button size="xs" variant="subtle" onClick={() => saveReply(null)} loading={reply.isPending}>
                  Remove reply
                </Button>
              ) : null}
              <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Group>
      <ConfirmDialog
        opened={deleting}
        title="Delete this review?"
        confirmLabel="Delete review"
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(review.id, {
            onSuccess: () => {
              setDeleting(false);
              notifySuccess('Review deleted.');
            },
            onError: (error) => notifyError(error, 'The review was not deleted'),
          })
        }
      >
        It goes for good, with its photos and your reply. To hide it from the shop, reject it instead.
      </ConfirmDialog>
    </Card>
  );
}
