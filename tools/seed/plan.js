// How many of each record a scale means (SCALE 1 is the "about" figures).

const BASE = {
  products: 50_000, // 1–3 variants each: about 100,000 variants
  customers: 50_000,
  orders: 1_000_000,
  offlineCustomers: 10_000,
  offlineSales: 200_000,
  bookings: 20_000,
  notifications: 1_000_000,
  suppliers: 100,
  purchases: 5_000,
  activeCarts: 2_000,
  categories: 200,
};

const MINIMUM = { categories: 6, suppliers: 3, purchases: 5, activeCarts: 5 };

/** Record counts for a scale (fractional scales shrink everything; nothing drops below a usable minimum). */
export function planFor(scale) {
  const counts = {};
  for (const [name, base] of Object.entries(BASE)) counts[name] = Math.max(MINIMUM[name] ?? 1, Math.round(base * scale));
  counts.activeCarts = Math.min(counts.activeCarts, counts.customers);
  return counts;
}

export const DAY_MS = 86_400_000;
/** The history the seed spreads records over. */
export const HISTORY_DAYS = 730;
