import { Box, Button, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSuspenseQuery } from '@tanstack/react-query';
import { sessionQuery } from '../auth/session-queries.ts';
import { UserMenu } from '../layout/UserMenu.tsx';
import { IconPlus, IconStore } from '../ui/icons.tsx';
import { NewStoreModal } from './NewStoreModal.tsx';

/** Shown to someone who belongs to no store yet. */
export function WelcomeScreen() {
  const { data: session } = useSuspenseQuery(sessionQuery);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh">
      <Box p="md" style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <UserMenu />
      </Box>
      <Center p="md" mih="70vh">
        <Paper withBorder p="xl" radius="md" maw={480} w="100%">
          <Stack align="center" gap="md" ta="center">
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconStore size={28} />
            </ThemeIcon>
            <Title order={1} size="h3">
              Welcome{session.user.name ? `, ${session.user.name}` : ''}
            </Title>
            <Text c="dimmed">
              You are not a member of any store yet. Create your store, or ask a store owner to add{' '}
              {session.user.email} to their team.
            </Text>
            <Button leftSection={<IconPlus />} onClick={open}>
              Create a store
            </Button>
          </Stack>
        </Paper>
      </Center>
      <NewStoreModal opened={opened} onClose={close} />
    </Box>
  );
}
