/** No keys yet, and the API cannot be reached: the page's banner says why, once. */
export function KeysWaitingForApi() {
  return (
    <p className="text-fg-muted py-8 text-center text-sm">
      The keys appear here once the API answers.
    </p>
  );
}
