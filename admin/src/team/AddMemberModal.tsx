import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { fieldErrorsFrom, notifyError, notifySuccess } from '../ui/notify.ts';
import { useAddMember } from './team-queries.ts';

type Field = 'email' | 'role' | 'name' | 'password';
const fields: readonly string[] = ['email', 'role', 'name', 'password'];
const minPasswordLength = 10;
const fieldForCode: Record<string, Field> = {
  already_member: 'email',
  email_taken: 'email',
  weak_password: 'password',
  owner_required: 'role',
};

export function AddMemberModal({
  store,
  roles,
  opened,
  onClose,
}: {
  store: string;
  roles: string[];
  opened: boolean;
  onClose: () => void;
}) {
  const addMember = useAddMember(store);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  // The server asks for a name and password only when the address has no account yet.
  const [needsAccount, setNeedsAccount] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const close = () => {
    setEmail('');
    setRole(null);
    setName('');
    setPassword('');
    setNeedsAccount(false);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter a valid e-mail address.';
    if (!role) found.role = 'Choose a role.';
    if (needsAccount && !name.trim()) found.name = 'Enter their name.';
    if (needsAccount && password.length < minPasswordLength) {
      found.password = `Use at least ${minPasswordLength} characters.`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !role) return;
    addMember.mutate(
      {
        email: email.trim(),
        role,
        ...(needsAccount ? { name: name.trim(), password } : {}),
      },
      {
        onSuccess: (member) => {
          notifySuccess(`${member.name || member.email} joined the team as ${member.role}.`, 'Member added');
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'password_required') {
            setNeedsAccount(true);
            return;
          }
          setErrors(
            fieldErrorsFrom(
              error,
              (path) => (fields.includes(path) ? (path as Field) : undefined),
              fieldForCode,
            ),
          );
          notifyError(error, 'The member was not added');
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Add team member">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            placeholder="colleague@example.com"
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setNeedsAccount(false);
            }}
            error={errors.email}
            required
            data-autofocus
          />
          <NativeSelect
            label="Role"
            data={[
              { value: '', label: 'Choose a role', disabled: true },
              ...roles.map((r) => ({ value: r, label: r[0]!.toUpperCase() + r.slice(1) })),
            ]}
            value={role ?? ''}
            onChange={(e) => setRole(e.currentTarget.value || null)}
            error={errors.role}
            required
          />
          {needsAccount ? (
            <>
              <Alert color="blue" variant="light" title="New to Storepilot">
                <Text size="sm">
                  {email.trim()} has no account yet. Give their name and an initial password to create one;
                  share the password with them privately.
                </Text>
              </Alert>
              <TextInput
                label="Name"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
                required
                data-autofocus
              />
              <PasswordInput
                label="Initial password"
                description={`At least ${minPasswordLength} characters.`}
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what you typed' }}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
                required
              />
            </>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={addMember.isPending}>
              {needsAccount ? 'Create account and add' : 'Add member'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
