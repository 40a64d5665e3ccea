import EmailIcon from '@mui/icons-material/Email';
import type { ResourceProps } from 'react-admin';
import { EmailList } from './EmailList';

/** The `emails` admin resource (docs/api.md#e-mail): read only, admins only. */
export const emails = { name: 'emails', list: EmailList, icon: EmailIcon } satisfies ResourceProps;
