import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, Confirm, type Identifier, type RaRecord } from 'react-admin';
import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import type { BulkResult } from '../types';
import { useBulkAction, type BulkActionOptions } from './useBulkAction';

/** POST /api/admin/<path> (`orders/bulk-status`) with the ids and the change: `{succeeded, failed}`. */
export async function postBulk(path: string, ids: Identifier[], change: object): Promise<BulkResult> {
  const { json } = await httpClient<BulkResult>(`${adminApiUrl}/${path}`, { method: 'POST', body: JSON.stringify({ ids, ...change }) });
  return json;
}

export interface BulkActionButtonProps<R extends RaRecord> extends BulkActionOptions<R> {
  label: string;
  icon: ReactElement;
  send: (ids: Identifier[]) => Promise<BulkResult>;
  /** asks first (for what is hard to undo) */
  confirm?: { title: string; content: ReactNode };
}

/** A button of a list's bulk-actions toolbar that applies one change to every selected record. */
export function BulkActionButton<R extends RaRecord>({ label, icon, send, confirm, ...options }: BulkActionButtonProps<R>) {
  const { run, busy, dialog } = useBulkAction<R>(options);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button label={label} onClick={() => (confirm ? setAsking(true) : void run(send))} disabled={busy}>
        {icon}
      </Button>
      {confirm && (
        <Confirm
          isOpen={asking}
          title={confirm.title}
          content={confirm.content}
          onConfirm={() => {
            setAsking(false);
            void run(send);
          }}
          onClose={() => setAsking(false)}
        />
      )}
      {dialog}
    </>
  );
}
