import { Alert, Button, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExperimentDetail } from './experiment-results-queries.ts';

/**
 * Confirms shipping a variant, naming it and saying what shipping does: the change becomes permanent
 * (a product's text or image order through the catalog's review when the user cannot publish), a running test
 * stops, and there is no way back to testing. `winner` is the verdict's variant (key), preselected;
 * without one the first variant after control is.
 */
/** The points whose winner is written into the product (through review without catalog:publish). */
const productChange: Record<string, string> = {
  product_text: 'title and description',
  product_media_order: 'image order',
};

export function ShipVariantDialog({
  experiment,
  winner,
  canPublish,
  loading,
  onShip,
  onClose,
}: {
  experiment: ExperimentDetail;
  winner: string | null;
  canPublish: boolean;
  loading: boolean;
  onShip: (variant: string) => void;
  onClose: () => void;
}) {
  const [variant, setVariant] = useState(winner ?? experiment.variants[1]?.key ?? '');
  const chosen = experiment.variants.find((v) => v.key === variant);
  const name = chosen?.name ?? variant;
  return (
    <Modal opened onClose={onClose} title={`Ship ${name}?`} centered size="lg">
      <Stack gap="md">
        <Radio.Group label="Variant to ship" value={variant} onChange={setVariant}>
          <Stack gap={6} mt={6}>
            {experiment.variants.map((v, i) => (
              <Radio
                key={v.key}
                value={v.key}
                label={`${v.name}${i === 0 ? ' (control: keep things as they were)' : ''}${v.key === winner ? ' — what the results point to' : ''}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <div>
          <Text size="sm" fw={500}>
            Shipping {name}:
          </Text>
          <List size="sm" spacing={4} mt={4}>
            {productChange[experiment.point] ? (
              <List.Item>
                {canPublish
                  ? `makes ${name}’s ${productChange[experiment.point]} the product’s own, live at once;`
                  : `puts ${name}’s ${productChange[experiment.point]} up for review: you cannot publish product changes, so someone who can approves them before they go live;`}
              </List.Item>
            ) : (
              <List.Item>
                shows {name} to every visitor from now on, until someone ends the rollout on this page;
              </List.Item>
            )}
            {experiment.status === 'running' && (
              <List.Item>stops the test: visitors are no longer split;</List.Item>
            )}
            <List.Item>is final: the experiment cannot run again. It is recorded in the audit log.</List.Item>
          </List>
        </div>
        {variant !== winner && (
          <Alert color="yellow" variant="light">
            {winner === null
              ? 'The results do not name a winner yet: shipping now is a decision without evidence.'
              : `${name} is not the variant the results point to.`}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button color="green" loading={loading} onClick={() => onShip(variant)} data-autofocus>
            Ship {name}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
