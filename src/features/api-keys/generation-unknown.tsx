import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import type { ApiGenerationState } from '../../lib/use-api-generation';
import { useApiDown } from '../../lib/use-api-down';
import { ApiDownBanner } from './api-down-banner';

/**
 * The server has not yet told which Gcore generation to speak (personal sign-in, before any
 * token could ask the API; or an API that could not be reached): the page waits for it rather
 * than guessing and sending calls the gateway would refuse. While the API cannot be reached, the
 * question is asked again by itself (see `createQueryClient`), and the page follows the answer.
 */
export function GenerationUnknown({ state }: { state: ApiGenerationState }) {
  const queryClient = useQueryClient();
  const apiDown = useApiDown() !== null;
  if (apiDown) return <ApiDownBanner />;
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
