import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { UploadProgress } from '../../api/upload-with-progress.ts';
import { formatBytes } from './import-stage.ts';

/**
 * How much of a file has been uploaded, with a way to cancel. When the server has more to do once
 * the file is all there, `afterUpload` says what, in place of the numbers and the Cancel button.
 */
export function UploadProgressBar({
  progress,
  onCancel,
  afterUpload,
}: {
  progress: UploadProgress;
  onCancel: () => void;
  afterUpload?: string;
}) {
  const { loaded, total } = progress;
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  const waiting = afterUpload !== undefined && total > 0 && loaded >= total;
  return (
    <Stack gap={6}>
      <Progress value={waiting ? 100 : percent} animated striped={waiting} aria-label="Upload progress" />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status">
          {waiting ? afterUpload : `Uploading ${formatBytes(loaded)} of ${formatBytes(total)} (${percent}%)`}
        </Text>
        {waiting ? null : (
          <Button variant="subtle" size="xs" color="gray" onClick={onCancel}>
            Cancel upload
          </Button>
        )}
      </Group>
    </Stack>
  );
}
