import { Create } from 'react-admin';
import type { ServiceType } from '../types';
import { ServiceTypeForm } from './ServiceTypeForm';

export const ServiceTypeCreate = () => (
  <Create<ServiceType> redirect="list">
    <ServiceTypeForm defaultValues={{ isActive: true, description: '', durationMinutes: 60 }} />
  </Create>
);
