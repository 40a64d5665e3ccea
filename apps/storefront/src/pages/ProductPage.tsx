import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { shop } from '../shop';
import { useCart } from '../state/cart';
import { useAsync } from '../state/useAsync';
import { ErrorAlert, Field, Loading, Money, PageHeading, Status } from '../components/ui';
import { Gallery } from '../components/Gallery';
import { StockLabel } from '../components/ProductCard';
import { VariantPicker, variantFor } from '../components/VariantPicker';

/** One product: gallery, variant picker, price and stock of the chosen variant, add to cart. */
export default function ProductPage() {
  const id = Number(useParams().id);
  const product = useAsync(() => shop.catalog.product(id), [id]);
  const { update } = useCart();
  const [selected, setSelected] = useState<Record<string, string>>({});
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // start on the first variant in stock (else the first)
  useEffect(() => {
    const variants = product.data?.variants ?? [];
    const first = variants.find((v) => v.stock > 0) ?? variants[0];
    setSelected(first ? { ...first.attributes } : {});
    setQuantity(1);
  }, [product.data]);

  if (product.loading && !product.data) return <Loading />;
  if (!product.data) {
    return (
      <>
        <PageHeading>Product not available</PageHeading>
        <ErrorAlert error={product.error} />
        <Link to="/products">Back to the products</Link>
      </>
    );
  }
  const item = product.data;
  const variant = item.variants.length === 1 ? item.variants[0] : variantFor(item.variants, selected);

  async function addToCart() {
    if (!variant) return;
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      await update(() => shop.cart.add(variant.id, quantity));
      setAdded(`${quantity} × ${item.name} added to your cart.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="product-page">
      <Gallery images={item.images} name={item.name} preferredImageId={variant?.imageId} />
      <div className="product-details">
        <PageHeading>{item.name}</PageHeading>
        <p className="price price-large">{variant ? <Money amount={variant.price} /> : <Money amount={item.price} />}</p>
        {item.description ? <p>{item.description}</p> : null}
        <VariantPicker variants={item.variants} selected={selected} onChange={setSelected} />
        {variant ? (
          <p>
            <StockLabel stock={variant.stock} /> <span className="sku">SKU {variant.sku}</span>
          </p>
        ) : (
          <p className="field-error">That combination is not available.</p>
        )}
        <p className="delivery">
          Shipping <Money amount={item.shippingCost} /> per item · delivered in about {item.estimatedDeliveryDays} days
        </p>
        <div className="inline-form">
          <Field
            label="Quantity"
            type="number"
            name="quantity"
            min={1}
            max={Math.max(1, variant?.stock ?? 1)}
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))}
          />
          <button type="button" className="primary" onClick={addToCart} disabled={busy || !variant || variant.stock <= 0}>
            Add to cart
          </button>
        </div>
        {added ? (
          <Status>
            {added} <Link to="/cart">View cart</Link>
          </Status>
        ) : null}
        <ErrorAlert error={error} />
      </div>
    </article>
  );
}
