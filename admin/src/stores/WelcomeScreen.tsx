import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSuspenseQuery } from '@tanstack/react-query';
import { sessionQuery } from '../auth/session-queries.ts';
import { UserMenu } from '../layout/UserMenu.tsx';
import { FullPageMessage } from '../ui/FullPageMessage.tsx';
import { IconPlus, IconStore } from '../ui/icons.tsx';
import { NewStoreModal } from './NewStoreModal.tsx';

/** Shown to someone who belongs to no store yet. */
export function WelcomeScreen() {
  const { data: session } = useSuspenseQuery(sessionQuery);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <FullPageMessage
        icon={<IconStore size={28} />}
        title={`Welcome${session.user.name ? `, ${session.user.name}` : ''}`}
        corner={<UserMenu />}
        action={
          <Button leftSection={<IconPlus />} onClick={open}>
            Create a store
          </Button>
        }
      >
        You are not a member of any store yet. Create your store, or ask a store owner to add{' '}
        {session.user.email} to their team.
      </FullPageMessage>
      <NewStoreModal opened={opened} onClose={close} />
    </>
  );
}
