import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';
import { OptionValuesInput } from './OptionValuesInput.tsx';
import {
  foldValue,
  fullCombinationCount,
  gridOptions,
  type OptionDraft,
  reconcileVariants,
  variantLimits,
} from './variant-combinations.ts';
import { newDraftKey, type VariantDraft, variantFromTemplate } from './variant-drafts.ts';
import { optionErrorKey, type VariantSetErrors } from './variant-errors.ts';

const suggestedNames = ['Size', 'Color', 'Material', 'Style'];

export interface VariantSetChange {
  options: OptionDraft[];
  variants: VariantDraft[];
}

/**
 * The product's options (up to three, each a name and its values). Every change regenerates the
 * variants from the options, keeping what was typed into the existing ones; a change that would
 * make more variants than a product may have is refused, with the reason under the option.
 */
export function OptionsEditor({
  options,
  variants,
  errors,
  readOnly,
  onChange,
}: {
  options: OptionDraft[];
  variants: VariantDraft[];
  errors: VariantSetErrors;
  readOnly: boolean;
  onChange: (change: VariantSetChange) => void;
}) {
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<{ option: OptionDraft; merged: number } | null>(null);

  const regenerate = (next: OptionDraft[]) => reconcileVariants(options, next, variants, variantFromTemplate);

  /** Applies new options, unless they make too many variants; answers whether it did. */
  const apply = (next: OptionDraft[], changed: string): boolean => {
    const nextVariants = regenerate(next);
    if (nextVariants.length > variantLimits.variants) {
      setRefused({
        [changed]: `That would make ${nextVariants.length} variants; a product can have at most ${variantLimits.variants}.`,
      });
      return false;
    }
    setRefused({});
    onChange({ options: next, variants: nextVariants });
    return true;
  };

  const update = (key: string, changes: Partial<OptionDraft>) =>
    apply(
      options.map((option) => (option.key === key ? { ...option, ...changes } : option)),
      key,
    );

  const add = () => apply([...options, { key: newDraftKey('option'), name: '', values: [] }], '');

  const remove = (option: OptionDraft, confirmed = false) => {
    const next = options.filter((o) => o.key !== option.key);
    const merged = variants.length - regenerate(next).length;
    if (merged > 0 && !confirmed) {
      setRemoving({ option, merged });
      return;
    }
    setRemoving(null);
    apply(next, option.key);
  };

  const count = gridOptions(options).length > 0 ? variants.length : 0;
  const full = fullCombinationCount(options);

  return (
    <Card withBorder radius="md" padding="lg" aria-label="Options">
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={3} size="h5">
          Options
        </Title>
        {options.length > 0 && !readOnly ? (
          <Tooltip
            label={`A product has at most ${variantLimits.options} options.`}
            disabled={options.length < variantLimits.options}
          >
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={add}
              disabled={options.length >= variantLimits.options}
            >
              Add option
            </Button>
          </Tooltip>
        ) : null}
      </Group>

      {options.length === 0 ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">
            Does it come in several sizes, colors or materials? Add them as options: every combination becomes
            a variant with its own price and SKU.
          </Text>
          {readOnly ? null : (
            <Button variant="default" size="sm" leftSection={<IconPlus size={14} />} onClick={add}>
              Add options like size or color
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap="md">
          {options.map((option, i) => {
            const others = new Set(options.filter((o) => o.key !== option.key).map((o) => foldValue(o.name)));
            return (
              <Group key={option.key} align="flex-start" gap="sm" wrap="nowrap" data-option={i + 1}>
                <Autocomplete
                  aria-label={`Option ${i + 1} name`}
                  placeholder={i === 0 ? 'e.g. Size' : 'Option name'}
                  data={suggestedNames.filter((name) => !others.has(foldValue(name)))}
                  comboboxProps={{ position: 'bottom-start' }}
                  value={option.name}
                  maxLength={60}
                  readOnly={readOnly}
                  error={errors[optionErrorKey(option.key, 'name')]}
                  onChange={(name) => update(option.key, { name })}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') event.preventDefault();
                  }}
                  // A fresh option asks for its name first.
                  autoFocus={!readOnly && option.name === '' && option.values.length === 0}
                  w={170}
                  style={{ flexShrink: 0 }}
                />
                <OptionValuesInput
                  label={`${option.name.trim() || `Option ${i + 1}`} values`}
                  values={option.values}
                  error={refused[option.key] ?? errors[optionErrorKey(option.key, 'values')]}
                  readOnly={readOnly}
                  onChange={(values) => update(option.key, { values })}
                />
                {readOnly ? null : (
                  <Tooltip label="Remove option">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      aria-label={`Remove option ${option.name.trim() || i + 1}`}
                      onClick={() => remove(option)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            );
          })}
          <Group gap="xs">
            {count === 0 ? (
              <Text size="xs" c="dimmed">
                Add values to make variants.
              </Text>
            ) : (
              <>
                <Badge color="gray" variant="light">
                  {count === 1 ? '1 variant' : `${count} variants`}
                </Badge>
                <Text size="xs" c="dimmed">
                  {count < full
                    ? `${full - count} of ${full} combinations not offered.`
                    : readOnly
                      ? null
                      : `Up to ${variantLimits.variants} variants. Click a value to rename it.`}
                </Text>
              </>
            )}
            {refused[''] ? (
              <Text size="xs" c="red">
                {refused['']}
              </Text>
            ) : null}
          </Group>
          {errors.options ? (
            <Text size="sm" c="red">
              {errors.options}
            </Text>
          ) : null}
        </Stack>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove the option “${removing?.option.name.trim() || 'unnamed'}”?`}
        confirmLabel="Remove option"
        onConfirm={() => removing && remove(removing.option, true)}
        onCancel={() => setRemoving(null)}
      >
        {`Variants that differ only in ${removing?.option.name.trim() || 'this option'} become one: the first of each keeps its price and SKU, and ${removing?.merged} ${removing?.merged === 1 ? 'variant is' : 'variants are'} removed when you save.`}
      </ConfirmDialog>
    </Card>
  );
}
