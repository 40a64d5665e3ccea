import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import ViewListIcon from '@mui/icons-material/ViewList';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useNavigate, useSearchParams } from 'react-router-dom';

export type BookingsView = 'list' | 'calendar';

/** The bookings page's view, from its address: `#/bookings?view=calendar` is the calendar, anything else the list. */
export function useBookingsView(): BookingsView {
  const [params] = useSearchParams();
  return params.get('view') === 'calendar' ? 'calendar' : 'list';
}

/**
 * List or calendar, beside the page's other actions. The choice is in the address, so the browser's
 * Back from a booking returns to the calendar, and links to the list with filters (the dashboard's)
 * still open the list.
 */
export const BookingViewSwitch = () => {
  const view = useBookingsView();
  const navigate = useNavigate();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={view}
      onChange={(_event, next: BookingsView | null) => {
        if (next && next !== view) navigate({ search: next === 'calendar' ? '?view=calendar' : '' });
      }}
      aria-label="Bookings view"
      sx={{ mr: 'auto', '& .MuiToggleButton-root': { px: 1.25, py: 0.25, gap: 0.5, textTransform: 'none' } }}
    >
      <ToggleButton value="list" aria-label="List">
        <ViewListIcon fontSize="small" />
        List
      </ToggleButton>
      <ToggleButton value="calendar" aria-label="Calendar">
        <CalendarMonthIcon fontSize="small" />
        Calendar
      </ToggleButton>
    </ToggleButtonGroup>
  );
};
