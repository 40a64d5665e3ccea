import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, Confirm, useNotify, useRecordContext, type RaRecord } from 'react-admin';
import { errorMessage } from './adminActions';
import { useRecordAction } from './useRecordAction';

export interface ConfirmActionButtonProps<T extends RaRecord> {
  resource: string;
  /** The action path after the record, e.g. `receive` or `cancel`. */
  action: string;
  label: string;
  icon: ReactElement;
  title: string;
  content: ReactNode;
  confirmLabel: string;
  /** The notification after success, from the record the API returned. */
  success: (record: T) => string;
  body?: object;
  /** A destructive action gets a red confirm button. */
  danger?: boolean;
}

/** A record action (POST …/:id/<action>, useRecordAction) behind a confirmation dialog; the page reloads after it. */
export function ConfirmActionButton<T extends RaRecord>({
  resource,
  action,
  label,
  icon,
  title,
  content,
  confirmLabel,
  success,
  body,
  danger,
}: ConfirmActionButtonProps<T>) {
  const record = useRecordContext<T>();
  const notify = useNotify();
  const { run, pending } = useRecordAction<T>(resource);
  const [open, setOpen] = useState(false);
  if (!record) return null;

  const confirm = async () => {
    try {
      notify(success(await run(record.id, action, body)), { type: 'success' });
      setOpen(false);
    } catch (error) {
      notify(errorMessage(error, `${label} failed.`), { type: 'error' });
    }
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} color={danger ? 'error' : 'primary'}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={title}
        content={content}
        confirm={confirmLabel}
        cancel="Back"
        confirmColor={danger ? 'warning' : 'primary'}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
