import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { Product } from '../../api/types.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { IconExternalLink } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import { ProductStatusBadge } from '../ProductStatusBadge.tsx';
import { ScheduleControls } from './ScheduleControls.tsx';
import { type ReviewStep, usePublishStep, useReviewStep } from './workflow-queries.ts';
import type { ProductWorkflow } from './workflow-types.ts';

function explanation(product: Product, workflow: ProductWorkflow): string {
  const { revision } = workflow;
  if (revision?.kind === 'staged') {
    const waiting = {
      draft: 'are saved but not yet sent for review',
      in_review: 'are waiting for a reviewer',
      changes_requested: 'were sent back: see the reviewer’s comment',
      approved: 'are approved and wait to be published',
    } as Record<string, string>;
    return `Live since ${formatDateTime(product.publishedAt)}. Edits ${waiting[revision.state] ?? 'are pending'}; the storefront shows the live version until they are published.`;
  }
  switch (workflow.state) {
    case 'published':
      return `Live on the storefront since ${formatDateTime(product.publishedAt)}.`;
    case 'in_review':
      return 'Waiting for a reviewer; hidden from the storefront.';
    case 'approved':
      return 'Approved: ready to be published now or at a planned time.';
    case 'unpublished':
      return 'Taken off the storefront; publish it again when ready.';
    case 'archived':
      return 'Archived: hidden from the storefront and from the default catalog views.';
    default:
      return revision?.state === 'changes_requested'
        ? 'Draft, sent back by the reviewer: make the changes and submit again.'
        : 'Draft: hidden from the storefront until it is reviewed and published.';
  }
}

/** A button a reader of this role cannot use: shown disabled, with the reason on hover. */
function WithReason({ reason, children }: { reason: string | null; children: ReactNode }) {
  if (!reason) return children;
  return (
    <Tooltip label={reason}>
      <span style={{ display: 'inline-block' }}>{children}</span>
    </Tooltip>
  );
}

/**
 * The product's status card: where it stands in review-before-publish and the next steps the
 * signed-in person may take — submit (editors), approve or request changes, publish, unpublish and
 * schedule (catalog:publish) — plus whatever the screen adds below (archive, delete).
 */
