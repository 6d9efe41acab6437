import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/http.ts';
import { IconAlertTriangle, IconDownload, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import {
  exportDownloadHref,
  type PrivacyRequest,
  useEraseCustomer,
  useExportCustomer,
} from './privacy-queries.ts';

/**
 * The customer profile's privacy buttons: "Export data" makes the JSON file (then offers it to
 * download), "Erase customer…" asks for the customer's e-mail typed out before erasing, irreversibly.
 */
export function CustomerPrivacyActions({
  store,
  customer,
  erased,
}: {
  store: string;
  customer: { id: string; email: string };
  erased: boolean;
}) {
  const exporter = useExportCustomer(store);
  const eraser = useEraseCustomer(store);
  const [exported, setExported] = useState<PrivacyRequest | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const matches = typed.trim().toLowerCase() === customer.email;

  const close = () => {
    setConfirming(false);
    setTyped('');
    setProblem(null);
  };

  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={exporter.isPending}
          disabled={erased}
          onClick={() =>
            exporter.mutate(customer.id, {
              onSuccess: (request) => {
                setExported(request);
                notifySuccess('The export is ready to download.', 'Data exported');
              },
              onError: (err) => notifyError(err, 'The export failed'),
            })
          }
        >
          Export data
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} />}
          disabled={erased}
          onClick={() => setConfirming(true)}
        >
          Erase customer…
        </Button>
      </Group>
      {exported && (
        <Text size="sm" mt="xs" ta="right">
          <Anchor href={exportDownloadHref(store, exported.id)} download>
            Download the export (JSON)
          </Anchor>
        </Text>
      )}
      <Modal opened={confirming} onClose={close} title="Erase this customer?" centered size="lg">
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title="This cannot be undone">
            Everything that identifies {customer.email} is removed from the store for good.
          </Alert>
          <List size="sm" spacing={4}>
            <List.Item>Profile, saved addresses, sign-in sessions and links are deleted.</List.Item>
            <List.Item>
              Orders keep their amounts, lines, taxes, dates and country, but lose the name, e-mail, phone and
              street address.
            </List.Item>
            <List.Item>
              Support messages and attachments, review texts and photos, and e-mails sent are removed.
            </List.Item>
            <List.Item>Reviews keep their star rating under “Former customer”.</List.Item>
            <List.Item>Earlier data exports of this customer are deleted.</List.Item>
          </List>
          <TextInput
            label="Type the customer’s e-mail address to confirm"
            placeholder={customer.email}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setProblem(null);
            }}
            error={problem}
            data-autofocus
            autoComplete="off"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={!matches}
              loading={eraser.isPending}
              onClick={() =>
                eraser.mutate(
                  { customerId: customer.id, confirmation: typed },
                  {
                    onSuccess: () => {
                      close();
                      setExported(null);
                      notifySuccess('The customer’s personal data was erased.', 'Customer erased');
                    },
                    onError: (err) => {
                      if (err instanceof ApiError && err.status === 422) setProblem(err.message);
                      else notifyError(err, 'The erasure failed');
                    },
                  },
                )
              }
            >
              Erase for good
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
