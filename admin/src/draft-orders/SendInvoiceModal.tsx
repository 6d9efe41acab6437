import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconCheck, IconCopy, IconExternalLink } from '../ui/icons.tsx';
import { useSendInvoice } from './draft-order-queries.ts';
import type { DraftOrder } from './draft-order-types.ts';

/**
 * Sends the customer the draft and a link to pay it at the checkout, with a message if staff want
 * one; then shows the link to copy (for a chat or a text message). Each sending makes a new link:
 * the one sent before stops working.
 */
export function SendInvoiceModal({
  draft,
  opened,
  onClose,
}: {
  draft: DraftOrder;
  opened: boolean;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const send = useSendInvoice(store.handle, draft.id);
  const [message, setMessage] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const close = () => {
    onClose();
    setLink(null);
    setMessage('');
    send.reset();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={link ? 'Invoice sent' : `Send ${draft.name} to the customer`}
      centered
      size="lg"
    >
      {link ? (
        <Stack gap="md">
          <Text size="sm">
            {draft.email} has the order and a link to pay it. You can also send them the link yourself:
          </Text>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              aria-label="Payment link"
              value={link}
              readOnly
              style={{ flex: 1 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={link} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy the link'}>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    onClick={copy}
                    aria-label="Copy the payment link"
                    color={copied ? 'teal' : undefined}
                  >
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            The link opens the checkout with this order, ready to pay; nothing in it can be changed there. It
            works for 30 days, or until you send the invoice again.{' '}
            <Anchor href={link} target="_blank" rel="noreferrer" size="xs">
              Open it <IconExternalLink size={12} />
            </Anchor>
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            To: <strong>{draft.email}</strong>
          </Text>
          <Textarea
            label="Message"
            description="Shown above the order in the e-mail (optional)."
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={2000}
          />
          {draft.invoiceSentAt ? (
            <Text size="xs" c="dimmed">
              An invoice was sent before: its link will stop working.
            </Text>
          ) : null}
          {send.isError ? (
            <Alert color="red" variant="light" role="alert">
              {send.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={send.isPending}>
              Cancel
            </Button>
            <Button
              loading={send.isPending}
              onClick={() =>
                send.mutate(message.trim() ? { message: message.trim() } : {}, {
                  onSuccess: (answer) => setLink(answer.paymentUrl),
                })
              }
            >
              Send invoice
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