export function ProductWorkflowPanel({
  product,
  workflow,
  dirty,
  children,
}: {
  product: Product;
  workflow: ProductWorkflow;
  /** Unsaved edits in the form: steps wait until they are saved. */
  dirty: boolean;
  children?: ReactNode;
}) {
  const { store, can } = useCurrentStore();
  const canWrite = can('catalog:write');
  const canPublish = can('catalog:publish');
  const review = useReviewStep(store.handle, product.id);
  const publish = usePublishStep(store.handle, product.id);
  const [asking, setAsking] = useState<'submit' | 'request-changes' | null>(null);
  const [text, setText] = useState('');
  const { revision } = workflow;
  const live = product.status === 'active';
  const archived = product.status === 'archived';
  const staged = revision?.kind === 'staged';
  const busy = review.isPending || publish.isPending;
  const saveFirst = dirty ? 'Save your changes first.' : null;

  const run = (step: ReviewStep, done: string, title: string) =>
    review.mutate(step, {
      onSuccess: () => {
        setAsking(null);
        setText('');
        notifySuccess(done, title);
      },
      onError: (error) => notifyError(error, `${title}: not done`),
    });

  const setLive = (action: 'publish' | 'unpublish') =>
    publish.mutate(action, {
      onSuccess: (answer) =>
        notifySuccess(
          action === 'publish'
            ? `“${answer.product.title}” is live on the storefront.`
            : `“${answer.product.title}” is hidden from the storefront.`,
          action === 'publish' ? 'Published' : 'Unpublished',
        ),
      onError: (error) => notifyError(error, action === 'publish' ? 'Not published' : 'Not unpublished'),
    });

  const maySubmit =
    canWrite && !archived && (revision ? ['draft', 'changes_requested'].includes(revision.state) : !live);
  const inReview = revision?.state === 'in_review';
  const mayPublish = !archived && (revision ? revision.state === 'approved' : !live);

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h5">
          Status
        </Title>
        <ProductStatusBadge status={product.status} size="lg" data-testid="product-status" />
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {explanation(product, workflow)}
        </Text>
        {revision?.state === 'changes_requested' && revision.reviewComment ? (
          <Alert variant="light" color="red" title="Changes requested" p="xs">
            <Text size="sm">{revision.reviewComment}</Text>
          </Alert>
        ) : null}

        <Group gap="xs">
          {maySubmit ? (
            <WithReason reason={saveFirst}>
              <Button onClick={() => setAsking('submit')} disabled={dirty || busy}>
                Submit for review
              </Button>
            </WithReason>
          ) : null}
          {inReview && canPublish ? (
            <>
              <Button
                color="indigo"
                disabled={dirty || busy}
                loading={review.isPending && review.variables?.step === 'approve'}
                onClick={() =>
                  run(
                    {
                      step: 'approve',
                      ...(revision?.fingerprint ? { fingerprint: revision.fingerprint } : {}),
                    },
                    'Approved: it can be published now or at a planned time.',
                    'Approved',
                  )
                }
              >
                Approve
              </Button>
              <Button variant="default" disabled={busy} onClick={() => setAsking('request-changes')}>
                Request changes
              </Button>
            </>
          ) : null}
          {mayPublish ? (
            <WithReason
              reason={
                !canPublish
                  ? 'Your role can edit and submit products; a manager or owner publishes them.'
                  : saveFirst
              }
            >
              <Button
                color="teal"
                onClick={() => setLive('publish')}
                loading={publish.isPending && publish.variables === 'publish'}
                disabled={!canPublish || dirty || busy}
              >
                {staged ? 'Publish changes' : 'Publish'}
              </Button>
            </WithReason>
          ) : null}
          {live && canPublish ? (
            <Button
              variant="default"
              onClick={() => setLive('unpublish')}
              loading={publish.isPending && publish.variables === 'unpublish'}
              disabled={busy}
            >
              Unpublish
            </Button>
          ) : null}
        </Group>
        {revision && canWrite ? (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            disabled={busy}
            onClick={() =>
              run(
                { step: 'discard', revisionId: revision.id },
                staged ? 'The staged changes were discarded.' : 'The product was withdrawn from review.',
                staged ? 'Changes discarded' : 'Withdrawn',
              )
            }
          >
            {staged ? 'Discard staged changes' : 'Withdraw from review'}
          </Button>
        ) : null}

        {live && product.storefrontUrl ? (
          <Anchor href={product.storefrontUrl} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              View on storefront <IconExternalLink size={14} />
            </Group>
          </Anchor>
        ) : null}
        {canPublish && !archived ? (
          <ScheduleControls store={store.handle} workflow={workflow} disabled={dirty || busy} />
        ) : null}
        {children}
      </Stack>

      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'submit' ? 'Submit for review' : 'Request changes'}
        centered
      >
        <Stack gap="md">
          <Textarea
            label={asking === 'submit' ? 'Note for the reviewer (optional)' : 'What should change?'}
            autosize
            minRows={3}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            required={asking === 'request-changes'}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(null)} disabled={review.isPending}>
              Cancel
            </Button>
            {asking === 'submit' ? (
              <Button
                loading={review.isPending}
                onClick={() =>
                  run(
                    { step: 'submit-for-review', ...(text.trim() ? { note: text.trim() } : {}) },
                    'A reviewer can now approve it.',
                    'Sent for review',
                  )
                }
              >
                Send for review
              </Button>
            ) : (
              <Button
                color="red"
                loading={review.isPending}
                disabled={!text.trim()}
                onClick={() =>
                  run(
                    { step: 'request-changes', comment: text.trim() },
                    'The editor will see your comment.',
                    'Sent back',
                  )
                }
              >
                Send back to editor
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
