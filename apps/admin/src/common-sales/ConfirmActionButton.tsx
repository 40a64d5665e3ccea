import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, type RaRecord } from 'react-admin';
import { errorMessage, postAction } from './adminActions';

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

/** A record action (POST …/:id/<action>) behind a confirmation dialog; the page reloads after it. */
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
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  if (!record) return null;

  const confirm = async () => {
    setLoading(true);
    try {
      const updated = await postAction<T>(resource, record.id, action, body);
      notify(success(updated), { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(errorMessage(error, `${label} failed.`), { type: 'error' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} color={danger ? 'error' : 'primary'}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={loading}
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
