import { Edit, useRecordContext } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import type { ServiceType } from '../types';
import { ServiceTypeForm } from './ServiceTypeForm';

const ServiceTypeTitle = () => {
  const record = useRecordContext<ServiceType>();
  return <span>Service {record ? record.name : ''}</span>;
};

/**
 * Pessimistic: the API's validation errors appear under the inputs. A new price applies to new
 * bookings only (bookings keep the price they were made with).
 */
export const ServiceTypeEdit = () => (
  <Edit<ServiceType> mutationMode="pessimistic" title={<ServiceTypeTitle />} redirect="list">
    <ServiceTypeForm />
    <HistoryPanel />
  </Edit>
);
