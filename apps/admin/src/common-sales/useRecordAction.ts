import { useRef, useState } from 'react';
import { useRefresh, type RaRecord } from 'react-admin';
import { AttemptKeys, postAction } from './adminActions';

export interface RecordActionOptions {
  /** A money-moving action (a refund): sent with an `Idempotency-Key`, the same one while an attempt is unsettled. */
  idempotent?: boolean;
}

/**
 * A record action (POST …/<resource>/:id/<action>) from a button or dialog: `pending` while it is
 * sent, and the page reloaded after it succeeds; resolves to the record the API returned, or
 * rejects with its error. Each caller says what happened in its own words.
 */
export function useRecordAction<T extends RaRecord = RaRecord>(resource: string) {
  const refresh = useRefresh();
  const attempts = useRef(new AttemptKeys()).current;
  const [pending, setPending] = useState(false);

  const run = async (id: RaRecord['id'], action: string, body: object = {}, { idempotent = false }: RecordActionOptions = {}): Promise<T> => {
    setPending(true);
    try {
      const updated = await postAction<T>(resource, id, action, body, idempotent ? { idempotencyKey: attempts.keyFor(body) } : {});
      attempts.settle();
      refresh();
      return updated;
    } catch (error) {
      attempts.settle(error);
      throw error;
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}
