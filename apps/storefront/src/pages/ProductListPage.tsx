import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { decimalToMinorUnits, minorUnitDigits, minorUnitsToDecimal, pageRange, type ProductFilter, type ProductSort, type SortOrder } from '@chance/client';
import { shop } from '../shop';
import { useAsync } from '../state/useAsync';
import { useStoreInfo } from '../state/store-info';
import { ErrorAlert, Field, Loading, PageHeading, Pagination, SelectField } from '../components/ui';
import { ProductCard } from '../components/ProductCard';

const PER_PAGE = 12;

const SORTS: Record<string, { label: string; sort: [ProductSort, SortOrder] }> = {
  name: { label: 'Name', sort: ['name', 'ASC'] },
  'price-asc': { label: 'Price, low to high', sort: ['price', 'ASC'] },
  'price-desc': { label: 'Price, high to low', sort: ['price', 'DESC'] },
  newest: { label: 'Newest', sort: ['createdAt', 'DESC'] },
};

/** The catalog with search, category, stock and price filters, all kept in the URL (shareable, Back works). */
export default function ProductListPage() {
  const [params, setParams] = useSearchParams();
  const { currency } = useStoreInfo();
  const digits = minorUnitDigits(currency);
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const sortKey = SORTS[params.get('sort') ?? ''] ? params.get('sort')! : 'name';
  const filter: ProductFilter = {
    q: params.get('q') || undefined,
    categoryId: params.get('categoryId') ? Number(params.get('categoryId')) : undefined,
    inStock: params.get('inStock') === 'true' ? true : undefined,
    price_gte: params.get('min') ? Number(params.get('min')) : undefined,
    price_lte: params.get('max') ? Number(params.get('max')) : undefined,
  };

  const categories = useAsync(() => shop.catalog.categories(), []);
  const products = useAsync(() => shop.catalog.products({ filter, sort: SORTS[sortKey].sort, range: pageRange(page, PER_PAGE) }), [params.toString()]);

  // the form edits a draft; Apply writes it to the URL
  const [draft, setDraft] = useState(() => ({
    q: filter.q ?? '',
    categoryId: params.get('categoryId') ?? '',
    inStock: filter.inStock ?? false,
    min: filter.price_gte !== undefined ? minorUnitsToDecimal(filter.price_gte, digits) : '',
    max: filter.price_lte !== undefined ? minorUnitsToDecimal(filter.price_lte, digits) : '',
    sort: sortKey,
  }));
  const min = draft.min ? decimalToMinorUnits(draft.min, digits) : undefined;
  const max = draft.max ? decimalToMinorUnits(draft.max, digits) : undefined;

  function apply(event: FormEvent) {
    event.preventDefault();
    if (min === null || max === null) return;
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.categoryId) next.set('categoryId', draft.categoryId);
    if (draft.inStock) next.set('inStock', 'true');
    if (min !== undefined) next.set('min', String(min));
    if (max !== undefined) next.set('max', String(max));
    if (draft.sort !== 'name') next.set('sort', draft.sort);
    setParams(next);
  }

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target === 0) next.delete('page');
    else next.set('page', String(target));
    return `/products?${next.toString()}`;
  };
  const category = categories.data?.find((c) => c.id === filter.categoryId);

  return (
    <>
      <PageHeading title={category?.name ?? 'Products'}>{category ? category.name : filter.q ? `Results for “${filter.q}”` : 'All products'}</PageHeading>
      <div className="catalog">
        <aside aria-labelledby="filters-heading" className="filters">
          <h2 id="filters-heading">Filters</h2>
          <form onSubmit={apply}>
            <Field label="Search" type="search" name="q" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
            <SelectField label="Category" name="categoryId" value={draft.categoryId} onChange={(e) => setDraft({ ...draft, categoryId: e.target.value })}>
              <option value="">All categories</option>
              {categories.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <div className="field field-checkbox">
              <input id="filter-in-stock" type="checkbox" checked={draft.inStock} onChange={(e) => setDraft({ ...draft, inStock: e.target.checked })} />
              <label htmlFor="filter-in-stock">In stock only</label>
            </div>
            <Field
              label={`Min price (${currency})`}
              inputMode="decimal"
              name="min"
              value={draft.min}
              onChange={(e) => setDraft({ ...draft, min: e.target.value })}
              error={min === null ? 'Enter an amount such as 10 or 9.99' : undefined}
            />
            <Field
              label={`Max price (${currency})`}
              inputMode="decimal"
              name="max"
              value={draft.max}
              onChange={(e) => setDraft({ ...draft, max: e.target.value })}
              error={max === null ? 'Enter an amount such as 10 or 9.99' : undefined}
            />
            <SelectField label="Sort by" name="sort" value={draft.sort} onChange={(e) => setDraft({ ...draft, sort: e.target.value })}>
              {Object.entries(SORTS).map(([key, { label }]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </SelectField>
            <button type="submit">Apply filters</button>
          </form>
        </aside>
        <section aria-labelledby="results-heading" className="results">
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          {products.loading ? <Loading /> : null}
          <ErrorAlert error={products.error} />
          {products.data ? (
            <p role="status" className="result-count">
              {products.data.total === 1 ? '1 product' : `${products.data.total} products`}
            </p>
          ) : null}
          <div className="product-grid">
            {products.data?.items.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </div>
          {products.data ? <Pagination page={page} perPage={PER_PAGE} total={products.data.total} hrefFor={hrefFor} /> : null}
        </section>
      </div>
    </>
  );
}
