import { AutocompleteInput, ReferenceInput, TextInput, maxLength, regex, required, useRecordContext } from 'react-admin';
import { SimpleForm, type SimpleFormProps } from '../forms';
import type { Category } from '../types';

/** An emptied description is sent as "" (the API's empty text), not null. */
const keepText = (value: string) => value ?? '';

const slugFormat = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, e.g. summer-shirts');

/** A category cannot be its own parent: the edited one is left out of the choices. */
const ParentInput = () => {
  const record = useRecordContext<Category>();
  return (
    <ReferenceInput source="parentId" reference="categories" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label="Parent category"
        helperText="Empty for a top-level category"
        filterToQuery={(q) => ({ q })}
        optionText={(choice: Category) => (choice.id === record?.id ? `${choice.name} (this category)` : choice.name)}
        parse={(value) => (value === '' || value === undefined ? null : value)}
      />
    </ReferenceInput>
  );
};

/** The create and edit form of a category; `slugRequired` on edit (the API makes it from the name on create). */
export const CategoryForm = ({ slugRequired, ...props }: Omit<SimpleFormProps, 'children'> & { slugRequired?: boolean }) => (
  <SimpleForm sx={{ maxWidth: 640 }} {...props}>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <TextInput
      source="slug"
      helperText={slugRequired ? 'Used in shop addresses' : 'Made from the name when empty'}
      validate={slugRequired ? [required(), slugFormat, maxLength(100)] : [slugFormat, maxLength(100)]}
    />
    <ParentInput />
    <TextInput source="description" multiline minRows={3} validate={maxLength(5000)} parse={keepText} />
  </SimpleForm>
);
