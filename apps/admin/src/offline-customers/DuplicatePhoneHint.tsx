import Alert from '@mui/material/Alert';
import { Link, useCreatePath, useGetList, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { OfflineCustomer } from '../common-sales/types';
import { useDebounced } from '../forms';
import { PHONE_DIGITS_TO_CHECK, customersWithPhone, phoneDigits, phoneSearchText } from './duplicatePhone';

/**
 * "Another in-store customer has this phone: Ann Lee", linked to that customer (in a new tab, so
 * nothing typed is lost), while `phone` is someone else's number. A hint, never a refusal: saving
 * still works.
 */
export const DuplicatePhoneHint = ({ phone: typed, selfId }: { phone: string | null | undefined; selfId?: number | string }) => {
  const phone = useDebounced(typeof typed === 'string' ? typed.trim() : '', 400);
  const createPath = useCreatePath();
  const enabled = phoneDigits(phone).length >= PHONE_DIGITS_TO_CHECK;
  const { data } = useGetList<OfflineCustomer>(
    'offline-customers',
    { filter: { q: phoneSearchText(phone) }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } },
    { enabled },
  );
  const others = enabled ? customersWithPhone(data ?? [], phone, selfId) : [];
  if (others.length === 0) return null;
  return (
    <Alert severity="warning" role="status" sx={{ mb: 2, width: '100%', maxWidth: 720 }}>
      {others.length === 1 ? 'Another in-store customer has this phone: ' : 'Other in-store customers have this phone: '}
      {others.map((other, index) => (
        <span key={other.id}>
          {index > 0 && ', '}
          <Link to={createPath({ resource: 'offline-customers', id: other.id, type: 'show' })} target="_blank">
            {other.name}
          </Link>
        </span>
      ))}
      . Check it is not the same person before saving.
    </Alert>
  );
};

/** The hint under the phone input of the in-store customer form (the edited customer left out). */
export const DuplicatePhoneInputHint = () => {
  const record = useRecordContext<OfflineCustomer>();
  const phone = useWatch({ name: 'phone' }) as string | undefined;
  return <DuplicatePhoneHint phone={phone} selfId={record?.id} />;
};
