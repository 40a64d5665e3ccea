/**
 * The customer pickers' pure part (docs/api.md#customers, SPEC 17): how an account or an in-store
 * customer is named in a search, the options of the one search over both kinds, and which form
 * field a pick sets. A booking belongs to an account (`customerId`) or an in-store customer
 * (`offlineCustomerId`), exactly one: picking one clears the other.
 */
import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** What the search shows of an account (`/api/admin/customers`, readable by admins and staff). */
export type AccountRow = Pick<Schemas['CustomerView'], 'id' | 'email' | 'fullName' | 'phone'>;

/** What the search shows of an in-store customer (`/api/admin/offline-customers`). */
export type InStoreRow = Pick<Schemas['OfflineCustomerView'], 'id' | 'name' | 'phone' | 'email'>;

export type CustomerKind = 'account' | 'inStore';

export interface CustomerOption {
  /** Unique over both kinds: `account:5`, `inStore:5`. */
  key: string;
  kind: CustomerKind;
  id: number;
  /** The name (an account without a name: its e-mail). */
  title: string;
  /** E-mail and phone, whichever are known. */
  detail: string;
  /** The one-line text of the input once picked: title · detail. */
  label: string;
}

const joined = (parts: readonly (string | null | undefined)[]) =>
  parts
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' · ');

/** "Maria Gonzalez · maria@example.com · +1 555 0199" (the parts that are known). */
export const accountText = (account: Pick<AccountRow, 'email' | 'fullName' | 'phone'>): string => joined([account.fullName, account.email, account.phone]);

/** "Rosa Diaz · +1 555 0177 · rosa@example.com" (the e-mail when known). */
export const inStoreText = (customer: Pick<InStoreRow, 'name' | 'phone' | 'email'>): string => joined([customer.name, customer.phone, customer.email]);

export function accountOption(account: AccountRow): CustomerOption {
  const title = account.fullName?.trim() || account.email;
  return {
    key: `account:${account.id}`,
    kind: 'account',
    id: account.id,
    title,
    detail: joined([title === account.email ? null : account.email, account.phone]),
    label: accountText(account),
  };
}

export function inStoreOption(customer: InStoreRow): CustomerOption {
  return {
    key: `inStore:${customer.id}`,
    kind: 'inStore',
    id: customer.id,
    title: customer.name,
    detail: joined([customer.phone, customer.email]),
    label: inStoreText(customer),
  };
}

/** The heading an option is listed under. */
export const kindHeading = (kind: CustomerKind): string => (kind === 'account' ? 'Accounts' : 'In-store customers');

/** One list for the search over both kinds: the accounts, then the in-store customers (each as the API sorted them). */
export function customerOptions(accounts: readonly AccountRow[] | undefined, inStore: readonly InStoreRow[] | undefined): CustomerOption[] {
  return [...(accounts ?? []).map(accountOption), ...(inStore ?? []).map(inStoreOption)];
}

/** The form's two customer fields. */
export interface CustomerFields {
  customerId: number | null;
  offlineCustomerId: number | null;
}

/** What a pick sets: the field of its kind, the other one cleared; nothing picked clears both. */
export function fieldsForPick(pick: Pick<CustomerOption, 'kind' | 'id'> | null): CustomerFields {
  if (!pick) return { customerId: null, offlineCustomerId: null };
  return pick.kind === 'account' ? { customerId: pick.id, offlineCustomerId: null } : { customerId: null, offlineCustomerId: pick.id };
}

const idOf = (value: unknown): number | null => {
  const id = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** The customer a form holds (the account first, should both be set), or null. */
export function pickedCustomer(values: { customerId?: unknown; offlineCustomerId?: unknown }): { kind: CustomerKind; id: number } | null {
  const accountId = idOf(values.customerId);
  if (accountId != null) return { kind: 'account', id: accountId };
  const inStoreId = idOf(values.offlineCustomerId);
  return inStoreId != null ? { kind: 'inStore', id: inStoreId } : null;
}

/** The body's customer: exactly one of `customerId` / `offlineCustomerId`, the other left out (the API wants exactly one). */
export function customerBody(values: {
  customerId?: unknown;
  offlineCustomerId?: unknown;
}): { customerId: number } | { offlineCustomerId: number } | Record<string, never> {
  const picked = pickedCustomer(values);
  if (!picked) return {};
  return picked.kind === 'account' ? { customerId: picked.id } : { offlineCustomerId: picked.id };
}
