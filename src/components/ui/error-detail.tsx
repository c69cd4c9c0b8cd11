/**
 * The API's own words (status, message, request ID), closed by default: support and whoever
 * runs the dashboard need them, most users do not. Put it right after the plain message.
 */
export function ErrorDetail({
  detail,
  summary = 'Details for your administrator',
}: {
  detail: string;
  summary?: string;
}) {
  return (
    <details className="text-fg-muted text-sm">
      <summary className="focus-visible:outline-focus cursor-pointer rounded focus-visible:outline-2">
        {summary}
      </summary>
      <p className="mt-1 font-mono text-xs break-words">{detail}</p>
    </details>
  );
}
