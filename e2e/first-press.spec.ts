import { openCreateForm } from './fixtures';
import { describeFirstPresses } from './first-press';

// On v2 Name is focused when the sheet opens: every first press blurs it.
const CASES = [
  { title: 'Name left empty', typed: '', nameError: 'Enter a name for the key.' },
  {
    title: 'an invalid name',
    typed: 'My Key',
    nameError: 'Use lower-case letters only: “M” is upper-case.',
  },
] as const;

describeFirstPresses(CASES, openCreateForm);
