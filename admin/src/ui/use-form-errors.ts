import { type Dispatch, type SetStateAction, useState } from 'react';
import { formErrorsFrom } from './form-errors.ts';

export interface FormErrorsState<Field extends string> {
  /** Messages shown on the fields they are about. */
  errors: Partial<Record<Field, string>>;
  /** What is about no field (shown above the form's buttons, see FormFooter). */
  general: string | null;
  /** For a form that clears a field's message as its value changes. */
  setErrors: Dispatch<SetStateAction<Partial<Record<Field, string>>>>;
  /**
   * Shows what the form found wrong itself before sending, in place of what the server said last;
   * true when it found nothing, so the form may be sent.
   */
  showFound: (found: Partial<Record<Field, string>>) => boolean;
  /** Shows a refused save: each problem on the field it names (see formErrorsFrom), the rest as `general`. */
  showServerError: (error: unknown) => void;
}

/**
 * The messages of a form that saves through the server: its own checks and the server's refusal,
 * on the inputs they are about. `fieldFor` maps the API's field names to the form's inputs.
 */
export function useFormErrors<Field extends string>(
  fieldFor: Readonly<Record<string, Field>>,
): FormErrorsState<Field> {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  return {
    errors,
    general,
    setErrors,
    showFound: (found) => {
      setErrors(found);
      setGeneral(null);
      return Object.keys(found).length === 0;
    },
    showServerError: (error) => {
      const placed = formErrorsFrom(error, fieldFor);
      setErrors(placed.fields);
      setGeneral(placed.general);
    },
  };
}
