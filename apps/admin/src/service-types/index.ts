import HandymanIcon from '@mui/icons-material/Handyman';
import type { ResourceProps } from 'react-admin';
import type { ServiceType } from '../types';
import { ServiceTypeCreate } from './ServiceTypeCreate';
import { ServiceTypeEdit } from './ServiceTypeEdit';
import { ServiceTypeList } from './ServiceTypeList';

/** The `service-types` admin resource (docs/api.md#services-and-notifications): the services customers can book; no delete. */
export const serviceTypes = {
  name: 'service-types',
  list: ServiceTypeList,
  edit: ServiceTypeEdit,
  create: ServiceTypeCreate,
  icon: HandymanIcon,
  recordRepresentation: (record: ServiceType) => record.name,
} satisfies ResourceProps;

export { durationText } from './duration';
export { ServiceTypeCreate, ServiceTypeEdit, ServiceTypeList };
