import { Alert, Button, Group, Modal, Select, Stack, Stepper, Text } from '@mantine/core';
import type { FileRejection } from '@mantine/dropzone';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import type { UploadProgress } from '../api/upload-with-progress.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { CsvFileDropzone } from '../products/import/CsvFileDropzone.tsx';
import { formatBytes } from '../products/import/import-stage.ts';
import { UploadProgressBar } from '../products/import/UploadProgressBar.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconAlertTriangle, IconCheck, IconUpload } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { InventoryImportCounts } from './InventoryImportCounts.tsx';
import { InventoryImportChanges, InventoryImportErrors } from './InventoryImportRows.tsx';
import { sendInventoryFile } from './inventory-csv-requests.ts';
import { type ImportProblem, importProblemOf } from './inventory-import-problem.ts';
import {
  type InventoryImportFormat,
  type InventoryImportReport,
  inventoryCsvFormatLabels,
  reportIn,
} from './inventory-import-types.ts';
import { useInventoryRefresh } from './inventory-queries.ts';

const formatChoices: { value: InventoryImportFormat; label: string }[] = [
  { value: 'auto', label: 'Detect from the header' },
  { value: 'storepilot', label: 'Storepilot (SKU, Variant ID, Location, On hand)' },
  { value: 'shopify', label: 'Shopify inventory CSV' },
];

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

interface Sending {
  dryRun: boolean;
  progress: UploadProgress;
}

/**
 * Sets stock levels from a CSV in three steps: choose the file, check it (a dry run: what would
 * change and which rows are wrong, nothing written), then apply it. The server takes all rows or
 * none, so Apply waits until the check finds no errors; the file is sent again to apply, and if the
 * stock moved in between the refusal comes back as a fresh report.
 */
