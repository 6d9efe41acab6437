import { Code } from '@mantine/core';
import { OneTimeSecretModal } from '../ui/OneTimeSecretModal.tsx';

/** Shows a freshly created secret key, the only time it can be read. */
export function NewKeyModal({
  created,
  onClose,
}: {
  created: { name: string; key: string } | null;
  onClose: () => void;
}) {
  return (
    <OneTimeSecretModal
      title={`API key “${created?.name ?? ''}” created`}
      secret={created?.key ?? null}
      what="key"
      why="This is the only time the key is shown. Storepilot keeps only a hash of it, so it cannot be displayed again; if it is lost, revoke it and create a new one."
      usage={
        <>
          Send it as <Code>Authorization: Bearer &lt;key&gt;</Code> with each API request.
        </>
      }
      testId="new-api-key"
      onClose={onClose}
    />
  );
}
