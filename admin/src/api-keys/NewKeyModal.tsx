import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '../ui/icons.tsx';

/** Shows a freshly created secret key, the only time it can be read. */
export function NewKeyModal({
  created,
  onClose,
}: {
  created: { name: string; key: string } | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={`API key “${created?.name ?? ''}” created`}
      size="lg"
      closeOnClickOutside={false}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="Copy the key now">
            This is the only time the key is shown. Storepilot keeps only a hash of it, so it cannot be
            displayed again; if it is lost, revoke it and create a new one.
          </Alert>
          <Code
            block
            data-testid="new-api-key"
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 14 }}
          >
            {created.key}
          </Code>
          <Text size="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer &lt;key&gt;</Code> with each API request.
          </Text>
          <Group justify="space-between">
            <CopyButton value={created.key} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              I have stored the key
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
