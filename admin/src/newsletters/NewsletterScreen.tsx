import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { groupsQuery, segmentsQuery } from '../customers/customers-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { NewsletterProgress } from './NewsletterProgress.tsx';
import { type Audience, type Newsletter, type NewsletterBody, statusWords } from './newsletter-types.ts';
import {
  audienceCountQuery,
  newsletterPreviewQuery,
  newsletterQuery,
  useNewsletterAction,
  useSaveNewsletter,
} from './newsletters-queries.ts';

const route = getRouteApi('/signed-in/stores/$store/newsletters/$newsletterId');

const emptyDraft: NewsletterBody = {
  subject: '',
  preheader: '',
  bodyHtml:
    '<h1>Hello</h1>\n<p>What is new this month…</p>\n<p><a class="button" href="https://">Shop now</a></p>',
  audience: { kind: 'all' },
};

function bodyOf(n: Newsletter): NewsletterBody {
  const audience: Audience =
    n.audience.kind === 'all' ? { kind: 'all' } : { kind: n.audience.kind, id: n.audience.id ?? '' };
  return { subject: n.subject, preheader: n.preheader, bodyHtml: n.bodyHtml, audience };
}

/** An audience the count can be asked for: a segment or group must be chosen first. */
const countable = (a: Audience): Audience | null => (a.kind === 'all' || a.id ? a : null);

/**
 * One newsletter: while a draft, the editor (subject, preheader, body in a safe HTML subset, the
 * audience with how many consenting customers it reaches now), the preview, a test to oneself,
 * send now or schedule; once sending, its progress; once sent, its figures.
 */
export function NewsletterScreen(): ReactNode {
  const { newsletterId } = route.useParams();
  const { store, can } = useCurrentStore();
  const isNew = newsletterId === 'new';
  const existing = useQuery({ ...newsletterQuery(store.handle, newsletterId), enabled: !isNew });
  if (!isNew && existing.isPending) return <ListSkeleton label="Loading the newsletter" />;
  if (!isNew && existing.isError) {
    return (
      <LoadFailed what="The newsletter" error={existing.error} onRetry={() => void existing.refetch()} />
    );
  }
  const newsletter = isNew ? null : (existing.data ?? null);
  return (
    <NewsletterEditor
      key={newsletter?.id ?? 'new'}
      newsletter={newsletter}
      writable={can('newsletters:write')}
    />
  );
}

