import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import * as client from '../../lib/api-client';
import { ApiError } from '../../lib/api-error';
import { SignInForm } from './sign-in-form';

function refuse(status: number) {
  vi.spyOn(client, 'apiRequest').mockRejectedValue(
    new ApiError({
      kind: 'http',
      status,
      message: 'Token is invalid or expired',
      exceptionClass: 'NotAuthenticated',
      requestId: 'r401',
    }),
  );
}

async function submit(token = '123$abc') {
  const user = userEvent.setup();
  render(<SignInForm reason={null} />);
  await user.type(screen.getByLabelText('API token'), token);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('SignInForm', () => {
  it('says where a permanent token is created in the Gcore portal', () => {
    render(<SignInForm reason={null} />);
    expect(screen.getByText(/Profile → API tokens/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Gcore Customer Portal/ })).toHaveAttribute(
      'href',
      'https://portal.gcore.com',
    );
  });

  it('explains a 401 in plain words, with the API’s own behind a disclosure', async () => {
    refuse(401);
    const user = await submit();
    const field = screen.getByLabelText('API token');
    expect(await screen.findByText(/Gcore did not accept this token/)).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(/did not accept this token/);
    expect(field).not.toHaveAccessibleDescription(/NotAuthenticated|r401/);
    const detail = screen.getByText(/HTTP 401: Token is invalid or expired \(request ID r401\)/);
    expect(detail).not.toBeVisible();
    await user.click(screen.getByText('Details for your administrator'));
    expect(detail).toBeVisible();
  });

  it('tells a 403 apart: the token is fine, its role is not', async () => {
    refuse(403);
    await submit();
    expect(await screen.findByText(/its role may not use Inference/)).toBeInTheDocument();
  });
});
