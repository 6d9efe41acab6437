import { Alert, Button, Stack, Text } from '@mantine/core';

/** What a screen shows in place of data it could not load: what failed, why, and a way to try again. */
export function LoadFailed({
  what,
  error,
  onRetry,
  inset = false,
}: {
  /** What could not be loaded, as a title reads it: "The orders". */
  what: string;
  error: Error;
  onRetry: () => void;
  /** Inside a card with no padding of its own: keep off its edges. */
  inset?: boolean;
}) {
  return (
    <Alert
      color="red"
      variant="light"
      m={inset ? 'md' : undefined}
      role="alert"
      title={`${what} could not be loaded`}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button variant="default" size="xs" onClick={onRetry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}
