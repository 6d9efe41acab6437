import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import type { BriefingAction, Urgency } from './briefing-types.ts';

const urgencyBadge: Record<Urgency, { label: string; color: string }> = {
  now: { label: 'Now', color: 'red' },
  today: { label: 'Today', color: 'orange' },
  this_week: { label: 'This week', color: 'gray' },
};

/**
 * What to do now, most urgent and costly first (the server ranks them). Each title is a link to the
 * screen that does it; the links are full admin paths, so they go to the router's history as they are.
 */
export function ActionList({ actions }: { actions: BriefingAction[] }) {
  const router = useRouter();
  const follow = (event: MouseEvent<HTMLAnchorElement>, link: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    router.history.push(link);
  };
  return (
    <Card withBorder padding="md" mb="lg" component="section" aria-label="What to do now">
      <Text fw={600} mb="sm">
        What to do now
      </Text>
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing needs you today: no stock running out, no campaign losing money, nothing waiting.
        </Text>
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {actions.map((action) => (
            <li key={`${action.kind} ${action.title}`}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Badge
                  color={urgencyBadge[action.urgency].color}
                  variant="light"
                  w={96}
                  style={{ flexShrink: 0 }}
                >
                  {urgencyBadge[action.urgency].label}
                </Badge>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor href={action.link} onClick={(e) => follow(e, action.link)} fw={500} size="sm">
                    {action.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {action.detail}
                    {action.atStake && action.atStake.amount > 0
                      ? ` At stake: ${formatMoney(action.atStake.amount, action.atStake.currency)}.`
                      : ''}
                  </Text>
                </Stack>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