function NewsletterEditor({
  newsletter,
  writable,
}: {
  newsletter: Newsletter | null;
  writable: boolean;
}): ReactNode {
  const { store } = useCurrentStore();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<NewsletterBody>(newsletter ? bodyOf(newsletter) : emptyDraft);
  const [scheduleAt, setScheduleAt] = useState('');
  const segments = useQuery(segmentsQuery(store.handle));
  const groups = useQuery(groupsQuery(store.handle));
  const reach = useQuery(audienceCountQuery(store.handle, countable(draft.audience)));
  const save = useSaveNewsletter(store.handle);
  const send = useNewsletterAction(store.handle, 'send');
  const cancel = useNewsletterAction(store.handle, 'cancel');
  const test = useNewsletterAction(store.handle, 'test');
  const editable = writable && (!newsletter || newsletter.status === 'draft');
  const changed = !newsletter || JSON.stringify(bodyOf(newsletter)) !== JSON.stringify(draft);
  const preview = useQuery({
    ...newsletterPreviewQuery(store.handle, newsletter?.id ?? '', newsletter?.updatedAt ?? ''),
    enabled: newsletter !== null,
  });
  useEffect(() => {
    if (newsletter && newsletter.status !== 'draft') setDraft(bodyOf(newsletter));
  }, [newsletter]);

  const onSave = async () => {
    try {
      const saved = await save.mutateAsync({ id: newsletter?.id, body: draft });
      notifySuccess('The draft is saved.');
      if (!newsletter) {
        await navigate({
          to: '/stores/$store/newsletters/$newsletterId',
          params: { store: store.handle, newsletterId: saved.id },
        });
      }
    } catch (err) {
      notifyError(err, 'The draft was not saved');
    }
  };
  const act = async (action: typeof send, done: string, at?: string) => {
    if (!newsletter) return;
    try {
      const answer = await action.mutateAsync({ id: newsletter.id, at });
      notifySuccess(answer.to ? `${done} to ${answer.to}.` : done);
    } catch (err) {
      notifyError(err);
    }
  };

  const audienceKind = draft.audience.kind;
  const options =
    audienceKind === 'segment'
      ? (segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))
      : (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));
  const figures = newsletter?.figures;

  return (
    <>
      <PageHeader
        title={newsletter ? newsletter.subject : 'New newsletter'}
        description={
          newsletter ? (
            <Group gap="xs">
              <Badge color={statusWords[newsletter.status].color} variant="light">
                {statusWords[newsletter.status].label}
              </Badge>
              {newsletter.scheduledAt ? (
                <Text size="sm" c="dimmed">
                  {newsletter.status === 'scheduled' ? 'Goes out' : 'Sent'}{' '}
                  {formatDateTime(newsletter.scheduledAt)}
                </Text>
              ) : null}
            </Group>
          ) : (
            'Written as HTML: headings, paragraphs, lists, links (class="button" for a button) and https images.'
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Card withBorder>
              <Stack>
                <TextInput
                  label="Subject"
                  required
                  maxLength={200}
                  value={draft.subject}
                  disabled={!editable}
                  onChange={(e) => setDraft({ ...draft, subject: e.currentTarget.value })}
                />
                <TextInput
                  label="Preheader"
                  description="The line mail apps show after the subject."
                  maxLength={200}
                  value={draft.preheader}
                  disabled={!editable}
                  onChange={(e) => setDraft({ ...draft, preheader: e.currentTarget.value })}
                />
                <Textarea
                  label="Body (HTML)"
                  autosize
                  minRows={8}
                  maxRows={24}
                  value={draft.bodyHtml}
                  disabled={!editable}
                  styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
                  onChange={(e) => setDraft({ ...draft, bodyHtml: e.currentTarget.value })}
                />
                <Stack gap={6}>
                  <Text fw={500} size="sm">
                    Audience
                  </Text>
                  <SegmentedControl
                    value={audienceKind}
                    disabled={!editable}
                    data={[
                      { value: 'all', label: 'All subscribers' },
                      { value: 'segment', label: 'A segment' },
                      { value: 'group', label: 'A group' },
                    ]}
                    onChange={(kind) =>
                      setDraft({
                        ...draft,
                        audience:
                          kind === 'all' ? { kind: 'all' } : { kind: kind as 'segment' | 'group', id: '' },
                      })
                    }
                  />
                  {audienceKind !== 'all' ? (
                    <Select
                      aria-label={audienceKind === 'segment' ? 'Segment' : 'Group'}
                      placeholder={audienceKind === 'segment' ? 'Choose a segment' : 'Choose a group'}
                      data={options}
                      disabled={!editable}
                      value={'id' in draft.audience ? draft.audience.id || null : null}
                      onChange={(id) =>
                        setDraft({ ...draft, audience: { kind: audienceKind, id: id ?? '' } as Audience })
                      }
                    />
                  ) : null}
                  <Text
                    size="sm"
                    c="dimmed"
                    aria-live="polite"
                    hidden={newsletter !== null && newsletter.status !== 'draft'}
                  >
                    {countable(draft.audience) === null
                      ? 'Choose who it is for.'
                      : reach.isPending
                        ? 'Counting…'
                        : reach.isError
                          ? 'Could not count the audience.'
                          : `Reaches ${reach.data.consenting} ${reach.data.consenting === 1 ? 'customer' : 'customers'} who consent to marketing e-mail now.`}
                  </Text>
                </Stack>
                {editable ? (
                  <Group>
                    <Button onClick={() => void onSave()} loading={save.isPending} disabled={!changed}>
                      {newsletter ? 'Save draft' : 'Create draft'}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Card>
            {newsletter ? (
              <Card withBorder padding={0}>
                <Text fw={500} size="sm" p="sm">
                  Preview {changed && editable ? '(of the saved draft)' : ''}
                </Text>
                {preview.data ? (
                  <iframe
                    title="Preview of the newsletter"
                    sandbox=""
                    srcDoc={preview.data.html}
                    style={{
                      width: '100%',
                      height: 480,
                      border: 0,
                      borderTop: '1px solid var(--mantine-color-gray-3)',
                    }}
                  />
                ) : null}
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {newsletter ? (
            <Stack>
              {writable && newsletter.status === 'draft' ? (
                <Card withBorder>
                  <Stack>
                    <Title order={4}>Send</Title>
                    {changed ? (
                      <Alert color="yellow">Save the draft first: what is saved is what goes out.</Alert>
                    ) : null}
                    <Button
                      variant="default"
                      loading={test.isPending}
                      onClick={() => void act(test, 'A test is on its way')}
                    >
                      Send a test to me
                    </Button>
                    <Button
                      disabled={changed}
                      loading={send.isPending}
                      onClick={() => void act(send, 'The newsletter is on its way.')}
                    >
                      Send now
                    </Button>
                    <Group align="end" gap="xs">
                      <TextInput
                        type="datetime-local"
                        label="Or schedule for"
                        value={scheduleAt}
                        onChange={(e) => setScheduleAt(e.currentTarget.value)}
                        style={{ flex: 1 }}
                      />
                      <Button
                        variant="light"
                        disabled={changed || !scheduleAt}
                        onClick={() =>
                          void act(send, 'The newsletter is scheduled.', new Date(scheduleAt).toISOString())
                        }
                      >
                        Schedule
                      </Button>
                    </Group>
                  </Stack>
                </Card>
              ) : null}
              {figures && newsletter.status !== 'draft' ? (
                <Card withBorder>
                  <Stack>
                    <Title order={4}>{newsletter.status === 'sending' ? 'Sending…' : 'Figures'}</Title>
                    <NewsletterProgress figures={figures} />
                    <SimpleGrid cols={2} spacing="xs">
                      <Figure label="Recipients" value={figures.recipients} />
                      <Figure label="Sent" value={figures.sent} />
                      <Figure label="Opened" value={figures.uniqueOpens} note={`${figures.opens} opens`} />
                      <Figure
                        label="Clicked"
                        value={figures.uniqueClicks}
                        note={`${figures.clicks} clicks`}
                      />
                      <Figure label="Unsubscribed" value={figures.unsubscribes} />
                      <Figure label="Skipped (no consent)" value={figures.skippedNoConsent} />
                    </SimpleGrid>
                    <Text size="xs" c="dimmed">
                      Opens and clicks are counted for {figures.tracked} of {figures.recipients} recipients:
                      only where tracking is on and the customer's consent covers it.
                    </Text>
                  </Stack>
                </Card>
              ) : null}
              {writable && (newsletter.status === 'scheduled' || newsletter.status === 'sending') ? (
                <Button
                  color="red"
                  variant="light"
                  loading={cancel.isPending}
                  onClick={() => void act(cancel, 'Stopped.')}
                >
                  {newsletter.status === 'sending' ? 'Stop sending' : 'Cancel the schedule'}
                </Button>
              ) : null}
            </Stack>
          ) : null}
        </Grid.Col>
      </Grid>
    </>
  );
}

function Figure({ label, value, note }: { label: string; value: number; note?: string }): ReactNode {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}
