import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import type { ApiGenerationState } from '../../lib/use-api-generation';

/**
 * The server has not yet told which Gcore generation to speak (personal sign-in, before any
 * token could ask the API): the page waits for it rather than guessing and sending calls the
 * gateway would refuse.
 */
export function GenerationUnknown({ state }: { state: ApiGenerationState }) {
  const queryClient = useQueryClient();
  if (state.status === 'detecting') {
    return <p role="status">Asking the API which generation of Gcore’s key calls it serves…</p>;
  }
  const cause = state.error?.message ?? state.reason ?? 'no reason given';
  return (
    <Alert>
      <p>
        The server could not tell which generation of Gcore’s API to use ({cause}). Check that the
        API is reachable, then try again.
      </p>
      <Button onClick={() => void queryClient.invalidateQueries({ queryKey: ['api-generation'] })}>
        Try again
      </Button>
    </Alert>
  );
}
