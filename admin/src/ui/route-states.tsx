import { Alert, Button, Center, Container, Loader, Stack, Text } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { FullPageMessage } from './FullPageMessage.tsx';
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
    <FullPageMessage
      icon={<IconAlertTriangle size={28} />}
      title="Page not found"
      action={
        <ButtonLink to="/" variant="light">
          Go to the console
        </ButtonLink>
      }
    >
      There is nothing at this address.
    </FullPageMessage>
  );
}
