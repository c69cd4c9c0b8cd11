import { Button } from '../../../components/ui/button';
import { useBindingFailures } from '../../deployments/binding/use-binding-failures';

type Props = { projectId: number; keyName: string };

/**
 * The key's bindings that did not land, in its details: next to "unlocks no deployment", the
 * reason it unlocks less than was asked, and a Retry. Nothing where none failed (or on v2).
 */
export function KeyBindingFailures({ projectId, keyName }: Props) {
  const { failures, retry } = useBindingFailures();
  const mine = failures.filter((f) => f.projectId === projectId && f.keyName === keyName);
  if (mine.length === 0) return null;
  const retrying = mine.some((failure) => failure.retrying);
  const names = mine.map((failure) => failure.deployment).join(', ');
  const attach = mine.some((failure) => failure.attach);
  return (
    <div className="border-danger-line bg-danger-subtle text-danger-fg mt-2 flex flex-col items-start gap-2 rounded-md border p-2 text-sm">
      <ul className="flex flex-col gap-1 wrap-anywhere">
        {mine.map((failure) => (
          <li key={failure.id}>
            {failure.attach ? 'Binding to' : 'Detaching from'} {failure.deployment} failed:{' '}
            {failure.message}
          </li>
        ))}
      </ul>
      <p role="status" className="empty:hidden">
        {retrying ? 'Retrying…' : ''}
      </p>
      <Button
        aria-disabled={retrying}
        aria-label={`${attach ? 'Retry binding' : 'Retry detaching'} ${keyName} ${attach ? 'to' : 'from'} ${names}`}
        onClick={() => {
          if (!retrying) retry(mine.map((failure) => failure.id));
        }}
      >
        {attach ? 'Retry binding' : 'Retry detaching'}
      </Button>
    </div>
  );
}
