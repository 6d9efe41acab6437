import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { IconAlertTriangle, IconLogo } from '../ui/icons.tsx';
import { useLogin } from './session-queries.ts';

const loginRoute = getRouteApi('/login');

function messageFor(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'That e-mail and password do not match an account.';
    if (error.code === 'rate_limited') return `Too many attempts. ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : 'Sign-in failed.';
}

export function LoginScreen() {
  const { redirect } = loginRoute.useSearch();
  const router = useRouter();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : 'Enter your e-mail address.',
      password: password ? undefined : 'Enter your password.',
    };
    setErrors(missing);
    if (missing.email || missing.password) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => {
          if (redirect) void router.navigate({ href: redirect, replace: true });
          else void router.navigate({ to: '/', replace: true });
        },
      },
    );
  };

  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={400} gap="lg">
          <Group justify="center" gap="xs">
            <ThemeIcon size="lg" radius="md">
              <IconLogo size={20} />
            </ThemeIcon>
            <Text fw={700} size="xl">
              Storepilot
            </Text>
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <form onSubmit={submit} noValidate aria-labelledby="login-title">
              <Stack gap="md">
                <div>
                  <Title order={1} size="h3" id="login-title">
                    Sign in
                  </Title>
                  <Text c="dimmed" size="sm">
                    Manage your stores, catalog and team.
                  </Text>
                </div>
                {login.isError ? (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert">
                    {messageFor(login.error)}
                  </Alert>
                ) : null}
                <TextInput
                  label="Email"
                  type="email"
                  autoComplete="username"
                  placeholder="you@example.com"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errors.email}
                  required
                  data-autofocus
                  autoFocus
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what you typed' }}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.password}
                  required
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  Sign in
                </Button>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
