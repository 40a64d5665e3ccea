import AddIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import { Button, useSimpleFormIterator, type ButtonProps } from 'react-admin';

/** The "Add a product" button of a lines iterator (pass it as SimpleFormIterator's addButton). */
export const AddLineButton = ({ label = 'Add a product', ...props }: ButtonProps) => {
  const { add } = useSimpleFormIterator();
  return (
    <Button label={label} onClick={() => add()} {...props}>
      <AddIcon />
    </Button>
  );
};
