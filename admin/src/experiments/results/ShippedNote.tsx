import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import { AnchorLink } from '../../ui/router-links.tsx';
import { type ExperimentDetail, useEndRollout } from './experiment-results-queries.ts';

/** What the shipped change is called on the product it became part of. */
const productChange: Record<string, string> = {
  product_text: 'text',
  product_media_order: 'image order',
};

/**
 * What shipping did, on a shipped test's page: a rollout every visitor sees (which a writer may
 * end), a product change live or waiting for review, or nothing to change. The test's figures
 * below stay final whatever happens to the rollout.
 */
export function ShippedNote({ experiment, writable }: { experiment: ExperimentDetail; writable: boolean }) {
  const { store } = useCurrentStore();
  const [confirming, setConfirming] = useState(false);
  const end = useEndRollout(store.handle, experiment.id);
  const winner = experiment.variants.find((v) => v.key === experiment.shippedVariant);
  const name = winner?.name ?? experiment.shippedVariant ?? 'the winner';
  const when = formatDateTime(experiment.shippedAt ?? experiment.updatedAt);
  const productId = typeof winner?.change.productId === 'string' ? winner.change.productId : null;
  const productLink = productId ? (
    <AnchorLink to="/stores/$store/products/$productId" params={{ store: store.handle, productId }}>
      Open the product
    </AnchorLink>
  ) : null;
  const what = productChange[experiment.point] ?? 'change';
  const final = 'The test is over; the figures below are final.';

  let body: ReactNode;
  let title = `Shipped: ${name}`;
  let colour = 'blue';
  if (experiment.shippedAs === 'rollout' && experiment.rolloutEndedAt) {
    title = `Rollout ended: ${name}`;
    colour = 'gray';
    body = `Every visitor saw ${name} from ${when} until ${formatDateTime(experiment.rolloutEndedAt)}; the store shows what it did before the test. ${final}`;
  } else if (experiment.shippedAs === 'rollout') {
    body = (
      <Stack gap="xs">
        <Text size="sm">
          Every visitor sees {name} since {when}. {final}
        </Text>
        {writable && (
          <Group>
            <Button size="xs" variant="default" onClick={() => setConfirming(true)} data-testid="end-rollout">
              End the rollout
            </Button>
          </Group>
        )}
      </Stack>
    );
  } else if (experiment.shippedAs === 'in_review') {
    colour = 'yellow';
    title = `Shipped for review: ${name}`;
    body = (
      <>
        {name}’s {what} waits for approval in the product’s review since {when}: it goes live when someone who
        can publish approves it. {final} {productLink}
      </>
    );
  } else if (experiment.shippedAs === 'unchanged') {
    body = (
      <>
        The product already had {name}’s {what} on {when}: nothing needed changing. {final} {productLink}
      </>
    );
  } else {
    body = (
      <>
        {name}’s {what} became the product’s own on {when}. {final} {productLink}
      </>
    );
  }

  const confirmEnd = () =>
    end.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(`Visitors no longer see ${name}.`, 'Rollout ended');
      },
      onError: (error) => notifyError(error, 'The rollout was not ended'),
    });

  return (
    <>
      <Alert color={colour} title={title} data-testid="shipped-note">
        {body}
      </Alert>
      {confirming && (
        <Modal opened onClose={() => setConfirming(false)} title={`End the rollout of ${name}?`} centered>
          <Stack gap="md">
            <Text size="sm">
              Every visitor sees the store without {name} again, at once. The test’s record and results stay;
              it cannot run again. This is recorded in the audit log.
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)} disabled={end.isPending}>
                Cancel
              </Button>
              <Button color="red" loading={end.isPending} onClick={confirmEnd} data-autofocus>
                End the rollout
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
