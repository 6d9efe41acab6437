import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAlertTriangle, IconCheck, IconCopy } from './icons.tsx';

/**
 * Shows a secret the server has just made, the only time it can be read (an API key, a webhook
 * signing secret): the secret, how it is used, a copy button, and a close button that says the
 * secret is stored.
 */
export function OneTimeSecretModal({
  title,
  secret,
  what,
  why,
  usage,
  testId,
  onClose,
}: {
  title: string;
  /** null while closed. */
  secret: string | null;
  /** What the secret is called in the buttons: "key", "secret". */
  what: string;
  /** Why it cannot be shown again and what to do if it is lost. */
  why: ReactNode;
  usage: ReactNode;
  testId: string;
  onClose: () => void;
}) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      {secret ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={`Copy the ${what} now`}>
            {why}
          </Alert>
          <Code
            block
            data-testid={testId}
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 14 }}
          >
            {secret}
          </Code>
          <Text size="sm" c="dimmed" component="div">
            {usage}
          </Text>
          <Group justify="space-between">
            <CopyButton value={secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : `Copy ${what}`}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              I have stored the {what}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
