import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  NavLink,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { api } from '../api/http.ts';
import { storeApiPath, useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { type MacroFormValues, macroFormValues, macroInputOf } from './macro-form.ts';
import { RenderedMacroText } from './RenderedMacroText.tsx';
import {
  macroListQuery,
  previewMacro,
  useAddDefaultMacros,
  useDeleteMacro,
  useSaveMacro,
} from './support-queries.ts';
import type { Macro, TicketPage } from './support-types.ts';

/**
 * Saved replies (docs/support.md, "Macros"): the list, and an editor with the variables to click
 * in, the texts per language, the keywords that suggest it, and a live preview against a ticket.
 */
export function MacrosScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const macros = useQuery(macroListQuery(store.handle));
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);
  const addDefaults = useAddDefaultMacros(store.handle);
  const writable = can('support:write');
  const items = macros.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Macros"
        description="Saved answers with the ticket’s details filled in. Keywords make the inbox suggest them."
        actions={
          <Group gap="xs">
            <ButtonLink variant="default" to="/stores/$store/support" params={{ store: store.handle }}>
              Back to the inbox
            </ButtonLink>
            {writable && <Button onClick={() => setEditing('new')}>New macro</Button>}
          </Group>
        }
      />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Card withBorder padding={0} w={280} style={{ flexShrink: 0 }} data-testid="macro-list">
          {items.map((m) => (
            <NavLink
              key={m.id}
              label={m.name}
              description={m.keywords.slice(0, 3).join(', ') || 'No keywords'}
              active={editing !== 'new' && editing?.id === m.id}
              onClick={() => setEditing(m)}
            />
          ))}
          {macros.isSuccess && items.length === 0 && (
            <Stack p="md" gap="xs">
              <Text size="sm" c="dimmed">
                No macros yet.
              </Text>
              {writable && (
                <Button
                  size="xs"
                  variant="light"
                  loading={addDefaults.isPending}
                  onClick={() =>
                    addDefaults.mutate(undefined, {
                      onSuccess: (r) => notifySuccess(`${r.items.length} macros added.`),
                      onError: (e) => notifyError(e, 'The macros were not added'),
                    })
                  }
                >
                  Add the suggested macros
                </Button>
              )}
            </Stack>
          )}
        </Card>
        <div style={{ flex: 1, minWidth: 0 }}>
          {editing ? (
            <MacroEditor
              key={editing === 'new' ? 'new' : editing.id}
              macro={editing === 'new' ? null : editing}
              variables={macros.data?.variables ?? []}
              writable={writable}
              onDone={(m) => setEditing(m)}
            />
          ) : (
            <Text c="dimmed">Choose a macro to edit it{writable ? ', or make a new one' : ''}.</Text>
          )}
        </div>
      </Group>
    </>
  );
}

