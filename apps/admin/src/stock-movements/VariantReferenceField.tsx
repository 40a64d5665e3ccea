import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ReferenceField, useRecordContext, type FieldProps } from 'react-admin';
import { attributesText, variantsResource } from '../providers/variantLookup';
import type { VariantSummary } from '../types';

const VariantName = () => {
  const variant = useRecordContext<VariantSummary>();
  if (!variant) return null;
  const attributes = attributesText(variant.attributes);
  return (
    <Stack component="span">
      <span>{variant.productName}</span>
      <Typography component="span" variant="caption" color="text.secondary">
        SKU {variant.sku}
        {attributes ? ` · ${attributes}` : ''}
      </Typography>
    </Stack>
  );
};

/** A variant named by its product and SKU, linked to the product's page. */
export const VariantReferenceField = ({ source = 'variantId', ...rest }: FieldProps & { source?: string }) => (
  <ReferenceField
    source={source}
    reference={variantsResource}
    link={(variant: VariantSummary) => `/products/${variant.productId}/show`}
    emptyText="(deleted variant)"
    {...rest}
  >
    <VariantName />
  </ReferenceField>
);
