import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TimeWithUtc } from './time-with-utc';

const date = new Date('2027-03-01T04:30:00Z');

describe('TimeWithUtc', () => {
  it('shows the local time and describes it with UTC', () => {
    render(<TimeWithUtc date={date} />);
    const time = screen.getByText('1 Mar 2027, 10:00 GMT+5:30');
    expect(time).toHaveAttribute('datetime', '2027-03-01T04:30:00.000Z');
    expect(time).toHaveAccessibleDescription('1 Mar 2027, 04:30 UTC');
  });

  it('shows relative time when asked, with the exact local and UTC times on focus', async () => {
    render(<TimeWithUtc date={date} relativeTo={new Date('2026-12-01T00:00:00Z')} />);
    const time = screen.getByText('in 3 months');
    await userEvent.tab();
    expect(time).toHaveFocus();
    expect(time).toHaveAccessibleDescription(
      /^1 Mar 2027, 10:00 GMT\+5:30,\s*1 Mar 2027, 04:30 UTC$/,
    );
    expect(screen.getByRole('tooltip', { hidden: true })).toHaveTextContent(
      '1 Mar 2027, 04:30 UTC',
    );
  });
});
