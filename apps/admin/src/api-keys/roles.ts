/** The roles an API key acts with (docs/api.md#api-keys). */
export const apiKeyRoleChoices = [
  { id: 'read_only', name: 'Read only (every list and record staff may read)' },
  { id: 'staff', name: 'Staff' },
  { id: 'admin', name: 'Admin' },
];

/** A key's role in a line of text: "read only". */
export const apiKeyRoleText = (role: string): string => role.replace('_', ' ');
