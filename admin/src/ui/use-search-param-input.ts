import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/**
 * A text input bound to a URL search parameter: typing updates the address after a pause, and
 * the address changing on its own (back button, a link) updates the input.
 */
export function useSearchParamInput(
  fromUrl: string | undefined,
  commit: (value: string | undefined) => void,
  delayMs = 300,
): [string, (value: string) => void] {
  const [text, setText] = useState(fromUrl ?? '');
  const [debounced] = useDebouncedValue(text.trim(), delayMs);
  const inUrl = useRef(fromUrl ?? '');
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    const value = fromUrl ?? '';
    if (value === inUrl.current) return;
    inUrl.current = value;
    setText(value);
  }, [fromUrl]);

  useEffect(() => {
    if (debounced === inUrl.current) return;
    inUrl.current = debounced;
    commitRef.current(debounced || undefined);
  }, [debounced]);

  return [text, setText];
}
