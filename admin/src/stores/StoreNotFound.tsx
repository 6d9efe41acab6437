import { Container, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '../ui/router-links.tsx';

export function StoreNotFound() {
  return (
    <Container size="sm" py="xl">
      <Stack align="center" gap="sm" ta="center">
        <Title order={1} size="h3">
          Store not found
        </Title>
        <Text c="dimmed">This store does not exist, or your account is not a member of it.</Text>
        <ButtonLink to="/" variant="light">
          Go to your stores
        </ButtonLink>
      </Stack>
    </Container>
  );
}
