import EventNoteIcon from '@mui/icons-material/EventNote';
import type { ResourceProps } from 'react-admin';
import type { Booking } from '../types';
import { BookingCreate } from './BookingCreate';
import { BookingEdit } from './BookingEdit';
import { BookingList } from './BookingList';
import { BookingShow } from './BookingShow';
import { visitTime } from './bookingStatus';

/** The `bookings` admin resource (docs/api.md#services-and-notifications): home-service visits booked for customers. */
export const bookings = {
  name: 'bookings',
  list: BookingList,
  show: BookingShow,
  edit: BookingEdit,
  create: BookingCreate,
  icon: EventNoteIcon,
  recordRepresentation: (record: Booking) => `${record.serviceName}, ${visitTime(record.scheduledAt)}`,
} satisfies ResourceProps;

export { upcomingWeekFilter } from './bookingStatus';
export { BookingCreate, BookingEdit, BookingList, BookingShow };
