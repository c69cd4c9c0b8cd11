import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe.each([
  // Offset 0 at the instant shown, whether the zone is UTC itself or only on UTC's clock that day.
  { zone: 'UTC', instant: date, shown: '1 Mar 2027, 04:30 UTC' },
  {
    zone: 'Europe/London',
    instant: new Date('2027-01-15T09:00:00Z'),
    shown: '15 Jan 2027, 09:00 UTC',
  },
])('TimeWithUtc where the local clock is UTC ($zone)', ({ zone, instant, shown }) => {
  const ORIGINAL_TZ = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    process.env.TZ = ORIGINAL_TZ;
  });

  it('shows the time once, with no tooltip repeating it', () => {
    render(<TimeWithUtc date={instant} />);
    expect(screen.getAllByText(shown, { exact: false })).toHaveLength(1);
    expect(screen.getByText(shown)).not.toHaveAccessibleDescription(/\S/);
    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();
  });

  it('gives the exact time once behind a relative one', async () => {
    render(<TimeWithUtc date={instant} relativeTo={new Date('2026-12-01T00:00:00Z')} />);
    await userEvent.tab();
    expect(screen.getByRole('tooltip', { hidden: true })).toHaveTextContent(
      new RegExp(`^${shown}$`),
    );
    expect(document.activeElement).toHaveAccessibleDescription(shown);
  });
});

describe('TimeWithUtc in London in summer (BST, offset +1)', () => {
  const ORIGINAL_TZ = process.env.TZ;
  afterEach(() => {
    process.env.TZ = ORIGINAL_TZ;
  });

  it('still shows both clocks', () => {
    process.env.TZ = 'Europe/London';
    render(<TimeWithUtc date={new Date('2027-07-01T09:00:00Z')} />);
    expect(screen.getByText('1 Jul 2027, 10:00 GMT+1')).toHaveAccessibleDescription(
      '1 Jul 2027, 09:00 UTC',
    );
  });
});
