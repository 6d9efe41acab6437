import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { IconExternalLink } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.ts';
import { CenteredLoader } from '../../ui/route-states.tsx';
import { notifyReviewReset } from '../workflow/review-reset-notice.ts';
import { languageName } from './locale-labels.ts';
import {
  sameTranslationValues,
  type TranslationFormValues,
  translationInputFrom,
  untranslatedPaths,
  valuesFromTranslation,
} from './translation-form-values.ts';
import { productTranslationQuery, useSaveTranslation } from './translation-queries.ts';
import type { ProductTranslation } from './translation-types.ts';

/** One translatable piece: the default-locale text on the left, its translation on the right. */
function Row({
  label,
  source,
  missing,
  media,
  children,
}: {
  label: string;
  source: string;
  missing: boolean;
  /** Shown beside the source text, e.g. the image an alt text describes. */
  media?: ReactNode;
  children: ReactNode;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={4}>
      <Stack gap={2}>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          {missing ? (
            <Badge size="xs" color="orange" variant="light">
              Missing
            </Badge>
          ) : null}
        </Group>
        <Group gap="sm" wrap="nowrap" align="stretch">
          {media}
          <Text
            size="sm"
            c={source ? undefined : 'dimmed'}
            bg="var(--mantine-color-gray-0)"
            p="xs"
            style={{
              flex: 1,
              borderRadius: 'var(--mantine-radius-sm)',
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
          >
            {source || 'Empty in the default language'}
          </Text>
        </Group>
      </Stack>
      <Stack gap={2} justify="flex-end">
        {children}
      </Stack>
    </SimpleGrid>
  );
}

/** Errors the server names by path or code, put next to the piece they are about. */
function errorsFrom(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  if (error.code === 'handle_taken') found.handle = error.message;
  for (const problem of error.fieldProblems) found[problem.path.split('.')[0] ?? ''] ??= problem.message;
  return found;
}

export function TranslationEditor({
  productId,
  locale,
  readOnlyReason,
  staged = false,
  onDirtyChange,
}: {
  productId: string;
  locale: string;
  /** Why the translation can only be read here; editable when absent. */
  readOnlyReason?: string;
  /** Saving stages the translation for review (a live product, no publish permission). */
  staged?: boolean;
  onDirtyChange: (locale: string, dirty: boolean) => void;
}) {
  const { store } = useCurrentStore();
  const translation = useQuery(productTranslationQuery(store.handle, productId, locale));
  if (translation.isPending) return <CenteredLoader />;
  if (translation.isError) {
    return (
      <Alert color="red" title="Could not load the translation">
        {translation.error.message}
      </Alert>
    );
  }
  // Someone whose edits are staged goes on from the staged text, as the product form does.
  const shown = staged ? (translation.data.staged ?? translation.data) : translation.data;
  return (
    <TranslationForm
      key={JSON.stringify(shown)}
      translation={shown}
      readOnlyReason={readOnlyReason}
      staged={staged}
      onDirtyChange={(dirty) => onDirtyChange(locale, dirty)}
    />
  );
}

function TranslationForm({
  translation,
  readOnlyReason,
  staged,
  onDirtyChange,
}: {
  translation: ProductTranslation;
  readOnlyReason?: string;
  staged: boolean;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { store } = useCurrentStore();
  const readOnly = readOnlyReason !== undefined;
  const baseline = valuesFromTranslation(translation);
  const [values, setValues] = useState<TranslationFormValues>(baseline);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveTranslation(store.handle, translation.productId, translation.locale);
  const dirty = !sameTranslationValues(values, baseline);
  const missing = new Set(untranslatedPaths(translation, values));
  const language = languageName(translation.locale);
  const fallback = languageName(translation.defaultLocale);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = (changes: Partial<TranslationFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setErrors({});
  };
  const text = (field: 'title' | 'seoTitle' | 'seoDescription' | 'handle') => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => change({ [field]: event.currentTarget.value }),
    error: errors[field],
    readOnly,
    'aria-label': `${field === 'seoTitle' ? 'SEO title' : field === 'seoDescription' ? 'SEO description' : field === 'handle' ? 'Handle' : 'Title'} in ${language}`,
  });

  const submit = () => {
    save.mutate(translationInputFrom(translation, values), {
      onSuccess: ({ translation: saved, staged: heldBack, reviewReset }) => {
        if (heldBack) {
          notifySuccess(
            'The storefront keeps the live text until a reviewer approves and publishes your changes.',
            `${language} translation saved for review`,
          );
        } else {
          notifySuccess(
            saved.missing.length === 0
              ? `The ${language} version is complete.`
              : `${saved.missing.length} ${saved.missing.length === 1 ? 'piece still shows' : 'pieces still show'} in ${fallback}.`,
            `${language} translation saved`,
          );
        }
        // Translations are part of what the reviewer approves: a change sends the review back to draft.
        if (reviewReset) notifyReviewReset();
      },
      onError: (error) => {
        setErrors(errorsFrom(error));
        notifyError(error, 'The translation was not saved');
      },
    });
  };

  return (
    <Stack gap="lg" pt="md">
      {staged && !readOnly ? (
        <Text size="sm" c="dimmed" data-testid="translation-staged-note">
          This product is live: your changes are saved for review and go live when a reviewer publishes them.
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" visibleFrom="sm">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {fallback} (default)
        </Text>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {language}
        </Text>
      </SimpleGrid>
      <Row label="Title" source={translation.fields.title.source} missing={missing.has('title')}>
        <TextInput {...text('title')} />
      </Row>
      <Row label="Handle" source={translation.fields.handle.source} missing={false}>
        <TextInput
          placeholder={translation.fields.handle.source}
          description={`Optional: the product's address in ${language}. Empty keeps the default handle.`}
          leftSection={
            <Text size="xs" c="dimmed">
              /{translation.locale.toLowerCase()}/
            </Text>
          }
          leftSectionWidth={56}
          {...text('handle')}
        />
      </Row>
      <Row
        label="Description"
        source={translation.fields.description.source}
        missing={missing.has('description')}
      >
        <Textarea
          autosize
          minRows={4}
          maxRows={14}
          value={values.description}
          onChange={(event) => change({ description: event.currentTarget.value })}
          error={errors.description}
          readOnly={readOnly}
          aria-label={`Description in ${language}`}
          description="HTML or plain text, shown through the same safe list of tags as the original."
        />
      </Row>
      <Row label="SEO title" source={translation.fields.seoTitle.source} missing={missing.has('seoTitle')}>
        <TextInput {...text('seoTitle')} />
      </Row>
      <Row
        label="SEO description"
        source={translation.fields.seoDescription.source}
        missing={missing.has('seoDescription')}
      >
        <Textarea autosize minRows={2} maxRows={5} {...text('seoDescription')} />
      </Row>

      {translation.options.length > 0 ? (
        <Stack gap="sm">
          <Title order={4} size="h6">
            Options
          </Title>
          {translation.options.map((option, o) => (
            <Stack
              key={option.name.source}
              gap="xs"
              pl="sm"
              style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
            >
              <Row label="Option name" source={option.name.source} missing={missing.has(`options.${o}.name`)}>
                <TextInput
                  value={values.options[o]?.name ?? ''}
                  readOnly={readOnly}
                  aria-label={`Option “${option.name.source}” in ${language}`}
                  onChange={(event) => {
                    const name = event.currentTarget.value;
                    change({ options: values.options.map((v, i) => (i === o ? { ...v, name } : v)) });
                  }}
                />
              </Row>
              {option.values.map((value, v) => (
                <Row
                  key={value.source}
                  label="Value"
                  source={value.source}
                  missing={missing.has(`options.${o}.values.${v}`)}
                >
                  <TextInput
                    value={values.options[o]?.values[v] ?? ''}
                    readOnly={readOnly}
                    aria-label={`Value “${value.source}” in ${language}`}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      change({
                        options: values.options.map((opt, i) =>
                          i === o
                            ? { ...opt, values: opt.values.map((old, j) => (j === v ? text : old)) }
                            : opt,
                        ),
                      });
                    }}
                  />
                </Row>
              ))}
            </Stack>
          ))}
        </Stack>
      ) : null}

      {translation.images.length > 0 ? (
        <Stack gap="sm">
          <Title order={4} size="h6">
            Image alt text
          </Title>
          {translation.images.map((image, i) => (
            <Row
              key={image.id}
              label={`Image ${i + 1}`}
              source={image.alt.source}
              missing={missing.has(`images.${i}.alt`)}
              media={
                image.url ? <Image src={image.url} alt="" w={44} h={44} radius="sm" fit="cover" /> : undefined
              }
            >
              <TextInput
                value={values.images[i] ?? ''}
                readOnly={readOnly}
                aria-label={`Alt text of image ${i + 1} in ${language}`}
                onChange={(event) => {
                  const alt = event.currentTarget.value;
                  change({ images: values.images.map((old, j) => (j === i ? alt : old)) });
                }}
              />
            </Row>
          ))}
        </Stack>
      ) : null}

      <Group
        justify="space-between"
        pt="sm"
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Anchor href={translation.storefrontUrl} target="_blank" rel="noreferrer" size="sm">
          <Group gap={4} component="span">
            View in {language} <IconExternalLink size={14} />
          </Group>
        </Anchor>
        {readOnly ? (
          <Text size="sm" c="dimmed">
            {readOnlyReason}
          </Text>
        ) : (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {missing.size === 0 ? 'Complete' : `${missing.size} untranslated · ${fallback} shows instead`}
            </Text>
            <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setValues(baseline)}>
              Discard
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
              Save {language}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
