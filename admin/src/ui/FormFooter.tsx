import { Alert, Button, type ButtonVariant, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The end of a form that saves: what went wrong that no field shows (`general`, see useFormErrors),
 * then its buttons on the right. With `onCancel` (a form in a modal) Cancel comes first, out of use
 * while the form is being sent, and the buttons stand a little apart from the last field.
 */
export function FormFooter({
  general,
  submitLabel,
  pending,
  onCancel,
  submitVariant,
  submitDisabled,
}: {
  general: string | null;
  submitLabel: ReactNode;
  /** The form is being sent: the submit button spins. */
  pending: boolean;
  onCancel?: () => void;
  submitVariant?: ButtonVariant;
  submitDisabled?: boolean;
}) {
  return (
    <>
      {general ? (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      ) : null}
      <Group justify="flex-end" mt={onCancel ? 'xs' : undefined}>
        {onCancel ? (
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" variant={submitVariant} loading={pending} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
