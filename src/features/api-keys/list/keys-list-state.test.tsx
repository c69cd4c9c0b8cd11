import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { KeysLoadError } from './keys-list-state';

const failure = (status: number) =>
  new ApiError({ kind: 'http', status, message: 'Token is invalid', requestId: 'rq-9' });

describe('KeysLoadError', () => {
  it('says a 401 in plain words, with the API’s words and GCORE_API_KEY folded away', () => {
    render(<KeysLoadError error={failure(401)} onRetry={vi.fn()} />);
    const alert = screen.getByRole('alert');
    const plain = within(alert).getByText(/Ask whoever runs it to renew its API token/);
    expect(plain).not.toHaveTextContent(/GCORE_API_KEY|Token is invalid/);
    const disclosure = within(alert).getByText('Details for your administrator').closest('details');
    expect(disclosure).not.toHaveAttribute('open');
    expect(disclosure).toHaveTextContent(
      /HTTP 401: Token is invalid \(request ID rq-9\).*GCORE_API_KEY/,
    );
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('keeps the API’s message and request id in view for other failures', () => {
    render(<KeysLoadError error={failure(500)} onRetry={vi.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load the API keys: Token is invalid (request ID rq-9)',
    );
    expect(screen.queryByText('Details for your administrator')).not.toBeInTheDocument();
  });
});
