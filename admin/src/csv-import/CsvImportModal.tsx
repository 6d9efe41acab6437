import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Stepper, Table, Text } from '@mantine/core';
import type { FileRejection } from '@mantine/dropzone';
import { type ReactNode, useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import type { UploadProgress } from '../api/upload-with-progress.ts';
import { CsvFileDropzone } from '../products/import/CsvFileDropzone.tsx';
import { formatBytes } from '../products/import/import-stage.ts';
import { UploadProgressBar } from '../products/import/UploadProgressBar.tsx';
import { IconAlertTriangle, IconCheck, IconUpload } from '../ui/icons.tsx';
import {
  type CsvImportCount,
  type CsvRefusal,
  type CsvReportSummary,
  csvRefusalOf,
} from './csv-import-types.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export interface CsvSendOptions {
  file: File;
  dryRun: boolean;
  onProgress: (progress: UploadProgress) => void;
  signal: AbortSignal;
}

interface Sending {
  dryRun: boolean;
  progress: UploadProgress;
}

/**
 * A CSV import that is checked before it is applied, for endpoints that take all rows or none
 * (explicit prices, tax rates): choose the file, check it (a dry run: what would change, or every
 * row that is wrong, nothing written), then apply it; the upload shows its progress and can be
 * cancelled. What the report means is the caller's (`summarize`); the steps are this modal's.
 */