function MacroEditor({
  macro,
  variables,
  writable,
  onDone,
}: {
  macro: Macro | null;
  variables: { name: string; description: string }[];
  writable: boolean;
  onDone: (macro: Macro | null) => void;
}): ReactNode {
  const { store } = useCurrentStore();
  const [values, setValues] = useState<MacroFormValues>(() => macroFormValues(macro));
  const [language, setLanguage] = useState('default');
  const [newLanguage, setNewLanguage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [ticketId, setTicketId] = useState<string | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const save = useSaveMacro(store.handle);
  const remove = useDeleteMacro(store.handle);
  const set = (patch: Partial<MacroFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const text = language === 'default' ? values.body : (values.localeBodies[language] ?? '');
  const setText = (next: string) =>
    language === 'default'
      ? set({ body: next })
      : set({ localeBodies: { ...values.localeBodies, [language]: next } });

  const tickets = useQuery({
    queryKey: ['stores', store.handle, 'support', 'preview-tickets'],
    queryFn: () => api.get<TicketPage>(storeApiPath(store.handle, '/support/tickets'), { limit: 20 }),
  });
  const chosenTicket = ticketId ?? tickets.data?.items[0]?.id ?? null;
  const [debounced] = useDebouncedValue(text, 300);
  const preview = useQuery({
    queryKey: ['stores', store.handle, 'support', 'macro-preview', chosenTicket, debounced],
    queryFn: () => previewMacro(store.handle, chosenTicket!, debounced),
    enabled: !!chosenTicket && debounced.trim() !== '',
    retry: false,
  });

  const insertVariable = (name: string) => {
    const el = body.current;
    const token = `{{ ${name} }}`;
    if (!el) return setText(text + token);
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? start;
    setText(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = () => {
    setProblem(null);
    save.mutate(
      { id: macro?.id ?? null, input: macroInputOf(values) },
      {
        onSuccess: (result) => {
          notifySuccess('Macro saved.');
          onDone(result.macro);
        },
        onError: (error) => setProblem(error instanceof Error ? error.message : String(error)),
      },
    );
  };

  const languages = Object.keys(values.localeBodies);
  return (
    <Group align="flex-start" gap="md" wrap="nowrap" data-testid="macro-editor">
      <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
        {problem && <Alert color="red">{problem}</Alert>}
        <TextInput
          label="Name"
          value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          disabled={!writable}
        />
        <Tabs value={language} onChange={(l) => setLanguage(l ?? 'default')}>
          <Tabs.List>
            <Tabs.Tab value="default">Default text</Tabs.Tab>
            {languages.map((l) => (
              <Tabs.Tab key={l} value={l}>
                {l}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Textarea
          ref={body}
          label={language === 'default' ? 'Answer (in the store’s language)' : `Answer in ${language}`}
          autosize
          minRows={8}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          disabled={!writable}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
        {writable && (
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              label="Add a language"
              placeholder="de"
              value={newLanguage}
              onChange={(e) => setNewLanguage(e.currentTarget.value)}
              w={100}
            />
            <Button
              size="xs"
              variant="default"
              disabled={!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(newLanguage.trim())}
              onClick={() => {
                const l = newLanguage.trim();
                set({ localeBodies: { ...values.localeBodies, [l]: values.localeBodies[l] ?? values.body } });
                setLanguage(l);
                setNewLanguage('');
              }}
            >
              Add
            </Button>
            {language !== 'default' && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => {
                  const { [language]: _gone, ...rest } = values.localeBodies;
                  set({ localeBodies: rest });
                  setLanguage('default');
                }}
              >
                Remove {language}
              </Button>
            )}
          </Group>
        )}
        <TextInput
          label="Keywords"
          description="Comma separated; found in the customer’s message, they make the inbox suggest this macro."
          value={values.keywords}
          onChange={(e) => set({ keywords: e.currentTarget.value })}
          disabled={!writable}
        />
        <Group grow>
          <Select
            label="Sets the status to"
            data={[
              { value: '', label: 'Leave as it is' },
              { value: 'open', label: 'Open' },
              { value: 'pending', label: 'Pending' },
              { value: 'solved', label: 'Solved' },
            ]}
            value={values.status}
            onChange={(v) => set({ status: (v ?? '') as MacroFormValues['status'] })}
            allowDeselect={false}
            disabled={!writable}
          />
          <TextInput
            label="Adds the tags"
            placeholder="return, damaged"
            value={values.addTags}
            onChange={(e) => set({ addTags: e.currentTarget.value })}
            disabled={!writable}
          />
        </Group>
        {writable && (
          <Group justify="space-between">
            {macro ? (
              <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            ) : (
              <span />
            )}
            <Button onClick={submit} loading={save.isPending}>
              Save macro
            </Button>
          </Group>
        )}
        {macro && (
          <ConfirmDialog
            opened={confirmDelete}
            title={`Delete “${macro.name}”?`}
            confirmLabel="Delete"
            danger
            loading={remove.isPending}
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() =>
              remove.mutate(macro.id, {
                onSuccess: () => {
                  notifySuccess('Macro deleted.');
                  onDone(null);
                },
                onError: (e) => notifyError(e, 'The macro was not deleted'),
              })
            }
          >
            Agents can no longer insert it.
          </ConfirmDialog>
        )}
      </Stack>
      <Stack gap="sm" w={320} style={{ flexShrink: 0 }}>
        <Card withBorder padding="sm" data-testid="macro-variables">
          <Text size="sm" fw={600} mb={4}>
            Variables
          </Text>
          <Stack gap={4}>
            {variables.map((v) => (
              <UnstyledButton key={v.name} onClick={() => insertVariable(v.name)} disabled={!writable}>
                <Code>{`{{ ${v.name} }}`}</Code>
                <Text size="xs" c="dimmed">
                  {v.description}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt="xs">
            Conditions and defaults work too: <Code>{'{% if tracking_url %}…{% endif %}'}</Code>,{' '}
            <Code>{'{{ customer_first_name | default: "there" }}'}</Code>
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" fw={600} mb={4}>
            Preview
          </Text>
          <Select
            size="xs"
            aria-label="Preview against ticket"
            placeholder="Choose a ticket"
            data={(tickets.data?.items ?? []).map((t) => ({
              value: t.id,
              label: `#${t.number} · ${t.subject}`,
            }))}
            value={chosenTicket}
            onChange={setTicketId}
            mb="xs"
          />
          {!chosenTicket ? (
            <Text size="xs" c="dimmed">
              The preview needs a ticket.
            </Text>
          ) : preview.isError ? (
            <Text size="xs" c="red">
              {preview.error instanceof Error ? preview.error.message : 'The text does not render.'}
            </Text>
          ) : preview.data ? (
            <>
              <RenderedMacroText parts={preview.data.parts} />
              {preview.data.missing.length > 0 && (
                <Text size="xs" c="red.8" mt={4}>
                  No value on this ticket: {preview.data.missing.join(', ')}
                </Text>
              )}
            </>
          ) : null}
        </Card>
      </Stack>
    </Group>
  );
}
