import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../api/deployment-record';
import { AUTH_ACK_REQUIRED, AuthTurnsOnNotice } from './auth-turns-on-notice';

const deployment = (
  name: string,
  keyRefs: string[],
  authEnabled = keyRefs.length > 0,
): DeploymentRecord => ({ ref: name, name, status: 'ACTIVE', address: null, keyRefs, authEnabled });

function Form({ chosen }: { chosen: DeploymentRecord[] }) {
  const [acknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <form
      aria-label="Create key"
      onSubmit={(event) => {
        event.preventDefault();
        setError(acknowledged ? undefined : AUTH_ACK_REQUIRED);
      }}
      noValidate
    >
      <AuthTurnsOnNotice
        chosen={chosen}
        acknowledged={acknowledged}
        onAcknowledgedChange={setAcknowledged}
        error={error}
      />
      <button type="submit">Create</button>
    </form>
  );
}

describe('AuthTurnsOnNotice', () => {
  it('names the deployments with no key today, says callers without a key get 401, needs a tick', async () => {
    const user = userEvent.setup();
    render(
      <Form
        chosen={[deployment('open-a', []), deployment('keyed', ['k9']), deployment('open-b', [])]}
      />,
    );
    const group = screen.getByRole('group', {
      name: 'Key authentication turns on for 2 deployments',
    });
    expect(group).toHaveTextContent('open-a, open-b');
    expect(group).not.toHaveTextContent('keyed');
    expect(group).toHaveTextContent('callers that send no key will be refused (401 Unauthorized)');

    const box = screen.getByRole('checkbox', {
      name: 'I understand that callers sending no key will be refused',
    });
    expect(box).toBeRequired();
    expect(box).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(box).toHaveAccessibleDescription(expect.stringContaining(AUTH_ACK_REQUIRED));
    expect(box).toBeInvalid();

    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(box).toBeChecked();
    expect(box).not.toHaveAccessibleDescription(expect.stringContaining(AUTH_ACK_REQUIRED));
  });

  it('shows nothing when every chosen deployment already has a key', () => {
    render(<Form chosen={[deployment('keyed', ['k9'])]} />);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
