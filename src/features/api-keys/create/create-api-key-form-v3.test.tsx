import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdRequests } from '../../../test/hold-requests';
import { setupJobsFake } from '../../../test/jobs-fake';
import { renderWithClient } from '../../../test/render-with-client';
import { setupSandbox } from '../../../test/sandbox-server';
import { v3ApiKeyPath, v3ApiKeysPath } from '../api/v3/api-key-v3-schemas';
import { CreateApiKeyForm } from './create-api-key-form';

const sandbox = setupSandbox();
// The reveal posts its binding job as it renders: the server's jobs service answers it.
setupJobsFake();
const creates = () =>
  sandbox.requestLog.entries().filter((e) => e.method === 'POST' && e.path === v3ApiKeysPath(1));

// v3's adapter chunk, loaded before the first render rather than raced by it on a busy machine.
beforeAll(() => import('../api/v3/api-key-v3-adapter'));

async function renderV3Form() {
  const result = renderWithClient(<CreateApiKeyForm />, { generation: 'v3' });
  await screen.findByRole('checkbox', { name: /^llama-3-8b-chat/ });
  return result;
}

describe('CreateApiKeyForm on v3', () => {
  it("states v3's name rule and says exactly what is wrong with a name", async () => {
    const { user } = await renderV3Form();
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAccessibleDescription(/4–63 lower-case letters, digits and hyphens/);
    await user.type(name, 'ab1');
    await user.tab();
    expect(name).toHaveAccessibleDescription(/Use at least 4 characters \(this one has 3\)/);
    await user.type(name, '.prod');
    expect(name).toHaveAccessibleDescription(/“\.” is not allowed: use a–z, 0–9 and hyphens\./);
    expect(name).not.toHaveAccessibleDescription(/\bdots?\b/i);
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(creates()).toHaveLength(0);
  });

  it('offers a valid name made from what was typed, and the full rule once it is broken', async () => {
    const { user } = await renderV3Form();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, 'My Key!');
    await user.tab();
    expect(name).toHaveAccessibleDescription(/upper-case.*4–63 lower-case letters/);
    await user.click(screen.getByRole('button', { name: 'Use my-key' }));
    expect(name).toHaveValue('my-key');
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('button', { name: /^Use / })).toBeNull();
  });

  it('while pending: the button keeps its words beside a spinner, Cancel request is offered', async () => {
    const letThrough = holdRequests((method) => method === 'POST');
    const { user } = await renderV3Form();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'pending-key');
    const create = screen.getByRole('button', { name: 'Create API key' });
    await user.click(create);
    expect(await screen.findByRole('button', { name: 'Cancel request' })).toBeEnabled();
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleName('Create API key');
    expect(create.querySelector('.animate-spin')).not.toBeNull();
    expect(create).toHaveAccessibleDescription('Creating the key…');
    letThrough();
    await screen.findByRole('dialog', { name: 'Save your API key' });
  });

  it('refuses a description over 300 characters before sending', async () => {
    const { user } = await renderV3Form();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'long-description');
    const description = screen.getByRole('textbox', { name: /^Description/ });
    expect(description).toHaveAccessibleDescription(/up to 300 characters/);
    await user.click(description);
    await user.paste('x'.repeat(301));
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(await screen.findByText(/at most 300 characters \(this one has 301\)/)).toBeVisible();
    expect(creates()).toHaveLength(0);
  });

  it('sends name, description and expiry only, and reveals the secret at once', async () => {
    const { user } = await renderV3Form();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'v3-bound-later');
    await user.click(screen.getByRole('checkbox', { name: /^llama-3-8b-chat/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expiration' }), 'never');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(await screen.findByRole('dialog', { name: 'Save your API key' })).toBeInTheDocument();
    expect(creates()).toHaveLength(1);
    // No bindings in the key call: v3 binds through each deployment, after the reveal.
    expect(creates()[0]?.body).toEqual({ name: 'v3-bound-later' });
    expect(sandbox.requestLog.entries().some((e) => e.method === 'PATCH')).toBe(false);
    const stored = await fetch(v3ApiKeyPath(1, 'v3-bound-later'));
    expect(((await stored.json()) as { deployment_names: string[] }).deployment_names).toEqual([]);
  });
});
