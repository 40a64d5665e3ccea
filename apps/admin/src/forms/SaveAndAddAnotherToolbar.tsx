import { SaveButton, Toolbar, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';

/**
 * A create form's toolbar for records entered one after another (products, in-store customers):
 * "Save" opens the new record as usual; "Save and add another" saves, says so, and empties the form
 * (back to its defaults) for the next one.
 */
export const SaveAndAddAnotherToolbar = () => {
  const notify = useNotify();
  const translate = useTranslate();
  const resource = useResourceContext();
  const { reset } = useFormContext();
  return (
    <Toolbar>
      <SaveButton />
      <SaveButton
        type="button"
        label="Save and add another"
        variant="outlined"
        sx={{ ml: 2 }}
        mutationOptions={{
          onSuccess: () => {
            reset();
            window.scrollTo(0, 0);
            notify(`resources.${resource}.notifications.created`, {
              type: 'info',
              messageArgs: { smart_count: 1, _: translate('ra.notification.created', { smart_count: 1 }) },
            });
          },
        }}
      />
    </Toolbar>
  );
};
