import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { shop } from '../shop';
import { useAsync } from '../state/useAsync';
import { useStoreInfo } from '../state/store-info';
import { ErrorAlert, Loading, PageHeading } from '../components/ui';
import { ProductCard } from '../components/ProductCard';

/** Categories, a search box and what is new. */
export function HomePage() {
  const { storeName } = useStoreInfo();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const categories = useAsync(() => shop.catalog.categories(), []);
  const latest = useAsync(() => shop.catalog.products({ sort: ['createdAt', 'DESC'], range: [0, 7], filter: { inStock: true } }), []);

  function search(event: FormEvent) {
    event.preventDefault();
    navigate(`/products?q=${encodeURIComponent(q.trim())}`);
  }

  return (
    <>
      <PageHeading title="">{`Welcome to ${storeName}`}</PageHeading>
      <form role="search" onSubmit={search} className="search">
        <label htmlFor="home-search">Search products</label>
        <input id="home-search" type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Shirts, mugs, lamps…" />
        <button type="submit">Search</button>
      </form>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Categories</h2>
        {categories.loading ? <Loading /> : null}
        <ErrorAlert error={categories.error} />
        <ul className="category-list">
          {categories.data?.map((category) => (
            <li key={category.id}>
              <Link to={`/products?categoryId=${category.id}`}>{category.name}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">New in</h2>
        {latest.loading ? <Loading /> : null}
        <ErrorAlert error={latest.error} />
        <div className="product-grid">
          {latest.data?.items.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </div>
        <p>
          <Link to="/products">See every product</Link>
        </p>
      </section>
    </>
  );
}
