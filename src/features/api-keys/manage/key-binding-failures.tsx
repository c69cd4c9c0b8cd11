import { Button } from '../../../components/ui/button';
import {
  failureSentence,
  failureWords,
  leadFailures,
} from '../../deployments/binding/failure-words';
import { useBindingFailures } from '../../deployments/binding/use-binding-failures';

type Props = { projectId: number; keyName: string };

/**
 * The key's bindings (or its deletion) that did not land, in its details: next to "unlocks no
 * deployment", the reason it unlocks less than was asked, and a Retry. Nothing where none failed
 * (or on v2).
 */
export function KeyBindingFailures({ projectId, keyName }: Props) {
  const { failures, retry } = useBindingFailures();
  const mine = leadFailures(
    failures.filter((f) => f.projectId === projectId && f.keyName === keyName),
  );
  if (mine.length === 0) return null;
  const retrying = mine.some((failure) => failure.retrying);
  const words = failureWords(mine);
  return (
    <div className="border-danger-line bg-danger-subtle text-danger-fg mt-2 flex flex-col items-start gap-2 rounded-md border p-2 text-sm">
      <ul className="flex flex-col gap-1 wrap-anywhere">
        {mine.map((failure) => (
          <li key={failure.id}>{failureSentence(failure)}</li>
        ))}
      </ul>
      <p role="status" className="empty:hidden">
        {retrying ? 'Retrying…' : ''}
      </p>
      <Button
        aria-disabled={retrying}
        aria-label={words.retryNamed}
        onClick={() => {
          if (!retrying) retry(mine.map((failure) => failure.id));
        }}
      >
        {words.retryShort}
      </Button>
    </div>
  );
}
