/**
 * The storefront's one way to the API: the typed client (libs/client). Same origin: the API
 * serves this app at /shop/, and Vite's dev server proxies /api to it.
 */
import { createStoreClient } from '@chance/client';

export const shop = createStoreClient();
