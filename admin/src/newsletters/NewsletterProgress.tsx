import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NewsletterFigures } from './newsletter-types.ts';

const share = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

/** How far a sending has come: delivered, handed to the mail server, skipped or failed, of all recipients. */
export function NewsletterProgress({ figures }: { figures: NewsletterFigures }): ReactNode {
  const { recipients, sent, queued, failed, skippedNoConsent, bounced, pending } = figures;
  const done = recipients - pending;
  return (
    <Stack gap={4}>
      <Progress.Root size="lg" aria-label={`${done} of ${recipients} recipients done`}>
        <Progress.Section value={share(sent, recipients)} color="teal" />
        <Progress.Section value={share(queued, recipients)} color="blue" />
        <Progress.Section value={share(skippedNoConsent, recipients)} color="gray" />
        <Progress.Section value={share(failed + bounced, recipients)} color="red" />
      </Progress.Root>
      <Group gap="md">
        <Text size="xs" c="dimmed">
          {sent} sent · {queued} queued · {pending} waiting · {skippedNoConsent} skipped (no consent) ·{' '}
          {failed + bounced} failed
        </Text>
      </Group>
    </Stack>
  );
}
