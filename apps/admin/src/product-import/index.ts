import ImportExportIcon from '@mui/icons-material/ImportExport';

export { ProductImportPage } from './ProductImportPage';

/** The import and export page's route and menu entry. */
export const productImportRoute = { path: '/catalog/import', resource: 'products', icon: ImportExportIcon } as const;
