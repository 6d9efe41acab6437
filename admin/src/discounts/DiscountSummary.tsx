import { Card, List, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../ui/format-date.ts';
import { type DiscountDraft, definitionOf } from './discount-draft.ts';
import { amountsText, classLabels, valueText } from './discount-labels.ts';
import type { DiscountClass, DiscountDefinition } from './discount-types.ts';

/** What the discount does, in sentences, as the form stands (before it is saved). */
export function DiscountSummary({ draft }: { draft: DiscountDraft }) {
  const read = definitionOf({ ...draft, title: draft.title || 'untitled' });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label="Summary">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Summary
        </Title>
        {read.ok ? (
          <List size="sm" spacing={6}>
            {summaryLines(read.definition).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            Fill in the form: the summary follows it.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function summaryLines(d: DiscountDefinition): string[] {
  const lines = [valueText(d)];
  lines.push(
    d.kind === 'automatic'
      ? 'Applies automatically'
      : d.codes.length === 0
        ? 'With a code (none given yet)'
        : `With the code${d.codes.length === 1 ? '' : 's'} ${d.codes.slice(0, 3).join(', ')}${d.codes.length > 3 ? ' …' : ''}`,
  );
  if (d.minimumSubtotal) lines.push(`For orders from ${amountsText(d.minimumSubtotal)}`);
  else if (d.minimumQuantity) lines.push(`For ${d.minimumQuantity} items or more`);
  if (d.customerSegments.length > 0) lines.push(`Only for ${d.customerSegments.join(', ')}`);
  lines.push(
    d.endsAt
      ? `${formatDateTime(d.startsAt)} to ${formatDateTime(d.endsAt)}`
      : `From ${formatDateTime(d.startsAt)}, no end`,
  );
  const limits = [
    d.usageLimit !== null ? `${d.usageLimit.toLocaleString()} uses in total` : null,
    d.perCustomerLimit !== null ? `${d.perCustomerLimit} per customer` : null,
  ].filter(Boolean);
  lines.push(limits.length > 0 ? limits.join(', ') : 'No usage limit');
  const together = (Object.keys(d.combinesWith) as DiscountClass[]).filter((c) => d.combinesWith[c]);
  lines.push(
    together.length === 0
      ? 'Combines with no other discount'
      : `Combines with ${together.map((c) => classLabels[c].toLowerCase()).join(' and ')}`,
  );
  if (!d.enabled) lines.push('Disabled: never applies');
  return lines;
}
