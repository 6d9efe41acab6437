import { Grid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One part of a settings form: its name and what it decides on the left, the fields on the right. */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Title order={3} size="h6">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>{children}</Grid.Col>
    </Grid>
  );
}
