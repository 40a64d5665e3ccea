import { Labeled } from 'react-admin';
import { SnapshotLines, type SnapshotLinesProps } from './SnapshotLines';
import { useDocumentCurrency } from './useDocumentCurrency';

export interface DocumentLinesProps extends Omit<SnapshotLinesProps, 'currency'> {
  /** "Items", "Products", "Lines". */
  label: string;
}

/**
 * The document's lines as recorded (snapshots), full width under their label, in the document's
 * own currency when it has one. It labels itself, so <SimpleShowLayout> adds no label of its own.
 */
export const DocumentLines = ({ label, ...props }: DocumentLinesProps) => {
  const currency = useDocumentCurrency();
  return (
    <Labeled label={label} fullWidth>
      <SnapshotLines currency={currency} {...props} />
    </Labeled>
  );
};
// <SimpleShowLayout> labels each child unless it is a <Labeled>.
DocumentLines.displayName = 'Labeled';
