// Steps as Gcore documents them:
// https://gcore.com/docs/account-settings/create-use-or-delete-a-permanent-api-token and
// https://gcore.com/docs/developer-tools/rest-api/authentication (Profile → API tokens → Create token).
const PORTAL = 'https://portal.gcore.com';

/** Where a permanent token comes from, for someone who has never made one. */
export function TokenHelp() {
  return (
    <div className="border-line bg-surface-muted flex flex-col gap-2 rounded-md border p-3 text-sm">
      <p className="text-fg font-medium">Where do I get a token?</p>
      <ol className="text-fg-muted flex list-decimal flex-col gap-1 pl-5">
        <li>
          Sign in to the{' '}
          <a
            href={PORTAL}
            target="_blank"
            rel="noopener noreferrer"
            className="text-fg focus-visible:outline-focus rounded font-medium underline focus-visible:outline-2"
          >
            Gcore Customer Portal
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
          .
        </li>
        <li>
          Open <strong className="text-fg">Profile → API tokens</strong> and click{' '}
          <strong className="text-fg">Create token</strong>.
        </li>
        <li>Pick a role that may manage Inference (Administrators can), then create it.</li>
        <li>Copy the token (Gcore shows it only once) and paste it here.</li>
      </ol>
    </div>
  );
}
