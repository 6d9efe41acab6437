import { Button, Group, Pill, PillsInput, Popover, TextInput, UnstyledButton } from '@mantine/core';
import { type ClipboardEvent, type KeyboardEvent, useState } from 'react';
import { foldValue } from './variant-combinations.ts';

const maxValueLength = 120;

/** Typed or pasted text as values: split on commas and line breaks, trimmed, empty ones left out. */
function splitValues(text: string): string[] {
  return text
    .split(/[,\n\r\t]/)
    .map((value) => value.trim().slice(0, maxValueLength))
    .filter(Boolean);
}

function ValuePill({
  value,
  values,
  readOnly,
  onRename,
  onRemove,
}: {
  value: string;
  values: string[];
  readOnly: boolean;
  onRename: (to: string) => void;
  onRemove: () => void;
}) {
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState(value);
  const trimmed = text.trim();
  const clash =
    foldValue(trimmed) !== foldValue(value) && values.some((v) => foldValue(v) === foldValue(trimmed))
      ? `“${trimmed}” is already a value.`
      : undefined;
  const rename = () => {
    if (!trimmed || clash) return;
    if (trimmed !== value) onRename(trimmed);
    setOpened(false);
  };
  if (readOnly) return <Pill>{value}</Pill>;
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
    >
      <Popover.Target>
        <Pill
          withRemoveButton
          onRemove={onRemove}
          removeButtonProps={{ 'aria-hidden': false, 'aria-label': `Remove ${value}` }}
        >
          <UnstyledButton
            fz="inherit"
            title="Rename"
            aria-label={`Rename ${value}`}
            onMouseDown={(event) => event.stopPropagation()}
            onClick={() => {
              setText(value);
              setOpened((open) => !open);
            }}
          >
            {value}
          </UnstyledButton>
        </Pill>
      </Popover.Target>
      <Popover.Dropdown>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            size="xs"
            aria-label={`New name for ${value}`}
            value={text}
            maxLength={maxValueLength}
            error={clash}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                rename();
              }
            }}
            data-autofocus
            w={180}
          />
          <Button size="xs" onClick={rename} disabled={!trimmed || Boolean(clash)}>
            Rename
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * An option's values as chips: type a value and press Enter (or a comma) to add it, paste a list to
 * add many, click a value to rename it, × to remove it. `onChange` answers whether the change was
 * taken (a change that would make too many variants is not); typed text stays until it is.
 */
export function OptionValuesInput({
  label,
  values,
  error,
  readOnly,
  onChange,
}: {
  label: string;
  values: string[];
  error?: string;
  readOnly: boolean;
  onChange: (values: string[]) => boolean;
}) {
  const [typed, setTyped] = useState('');
  const [duplicate, setDuplicate] = useState<string | undefined>();

  const add = (text: string) => {
    const known = new Set(values.map(foldValue));
    const fresh: string[] = [];
    const repeated: string[] = [];
    for (const value of splitValues(text)) {
      if (known.has(foldValue(value))) repeated.push(value);
      else {
        known.add(foldValue(value));
        fresh.push(value);
      }
    }
    setDuplicate(repeated.length > 0 ? `“${repeated[0]}” is already a value.` : undefined);
    if (fresh.length === 0 || onChange([...values, ...fresh])) setTyped('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && typed.trim()) {
      event.preventDefault();
      add(typed);
    } else if (event.key === 'Enter') {
      // Enter in an empty value field does not submit the product form.
      event.preventDefault();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (!/[,\n\r\t]/.test(text)) return;
    event.preventDefault();
    add(`${typed}${text}`);
  };

  return (
    <PillsInput
      error={error ?? duplicate}
      style={{ flex: 1, minWidth: 0 }}
      styles={{ input: readOnly ? { cursor: 'default' } : undefined }}
    >
      <Pill.Group>
        {values.map((value, i) => (
          <ValuePill
            key={value}
            value={value}
            values={values}
            readOnly={readOnly}
            onRename={(to) => onChange(values.with(i, to))}
            onRemove={() => onChange(values.filter((_, j) => j !== i))}
          />
        ))}
        {readOnly ? null : (
          <PillsInput.Field
            aria-label={label}
            placeholder={values.length === 0 ? 'Add values, e.g. Small, Medium' : 'Add value'}
            value={typed}
            maxLength={maxValueLength}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setDuplicate(undefined);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onBlur={() => {
              if (typed.trim()) add(typed);
            }}
          />
        )}
      </Pill.Group>
    </PillsInput>
  );
}
