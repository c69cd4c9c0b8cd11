import { useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import type { Job } from '../../jobs/api/job-contract';

type RetireNowDialogProps = { job: Job; onConfirm: () => void; onClose: () => void };

/** "Retire now" asks once, naming both keys: the old one stops working at once. */
export function RetireNowDialog({ job, onConfirm, onClose }: RetireNowDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const replacedBy = job.rotation?.replaced_by ?? '';
  return (
    <ModalDialog
      title={`Retire ${job.key_name} now?`}
      description={`Anything still using ${job.key_name} stops working once it is detached and deleted; ${replacedBy} takes its place.`}
      onClose={onClose}
      initialFocusRef={cancelRef}
      size="sm"
      footer={
        <div className="flex justify-end gap-3">
          <Button ref={cancelRef} onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm}>
            Retire now
          </Button>
        </div>
      }
    >
      {null}
    </ModalDialog>
  );
}
