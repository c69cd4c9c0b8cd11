import type { IncomingHttpHeaders } from 'node:http';
import type { GenerationChoice } from '../api-generation-choice.ts';
import { errorAnswer, type ErrorAnswer } from '../cloud-answer.ts';
import { routesFor, UNDECIDED_ROUTES, type RouteRule } from './route-table.ts';

/**
 * A listed call passes only when it belongs to the API's generation: the one for everyone, or in
 * personal sign-in the caller's own. Before it is known, only the projects list passes without a
 * decision; a key call first asks for it (with the server's token, or the caller's own), and is
 * refused 503 if that cannot be done: never forwarded on a guess, never as the union of both.
 */
export async function generationGate(
  choice: Pick<GenerationChoice, 'current' | 'decide'>,
  rule: RouteRule,
  headers: IncomingHttpHeaders,
): Promise<ErrorAnswer | undefined> {
  let generation = choice.current();
  if (generation === null) {
    if (UNDECIDED_ROUTES.includes(rule)) return undefined;
    const decided = await choice.decide(headers.authorization);
    if (decided.generation === null) {
      return errorAnswer(
        503,
        'ApiGenerationUndecided',
        `The dashboard's server does not know yet which Gcore API generation to use (${decided.reason}); no key call is forwarded until it does.`,
      );
    }
    generation = decided.generation;
  }
  if (routesFor(generation).includes(rule)) return undefined;
  const other = generation === 'v2' ? 'v3' : 'v2';
  return errorAnswer(
    403,
    'ForbiddenByGateway',
    `This server speaks Gcore API ${generation}; ${other} calls are not forwarded.`,
  );
}
