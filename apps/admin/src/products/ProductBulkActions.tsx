import { useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import CategoryIcon from '@mui/icons-material/Category';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { Button, useGetList } from 'react-admin';
import { BulkActionButton, postBulk, useBulkAction } from '../bulk';
import { FormDialog } from '../common-sales/FormDialog';
import type { Category, Product } from '../types';

const words = (done: string) => ({ one: 'product', many: 'products', done });
const labelOf = (product: Product) => product.name;

/** Shows (or hides) the selected products in the store: POST /api/admin/products/bulk-update {isActive}. */
export const SetProductsActiveButton = ({ isActive }: { isActive: boolean }) => (
  <BulkActionButton<Product>
    label={isActive ? 'Activate' : 'Deactivate'}
    icon={isActive ? <VisibilityIcon /> : <VisibilityOffIcon />}
    words={words(isActive ? 'activated' : 'deactivated')}
    labelOf={labelOf}
    send={(ids) => postBulk('products/bulk-update', ids, { isActive })}
  />
);

/** Moves the selected products to one category, picked in a dialog. */
export const MoveProductsButton = () => {
  const [open, setOpen] = useState(false);
  const [categoryId, setCategoryId] = useState<number | ''>('');
  const { data: categories = [] } = useGetList<Category>(
    'categories',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open },
  );
  const name = categories.find((c) => c.id === categoryId)?.name ?? 'the category';
  const { run, busy, dialog, count } = useBulkAction<Product>({ words: words(`moved to ${name}`), labelOf });
  return (
    <>
      <Button label="Change category" onClick={() => setOpen(true)} disabled={busy}>
        <CategoryIcon />
      </Button>
      <FormDialog
        id="bulk-category"
        open={open}
        title={`Move ${count === 1 ? 'one product' : `${count} products`} to a category`}
        submitLabel="Move"
        submitDisabled={categoryId === ''}
        failure="The products could not be moved."
        onSubmit={async () => {
          if (categoryId === '') return false;
          await run((ids) => postBulk('products/bulk-update', ids, { categoryId }));
        }}
        onClose={() => setOpen(false)}
      >
        <TextField select label="Category" value={categoryId} onChange={(event) => setCategoryId(Number(event.target.value))} fullWidth autoFocus>
          {categories.map((category) => (
            <MenuItem key={category.id} value={category.id}>
              {category.name}
            </MenuItem>
          ))}
        </TextField>
      </FormDialog>
      {dialog}
    </>
  );
};

export const ProductBulkActions = () => (
  <>
    <SetProductsActiveButton isActive />
    <SetProductsActiveButton isActive={false} />
    <MoveProductsButton />
  </>
);
