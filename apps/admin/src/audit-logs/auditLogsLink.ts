/** The audit log, filtered (e.g. `{record: "products:5"}`: a product's history, its variants included). */
export function auditLogsLink(filter: Record<string, unknown>) {
  return {
    pathname: '/audit-logs',
    search: `?${new URLSearchParams({ filter: JSON.stringify(filter), order: 'DESC', sort: 'id' })}`,
  };
}
