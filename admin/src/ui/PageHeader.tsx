import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './PageHeader.module.css';

/**
 * The title row of a page. `sticky` keeps it (and its Save button) in view while a long form scrolls.
 */
export function PageHeader({
  title,
  description,
  actions,
  badge,
  sticky = false,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  badge?: ReactNode;
  sticky?: boolean;
}) {
  return (
    <Box className={sticky ? classes.sticky : undefined} mb="lg">
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="sm" wrap="nowrap">
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {badge}
          </Group>
          {description ? (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          ) : null}
        </Stack>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
    </Box>
  );
}
