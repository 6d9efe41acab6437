import { Alert, Badge, Button, Card, Grid, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import type { ApiError } from '../api/http.ts';
import { languageName, localeLabel } from '../products/translations/locale-labels.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { CenteredLoader } from '../ui/route-states.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import {
  previewQuery,
  templateListQuery,
  templateQuery,
  useResetTemplate,
  useSaveTemplate,
  useSendTestMail,
} from './email-template-queries.ts';
import {
  isTemplateKey,
  type MailTemplate,
  type RenderedMail,
  type TemplateVariable,
} from './email-template-types.ts';
import { insertSnippet, subjectSnippet } from './insert-snippet.ts';
import { TemplatePreview } from './TemplatePreview.tsx';
import { TemplateVariablesPanel } from './TemplateVariablesPanel.tsx';

const editorRoute = getRouteApi('/signed-in/stores/$store/settings/email-templates/$templateKey');

/** How long typing pauses before the preview renders the text again. */
const previewDelayMs = 400;

/**
 * One e-mail in one language: its subject and body (Liquid) beside the variables it offers, a live
 * preview with the example values, and save, reset to the built-in text, and a test sent to oneself.
 */
export function EmailTemplateScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { templateKey } = editorRoute.useParams();
  const { locale: asked } = editorRoute.useSearch();
  const list = useQuery(templateListQuery(store.handle));
  const locale = asked ?? list.data?.locales[0];
  const known = isTemplateKey(templateKey);
  const template = useQuery({
    ...templateQuery(store.handle, known ? templateKey : 'order_confirmation', locale ?? ''),
    enabled: known && locale !== undefined,
  });

  if (!known) {
    return (
      <Alert color="red" title="No such e-mail">
        There is no e-mail template called “{templateKey}”.
      </Alert>
    );
  }
  if (list.isError || template.isError) {
    return (
      <Alert color="red" role="alert" title="The template could not be loaded">
        {(list.error ?? template.error)?.message}
      </Alert>
    );
  }
  if (!list.data || !template.data || !locale) return <CenteredLoader />;
  const locales = [...new Set([...list.data.locales, locale])];
  // A new editor per e-mail and language, so its fields start from that text.
  return <TemplateEditor key={`${templateKey}:${locale}`} template={template.data} locales={locales} />;
}

type Field = 'subject' | 'body';
const fieldFor: Record<string, Field> = { subject: 'subject', body: 'body' };

