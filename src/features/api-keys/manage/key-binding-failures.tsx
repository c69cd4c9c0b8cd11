import { Button } from '../../../components/ui/button';
import {
  failureSentence,
  failureWords,
  leadFailures,
} from '../../deployments/binding/failure-words';
import { useProjectFailures } from '../../deployments/binding/use-binding-failures';
import { failuresSince } from '../../jobs/model/job-failures';
import { useKeysAdapter } from '../api/keys-adapter-context';

type Props = { projectId: number; keyName: string; createdAt: string };

/**
 * The key's jobs (bindings, or its deletion) that did not land, in its details: next to "unlocks no
 * deployment", the reason it unlocks less than was asked, and a Retry. Nothing where none failed
 * (or on v2).
 */
export function KeyBindingFailures({ projectId, keyName, createdAt }: Props) {
  const { jobsOnServer } = useKeysAdapter().capabilities;
  const { failures, retry } = useProjectFailures(projectId, jobsOnServer);
  const mine = leadFailures(
    failuresSince(
      failures.filter((f) => f.keyName === keyName),
      createdAt,
    ),
  );
  if (mine.length === 0) return null;
  const retrying = mine.some((failure) => failure.retrying);
  const retryError = mine.find((failure) => failure.retryError)?.retryError ?? '';
  const words = failureWords(mine);
  return (
    <div className="border-danger-line bg-danger-subtle text-danger-fg mt-2 flex flex-col items-start gap-2 rounded-md border p-2 text-sm">
      <ul className="flex flex-col gap-1 wrap-anywhere">
        {mine.map((failure) => (
          <li key={failure.id}>{failureSentence(failure)}</li>
        ))}
      </ul>
      <p role="status" className="empty:hidden">
        {retrying ? 'Retrying…' : retryError}
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
