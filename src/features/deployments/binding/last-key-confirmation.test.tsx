import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { LastKeyConfirmation, lastKeyConfirmed } from './last-key-confirmation';

function Dialog({ deployments }: { deployments: string[] }) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  return (
    <>
      <LastKeyConfirmation
        deployments={deployments}
        keyName="ci-pipeline"
        typed={typed}
        onTypedChange={setTyped}
      />
      <button disabled={!lastKeyConfirmed(deployments, typed)}>Save bindings</button>
    </>
  );
}

describe('LastKeyConfirmation', () => {
  it('warns the deployment will accept requests without any key, and confirm waits for its exact name', async () => {
    const user = userEvent.setup();
    render(<Dialog deployments={['llama-3-8b-chat']} />);
    const group = screen.getByRole('group', {
      name: 'This deployment will accept requests without any key',
    });
    expect(group).toHaveTextContent('ci-pipeline is the last key of llama-3-8b-chat');
    const save = screen.getByRole('button', { name: 'Save bindings' });
    const input = screen.getByRole('textbox', { name: 'Type llama-3-8b-chat to confirm' });
    expect(save).toBeDisabled();

    await user.type(input, 'ci-pipeline');
    expect(save).toBeDisabled();
    await user.clear(input);
    await user.type(input, 'llama-3-8b-cha');
    expect(save).toBeDisabled();
    await user.type(input, 't ');
    expect(save).toBeEnabled();
    await user.type(input, '{Backspace}{Backspace}');
    expect(save).toBeDisabled();
  });

  it('asks for every deployment that loses its last key', async () => {
    const user = userEvent.setup();
    render(<Dialog deployments={['alpha', 'beta']} />);
    expect(
      screen.getByRole('group', { name: '2 deployments will accept requests without any key' }),
    ).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Type alpha to confirm' }), 'alpha');
    expect(screen.getByRole('button', { name: 'Save bindings' })).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Type beta to confirm' }), 'beta');
    expect(screen.getByRole('button', { name: 'Save bindings' })).toBeEnabled();
  });

  it('disables confirm again when another deployment joins the list after the first was typed', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Dialog deployments={['alpha']} />);
    await user.type(screen.getByRole('textbox', { name: 'Type alpha to confirm' }), 'alpha');
    expect(screen.getByRole('button', { name: 'Save bindings' })).toBeEnabled();
    rerender(<Dialog deployments={['alpha', 'beta']} />);
    expect(screen.getByRole('button', { name: 'Save bindings' })).toBeDisabled();
  });

  it('renders nothing when no deployment loses its last key', () => {
    render(
      <LastKeyConfirmation deployments={[]} keyName="k" typed={{}} onTypedChange={() => {}} />,
    );
    expect(screen.queryByRole('group')).toBeNull();
  });
});
