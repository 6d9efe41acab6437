import { Badge, type BadgeProps } from '@mantine/core';
import { mailStateColors, mailStateLabels } from './mail-labels.ts';
import type { MailState } from './mail-types.ts';

export function MailStateBadge({ state, size = 'sm' }: { state: MailState; size?: BadgeProps['size'] }) {
  return (
    <Badge color={mailStateColors[state]} variant="light" size={size}>
      {mailStateLabels[state]}
    </Badge>
  );
}
