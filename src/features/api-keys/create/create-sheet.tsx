import { Button } from '../../../components/ui/button';
import { Sheet } from '../../../components/ui/sheet';
import { CreateApiKeyPanel } from './create-api-key-panel';

type CreateSheetProps = {
  open: boolean;
  /** A key is being created: closing asks first, and Discard waits. */
  creating: boolean;
  /** Remounts the form empty when it changes (Discard). */
  formKey: number;
  projectId: number | undefined;
  onProjectChange: (id: number) => void;
  onCheckList: (name: string) => void;
  onClose: () => void;
  onDiscard: () => void;
};

/**
 * The create form in its side sheet: one chunk, off the first load and fetched once the page has
 * painted, so the sheet's code costs the first paint nothing and still opens at once.
 */
export function CreateSheet(props: CreateSheetProps) {
  return (
    <Sheet
      open={props.open}
      title="Create an API key"
      description="The key authenticates calls to the deployments you bind it to. Its secret is shown once, right after it is created. Closing keeps what you typed until you discard it."
      onClose={props.onClose}
      closeWarning={
        props.creating
          ? {
              message:
                'A key is being created. Close now, and this comes back with its secret when the API answers.',
              confirmLabel: 'Close for now',
            }
          : null
      }
      actions={
        <Button variant="ghost" onClick={props.onDiscard} disabled={props.creating}>
          Discard
        </Button>
      }
    >
      <CreateApiKeyPanel
        key={props.formKey}
        projectId={props.projectId}
        onProjectChange={props.onProjectChange}
        onCheckList={props.onCheckList}
      />
    </Sheet>
  );
}
