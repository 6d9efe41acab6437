import '@mantine/dropzone/styles.css';
import { Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconUpload } from '../../ui/icons.tsx';
import { formatBytes } from './import-stage.ts';

// Browsers report CSV files under several types (Excel on Windows says vnd.ms-excel); the server
// checks the content anyway.
const csvTypes = {
  'text/csv': ['.csv'],
  'application/vnd.ms-excel': ['.csv'],
  'text/plain': ['.csv', '.txt'],
};

/**
 * Where a CSV file for an import is dropped or chosen: it names the file chosen and its size, or
 * says what kind of file is wanted (`hint`). `compact` is its size in a modal.
 */
export function CsvFileDropzone({
  file,
  onFile,
  onReject,
  disabled,
  label,
  hint,
  testId,
  compact = false,
}: {
  file: File | null;
  onFile: (file: File | null) => void;
  onReject: (rejections: FileRejection[]) => void;
  disabled: boolean;
  /** Its accessible name. */
  label: string;
  hint: string;
  testId: string;
  compact?: boolean;
}) {
  const titleSize = compact ? 'md' : 'lg';
  return (
    <Dropzone
      onDrop={(files) => onFile(files[0] ?? null)}
      onReject={onReject}
      accept={csvTypes}
      multiple={false}
      disabled={disabled}
      aria-label={label}
      data-testid={testId}
    >
      <Group justify="center" gap="lg" mih={compact ? 110 : 140} style={{ pointerEvents: 'none' }}>
        <IconUpload size={compact ? 36 : 40} color="var(--mantine-color-dimmed)" />
        <Stack gap={4}>
          <Dropzone.Idle>
            <Text size={titleSize} fw={600}>
              {file ? file.name : 'Drop a CSV file here, or click to choose one'}
            </Text>
          </Dropzone.Idle>
          <Dropzone.Accept>
            <Text size={titleSize} fw={600}>
              Drop it
            </Text>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <Text size={titleSize} fw={600} c="red">
              Only .csv files
            </Text>
          </Dropzone.Reject>
          <Text size="sm" c="dimmed">
            {file ? `${formatBytes(file.size)} · click or drop to choose another file` : hint}
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}
