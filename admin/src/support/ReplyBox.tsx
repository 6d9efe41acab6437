import { Alert, Badge, Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, type ReactNode, useImperativeHandle, useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { RenderedMacroText } from './RenderedMacroText.tsx';
import {
  macroListQuery,
  macroSuggestionsQuery,
  renderMacro,
  useAddNote,
  useChangeTicket,
  useReplyToTicket,
} from './support-queries.ts';
import type { RenderedMacro, TicketDetail } from './support-types.ts';

export type ReplyMode = 'reply' | 'note';

export interface ReplyBoxHandle {
  focus: (mode: ReplyMode) => void;
  /** Adds text where the cursor is (a discount code from the sidebar). */
  insert: (text: string) => void;
}

const answerStatuses = [
  { value: 'pending', label: 'Send, set pending' },
  { value: 'open', label: 'Send, keep open' },
  { value: 'solved', label: 'Send and solve' },
];

/**
 * Answer or note: macros to pick (the ones whose keywords the customer used first), the rendered
 * text with what the ticket has no value for marked, the collision warning when a colleague
 * answered since the agent opened the ticket.
 */
export const ReplyBox = forwardRef<
  ReplyBoxHandle,
  { store: string; detail: TicketDetail; writable: boolean }
>(function ReplyBox({ store, detail, writable }, ref): ReactNode {
  const ticketId = detail.ticket.id;
  const [mode, setMode] = useState<ReplyMode>('reply');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState('pending');
  const [rendered, setRendered] = useState<(RenderedMacro & { name: string }) | null>(null);
  const [collision, setCollision] = useState<string[] | null>(null);
  const [seenMessageId, setSeenMessageId] = useState(detail.messages.at(-1)?.id ?? '');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const macros = useQuery(macroListQuery(store));
  const suggestions = useQuery(macroSuggestionsQuery(store, ticketId));
  const reply = useReplyToTicket(store, ticketId);
  const note = useAddNote(store, ticketId);
  const change = useChangeTicket(store, ticketId);

  useImperativeHandle(ref, () => ({
    focus(next) {
      setMode(next);
      requestAnimationFrame(() => textarea.current?.focus());
    },
    insert(text) {
      setBody((current) => (current ? `${current}\n${text}` : text));
      requestAnimationFrame(() => textarea.current?.focus());
    },
  }));

  const pick = async (macroId: string | null) => {
    if (!macroId) return;
    const macro = macros.data?.items.find((m) => m.id === macroId);
    try {
      const result = await renderMacro(store, ticketId, macroId);
      setRendered({ ...result, name: macro?.name ?? '' });
    } catch (error) {
      notifyError(error, 'The macro could not be rendered');
    }
  };

  const insertRendered = () => {
    if (!rendered) return;
    setBody((current) => (current.trim() ? `${current}\n\n${rendered.text}` : rendered.text));
    if (rendered.actions.status) setStatus(rendered.actions.status);
    const addTags = rendered.actions.addTags ?? [];
    const missingTags = addTags.filter((t) => !detail.ticket.tags.includes(t));
    if (missingTags.length > 0) change.mutate({ tags: [...detail.ticket.tags, ...missingTags] });
    setMode('reply');
    setRendered(null);
    requestAnimationFrame(() => textarea.current?.focus());
  };

  const send = (sendAnyway = false) => {
    if (!body.trim()) return;
    if (mode === 'note') {
      note.mutate(body, {
        onSuccess: () => {
          setBody('');
          notifySuccess('Note added.');
        },
        onError: (error) => notifyError(error, 'The note was not saved'),
      });
      return;
    }
    reply.mutate(
      { body, lastSeenMessageId: seenMessageId, status, ...(sendAnyway ? { sendAnyway: true } : {}) },
      {
        onSuccess: (result) => {
          setBody('');
          setCollision(null);
          setSeenMessageId(result.message.id);
          notifySuccess('Answer sent.');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'ticket_changed') {
            const answers = (error.details as { answers?: { author: string }[] } | undefined)?.answers ?? [];
            setCollision(answers.map((a) => a.author));
            return;
          }
          notifyError(error, 'The answer was not sent');
        },
      },
    );
  };

  const latest = detail.messages.at(-1)?.id ?? '';
  const readAgain = () => {
    setSeenMessageId(latest);
    setCollision(null);
  };

  if (!writable) return null;
  const macroOptions = (macros.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));

  return (
    <Stack gap="xs" data-testid="reply-box">
      {collision && (
        <Alert color="orange" title="Another agent replied" data-testid="collision-warning">
          <Stack gap="xs">
            <Text size="sm">
              {collision.length > 0 ? collision.join(', ') : 'Someone'} answered this ticket while you were
              writing. The thread above is up to date: read their answer, then send yours only if it is still
              needed.
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={readAgain}>
                I have read it
              </Button>
              <Button size="xs" color="orange" onClick={() => send(true)} loading={reply.isPending}>
                Send anyway
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => setMode(v as ReplyMode)}
          data={[
            { value: 'reply', label: 'Reply (r)' },
            { value: 'note', label: 'Internal note (n)' },
          ]}
        />
        <Select
          size="xs"
          placeholder="Insert a macro…"
          aria-label="Macro"
          data={macroOptions}
          searchable
          value={null}
          onChange={(id) => void pick(id)}
          w={220}
          nothingFoundMessage="No macro"
        />
      </Group>
      {(suggestions.data?.length ?? 0) > 0 && (
        <Group gap={6} data-testid="macro-suggestions">
          <Text size="xs" c="dimmed">
            Suggested:
          </Text>
          {suggestions.data!.map((s) => (
            <Button
              key={s.macro.id}
              size="compact-xs"
              variant="light"
              onClick={() => void pick(s.macro.id)}
              title={`Matched: ${s.matched.join(', ')}`}
            >
              {s.macro.name}
            </Button>
          ))}
        </Group>
      )}
      {rendered && (
        <Stack gap={6} data-testid="macro-rendered">
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {rendered.name}{' '}
              <Badge size="xs" variant="outline">
                {rendered.locale}
              </Badge>
            </Text>
            <Group gap={6}>
              <Button size="compact-sm" variant="default" onClick={() => setRendered(null)}>
                Cancel
              </Button>
              <Button size="compact-sm" onClick={insertRendered}>
                Insert
              </Button>
            </Group>
          </Group>
          <RenderedMacroText parts={rendered.parts} />
          {rendered.missing.length > 0 && (
            <Text size="xs" c="red.8">
              No value for this ticket: {rendered.missing.join(', ')}. Fill in or remove before sending.
            </Text>
          )}
        </Stack>
      )}
      <Textarea
        ref={textarea}
        aria-label={mode === 'reply' ? 'Answer' : 'Note'}
        placeholder={
          mode === 'reply'
            ? 'Write your answer to the customer…'
            : 'A note for your colleagues (never mailed)…'
        }
        autosize
        minRows={4}
        maxRows={16}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) send();
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        styles={mode === 'note' ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
      />
      <Group justify="flex-end" gap="xs">
        {mode === 'reply' ? (
          <>
            <Select
              size="xs"
              aria-label="Status after sending"
              data={answerStatuses}
              value={status}
              onChange={(v) => setStatus(v ?? 'pending')}
              allowDeselect={false}
              w={180}
            />
            <Button onClick={() => send()} loading={reply.isPending} disabled={!body.trim()}>
              Send answer
            </Button>
          </>
        ) : (
          <Button color="yellow" onClick={() => send()} loading={note.isPending} disabled={!body.trim()}>
            Add note
          </Button>
        )}
      </Group>
    </Stack>
  );
});
