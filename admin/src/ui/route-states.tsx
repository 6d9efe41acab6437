import { Alert, Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { IconAlertTriangle } from './icons.tsx';
import { ButtonLink } from './router-links.tsx';

export function CenteredLoader() {
  return (
    <Center mih="40vh" role="status" aria-label="Loading">
      <Loader />
    </Center>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Container size="sm" py="xl">
      <Alert color="red" variant="light" title="This page could not be shown" icon={<IconAlertTriangle />}>
        <Stack gap="sm">
          <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            onClick={() => {
              reset();
              void router.invalidate();
            }}
          >
            Try again
          </Button>
        </Stack>
      </Alert>
    </Container>
  );
}

export function RouteNotFound() {
  return (
    <Container size="sm" py="xl">
      <Stack align="center" gap="sm">
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">There is nothing at this address.</Text>
        <ButtonLink to="/" variant="light">
          Go to the console
        </ButtonLink>
      </Stack>
    </Container>
  );
}
