/** The stock movements list, filtered (e.g. one variant's or one product's movements). */
export function stockMovementsLink(filter: { variantId?: number; productId?: number }) {
  return {
    pathname: '/stock-movements',
    search: `?${new URLSearchParams({ filter: JSON.stringify(filter), order: 'DESC', sort: 'createdAt' })}`,
  };
}
