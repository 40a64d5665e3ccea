import type { ReactNode } from 'react';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { SimpleListClasses } from 'react-admin';

/**
 * Below 600 px (MUI's `sm`), lists show one line per record (react-admin's SimpleList, as its demo
 * does) instead of a table that would scroll sideways.
 */
export function useIsPhone(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
}

/** `phone` below 600 px, `children` (the list's table) above. */
export function PhoneOr({ phone, children }: { phone: ReactNode; children: ReactNode }) {
  return useIsPhone() ? phone : children;
}

/** A SimpleList's `tertiaryText` given as an element (a money field), placed at the right as its text would be. */
export function Tertiary({ children }: { children: ReactNode }) {
  return <span className={SimpleListClasses.tertiary}>{children}</span>;
}
