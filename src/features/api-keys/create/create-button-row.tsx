import { Button } from '../../../components/ui/button';

type CreateButtonRowProps = {
  statusId: string;
  pending: boolean;
  onCancel: () => void;
};

/**
 * Create, and while it runs a spinner in a button that keeps its width (nothing around it moves
 * or wraps), the words in a polite status, and Cancel as a quiet button beside it.
 */
export function CreateButtonRow({ statusId, pending, onCancel }: CreateButtonRowProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="submit"
        variant="primary"
        disabled={pending}
        aria-describedby={statusId}
        className="w-44 whitespace-nowrap"
      >
        {pending && (
          <span
            aria-hidden="true"
            className="size-4 shrink-0 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
        )}
        Create API key
      </Button>
      {pending && (
        <Button variant="ghost" onClick={onCancel} className="whitespace-nowrap">
          Cancel request
        </Button>
      )}
      <p id={statusId} role="status" className="text-fg-muted text-sm">
        {pending ? 'Creating the key…' : ''}
      </p>
    </div>
  );
}