export function InventoryImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { store } = useCurrentStore();
  const queryClient = useQueryClient();
  const refresh = useInventoryRefresh(store.handle);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<InventoryImportFormat>('auto');
  const [check, setCheck] = useState<InventoryImportReport | null>(null);
  const [result, setResult] = useState<InventoryImportReport | null>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  /** The apply was refused with row errors the check did not have (the stock moved meanwhile). */
  const [refusedOnApply, setRefusedOnApply] = useState(false);
  const cancel = useRef<AbortController | null>(null);

  const step = result ? 2 : check ? 1 : 0;

  const startOver = (next: File | null) => {
    setFile(next);
    setCheck(null);
    setResult(null);
    setProblem(null);
    setRefusedOnApply(false);
  };
  const close = () => {
    cancel.current?.abort();
    onClose();
  };
  const refuse = (rejections: FileRejection[]) => {
    const reason = rejections[0]?.errors[0];
    startOver(null);
    setProblem({
      title: 'This file cannot be used',
      message:
        reason?.code === 'file-invalid-type'
          ? 'Choose a .csv file: an inventory export from Storepilot or Shopify, or a spreadsheet saved as CSV.'
          : (reason?.message ?? 'Choose one .csv file.'),
    });
  };

  async function send(dryRun: boolean) {
    if (!file) return;
    setProblem(null);
    setRefusedOnApply(false);
    setSending({ dryRun, progress: { loaded: 0, total: file.size } });
    cancel.current = new AbortController();
    try {
      const report = await sendInventoryFile({
        store: store.handle,
        file,
        format,
        dryRun,
        csrfToken: queryClient.getQueryData(sessionQuery.queryKey)?.csrfToken ?? null,
        onProgress: (progress) => setSending({ dryRun, progress }),
        signal: cancel.current.signal,
      });
      if (dryRun) {
        setCheck(report);
      } else {
        setResult(report);
        refresh();
        notifySuccess(`${plural(report.changed, 'stock level', 'stock levels')} updated from ${file.name}.`);
      }
    } catch (error) {
      const refused = error instanceof ApiError && error.code === 'import_invalid' && reportIn(error.details);
      if (refused) {
        setCheck({ ...refused, dryRun: true });
        setRefusedOnApply(true);
      } else if (!(error instanceof ApiError && error.code === 'aborted')) {
        setProblem(importProblemOf(error, { dryRun, file }));
      }
    } finally {
      setSending(null);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={() => {
        startOver(null);
        setFormat('auto');
      }}
      title="Import stock levels"
      size="xl"
    >
      <Stack gap="md">
        {/* The steps only guide; on a phone the buttons say enough and the room goes to the report. */}
        <Stepper active={step === 2 ? 3 : step} size="xs" allowNextStepsSelect={false} visibleFrom="sm">
          <Stepper.Step label="Choose file" />
          <Stepper.Step label="Check" />
          <Stepper.Step label="Import" />
        </Stepper>

        {step === 0 ? (
          <ChooseFile
            file={file}
            format={format}
            busy={sending !== null}
            onFile={(next) => startOver(next)}
            onReject={refuse}
            onFormat={(next) => {
              setFormat(next);
              setCheck(null);
            }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {file?.name} · {file ? formatBytes(file.size) : ''} · read as{' '}
            {inventoryCsvFormatLabels[(result ?? check)!.format]} inventory CSV
          </Text>
        )}

        {sending ? (
          <UploadProgressBar
            progress={sending.progress}
            onCancel={() => cancel.current?.abort()}
            afterUpload={sending.dryRun ? 'Checking every row…' : 'Setting the stock levels…'}
          />
        ) : null}

        {problem ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={problem.title} role="alert">
            {problem.message}
          </Alert>
        ) : null}

        {step === 1 && check ? <CheckedSummary report={check} refusedOnApply={refusedOnApply} /> : null}
        {step === 2 && result ? (
          <Alert color="teal" variant="light" icon={<IconCheck />} title="Stock levels updated">
            {result.changed === 0
              ? 'Every level in the file already matched the store; nothing was changed.'
              : `${plural(result.changed, 'level was', 'levels were')} set from the file (+${result.unitsAdded.toLocaleString()} / −${result.unitsRemoved.toLocaleString()} units). Each change is in the variant’s stock history as a correction.`}
          </Alert>
        ) : null}

        {check || result ? <ReportDetails report={(result ?? check)!} /> : null}

        <Group justify="flex-end" gap="sm">
          {step === 0 ? (
            <>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                leftSection={<IconUpload />}
                onClick={() => void send(true)}
                disabled={!file}
                loading={sending !== null}
              >
                Check file
              </Button>
            </>
          ) : step === 1 && check ? (
            <>
              <Button variant="default" onClick={() => startOver(null)} disabled={sending !== null}>
                Choose another file
              </Button>
              <Button
                onClick={() => void send(false)}
                disabled={check.errorCount > 0 || check.changed === 0}
                loading={sending !== null}
              >
                {check.changed > 0
                  ? `Apply ${plural(check.changed, 'change', 'changes')}`
                  : 'Nothing to apply'}
              </Button>
            </>
          ) : (
            <Button onClick={close}>Done</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function ChooseFile({
  file,
  format,
  busy,
  onFile,
  onReject,
  onFormat,
}: {
  file: File | null;
  format: InventoryImportFormat;
  busy: boolean;
  onFile: (file: File | null) => void;
  onReject: (rejections: FileRejection[]) => void;
  onFormat: (format: InventoryImportFormat) => void;
}) {
  return (
    <>
      <Text size="sm">
        Each row sets on hand for one variant at one location. Export first to get every variant and location
        in the right layout, change the numbers, and import the file back. It is checked first; nothing
        changes until you apply it.
      </Text>
      <CsvFileDropzone
        file={file}
        onFile={onFile}
        onReject={onReject}
        disabled={busy}
        label="Inventory CSV file"
        hint="An inventory export from Storepilot or Shopify"
        testId="inventory-import-dropzone"
        compact
      />
      <Select
        label="Layout"
        data={formatChoices}
        value={format}
        onChange={(value) => onFormat((value as InventoryImportFormat | null) ?? 'auto')}
        allowDeselect={false}
        disabled={busy}
        w={340}
      />
    </>
  );
}

/** What the check found, in one sentence, above the numbers. */
function CheckedSummary({
  report,
  refusedOnApply,
}: {
  report: InventoryImportReport;
  refusedOnApply: boolean;
}) {
  if (report.errorCount > 0) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle />}
        title={
          refusedOnApply
            ? 'Nothing was imported: the stock changed since the check'
            : `${plural(report.errorCount, 'error', 'errors')} in the file`
        }
      >
        The file is imported whole or not at all. Correct the rows listed below in your file, then choose it
        again and check it.
      </Alert>
    );
  }
  if (report.changed === 0) {
    return (
      <Alert color="gray" variant="light" title="Nothing to change">
        Every level in the file matches the store already.
      </Alert>
    );
  }
  return (
    <Alert color="indigo" variant="light" title="The file is ready to import">
      {plural(report.changed, 'level', 'levels')} will change (+{report.unitsAdded.toLocaleString()} / −
      {report.unitsRemoved.toLocaleString()} units). Nothing has changed yet: apply to set them.
    </Alert>
  );
}

function ReportDetails({ report }: { report: InventoryImportReport }) {
  return (
    <>
      <InventoryImportCounts report={report} />
      {report.errorCount > 0 ? (
        <InventoryImportErrors errors={report.errors} total={report.errorCount} />
      ) : null}
      {report.changed > 0 ? (
        <InventoryImportChanges changes={report.changes} total={report.changed} dryRun={report.dryRun} />
      ) : null}
    </>
  );
}
