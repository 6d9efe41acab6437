import { Card, Radio, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { countryName } from '../countries/country-names.ts';
import { formatMoney } from '../money/minor-units.ts';
import { formatDate } from '../ui/format-date.ts';
import { notifyError } from '../ui/notify.ts';
import type { DraftChange, DraftOrder, ShippingChoice } from './draft-order-types.ts';

function estimateText(option: ShippingChoice): string | null {
  const e = option.estimate;
  if (!e) return null;
  if (e.earliest && e.latest) {
    return e.earliest === e.latest
      ? `arrives ${formatDate(e.earliest)}`
      : `arrives ${formatDate(e.earliest)} – ${formatDate(e.latest)}`;
  }
  const ready = e.readyOn ?? e.readyAt;
  return ready ? `ready ${formatDate(ready)}` : null;
}

/**
 * How the order travels: the options the checkout's own quote offers for the address (rates and
 * pick-up), with amounts in the draft's currency and delivery windows; choosing one saves it.
 */
export function DraftShippingCard({
  draft,
  editable,
  save,
}: {
  draft: DraftOrder | null;
  editable: boolean;
  save: (change: DraftChange) => Promise<unknown>;
}) {
  const [choosing, setChoosing] = useState<string | null>(null);
  const priced = draft?.priced ?? null;
  const shipping = priced?.shipping;
  const chosen = shipping?.mode === 'selected' ? (shipping.option?.key ?? null) : null;

  let body: ReactNode;
  if (!priced || priced.lines.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        Add items to see how they can be shipped.
      </Text>
    );
  } else if (!shipping?.required) {
    body = (
      <Text size="sm" c="dimmed">
        Nothing in this order is shipped.
      </Text>
    );
  } else if (!draft?.shippingAddress) {
    body = (
      <Text size="sm" c="dimmed">
        Enter the shipping address to see the options for it.
      </Text>
    );
  } else if (shipping.options.length === 0) {
    body = (
      <Text size="sm" c="orange.8">
        The store does not ship to{' '}
        {countryName(shipping.destination?.country ?? draft.shippingAddress.country)}.
      </Text>
    );
  } else {
    body = (
      <Radio.Group
        aria-label="Shipping option"
        value={choosing ?? chosen}
        onChange={(key) => {
          setChoosing(key);
          save({ shippingOptionKey: key })
            .catch((error: unknown) => notifyError(error, 'The shipping option could not be chosen'))
            .finally(() => setChoosing(null));
        }}
      >
        <Stack gap="xs">
          {shipping.options.map((option) => (
            <Radio
              key={option.key}
              value={option.key}
              disabled={!editable || choosing !== null}
              label={`${option.name} · ${option.amount === 0 ? 'Free' : formatMoney(option.amount, priced.currency)}`}
              description={[option.type === 'pickup' ? 'Pick-up' : null, estimateText(option)]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Shipping
        </Title>
        {body}
      </Stack>
    </Card>
  );
}
