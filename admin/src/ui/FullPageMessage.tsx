import { Box, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page that has only something to say (not found, no stores yet), centred on the console's background. */
export function FullPageMessage({
  icon,
  title,
  children,
  action,
  corner,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
  /** Shown in the top-right corner, e.g. the account menu. */
  corner?: ReactNode;
}) {
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh" pos="relative">
      {corner ? (
        <Box pos="absolute" top={16} right={16}>
          {corner}
        </Box>
      ) : null}
      <Center mih="100vh" p="md">
        <Paper withBorder p="xl" radius="md" maw={480} w="100%">
          <Stack align="center" gap="md" ta="center">
            <ThemeIcon size={56} radius="xl" variant="light">
              {icon}
            </ThemeIcon>
            <Title order={1} size="h3">
              {title}
            </Title>
            <Text c="dimmed">{children}</Text>
            {action}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
