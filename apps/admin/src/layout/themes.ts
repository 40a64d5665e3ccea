import type { Theme } from '@mui/material/styles';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's light and dark themes (the app bar's toggle switches between them; react-admin keeps
 * the choice in this browser's store), fitted to phones: below 600 px the page is never wider than
 * the screen. react-admin lets its layout grow to its content (`min-width: fit-content`), so one
 * wide element (a row of tabs, an order's lines) made the whole page scroll sideways; here the
 * layout keeps to the screen, a wide table scrolls inside its own box (with narrower cell padding),
 * and a page's row of action buttons wraps onto a second line.
 */
function fittedToPhones(theme: RaThemeOptions): RaThemeOptions {
  const phone = ({ theme: t }: { theme: Theme }) => t.breakpoints.down('sm');
  return {
    ...theme,
    components: {
      ...theme.components,
      RaLayout: {
        styleOverrides: {
          root: (props: { theme: Theme }) => ({ [phone(props)]: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } }),
        },
      },
      RaList: {
        styleOverrides: { root: (props: { theme: Theme }) => ({ [phone(props)]: { '& .RaList-main': { minWidth: 0 } } }) },
      },
      RaDataTable: {
        styleOverrides: {
          root: (props: { theme: Theme }) => ({
            '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
            // the cells of a record's tables (lines, payments) keep their amounts on screen
            [phone(props)]: { '& .MuiTableCell-root': { paddingLeft: props.theme.spacing(0.75), paddingRight: props.theme.spacing(0.75) } },
          }),
        },
      },
      RaTopToolbar: {
        styleOverrides: { root: (props: { theme: Theme }) => ({ [phone(props)]: { flexWrap: 'wrap', justifyContent: 'flex-end' } }) },
      },
    },
  };
}

export const lightTheme = fittedToPhones(defaultLightTheme);
export const darkTheme = fittedToPhones(defaultDarkTheme);
