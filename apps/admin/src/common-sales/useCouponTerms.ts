import { useGetList } from 'react-admin';

/** A coupon's terms as the admin API lists them (enough for the discount of a preview). */
export interface CouponTerms {
  code: string;
  discountType: 'percentage' | 'fixed';
  discountValue: number;
  maxDiscount?: number | null;
}

/**
 * The coupon typed in a form, with its terms when a coupon has exactly that code (ignoring case),
 * for the live totals. Only its discount is previewed (libs/core discountOfCoupon, the API's own
 * function); whether it applies now (dates, minimum, limits) is the API's answer on save.
 */
export function useCouponTerms(code: unknown): CouponTerms | null {
  const typed = typeof code === 'string' ? code.trim() : '';
  const { data } = useGetList<CouponTerms & { id: number }>(
    'coupons',
    { filter: { q: typed }, pagination: { page: 1, perPage: 5 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: typed.length > 0 },
  );
  return data?.find((coupon) => coupon.code.toLowerCase() === typed.toLowerCase()) ?? null;
}