function TemplateEditor({ template, locales }: { template: MailTemplate; locales: string[] }) {
  const { store, can } = useCurrentStore();
  const queryClient = useQueryClient();
  const navigate = editorRoute.useNavigate();
  const writable = can('store:write');
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [saved, setSaved] = useState({ subject: template.subject, body: template.body });
  const [confirmingReset, setConfirmingReset] = useState(false);
  const { errors, general, setErrors, showServerError } = useFormErrors(fieldFor);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');

  const save = useSaveTemplate(store.handle, template.key, template.locale);
  const reset = useResetTemplate(store.handle, template.key, template.locale);
  const sendTest = useSendTestMail(store.handle, template.key, template.locale);

  const [previewSubject] = useDebouncedValue(subject, previewDelayMs);
  const [previewBody] = useDebouncedValue(body, previewDelayMs);
  const preview = useQuery(
    previewQuery(store.handle, template.key, template.locale, { subject: previewSubject, body: previewBody }),
  );
  // While the text has an error, the last rendering that worked stays on screen under it.
  const lastRendered = useRef<RenderedMail | undefined>(undefined);
  if (preview.data) lastRendered.current = preview.data;

  const dirty = subject !== saved.subject || body !== saved.body;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const fallback = template.source.locale !== template.locale && !template.customised;

  const insert = (variable: TemplateVariable) => {
    const toSubject = lastField.current === 'subject' ? subjectSnippet(variable.snippet) : null;
    const element = toSubject !== null ? subjectRef.current : bodyRef.current;
    const snippet = toSubject ?? variable.snippet;
    const current = toSubject !== null ? subject : body;
    const at = element
      ? [element.selectionStart ?? current.length, element.selectionEnd ?? current.length]
      : [current.length, current.length];
    const next = insertSnippet(current, at[0]!, at[1]!, snippet);
    (toSubject !== null ? setSubject : setBody)(next.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!writable) return;
    save.mutate(
      { subject, body },
      {
        onSuccess: (next) => {
          setSaved({ subject: next.subject, body: next.body });
          setErrors({});
          notifySuccess(`${template.name} (${languageName(template.locale)}) saved.`);
        },
        onError: showServerError,
      },
    );
  };

  const resetToDefault = () =>
    reset.mutate(undefined, {
      onSuccess: async () => {
        setConfirmingReset(false);
        const builtIn = await queryClient.fetchQuery(
          templateQuery(store.handle, template.key, template.locale),
        );
        setSubject(builtIn.subject);
        setBody(builtIn.body);
        setSaved({ subject: builtIn.subject, body: builtIn.body });
        setErrors({});
        notifySuccess(`${template.name} (${languageName(template.locale)}) is back to the built-in text.`);
      },
      onError: (error) => {
        setConfirmingReset(false);
        notifyError(error, 'Could not reset the template');
      },
    });

  const test = () =>
    sendTest.mutate(
      { subject, body },
      {
        onSuccess: (sent) =>
          notifySuccess(
            `A test of this text, with the example values, is on its way to ${sent.to}. Without an SMTP server it waits under Mail.`,
            'Test e-mail sent',
          ),
        onError: (error) => {
          showServerError(error);
          notifyError(error, 'Could not send the test');
        },
      },
    );

  return (
    <form onSubmit={submit} noValidate>
      <UnsavedChangesGuard hasUnsavedChanges={() => dirtyRef.current} />
      <PageHeader
        sticky
        title={template.name}
        badge={
          template.customised ? (
            <Badge variant="filled">Customised</Badge>
          ) : (
            <Badge variant="outline" color="gray">
              Built-in text
            </Badge>
          )
        }
        description={template.sentWhen}
        actions={
          <>
            <ButtonLink
              to="/stores/$store/settings/email-templates"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconArrowLeft />}
            >
              All e-mails
            </ButtonLink>
            <Select
              aria-label="Language"
              data={locales.map((value) => ({ value, label: localeLabel(value) }))}
              value={template.locale}
              onChange={(value) => value && void navigate({ search: { locale: value } })}
              allowDeselect={false}
              w={200}
            />
            {writable ? (
              <>
                <Button variant="default" onClick={test} loading={sendTest.isPending}>
                  Send test
                </Button>
                {template.customised ? (
                  <Button variant="default" color="red" onClick={() => setConfirmingReset(true)}>
                    Reset to default
                  </Button>
                ) : null}
                <Button type="submit" loading={save.isPending} disabled={!dirty}>
                  Save
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        {fallback ? (
          <Alert color="blue" variant="light" title={`No built-in text in ${languageName(template.locale)}`}>
            This is the {languageName(template.source.locale)} text, which customers who read{' '}
            {languageName(template.locale)} get until you save a text in their language.
          </Alert>
        ) : null}
        {general ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : null}
        <Grid gap="md" align="stretch">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder radius="md" padding="md" h="100%">
              <Stack gap="sm">
                <TextInput
                  ref={subjectRef}
                  label="Subject"
                  value={subject}
                  onChange={(e) => setSubject(e.currentTarget.value)}
                  onFocus={() => {
                    lastField.current = 'subject';
                  }}
                  error={errors.subject}
                  readOnly={!writable}
                  maxLength={500}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                />
                <Textarea
                  ref={bodyRef}
                  label="Body"
                  description="HTML with Liquid: {{ order.number }} prints a value, {% if … %}…{% endif %} and {% for line in order.lines %}…{% endfor %} choose and repeat. Filters: format_date, format_address, multiline. The store's name and layout are added around it, and a plain-text version is made from it."
                  value={body}
                  onChange={(e) => setBody(e.currentTarget.value)}
                  onFocus={() => {
                    lastField.current = 'body';
                  }}
                  error={errors.body}
                  readOnly={!writable}
                  autosize
                  minRows={16}
                  maxRows={32}
                  spellCheck={false}
                  inputWrapperOrder={['label', 'description', 'input', 'error']}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                />
                {template.updatedAt ? (
                  <Text size="xs" c="dimmed">
                    Saved {formatDateTime(template.updatedAt)}.
                  </Text>
                ) : null}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TemplateVariablesPanel variables={template.variables} onInsert={writable ? insert : null} />
          </Grid.Col>
        </Grid>
        <TemplatePreview
          mail={preview.isError ? lastRendered.current : preview.data}
          error={preview.isError ? (preview.error as ApiError) : null}
          updating={preview.isFetching || subject !== previewSubject || body !== previewBody}
        />
      </Stack>
      <ConfirmDialog
        opened={confirmingReset}
        title="Go back to the built-in text?"
        confirmLabel="Reset to default"
        loading={reset.isPending}
        onConfirm={resetToDefault}
        onCancel={() => setConfirmingReset(false)}
      >
        {`Your text of “${template.name}” in ${languageName(template.locale)} is deleted and customers get the built-in text again.`}
      </ConfirmDialog>
    </form>
  );
}
