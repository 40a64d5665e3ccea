import type { Variant } from '@chance/client';

/** The attribute names of a product's variants, in first-seen order, with their values. */
export function attributeOptions(variants: Variant[]): [string, string[]][] {
  const options = new Map<string, string[]>();
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.attributes)) {
      const values = options.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      options.set(name, values);
    }
  }
  return [...options.entries()];
}

/** The variant with exactly these attribute values. */
export const variantFor = (variants: Variant[], selected: Record<string, string>): Variant | undefined =>
  variants.find((variant) => Object.entries(variant.attributes).every(([name, value]) => selected[name] === value));

/**
 * One radio group per attribute (size, colour…). A value that no variant in stock has with the
 * other choices is still selectable, and says so.
 */
export function VariantPicker({
  variants,
  selected,
  onChange,
}: {
  variants: Variant[];
  selected: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
}) {
  const options = attributeOptions(variants);
  if (options.length === 0) return null;
  return (
    <div className="variant-picker">
      {options.map(([name, values]) => (
        <fieldset key={name}>
          <legend>{name.replace(/^./, (c) => c.toUpperCase())}</legend>
          <div className="choices">
            {values.map((value) => {
              const candidate = variantFor(variants, { ...selected, [name]: value });
              const soldOut = !candidate || candidate.stock <= 0;
              return (
                <label key={value} className={`choice${soldOut ? ' choice-sold-out' : ''}`}>
                  <input
                    type="radio"
                    name={`attribute-${name}`}
                    value={value}
                    checked={selected[name] === value}
                    onChange={() => onChange({ ...selected, [name]: value })}
                  />
                  <span>
                    {value}
                    {soldOut ? <span className="visually-hidden"> (sold out)</span> : null}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