export function CsvImportModal<Report>({
  opened,
  onClose,
  title,
  intro,
  hint,
  testId,
  options,
  send,
  summarize,
  onApplied,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What the file does, above the drop zone. */
  intro: ReactNode;
  /** What kind of file is wanted, in the drop zone. */
  hint: string;
  testId: string;
  /** Choices that change what the file does (e.g. "delete rates the file leaves out"); shown before the check. */
  options?: ReactNode;
  send: (options: CsvSendOptions) => Promise<Report>;
  summarize: (report: Report) => CsvReportSummary;
  onApplied: (report: Report) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Report | null>(null);
  const [result, setResult] = useState<Report | null>(null);
  const [refusal, setRefusal] = useState<CsvRefusal | null>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const cancel = useRef<AbortController | null>(null);
  const step = result ? 2 : check || refusal ? 1 : 0;

  const startOver = (next: File | null) => {
    setFile(next);
    setCheck(null);
    setResult(null);
    setRefusal(null);
    setProblem(null);
  };
  const close = () => {
    cancel.current?.abort();
    onClose();
  };
  const refuse = (rejections: FileRejection[]) => {
    startOver(null);
    const reason = rejections[0]?.errors[0];
    setProblem({
      title: 'This file cannot be used',
      message:
        reason?.code === 'file-invalid-type'
          ? 'Choose a .csv file, such as the export of this list or a spreadsheet saved as CSV.'
          : (reason?.message ?? 'Choose one .csv file.'),
    });
  };

  async function upload(dryRun: boolean) {
    if (!file) return;
    setProblem(null);
    setSending({ dryRun, progress: { loaded: 0, total: file.size } });
    cancel.current = new AbortController();
    try {
      const report = await send({
        file,
        dryRun,
        onProgress: (progress) => setSending({ dryRun, progress }),
        signal: cancel.current.signal,
      });
      setRefusal(null);
      if (dryRun) {
        setCheck(report);
      } else {
        setResult(report);
        onApplied(report);
      }
    } catch (error) {
      const refused = csvRefusalOf(error);
      if (refused) {
        setCheck(null);
        setRefusal(refused);
      } else if (!(error instanceof ApiError && error.code === 'aborted')) {
        setProblem({
          title: dryRun ? 'The file was not checked' : 'Nothing was imported',
          message:
            error instanceof ApiError && error.status === 413
              ? `${file.name} (${formatBytes(file.size)}) is larger than the server takes. Split it into smaller files.`
              : error instanceof Error
                ? error.message
                : String(error),
        });
      }
    } finally {
      setSending(null);
    }
  }

  const checked = check ? summarize(check) : null;
  const applied = result ? summarize(result) : null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={() => startOver(null)}
      title={title}
      size="xl"
    >
      <Stack gap="md">
        <Stepper active={step === 2 ? 3 : step} size="xs" allowNextStepsSelect={false} visibleFrom="sm">
          <Stepper.Step label="Choose file" />
          <Stepper.Step label="Check" />
          <Stepper.Step label="Import" />
        </Stepper>

        {step === 0 ? (
          <>
            {typeof intro === 'string' ? <Text size="sm">{intro}</Text> : intro}
            <CsvFileDropzone
              file={file}
              onFile={startOver}
              onReject={refuse}
              disabled={sending !== null}
              label={`${title}: CSV file`}
              hint={hint}
              testId={testId}
              compact
            />
            {options}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {file?.name} · {file ? formatBytes(file.size) : ''}
          </Text>
        )}

        {sending ? (
          <UploadProgressBar
            progress={sending.progress}
            onCancel={() => cancel.current?.abort()}
            afterUpload={sending.dryRun ? 'Checking every row…' : 'Importing…'}
          />
        ) : null}

        {problem ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={problem.title} role="alert">
            {problem.message}
          </Alert>
        ) : null}

        {refusal ? <RefusedRows refusal={refusal} /> : null}

        {checked ? (
          checked.changes === 0 ? (
            <Alert color="gray" variant="light" title="Nothing to change">
              Every row of the file matches what the store has already.
            </Alert>
          ) : (
            <Alert color="indigo" variant="light" title="The file is ready to import">
              {plural(checked.changes, 'row changes', 'rows change')} something. Nothing has changed yet:
              import it to apply.
            </Alert>
          )
        ) : null}
        {applied ? (
          <Alert color="teal" variant="light" icon={<IconCheck />} title="Imported">
            {applied.changes === 0
              ? 'Every row already matched; nothing was changed.'
              : `${plural(applied.changes, 'change was', 'changes were')} applied from the file.`}
          </Alert>
        ) : null}
        {(applied ?? checked) ? <Counts counts={(applied ?? checked)!.counts} /> : null}

        <Group justify="flex-end" gap="sm">
          {step === 0 ? (
            <>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                leftSection={<IconUpload />}
                onClick={() => void upload(true)}
                disabled={!file}
                loading={sending !== null}
              >
                Check file
              </Button>
            </>
          ) : step === 1 ? (
            <>
              <Button variant="default" onClick={() => startOver(null)} disabled={sending !== null}>
                Choose another file
              </Button>
              <Button
                onClick={() => void upload(false)}
                disabled={!checked || checked.changes === 0}
                loading={sending !== null}
              >
                {checked && checked.changes > 0
                  ? `Import ${plural(checked.changes, 'change', 'changes')}`
                  : 'Nothing to import'}
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

function Counts({ counts }: { counts: CsvImportCount[] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: counts.length }} spacing="xs" role="list" aria-label="Import counts">
      {counts.map((count) => (
        <Paper key={count.label} withBorder radius="md" p="xs" role="listitem" aria-label={count.label}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lineClamp={1}>
            {count.label}
          </Text>
          <Text
            size="lg"
            fw={700}
            c={count.highlight && count.value > 0 ? 'indigo' : undefined}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {count.value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The rows the server refused: the file is imported whole or not at all. */
function RefusedRows({ refusal }: { refusal: CsvRefusal }) {
  return (
    <>
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle />}
        title={`${plural(refusal.errorCount, 'problem', 'problems')} in the file`}
        role="alert"
      >
        The file is imported whole or not at all, so nothing was changed. Correct the rows below in your file,
        then choose it again.
      </Alert>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={520} mah={280}>
          <Table aria-label="Rows with problems" verticalSpacing={6} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Row</Table.Th>
                <Table.Th w={150}>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {refusal.errors.map((error) => (
                <Table.Tr key={`${error.row}-${error.column}-${error.code}`}>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{error.row}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {error.column ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{error.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {refusal.errorCount > refusal.errors.length ? (
          <Text size="xs" c="dimmed" px="md" py="xs">
            The first {refusal.errors.length} of {refusal.errorCount.toLocaleString()} problems are listed.
          </Text>
        ) : null}
      </Paper>
    </>
  );
}
