/** The roles an API key acts with (SPEC.md section 18). */
export const apiKeyRoleChoices = [
  { id: 'read_only', name: 'Read only (every list and record staff may read)' },
  { id: 'staff', name: 'Staff' },
  { id: 'admin', name: 'Admin' },
];
