import { Link } from 'react-router-dom';
import type { Product } from '@chance/client';
import { Money } from './ui';

/** The lowest and highest variant price. */
export function priceRange(product: Product): [number, number] {
  const prices = product.variants.map((v) => v.price);
  return prices.length ? [Math.min(...prices), Math.max(...prices)] : [product.price, product.price];
}

export function StockLabel({ stock }: { stock: number }) {
  if (stock <= 0) return <span className="stock stock-out">Out of stock</span>;
  if (stock <= 5) return <span className="stock stock-low">Only {stock} left</span>;
  return <span className="stock stock-in">In stock</span>;
}

export function ProductCard({ product }: { product: Product }) {
  const [low, high] = priceRange(product);
  const [thumbnail] = product.images;
  return (
    <article className="card product-card">
      {thumbnail ? <img src={thumbnail.thumbnailUrl} alt="" loading="lazy" /> : null}
      <h3>
        <Link to={`/products/${product.id}`}>{product.name}</Link>
      </h3>
      <p className="price">
        {low === high ? (
          <Money amount={low} />
        ) : (
          <>
            From <Money amount={low} />
          </>
        )}
      </p>
      <StockLabel stock={product.stock} />
    </article>
  );
}
