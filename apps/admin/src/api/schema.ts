/**
 * Generated from the API's OpenAPI document (/api/openapi.json) by `npm run openapi:types`
 * (tools/openapi/schema-source.js, openapi-typescript). Do not edit: change the API's DTOs and
 * run the command again; apps/api/test/openapi-types.e2e-spec.ts fails while this file is stale.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness and database state
         * @description Public, never cached. 200 {status: "ok", database: "up"} while the database answers; 503 {status: "error", database: "down"} when it does not, so a load balancer takes the instance out.
         */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer account and sign in
         * @description Rate limited per IP (RATE_LIMIT_REGISTER_PER_MINUTE, default 30/min). 503 SERVICE_UNAVAILABLE with Retry-After when the server has too many passwords to hash at once. Beyond the per-IP limit, 429 RATE_LIMITED with Retry-After; an e-mail already registered is 400 VALIDATION_FAILED (errors.email).
         */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description After RATE_LIMIT_LOGIN_FAILURES (default 10) failures for one e-mail within 15 minutes, further attempts are refused for 15 minutes, also under concurrent attempts (no more passwords are checked than the limit). At most RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE (default 60) attempts per IP per minute. Both answer 429 RATE_LIMITED with Retry-After. 503 SERVICE_UNAVAILABLE with Retry-After when the server has too many passwords to check at once. Each sign-in starts a session; its access tokens name it. A wrong e-mail or password is 401 INVALID_CREDENTIALS (the same answer for both).
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair
         * @description Refresh tokens are single use; presenting a spent one revokes every token of its session.
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session of a refresh token
         * @description Its access tokens are refused from now on, and its notification streams close.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail a link to choose a new password
         * @description Always 202 with the same body, whether or not an account uses the e-mail, after the same work (the reset e-mail is queued after commit, so the answer does not wait for the account lookup or the mail server). The link is <PUBLIC_URL>/reset-password?token=…, single use, valid 30 minutes; a newer link replaces older ones. Rate limited per e-mail (RATE_LIMIT_PASSWORD_RESETS, default 5 per hour) and per IP (RATE_LIMIT_PASSWORD_RESETS_PER_IP_PER_HOUR, default 30): 429 RATE_LIMITED with Retry-After, for any e-mail alike.
         */
        post: operations["AuthController_forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with the token of a reset link
         * @description Ends every session of the account (refresh tokens revoked, access tokens refused at once, notification streams closed); sign in again with the new password. A wrong, used or expired token is 400 TOKEN_INVALID. 503 SERVICE_UNAVAILABLE with Retry-After when the server has too many passwords to hash at once.
         */
        post: operations["AuthController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/otp/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a 6-digit verification code
         * @description Valid 10 minutes, single use; the previous code stops working. By e-mail the code is sent after commit through the outbox and the mail port (SMTP_URL, or the server log), and made when the e-mail is sent. At most RATE_LIMIT_OTP_REQUESTS (default 5) per 10 minutes. Beyond it, 429 RATE_LIMITED with Retry-After.
         */
        post: operations["AuthController_requestOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/otp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the e-mail or phone with the code
         * @description Signed in only. A wrong code is 400 OTP_INVALID, an expired one 400 OTP_EXPIRED; after too many wrong tries the code is locked (429 OTP_LOCKED): ask for a new one.
         */
        post: operations["AuthController_verifyOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user with their profile
         * @description Any signed-in user (401 UNAUTHENTICATED without a token): their account, role, verification state and profile. Never a password hash or a token.
         */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your profile (partial)
         * @description Takes only the profile fields to change (name, phone, address). Fields a customer may not set, such as role or email, are 400 VALIDATION_FAILED and change nothing.
         */
        put: operations["MeController_updateProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description A wrong currentPassword is 400 VALIDATION_FAILED on it and counts as a failed sign-in of your e-mail (RATE_LIMIT_LOGIN_FAILURES). Every session ends, this one included: sign in again with the new password. While your e-mail is locked out after failed sign-ins, 429 RATE_LIMITED with Retry-After; 503 SERVICE_UNAVAILABLE with Retry-After when the server has too many passwords to hash at once.
         */
        post: operations["MeController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere
         * @description Ends every session of yours, this one included: refresh tokens are revoked, access tokens refused from now on, notification streams close.
         */
        post: operations["MeController_logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description q searches e-mail, full name and phone. A JSON array with the header Content-Range: users start-end/total. Sorted by id ASC unless `sort` names one of: id, email, fullName, role, isActive, createdAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), role, isActive, createdAt_gte, createdAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminUsersController_list"];
        put?: never;
        /**
         * Create a user of any role, with a profile
         * @description admin, staff or customer. The e-mail is unique (400 VALIDATION_FAILED with errors.email when taken); a password outside 8 to 128 characters is 400 with errors.password. The password is stored as an argon2 hash and never shown.
         */
        post: operations["AdminUsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description Never a password or its hash. 404 NOT_FOUND when no user has this id.
         */
        get: operations["AdminUsersController_get"];
        /**
         * Change role, active flag, profile fields or password (partial)
         * @description Deactivating a user or setting a new password ends their sessions. 404 NOT_FOUND when no user has this id.
         */
        put: operations["AdminUsersController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers with their orders, in-store sales, bookings, lifetime value and outstanding balance
         * @description One row per account with role customer. q searches name, e-mail and phone. Counts and sums leave out drafts and cancelled records; lifetimeValue = Σ totals of the account’s orders, its linked in-store customer’s sales and its completed bookings that are not cancelled − Σ their refunds; outstandingBalance = the balances still due on them. The figures are maintained with every change (never summed per request), so sorting by lifetimeValue, outstandingBalance or lastActivityAt stays fast at any size. Admins and staff. A JSON array with the header Content-Range: customers start-end/total. Sorted by id ASC unless `sort` names one of: id, email, fullName, isActive, createdAt, ordersCount, offlineSalesCount, bookingsCount, lifetimeValue, outstandingBalance, lastActivityAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), isActive, createdAt_gte, createdAt_lte, offlineCustomerId; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminCustomersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/customers/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export customers as CSV
         * @description Every customers row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, email, fullName, phone, address, notes, offlineCustomerId, ordersCount, offlineSalesCount, bookingsCount, lifetimeValue, outstandingBalance, lastActivityAt, isActive, createdAt. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminCustomersController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer
         * @description The id is the account’s user id; 404 NOT_FOUND when no account with role customer has this id.
         */
        get: operations["AdminCustomersController_get"];
        /**
         * Keep notes on a customer
         * @description Takes only `notes` (a string up to 5000 characters, or null to clear); any other field is a 400 VALIDATION_FAILED. Admins and staff; audited under the customers resource. Profile fields, roles and passwords are changed on users (admin only). 404 NOT_FOUND when no account with role customer has this id.
         */
        put: operations["AdminCustomersController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description q searches name and prefix; filter revoked (true/false) and role. Secrets are never listed. A JSON array with the header Content-Range: api-keys start-end/total. Sorted by id DESC unless `sort` names one of: id, name, createdAt, lastUsedAt, expiresAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), role, revoked; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminApiKeysController_list"];
        put?: never;
        /**
         * Create an API key
         * @description The answer carries `secret` (ck_ + 256 random bits) this once: only its hash is kept. Send it as `Authorization: Bearer ck_…` to the admin API; it acts with its role (read_only: every admin GET staff may make, nothing else) for the admin who created it, while they are an active admin. On /api/me, the store API and /api/auth it is 401.
         */
        post: operations["AdminApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One API key
         * @description Its name, prefix, role and use; never its secret (shown once, at creation). 404 NOT_FOUND when no key has this id.
         */
        get: operations["AdminApiKeysController_get"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Refused from this moment on, by every API process. The key stays listed with revokedAt. 404 NOT_FOUND when no key has this id.
         */
        delete: operations["AdminApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shop’s settings
         * @description Tax rate, currency, seller’s legal details, return window and the other settings of SPEC section 3.
         */
        get: operations["AdminSettingsController_get"];
        /**
         * Change store settings (partial)
         * @description A new tax rate applies to new orders and sales only.
         */
        put: operations["AdminSettingsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What shop frontends (and staff screens) need to show prices: name, currency, tax rate
         * @description Public and the same for everyone; the seller’s legal details and internal settings are not included.
         */
        get: operations["StoreSettingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List categories
         * @description The category tree, flat: parentId links a child to its parent. q searches name, slug and description; filter parentId, slug. A JSON array with the header Content-Range: categories start-end/total. Sorted by name ASC unless `sort` names one of: id, name, slug, parentId, createdAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), parentId, slug; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminCategoriesController_list"];
        put?: never;
        /**
         * Create a category
         * @description The slug is unique (400 VALIDATION_FAILED with errors.slug when taken); parentId must name an existing category.
         */
        post: operations["AdminCategoriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One category
         * @description 404 NOT_FOUND when no category has this id.
         */
        get: operations["AdminCategoriesController_get"];
        /**
         * Change a category (partial)
         * @description Takes only the fields to change. A taken slug is 400 VALIDATION_FAILED (errors.slug); a parentId that is unknown or would make the category its own ancestor is 400 (errors.parentId). 404 NOT_FOUND when no category has this id.
         */
        put: operations["AdminCategoriesController_update"];
        post?: never;
        /**
         * Delete an unused category
         * @description 409 CONFLICT while products or subcategories use it. 404 NOT_FOUND when no category has this id.
         */
        delete: operations["AdminCategoriesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products with their variants
         * @description q searches name, slug and variant SKUs. A JSON array with the header Content-Range: products start-end/total. Sorted by id DESC unless `sort` names one of: id, name, slug, price, categoryId, isActive, createdAt, updatedAt, stock (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), categoryId, isActive, inStock, lowStock, price_gte, price_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminProductsController_list"];
        put?: never;
        /**
         * Create a product
         * @description Without variants, one default variant holds the given stock. Opening stock is recorded as `initial` movements.
         */
        post: operations["AdminProductsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export products as CSV
         * @description Every products row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, name, slug, categoryId, price, costPrice, stock, lowStock, variants, isActive, createdAt, updatedAt. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminProductsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product with its variants
         * @description With cost prices, stock and images. 404 NOT_FOUND when no product has this id.
         */
        get: operations["AdminProductsController_get"];
        /**
         * Change a product and its variants (partial)
         * @description Stock cannot be set here: use stock adjustments. A slug or SKU used by another product is 409 CONFLICT. 404 NOT_FOUND when no product has this id.
         */
        put: operations["AdminProductsController_update"];
        post?: never;
        /**
         * Delete a product
         * @description Its variants, their stock ledger and its images (with their files) go too. 404 NOT_FOUND when no product has this id.
         */
        delete: operations["AdminProductsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/bulk-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate, deactivate or move several products
         * @description PUT /:id with `isActive` and/or `categoryId` for each product named (1 to 100 distinct ids; at least one of the two fields, else 400 VALIDATION_FAILED), one after another, each in its own transaction with the same rules, events and audit entries as the single route. A product that cannot change (404 NOT_FOUND, a category that does not exist: 400 VALIDATION_FAILED on categoryId, ...) is left unchanged and listed in `failed` with that code and message; the others are changed. The answer is 200 whatever each product’s outcome.
         */
        post: operations["AdminProductsController_updateMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an image at the end of the product's images
         * @description multipart/form-data with the image in the field `file`. The type is recognised by the content, not the name: anything but JPEG, PNG or WebP, an empty or damaged file, or a picture of more than 64 megapixels is 400 VALIDATION_FAILED (errors.file); a file over 10 MB is 413 PAYLOAD_TOO_LARGE. The image is turned upright, re-encoded as WebP without any metadata (EXIF, GPS, ICC) in a large size (fits 1600 × 1600, never enlarged) and a thumbnail (fits 400 × 400), served under /media/ with immutable caching. At most 50 images per product. A body that is not multipart/form-data is 415 UNSUPPORTED_MEDIA_TYPE. 404 NOT_FOUND when no product has this id.
         */
        post: operations["AdminProductsController_addImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/products/{id}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change an image’s alt text or move it
         * @description Moving one image keeps the others in their order; positions stay 0…n−1. 404 NOT_FOUND when the product has no image with this id.
         */
        put: operations["AdminProductsController_updateImage"];
        post?: never;
        /**
         * Delete an image and its files
         * @description Variants that showed it show none; the images after it move up. Past order lines keep the thumbnail URL they snapshot, which no longer answers. 404 NOT_FOUND when the product has no image with this id.
         */
        delete: operations["AdminProductsController_removeImage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/imports/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import products from CSV (create or update by SKU)
         * @description Columns: sku, product, category, description, price, costPrice, shippingCost, estimatedDeliveryDays, isActive, stock, attribute:<name>…; sku, product, category and price are required, the others may be left out (or a cell left empty) to keep what is there (new products: costPrice 0, shippingCost 0, estimatedDeliveryDays 3, isActive true, stock 0). Money in whole minor units (1999 for 19.99). isActive: true/false (also yes/no, 1/0). One row per variant; a row's price and costPrice are that variant's (the product's own price becomes its first variant's, a variant keeps an own price where it differs). A known SKU (case-insensitive) updates its variant and product; a new SKU joins the product of that name (of a known SKU in the file, else the one product so named) or creates one. Rows of one product must agree on its fields. `category` is a name, created when missing. `attribute:<name>` columns set the attributes (an empty cell: none of that name); without any attribute column attributes are kept. Stock is set through `adjustment` movements, reference "import". Text cells starting with = + - @ may start with a ' (the export adds it so spreadsheets do not run them as formulas), which is dropped. At most 250,000 rows (beyond, an error on the first row too many) and 100 MB (413 beyond). The answer counts rows: {created, updated, unchanged, errors: [{row, column, message}]} with `row` the line where the row starts (the header is line 1). A dry run changes nothing. A real run is one transaction: with any error it changes nothing and answers 400 VALIDATION_FAILED whose `errors` is that same list (here a list, not a map). At most the first 1,000 errors are listed. A body that is not multipart/form-data is 415 UNSUPPORTED_MEDIA_TYPE; a file over the size limit is 413 PAYLOAD_TOO_LARGE.
         */
        post: operations["AdminProductTransferController_importProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/exports/products.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export every variant as the import’s CSV
         * @description Columns sku, product, category, description, price, costPrice, shippingCost, estimatedDeliveryDays, isActive, stock, attribute:<name>… (every attribute name in the catalog), one row per variant in product order, effective prices; it imports back unchanged. Streamed from one consistent snapshot, a page of 1,000 variants at a time, for any catalog size.
         */
        get: operations["AdminProductTransferController_exportProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stock-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct a variant’s stock by a delta
         * @description Recorded as an `adjustment` movement; taking more than is in stock is 409 OUT_OF_STOCK.
         */
        post: operations["AdminStockController_adjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stock-movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stock ledger: every stock movement, newest first
         * @description Read only: one row per change of a variant’s stock with its reason and reference. Filters: variantId, productId, reason (initial, adjustment, order_placed, order_cancelled, order_edited, offline_sale, offline_sale_cancelled, purchase_received, stock_count, return_restocked), createdAt_gte/lte; q searches the reference and note. A JSON array with the header Content-Range: stock-movements start-end/total. Sorted by id DESC unless `sort` names one of: id, createdAt, variantId, delta, reason (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), variantId, productId, reason, createdAt_gte, createdAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminStockController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stock-movements/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export stock-movements as CSV
         * @description Every stock-movements row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, createdAt, productId, productName, variantId, sku, delta, reason, reference, note, createdById. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminStockController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stock-movements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One stock movement
         * @description Read only: the ledger is never edited. 404 NOT_FOUND when no movement has this id.
         */
        get: operations["AdminStockController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stock-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stock counts with their lines
         * @description Read only. Filter variantId: the counts that include that variant; q searches the note. A JSON array with the header Content-Range: stock-counts start-end/total. Sorted by id DESC unless `sort` names one of: id, createdAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), variantId, createdById, createdAt_gte, createdAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminStockController_listCounts"];
        put?: never;
        /**
         * Record a stock count
         * @description Each line states how many units of a variant the shelf holds; each difference becomes a `stock_count` movement (reference `SC-…`), all in one transaction. Selling goes on while people count, so a count may say when it began (`startedAt`): each line is then compared with the stock the variant had at that moment, and whatever moved since (a sale, a delivery) is kept on top of the count. Example: 5 in stock when the count began, 3 on the shelf, 1 sold meanwhile: the movement is −2 and 2 remain. Without `startedAt` the count is compared with the stock now (3 counted where 5 are in stock: a −2 movement, stock 3). A line that cannot have been right (more sold since than it counted) is 409 CONFLICT with a message on `lines.<i>.counted`, and nothing is recorded. A variant listed twice or unknown is 400.
         */
        post: operations["AdminStockController_recordCount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/stock-counts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One stock count with its lines
         * @description Each line with the stock expected, the number counted and the movement it made. 404 NOT_FOUND when no count has this id.
         */
        get: operations["AdminStockController_getCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The category tree, flat (parentId links a child to its parent)
         * @description Filters: parentId, slug (exact: `filter={"slug":"clothing"}` finds one category by its URL name), q (name, slug, description). A JSON array with the header Content-Range: categories start-end/total. Sorted by name ASC unless `sort` names one of: id, name, slug, parentId, createdAt (the id breaks ties). `range` is at most 100 rows. `filter` keys: id (one id or an array), q (search), parentId, slug; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["StoreCatalogController_categoriesList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active products with their variants
         * @description Filters: categoryId (that category and every category below it), slug (exact: a product page addressed by its URL name), q (name, slug, SKU), inStock, price_gte, price_lte. No cost prices. A JSON array with the header Content-Range: products start-end/total. Sorted by name ASC unless `sort` names one of: id, name, price, createdAt (the id breaks ties). `range` is at most 100 rows. `filter` keys: id (one id or an array), q (search), categoryId, slug, inStock, price_gte, price_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["StoreCatalogController_productsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One active product
         * @description With its variants, live prices and stock, never cost prices. An inactive or unknown product is 404 NOT_FOUND.
         */
        get: operations["StoreCatalogController_product"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List coupons
         * @description q searches code and description; each carries its derived status and timesUsed. A JSON array with the header Content-Range: coupons start-end/total. Sorted by id DESC unless `sort` names one of: id, code, discountValue, validFrom, validTo, timesUsed, isActive, createdAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), isActive, discountType; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminCouponsController_list"];
        put?: never;
        /**
         * Create a coupon
         * @description A percentage’s discountValue is in basis points (1000 = 10 %), a fixed one’s in minor units. The code is unique (400 VALIDATION_FAILED with errors.code when taken).
         */
        post: operations["AdminCouponsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/coupons/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export coupons as CSV
         * @description Every coupons row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, code, description, discountType, discountValue, maxDiscount, minPurchase, status, timesUsed, usageLimit, perCustomerLimit, validFrom, validTo, isActive, createdAt. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminCouponsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One coupon
         * @description With its derived status and timesUsed. 404 NOT_FOUND when no coupon has this id.
         */
        get: operations["AdminCouponsController_get"];
        /**
         * Change a coupon (partial)
         * @description Takes only the fields to change. A taken code, or a usageLimit below the uses already made, is 400 VALIDATION_FAILED. 404 NOT_FOUND when no coupon has this id.
         */
        put: operations["AdminCouponsController_update"];
        post?: never;
        /**
         * Delete a coupon never used
         * @description 409 CONFLICT once used: deactivate it instead. 404 NOT_FOUND when no coupon has this id.
         */
        delete: operations["AdminCouponsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/coupons/bulk-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate (or reactivate) several coupons
         * @description PUT /:id with `isActive` for each coupon named (1 to 100 distinct ids, else 400 VALIDATION_FAILED), one after another, each in its own transaction with the same rules and audit entries as the single route. A coupon that cannot change (404 NOT_FOUND, ...) is left unchanged and listed in `failed` with that code and message; the others are changed. The answer is 200 whatever each coupon’s outcome.
         */
        post: operations["AdminCouponsController_updateMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a cart
         * @description Anonymous: a guest cart with its token (send it as X-Cart-Token afterwards), at most RATE_LIMIT_GUEST_CARTS_PER_MINUTE (default 60) per IP per minute (429 RATE_LIMITED with Retry-After beyond). Signed in: your active cart.
         */
        post: operations["StoreCartsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/carts/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your active cart (created if needed)
         * @description Signed in only (401 UNAUTHENTICATED without a bearer token): the caller’s active cart, created empty when they have none, with live prices and totals.
         */
        get: operations["StoreCartsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/carts/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a guest cart into yours
         * @description Quantities add up, capped by stock; the guest cart is closed. Repeating it returns your cart unchanged. A guest cart that is unknown, not active, or not reached by its X-Cart-Token is 404 NOT_FOUND.
         */
        post: operations["StoreCartsController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/carts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your cart
         * @description Live prices and totals (SPEC section 6). A guest sends the cart’s X-Cart-Token; a signed-in customer reaches their own cart with the bearer token. Another’s cart, or a guest cart without its right token, is 404 NOT_FOUND.
         */
        get: operations["StoreCartsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/carts/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant (adds to its line when present)
         * @description A variant already in the cart gets the quantity added to its line. More than the available stock is 409 OUT_OF_STOCK; an unknown or inactive variant is 400 VALIDATION_FAILED; a closed cart is 409 INVALID_TRANSITION; a cart you may not reach is 404 NOT_FOUND.
         */
        post: operations["StoreCartsController_addItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/carts/{id}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a line’s quantity
         * @description More than the available stock is 409 OUT_OF_STOCK; a closed cart (checked out or merged) is 409 INVALID_TRANSITION; a line or cart you may not reach is 404 NOT_FOUND.
         */
        put: operations["StoreCartsController_updateItem"];
        post?: never;
        /**
         * Remove a line
         * @description Answers the cart without the line. A closed cart is 409 INVALID_TRANSITION; a line or cart you may not reach is 404 NOT_FOUND.
         */
        delete: operations["StoreCartsController_removeItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/carts/{id}/coupon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a coupon
         * @description Refusals: COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE (400), COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT (409). At most RATE_LIMIT_COUPON_TRIES_PER_MINUTE (default 30) tries per IP per minute, right or wrong (429 RATE_LIMITED with Retry-After beyond).
         */
        post: operations["StoreCartsController_applyCoupon"];
        /**
         * Remove the coupon
         * @description Answers the cart re-priced without it (nothing happens when it has none). A closed cart is 409 INVALID_TRANSITION; a cart you may not reach is 404 NOT_FOUND.
         */
        delete: operations["StoreCartsController_removeCoupon"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Carts, read only
         * @description Filter guest/customer, status, hasItems and updatedAt_lte to find abandoned carts. A JSON array with the header Content-Range: carts start-end/total. Sorted by updatedAt DESC unless `sort` names one of: id, updatedAt, createdAt, status, customerId (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), status, customerId, guest, hasItems, updatedAt_gte, updatedAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminCartsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/carts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One cart, read only
         * @description A guest’s or a customer’s cart with live prices and totals; its token is never shown. 404 NOT_FOUND when no cart has this id.
         */
        get: operations["AdminCartsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invoices (read only)
         * @description q searches the invoice and order numbers and the customer’s name and e-mail. A JSON array with the header Content-Range: invoices start-end/total. Sorted by issuedAt DESC unless `sort` names one of: id, number, issuedAt, total, paymentStatus (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), orderId, bookingId, paymentStatus, issuedAt_gte, issuedAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminInvoicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export invoices as CSV
         * @description Every invoices row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, number, issuedAt, orderId, orderNumber, bookingId, billToName, billToEmail, currency, subtotal, discountTotal, shippingTotal, taxTotal, total, paidAmount, paymentStatus. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminInvoicesController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One invoice
         * @description Read only: its totals follow its order’s (a revised order revises it, same number, revision + 1). 404 NOT_FOUND when no invoice has this id.
         */
        get: operations["AdminInvoicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An invoice as a PDF
         * @description The printable invoice with the seller’s legal details from settings (application/pdf, inline). 404 NOT_FOUND when no invoice has this id.
         */
        get: operations["AdminInvoicesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your order’s invoice
         * @description A guest sends the order’s X-Order-Token; a signed-in customer reaches their own with the bearer token. Another’s order, or a guest order without its right token, is 404 NOT_FOUND.
         */
        get: operations["StoreOrdersController_invoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/{id}/invoice.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your order’s invoice as a PDF
         * @description The printable invoice with the seller’s legal details. A guest sends the order’s X-Order-Token; another’s order, or a guest order without its right token, is 404 NOT_FOUND.
         */
        get: operations["StoreOrdersController_invoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Credit notes (read only)
         * @description One per refund that succeeded. Filters: orderId, offlineSaleId, bookingId, invoiceId, refundId, returnId, issuedAt_gte/lte. q searches the numbers and the customer’s name and e-mail. A JSON array with the header Content-Range: credit-notes start-end/total. Sorted by issuedAt DESC unless `sort` names one of: id, number, issuedAt, total (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), orderId, offlineSaleId, bookingId, invoiceId, refundId, returnId, issuedAt_gte, issuedAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminCreditNotesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/credit-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One credit note
         * @description Read only: credit notes are issued by refunds, never edited. 404 NOT_FOUND when no credit note has this id.
         */
        get: operations["AdminCreditNotesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/credit-notes/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A credit note as a PDF
         * @description The printable credit note with the seller’s legal details from settings (application/pdf, inline). 404 NOT_FOUND when no credit note has this id.
         */
        get: operations["AdminCreditNotesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/{id}/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit notes of your order (one per refund), oldest first
         * @description A guest sends the order’s X-Order-Token; a signed-in customer reaches their own order with the bearer token. Another’s order, or a guest order without its right token, is 404 NOT_FOUND.
         */
        get: operations["StoreCreditNotesController_ofOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/credit-notes/{id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your credit notes, printable
         * @description A guest sends the order’s X-Order-Token.
         */
        get: operations["StoreCreditNotesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an order from a cart
         * @description One transaction: re-prices the cart, checks the coupon, takes the stock of every line, redeems the coupon, creates the order and its invoice, closes the cart. Guests get an accessToken in the order (send it as X-Order-Token). A failed checkout stores nothing, so it may be retried with the same key. Refusals: a cart you may not reach, 404 NOT_FOUND; a cart already checked out or merged, 409 INVALID_TRANSITION; an empty cart, 400 VALIDATION_FAILED (errors.cartId); a line short of stock or of a product withdrawn from sale, 409 OUT_OF_STOCK; a coupon that no longer applies, its code (COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT).
         */
        post: operations["StoreOrdersController_checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your orders
         * @description Signed in only (401 UNAUTHENTICATED without a bearer token): the caller’s own orders, never drafts. Filter status. A JSON array with the header Content-Range: orders start-end/total. Sorted by placedAt DESC unless `sort` names one of: id, placedAt, total (the id breaks ties). `range` is at most 100 rows. `filter` keys: id (one id or an array), status; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["StoreOrdersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your order
         * @description A guest sends the order’s X-Order-Token; a signed-in customer reaches their own with the bearer token. Another’s order, a draft, or a guest order without its right token is 404 NOT_FOUND.
         */
        get: operations["StoreOrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel your own pending order
         * @description Stock and coupon use are returned; every payment is refunded (a card payment back to the card). Only while pending (409 INVALID_TRANSITION otherwise); another’s order, or a guest order without its right X-Order-Token, is 404 NOT_FOUND.
         */
        post: operations["StoreOrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay the balance by card
         * @description Charges balanceDue through the payment provider, with a key of its own, outside any database transaction: the payment is recorded pending first, then succeeded (201, the order paid) or failed (402 PAYMENT_DECLINED, also the stored result of this Idempotency-Key: a new attempt takes a new key). A retry with the same key never charges again: 409 IDEMPOTENCY_IN_PROGRESS while the first is being confirmed, then its result. While one card payment is being confirmed, another (other key) is 409 INVALID_TRANSITION. 503 SERVICE_UNAVAILABLE when the provider does not answer: the payment is settled within about a minute by asking the provider; retry with the same key. Test provider: tok_visa succeeds, tok_declined is declined.
         */
        post: operations["StoreOrdersController_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description q searches number and e-mail. Filters: status, paymentStatus, paymentMethod, customerId, placedAt_gte/lte. A JSON array with the header Content-Range: orders start-end/total. Sorted by placedAt DESC unless `sort` names one of: id, number, placedAt, total, status, paymentStatus, email (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), status, paymentStatus, paymentMethod, placedAt_gte, placedAt_lte, customerId; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminOrdersController_list"];
        put?: never;
        /**
         * Create a draft order (phone or counter order)
         * @description For a customer account (`customerId`) or a guest (`email`). A draft takes no stock, has no number (null until placed) and no invoice, and counts in no report. `unitPrice` on a line overrides the catalog’s price (the audit log records who did it). Place it with POST /:id/place. A couponCode that does not apply is refused with its code (COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT); a variant of a product withdrawn from sale is 409 OUT_OF_STOCK (a draft takes no stock: placing it checks the quantities).
         */
        post: operations["AdminOrdersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order
         * @description With its lines (snapshots), totals, payments summary and derived paymentStatus; drafts too. 404 NOT_FOUND when no order has this id.
         */
        get: operations["AdminOrdersController_get"];
        /**
         * Edit a draft, or a pending or processing order
         * @description A draft: any of its fields. A placed order (pending or processing): `lines` (the whole new list; a line with its `lineId` keeps its snapshot unless its variant changes), `shippingAddress`, `couponCode` (null removes it). Every total is recomputed with the order’s own tax rate, the stock moves by the difference only (409 OUT_OF_STOCK and nothing changed when short), the coupon is checked again, and the invoice is revised (same number, revision + 1). Below what was paid: 409 REFUND_REQUIRED. Any other status: 409 INVALID_TRANSITION. A coupon that does not apply is refused with its code (COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT). 404 NOT_FOUND when no order has this id.
         */
        put: operations["AdminOrdersController_update"];
        post?: never;
        /**
         * Delete a draft
         * @description Only a draft (409 INVALID_TRANSITION otherwise: cancel a placed order). Answers the deleted draft. 404 NOT_FOUND when no order has this id.
         */
        delete: operations["AdminOrdersController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/place": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place a draft
         * @description Runs the checkout’s rules and transaction: the lines priced again from the catalog (prices set by hand stay), the coupon checked, the stock taken (409 OUT_OF_STOCK), the number given, the invoice issued. Answers the pending order. A guest’s order carries its accessToken. A draft only (409 INVALID_TRANSITION otherwise); a coupon that no longer applies is refused with its code (COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT). 404 NOT_FOUND when no order has this id.
         */
        post: operations["AdminOrdersController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export orders as CSV
         * @description Every orders row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, number, placedAt, email, customerId, status, paymentStatus, paymentMethod, items, couponCode, subtotal, discountTotal, shippingTotal, taxTotal, total, paidAmount, balanceDue. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminOrdersController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a payment
         * @description A positive amount up to the balance due, less any card payment still being confirmed (409 OVERPAYMENT above it); a cancelled order takes none. Paid in full ⇒ delivered. A cancelled order is 409 INVALID_TRANSITION. 404 NOT_FOUND when no order has this id.
         */
        post: operations["AdminOrdersController_recordPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the remaining balance as paid
         * @description One payment of the balance due, by `method` (default: the order’s payment method). 409 INVALID_TRANSITION when nothing is due, while a card payment of it is being confirmed, or on a cancelled order. 404 NOT_FOUND when no order has this id.
         */
        post: operations["AdminOrdersController_markPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the order on
         * @description pending → processing → shipped → delivered; cancelled from pending or processing. Anything else is 409 INVALID_TRANSITION. 404 NOT_FOUND when no order has this id.
         */
        post: operations["AdminOrdersController_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/bulk-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move several orders on
         * @description POST /:id/status for each order named (1 to 100 distinct ids, else 400 VALIDATION_FAILED), one after another, each in its own transaction with the same rules, events, notifications and audit entries as the single route (`cancelled` cancels, returning stock and payments). An order that cannot move (409 INVALID_TRANSITION, 404 NOT_FOUND, ...) is left unchanged and listed in `failed` with that code and message; the others are moved. The answer is 200 whatever each order’s outcome.
         */
        post: operations["AdminOrdersController_changeStatuses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order
         * @description Returns the stock and the coupon use, and gives back every payment through refunds, each with its credit note (card payments charged online through the payment provider, after commit; the others recorded as paid out). 409 INVALID_TRANSITION while a card payment is being confirmed. Only from pending or processing (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no order has this id.
         */
        post: operations["AdminOrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments of orders (read only)
         * @description Filters: orderId, method, status (pending, succeeded, failed, refunded), paidAt_gte/lte. q searches the reference. A JSON array with the header Content-Range: payments start-end/total. Sorted by paidAt DESC unless `sort` names one of: id, paidAt, amount, method, status (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), orderId, method, status, paidAt_gte, paidAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminPaymentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payments/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export payments as CSV
         * @description Every payments row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, paidAt, orderId, amount, method, reference, status, refundedAmount, recordedById. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminPaymentsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One payment
         * @description Read only: pending, succeeded, failed or refunded, with refundedAmount. 404 NOT_FOUND when no payment has this id.
         */
        get: operations["AdminPaymentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List suppliers
         * @description q searches name, contact name, e-mail and phone. A JSON array with the header Content-Range: suppliers start-end/total. Sorted by name ASC unless `sort` names one of: id, name, createdAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search); an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminSuppliersController_list"];
        put?: never;
        /**
         * Create a supplier
         * @description name is required; contact details are optional.
         */
        post: operations["AdminSuppliersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One supplier
         * @description 404 NOT_FOUND when no supplier has this id.
         */
        get: operations["AdminSuppliersController_get"];
        /**
         * Change a supplier (partial)
         * @description Takes only the fields to change. 404 NOT_FOUND when no supplier has this id.
         */
        put: operations["AdminSuppliersController_update"];
        post?: never;
        /**
         * Delete a supplier without purchases
         * @description 409 CONFLICT once it has purchases. 404 NOT_FOUND when no supplier has this id.
         */
        delete: operations["AdminSuppliersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List purchases
         * @description q searches the number, notes, product names and SKUs of the lines. A JSON array with the header Content-Range: purchases start-end/total. Sorted by createdAt DESC unless `sort` names one of: id, number, createdAt, orderedAt, receivedAt, total, status (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), status, supplierId, createdAt_gte, createdAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminPurchasesController_list"];
        put?: never;
        /**
         * Create a purchase
         * @description Its purchase invoice (PINV-<year>-<6 digits>) is issued with it.
         */
        post: operations["AdminPurchasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchases/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export purchases as CSV
         * @description Every purchases row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, number, createdAt, supplierId, status, items, subtotal, shippingCost, taxTotal, total, orderedAt, receivedAt, purchaseInvoiceId, notes. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminPurchasesController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One purchase
         * @description With its lines and what has been received. 404 NOT_FOUND when no purchase has this id.
         */
        get: operations["AdminPurchasesController_get"];
        /**
         * Change a purchase before receipt (partial; lines replace all lines)
         * @description status may move draft → ordered here. A received or cancelled purchase is 409 INVALID_TRANSITION. 404 NOT_FOUND when no purchase has this id.
         */
        put: operations["AdminPurchasesController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchases/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive the goods
         * @description Adds every line to stock (purchase_received), sets each variant’s cost price to the line’s unit cost, freezes the purchase and its invoice. Twice: 409 INVALID_TRANSITION. 404 NOT_FOUND when no purchase has this id.
         */
        post: operations["AdminPurchasesController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchases/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel before receipt
         * @description The purchase invoice becomes void. A received or cancelled purchase is 409 INVALID_TRANSITION. 404 NOT_FOUND when no purchase has this id.
         */
        post: operations["AdminPurchasesController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchase-invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List suppliers’ invoices
         * @description Filters: supplierId, purchaseId, status (open, final, void); q searches its number and the purchase’s number. A JSON array with the header Content-Range: purchase-invoices start-end/total. Sorted by issuedAt DESC unless `sort` names one of: id, number, issuedAt, total, status (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), supplierId, purchaseId, status; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminPurchaseInvoicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchase-invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One supplier’s invoice
         * @description 404 NOT_FOUND when no purchase invoice has this id.
         */
        get: operations["AdminPurchaseInvoicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/purchase-invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A supplier’s invoice as a PDF
         * @description The printable purchase invoice (application/pdf, inline). 404 NOT_FOUND when no purchase invoice has this id.
         */
        get: operations["AdminPurchaseInvoicesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * In-store customers with their outstanding balance
         * @description q searches name, phone and e-mail; filter owing=true for those who owe. A JSON array with the header Content-Range: offline-customers start-end/total. Sorted by name ASC unless `sort` names one of: id, name, createdAt, outstandingBalance (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), owing, userId; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminOfflineCustomersController_list"];
        put?: never;
        /**
         * Create an in-store customer
         * @description name and phone are required; outstandingBalance is derived, never sent.
         */
        post: operations["AdminOfflineCustomersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-customers/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export offline-customers as CSV
         * @description Every offline-customers row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, name, phone, email, address, userId, outstandingBalance, createdAt. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminOfflineCustomersController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One in-store customer
         * @description With outstandingBalance, the balance of their sales that are not cancelled. 404 NOT_FOUND when no customer has this id.
         */
        get: operations["AdminOfflineCustomersController_get"];
        /**
         * Change an in-store customer, or link it to a customer account
         * @description A partial update of the contact fields, and `userId`: the customer account this in-store customer is linked to (null unlinks). An account is linked to at most one in-store customer: an account linked to another one, or a user who is not a customer, is a 400 VALIDATION_FAILED on userId and changes nothing. The account’s customers row then counts this customer’s sales and balance (those made before the link too); relinking moves them to the new account, in the same transaction. 404 NOT_FOUND when no customer has this id.
         */
        put: operations["AdminOfflineCustomersController_update"];
        post?: never;
        /**
         * Delete an in-store customer without sales or bookings
         * @description 409 CONFLICT once they have sales or bookings (their history stays). 404 NOT_FOUND when no customer has this id.
         */
        delete: operations["AdminOfflineCustomersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List in-store sales
         * @description q searches the number, the coupon code and the customer’s name and phone; filter walkIn=true for the sales without a customer. A JSON array with the header Content-Range: offline-sales start-end/total. Sorted by soldAt DESC unless `sort` names one of: id, number, soldAt, total, paymentStatus, status (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), customerId, walkIn, status, paymentStatus, soldAt_gte, soldAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminOfflineSalesController_list"];
        put?: never;
        /**
         * Record a sale
         * @description Takes the stock at once (409 OUT_OF_STOCK and nothing saved when short); paidAmount records a first payment (above the total: 409 OVERPAYMENT). Without customerId it is a walk-in sale, which must be paid in full at once (paidAmount = total), else 400 VALIDATION_FAILED on customerId ("a sale on credit needs a customer"). couponCode applies a coupon with the rules, limits and refusals of online coupons: 400 COUPON_NOT_FOUND (no such code), 400 COUPON_INACTIVE, 400 COUPON_NOT_STARTED (before validFrom), 400 COUPON_EXPIRED (after validTo), 400 COUPON_MIN_PURCHASE (subtotal below minPurchase), 409 COUPON_USAGE_LIMIT (used up, also when online checkouts and counter sales race for the last use), 409 COUPON_CUSTOMER_LIMIT (the customer’s uses reached perCustomerLimit); its use is counted once per sale, atomically against its limit, and given back if the sale is cancelled. A coupon with a per-customer limit needs the customer (400 on customerId), and a sale takes a coupon or a manual discount, not both (400 on discount). With an Idempotency-Key header, a retry records it once.
         */
        post: operations["AdminOfflineSalesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-sales/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export offline-sales as CSV
         * @description Every offline-sales row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, number, soldAt, customerId, status, paymentStatus, items, subtotal, discount, couponCode, taxTotal, total, paidAmount, refundedAmount, balance. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminOfflineSalesController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-sales/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One in-store sale
         * @description With its lines (snapshots), payments and the derived paidAmount, balance and paymentStatus. 404 NOT_FOUND when no sale has this id.
         */
        get: operations["AdminOfflineSalesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-sales/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a payment
         * @description Payments together never exceed the total (409 OVERPAYMENT); a cancelled sale takes none (409 INVALID_TRANSITION). 404 NOT_FOUND when no sale has this id.
         */
        post: operations["AdminOfflineSalesController_addPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-sales/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a sale
         * @description Returns the stock (offline_sale_cancelled); its balance becomes 0. A sale already cancelled is 409 INVALID_TRANSITION. 404 NOT_FOUND when no sale has this id.
         */
        post: operations["AdminOfflineSalesController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-sales/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sale’s receipt as a PDF
         * @description The printable receipt with the seller’s legal details from settings (application/pdf, inline). 404 NOT_FOUND when no sale has this id.
         */
        get: operations["AdminOfflineSalesController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/service-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List service types
         * @description Active and inactive; filter isActive; q searches name and description. A JSON array with the header Content-Range: service-types start-end/total. Sorted by name ASC unless `sort` names one of: id, name, price, durationMinutes (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), isActive; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminServiceTypesController_list"];
        put?: never;
        /**
         * Create a service type
         * @description price in minor units, durationMinutes a positive whole number.
         */
        post: operations["AdminServiceTypesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/service-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One service type
         * @description 404 NOT_FOUND when no service type has this id.
         */
        get: operations["AdminServiceTypesController_get"];
        /**
         * Change a service type (partial)
         * @description Takes only the fields to change; bookings keep the name and price they were made with. 404 NOT_FOUND when no service type has this id.
         */
        put: operations["AdminServiceTypesController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List bookings
         * @description Sorted by time by default. Filters: status, customerId, offlineCustomerId, assigneeId, serviceTypeId, paymentStatus, scheduledAt_gte/lte, and the calendar’s window `from`/`to` on scheduledAt (both inclusive; a date-only `to` means the end of that UTC day, a date-only `from` its start). A JSON array with the header Content-Range: bookings start-end/total. Sorted by scheduledAt ASC unless `sort` names one of: id, scheduledAt, status, price, total, paymentStatus, createdAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), status, scheduledAt_gte, scheduledAt_lte, customerId, offlineCustomerId, assigneeId, serviceTypeId, paymentStatus, from, to; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminBookingsController_list"];
        put?: never;
        /**
         * Book a visit for a customer
         * @description For an account (customerId) or an in-store customer (offlineCustomerId): exactly one of them, else 400 VALIDATION_FAILED. assigneeId, when given, is an active admin or staff member (else 400 on assigneeId). The booking copies the service’s name, price (its subtotal) and duration, and is taxed at the store’s tax rate now (taxTotal = roundHalfUp(subtotal × taxRateBps / 10000), total = subtotal + taxTotal). A time in the past is a 400.
         */
        post: operations["AdminBookingsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One booking
         * @description With serviceName and price as snapshots. 404 NOT_FOUND when no booking has this id.
         */
        get: operations["AdminBookingsController_get"];
        /**
         * Reschedule or reassign a pending booking
         * @description Takes the fields to change: scheduledAt (in the future), address, notes, assigneeId (an active admin or staff member; null unassigns). A completed or cancelled booking is 409 INVALID_TRANSITION; a time in the past is 400 VALIDATION_FAILED. 404 NOT_FOUND when no booking has this id.
         */
        put: operations["AdminBookingsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/bookings/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete or cancel a pending booking
         * @description Completing issues the booking’s invoice in the INV series (invoiceId on the booking, bookingId on the invoice; its payment status follows the booking’s) and counts its total in servicesRevenue on the completion day. Cancelling refunds every payment in full (each refund with its credit note); a cancelled booking shows paidAmount 0 and takes no more payments. Anything but a pending booking is 409 INVALID_TRANSITION. 404 NOT_FOUND when no booking has this id.
         */
        post: operations["AdminBookingsController_move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/bookings/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a payment of a booking
         * @description A positive amount in minor units (else 400 VALIDATION_FAILED) of at most the balance (409 OVERPAYMENT, also under concurrent requests); a cancelled booking takes none (409 INVALID_TRANSITION). Pending and completed bookings take payments, in several parts and methods; paidAmount, balance and paymentStatus are derived, and the invoice of a completed booking follows. An optional Idempotency-Key records a retried request once. 404 NOT_FOUND when no booking has this id.
         */
        post: operations["AdminBookingsController_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/service-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Services on offer (active only)
         * @description Public: the active service types with their price and duration; q searches name and description. A JSON array with the header Content-Range: service-types start-end/total. Sorted by name ASC unless `sort` names one of: id, name, price, durationMinutes (the id breaks ties). `range` is at most 100 rows. `filter` keys: id (one id or an array), q (search); an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["StoreServicesController_types"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your bookings
         * @description Signed in only (401 UNAUTHENTICATED without a bearer token): the caller’s own bookings. A JSON array with the header Content-Range: bookings start-end/total. Sorted by scheduledAt ASC unless `sort` names one of: id, scheduledAt, status, price, total, paymentStatus, createdAt (the id breaks ties). `range` is at most 100 rows. `filter` keys: id (one id or an array), q (search), status, scheduledAt_gte, scheduledAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["StoreServicesController_mine"];
        put?: never;
        /**
         * Book a visit
         * @description For the signed-in customer; taxed at the store’s tax rate now, like an admin booking. A time in the past is a 400.
         */
        post: operations["StoreServicesController_book"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your bookings
         * @description Another customer’s booking is 404 NOT_FOUND, as one that does not exist.
         */
        get: operations["StoreServicesController_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/bookings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel your own pending booking
         * @description Only while pending (409 INVALID_TRANSITION otherwise). Another customer’s booking is 404 NOT_FOUND.
         */
        post: operations["StoreServicesController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refunds (read only)
         * @description Filters: orderId, offlineSaleId, bookingId, returnId, status, method, kind, refundedAt_gte/lte. q searches the number, the record’s number, the reference and the reason. A JSON array with the header Content-Range: refunds start-end/total. Sorted by createdAt DESC unless `sort` names one of: id, number, createdAt, refundedAt, amount, status (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), orderId, offlineSaleId, bookingId, returnId, status, method, kind, refundedAt_gte, refundedAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminRefundsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/refunds/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export refunds as CSV
         * @description Every refunds row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). Columns: id, number, createdAt, refundedAt, kind, recordNumber, orderId, offlineSaleId, bookingId, returnId, amount, method, status, reference, reason, failureReason, creditNoteId, recordedById. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.
         */
        get: operations["AdminRefundsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/refunds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One refund
         * @description Read only: pending, succeeded or failed, with its credit note once it succeeded. 404 NOT_FOUND when no refund has this id.
         */
        get: operations["AdminRefundsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an order
         * @description A refund with no goods back (goodwill, a price adjustment), at most what was paid and not yet refunded (409 REFUND_EXCEEDS_PAID, also under concurrent requests). Without paymentId, card payments are refunded first, newest first, then the others. A card payment the payment provider charged is refunded through the provider, outside any database transaction (402 PAYMENT_DECLINED when it refuses; 503 SERVICE_UNAVAILABLE when it does not answer: the refund is settled within about a minute, retry with the same Idempotency-Key); any other payment is recorded as paid out. Each refund issues a credit note. A paymentId that is not one of the record’s payments is 400 VALIDATION_FAILED (errors.paymentId); 404 NOT_FOUND when no record has this id.
         */
        post: operations["AdminRefundsController_refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/offline-sales/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an in-store sale
         * @description A refund with no goods back (goodwill, a price adjustment), at most what was paid and not yet refunded (409 REFUND_EXCEEDS_PAID, also under concurrent requests). Without paymentId, card payments are refunded first, newest first, then the others. A card payment the payment provider charged is refunded through the provider, outside any database transaction (402 PAYMENT_DECLINED when it refuses; 503 SERVICE_UNAVAILABLE when it does not answer: the refund is settled within about a minute, retry with the same Idempotency-Key); any other payment is recorded as paid out. Each refund issues a credit note. A paymentId that is not one of the record’s payments is 400 VALIDATION_FAILED (errors.paymentId); 404 NOT_FOUND when no record has this id.
         */
        post: operations["AdminRefundsController_refundSale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/bookings/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a booking
         * @description A refund with no goods back (goodwill, a price adjustment), at most what was paid and not yet refunded (409 REFUND_EXCEEDS_PAID, also under concurrent requests). Without paymentId, card payments are refunded first, newest first, then the others. A card payment the payment provider charged is refunded through the provider, outside any database transaction (402 PAYMENT_DECLINED when it refuses; 503 SERVICE_UNAVAILABLE when it does not answer: the refund is settled within about a minute, retry with the same Idempotency-Key); any other payment is recorded as paid out. Each refund issues a credit note. A paymentId that is not one of the record’s payments is 400 VALIDATION_FAILED (errors.paymentId); 404 NOT_FOUND when no record has this id. A booking's payments are all recorded by staff, so they are paid out; the credit note is addressed to the booking's invoice once it is completed.
         */
        post: operations["AdminRefundsController_refundBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List returns
         * @description Filters: status, source, orderId, offlineSaleId, customerId, requestedAt_gte/lte. q searches the return’s and the record’s numbers. A JSON array with the header Content-Range: returns start-end/total. Sorted by requestedAt DESC unless `sort` names one of: id, number, requestedAt, status, refundedAt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), status, source, orderId, offlineSaleId, customerId, requestedAt_gte, requestedAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminReturnsController_list"];
        put?: never;
        /**
         * Make a return (phone, counter)
         * @description For an order that is shipped or delivered (an online order returned at the counter) or a completed in-store sale; no return window. Status approved. Each line at most what was sold less what other returns (not rejected or cancelled) hold: 409 RETURN_QUANTITY_EXCEEDED, also under concurrent requests. Other records: 409 RETURN_NOT_ALLOWED. An orderId or offlineSaleId that does not exist is 404 NOT_FOUND.
         */
        post: operations["AdminReturnsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One return
         * @description With its lines, amounts and refund. 404 NOT_FOUND when no return has this id.
         */
        get: operations["AdminReturnsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/returns/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a requested return
         * @description Only from requested (409 INVALID_TRANSITION otherwise); the customer then sends the goods back. 404 NOT_FOUND when no return has this id.
         */
        post: operations["AdminReturnsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/returns/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a requested return
         * @description Its units may be returned again; the other open returns are priced again. Only from requested (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no return has this id.
         */
        post: operations["AdminReturnsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/returns/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive the goods of an approved return
         * @description Restocked units go back with movement reason return_restocked; restock defaults to true for every line (false: damaged, not for sale again). Only from approved (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no return has this id.
         */
        post: operations["AdminReturnsController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/returns/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a return
         * @description From received, or from approved when nothing needs to come back (a damaged item the customer keeps). Gives back min(the return’s total, paid − refunded so far) through the record’s payments (card payments first, newest first; a provider charge through the provider unless `method` asks for another way, e.g. cash at the counter), with a credit note of the returned lines. Nothing paid: refunded with no refund. 409 INVALID_TRANSITION while a refund of it is being confirmed. More than what was paid and not yet refunded is 409 REFUND_EXCEEDS_PAID; a provider that refuses is 402 PAYMENT_DECLINED, one that does not answer 503 SERVICE_UNAVAILABLE (retry with the same key). 404 NOT_FOUND when no return has this id.
         */
        post: operations["AdminReturnsController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/returns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a return before its goods are received
         * @description Its units may be returned again; the other open returns are priced again. Only from requested or approved (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no return has this id.
         */
        post: operations["AdminReturnsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/orders/{id}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The returns of your order, oldest first
         * @description A guest sends the order’s X-Order-Token; a signed-in customer reaches their own order with the bearer token. Another’s order, or a guest order without its right token, is 404 NOT_FOUND.
         */
        get: operations["StoreReturnsController_ofOrder"];
        put?: never;
        /**
         * Ask to return goods of your delivered order
         * @description Within the store’s returnWindowDays (settings, default 30) of delivery; otherwise, or for an order that is not delivered, 409 RETURN_NOT_ALLOWED. Each line at most what was bought less what your other returns (not rejected or cancelled) hold: 409 RETURN_QUANTITY_EXCEEDED. Status requested: the shop approves it, receives the goods and refunds you.
         */
        post: operations["StoreReturnsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your returns
         * @description Filters: status, orderId. A JSON array with the header Content-Range: returns start-end/total. Sorted by requestedAt DESC unless `sort` names one of: id, requestedAt (the id breaks ties). `range` is at most 100 rows. `filter` keys: id (one id or an array), status, orderId; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["StoreReturnsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/store/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your returns
         * @description A guest sends the order’s X-Order-Token.
         */
        get: operations["StoreReturnsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notifications
         * @description Filter unread=true for the unread ones. A JSON array with the header Content-Range: notifications start-end/total. Sorted by id DESC unless `sort` names one of: id, createdAt (the id breaks ties). `range` is at most 100 rows. `filter` keys: id (one id or an array), unread, type; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["MyNotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of your notifications are unread
         * @description For the bell: {count}. Only the caller’s own notifications count.
         */
        get: operations["MyNotificationsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * New notifications as server-sent events
         * @description One `notification` event per new notification. EventSource cannot send headers: pass ?accessToken= instead. A stream closes when its access token expires and as soon as its session ends (logout, logout everywhere, a password change, a deactivation); at most 5 are open per user: opening a sixth closes the oldest.
         */
        get: operations["MyNotificationsController_streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your notifications
         * @description Another user’s notification is 404 NOT_FOUND, as one that does not exist.
         */
        get: operations["MyNotificationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your notifications read
         * @description Reading it again keeps its first readAt. Another user’s notification is 404 NOT_FOUND.
         */
        post: operations["MyNotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all your notifications read
         * @description Answers how many were unread and are now read (0 when none were).
         */
        post: operations["MyNotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/bulk-read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark several of your notifications read
         * @description POST /notifications/:id/read for each notification named (1 to 100 distinct ids, else 400 VALIDATION_FAILED). One that is not yours, or does not exist, is listed in `failed` with 404 NOT_FOUND; one already read stays as it was and counts as done.
         */
        post: operations["MyNotificationsController_readMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your messages, both directions
         * @description The messages the shop wrote to you by name (`to_customer`) and those you wrote (`from_customer`), newest first; filter `direction`. A message the shop sent to every customer is not listed here: it reached you as a notification. Nobody sees another customer’s messages.
         */
        get: operations["MyMessagesController_list"];
        put?: never;
        /**
         * Write to the shop (admins and staff)
         * @description Kept as a `from_customer` message and notified to every admin and staff member, the notification naming you and linking to your account. Title and body must not be blank (at most 200 and 5000 characters: else 400 with field messages). At most RATE_LIMIT_MESSAGES_PER_HOUR (default 10) per hour; beyond, 429 RATE_LIMITED with Retry-After. Customers only (403 for others).
         */
        post: operations["MyMessagesController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages sent and received, newest first
         * @description Every message: the shop’s (`to_customer`; a message to every customer is one record with `userId` null) and the customers’ (`from_customer`). Filters `userId`, `direction`, `createdAt_gte`/`createdAt_lte`; `q` searches the title and the customer’s name and e-mail. `userName` and `userEmail` are the account’s as they were when the message was sent.
         */
        get: operations["AdminMessagesController_list"];
        put?: never;
        /**
         * Message one user, or every customer when userId is absent
         * @description Kept as a `to_customer` message (one record, also for every customer) and audited; the recipients are notified through the outbox right after. A `userId` that does not exist is a 400 on `userId`; title and body must not be blank.
         */
        post: operations["AdminMessagesController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every back-office change, newest first
         * @description filter {"record":"products:5"} gives a record’s history (its parts included); also resource, resourceId, actorId, action, at_gte/lte. A JSON array with the header Content-Range: audit-logs start-end/total. Sorted by id DESC unless `sort` names one of: id, at (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), resource, resourceId, record, actorId, apiKeyId, action, at_gte, at_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminAuditLogsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit-logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One audit entry
         * @description Who changed what and when, with the record before and after. 404 NOT_FOUND when no entry has this id.
         */
        get: operations["AdminAuditLogsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The back office’s figures of the day
         * @description Net revenue today and over 30 days (with each day’s), pending orders, variants at or below their low-stock threshold, balances still owed and bookings of the next 7 days; money in minor units, days in UTC.
         */
        get: operations["ReportsController_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check every invariant (stock = ledger, totals, payments, coupon use, numbering, events)
         * @description Also `npm run check:invariants`.
         */
        get: operations["ReportsController_integrity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales by day or month
         * @description from and to are UTC dates, both inclusive. Cancelled orders and sales do not count.
         */
        get: operations["ReportsController_sales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What to order again
         * @description Every variant at or below its low-stock threshold, with the supplier and unit cost of its latest purchase that is not cancelled (by receipt, else order, else creation date) and suggestedQuantity = max(⌈units sold in the last 90 days × 30 / 90⌉, threshold + 1) − stock: enough for 30 days at the recent rate (online orders and in-store sales that are not cancelled), and at least out of low stock. `onOrder` (draft and ordered purchases not received) is shown beside it and not subtracted: check it before ordering again. A JSON array (not a paged list), by last supplier, product and SKU. The admin SPA turns a selection into one draft purchase per supplier.
         */
        get: operations["ReportsController_reorderReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/customers/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer’s timeline: orders, in-store sales, bookings, refunds and messages, newest first
         * @description One list of the account’s orders (not drafts), its linked in-store customer’s sales, the bookings of the account and of the linked in-store customer, the refunds of any of those, and the messages to and from the account (not those to every customer), cancelled records included. Each entry names its record (`resource`, `recordId`) with its date (`at`: placed, sold, the visit, refunded, sent), number or title, amount and status. Newest first (`sort=["at","ASC"]` for oldest first; ties by kind, then record id); the list protocol’s `range` pages it (at most 1000 entries) and Content-Range: customer-timeline start-end/total counts every entry. Admins and staff. 404 NOT_FOUND when no account with role customer has this id (another role’s user included). A malformed `range` or `sort`, or any `filter` key, is 400 VALIDATION_FAILED.
         */
        get: operations["CustomerTimelineController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description q searches URL and description. Secrets are never listed. A JSON array with the header Content-Range: webhooks start-end/total. Sorted by id DESC unless `sort` names one of: id, url, createdAt, isActive (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), isActive; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminWebhooksController_list"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description The answer carries the signing `secret` (whsec_…) this once. Every event of the chosen types is POSTed as {id, type, createdAt, data} (data: the record as the admin API shows it) with Chance-Event-Id and Chance-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">. 2xx within 10 s is success; anything else (redirects included: they are not followed) is retried with growing delays for at least 24 h. A URL resolving to a loopback, private, link-local or unique-local address is a 400 unless WEBHOOK_ALLOW_PRIVATE_URLS=true; the address is checked again at every delivery.
         */
        post: operations["AdminWebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook endpoint
         * @description Its URL, events and state; never its signing secret (shown once, at creation). 404 NOT_FOUND when no endpoint has this id.
         */
        get: operations["AdminWebhooksController_get"];
        /**
         * Change URL, events, description or isActive (partial)
         * @description isActive: true re-activates an endpoint deactivated after 24 h of failures. 404 NOT_FOUND when no endpoint has this id.
         */
        put: operations["AdminWebhooksController_update"];
        post?: never;
        /**
         * Delete a webhook endpoint and its delivery log
         * @description Its delivery log goes with it, deliveries not yet sent included; no further event is sent to its URL. 404 NOT_FOUND when no endpoint has this id.
         */
        delete: operations["AdminWebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/{id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a ping event to the endpoint
         * @description Whatever it subscribes to, also while inactive; {type: "ping", data: {webhookId}}. Answers the attempt, pending: its outcome shows in the delivery log. 404 NOT_FOUND when no endpoint has this id.
         */
        post: operations["AdminWebhooksController_ping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log: one row per attempt, newest first
         * @description filter webhookId, status (pending, succeeded, failed), type, eventId (evt_…, as the receiver saw it), createdAt_gte/lte. A JSON array with the header Content-Range: webhook-deliveries start-end/total. Sorted by id DESC unless `sort` names one of: id, createdAt, dueAt, attempt (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), webhookId, status, type, eventId, createdAt_gte, createdAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminWebhookDeliveriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One delivery attempt
         * @description The event, the answer status and timing of one attempt. 404 NOT_FOUND when no delivery has this id.
         */
        get: operations["AdminWebhookDeliveriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the event of this delivery again, now
         * @description Same event id and body; a retry already scheduled is brought forward instead of doubled. Answers that attempt, pending. 404 NOT_FOUND when no delivery has this id.
         */
        post: operations["AdminWebhookDeliveriesController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The e-mail log, newest first
         * @description q searches recipient and subject; filter status, template, createdAt_gte/lte. Bodies are not kept: a code or a link is made when its e-mail is sent. A JSON array with the header Content-Range: emails start-end/total. Sorted by id DESC unless `sort` names one of: id, createdAt, sentAt, to (the id breaks ties). `range` is at most 1000 rows. `filter` keys: id (one id or an array), q (search), status, template, createdAt_gte, createdAt_lte; an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.
         */
        get: operations["AdminEmailsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/emails/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One logged e-mail
         * @description Recipient, subject, template and delivery status; bodies are not kept. 404 NOT_FOUND when no e-mail has this id.
         */
        get: operations["AdminEmailsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthView: {
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok" | "error";
            /**
             * @example up
             * @enum {string}
             */
            database: "up" | "down";
        };
        RegisterDto: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery */
            password: string;
            /** @example Ada Lovelace */
            fullName: string;
            /** @example +1 555 0100 */
            phone?: string;
        };
        ProfileView: {
            /** @example Ana Silva */
            fullName: string;
            /** @example +15550100 */
            phone: string | null;
            /** @example 12 Elm Street, Springfield */
            address: string | null;
        };
        MeView: {
            /** @example 17 */
            id: number;
            /** @example ana@example.com */
            email: string;
            /**
             * @example customer
             * @enum {string}
             */
            role: "admin" | "staff" | "customer";
            /** @example true */
            isActive: boolean;
            /**
             * Format: date-time
             * @example 2026-11-20T10:00:00.000Z
             */
            emailVerifiedAt: string | null;
            /**
             * Format: date-time
             * @example null
             */
            phoneVerifiedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-20T09:58:00.000Z
             */
            createdAt: string;
            profile: components["schemas"]["ProfileView"];
        };
        AuthResultView: {
            user: components["schemas"]["MeView"];
            /**
             * @description JWT (HS256), short-lived; send as Authorization: Bearer
             * @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjE3fQ.c2lnbmF0dXJl
             */
            accessToken: string;
            /**
             * @description Opaque, single use; exchange at /api/auth/refresh
             * @example rt_4f0c2b9e7d1a4c6b8e3f5a7d9c1b3e5f
             */
            refreshToken: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
        };
        /**
         * @description Stable machine-readable code (docs/api.md#errors): branch on it, not on the message
         * @enum {string}
         */
        ErrorCode: "VALIDATION_FAILED" | "INVALID_CREDENTIALS" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "OUT_OF_STOCK" | "OVERPAYMENT" | "INVALID_TRANSITION" | "PAYMENT_DECLINED" | "IDEMPOTENCY_IN_PROGRESS" | "IDEMPOTENCY_KEY_REUSED" | "REFUND_EXCEEDS_PAID" | "RETURN_NOT_ALLOWED" | "RETURN_QUANTITY_EXCEEDED" | "REFUND_REQUIRED" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "OTP_INVALID" | "OTP_EXPIRED" | "OTP_LOCKED" | "TOKEN_INVALID" | "CONFLICT" | "COUPON_NOT_FOUND" | "COUPON_INACTIVE" | "COUPON_NOT_STARTED" | "COUPON_EXPIRED" | "COUPON_MIN_PURCHASE" | "COUPON_USAGE_LIMIT" | "COUPON_CUSTOMER_LIMIT" | "INTERNAL_ERROR" | "SERVICE_UNAVAILABLE";
        ErrorBodyDto: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /**
             * @description Stable machine-readable code (docs/api.md#errors): branch on it, not on the message
             * @example VALIDATION_FAILED
             */
            code: components["schemas"]["ErrorCode"];
            /** @example Validation failed */
            message: string;
            /**
             * @description Field name → message, for validation failures
             * @example {
             *       "email": "must be an email"
             *     }
             */
            errors?: {
                [key: string]: string;
            };
        };
        LoginDto: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        RefreshDto: {
            /**
             * @description The refresh token of the last pair (single use)
             * @example rt_4f0c2b9e7d1a4c6b8e3f5a7d9c1b3e5f
             */
            refreshToken: string;
        };
        ForgotPasswordDto: {
            /** @example ada@example.com */
            email: string;
        };
        ForgotPasswordView: {
            /** @example If an account uses this e-mail, a link to choose a new password is on its way. It works for 30 minutes. */
            message: string;
        };
        ResetPasswordDto: {
            /**
             * @description The token of the reset link (`token=` of <PUBLIC_URL>/reset-password?token=…)
             * @example Xq3v9n1hJ4c2b7XrT0sFz8mLkPw5eYa6
             */
            token: string;
            /** @example a-longer-new-passphrase */
            password: string;
        };
        OtpRequestDto: {
            /**
             * @example email
             * @enum {string}
             */
            channel: "email" | "sms";
        };
        OtpVerifyDto: {
            /** @example 123456 */
            code: string;
        };
        VerifiedView: {
            /** @example true */
            verified: boolean;
        };
        UpdateProfileDto: {
            fullName?: string;
            phone?: string | null;
            /** @description A single line or several, as one string */
            address?: string | null;
        };
        ChangePasswordDto: {
            /**
             * @description The password in use now
             * @example old-password-2026
             */
            currentPassword: string;
            /** @example a-longer-new-passphrase */
            newPassword: string;
        };
        AdminUserView: {
            /** @example 17 */
            id: number;
            /** @example ana@example.com */
            email: string;
            /**
             * @example customer
             * @enum {string}
             */
            role: "admin" | "staff" | "customer";
            /** @example true */
            isActive: boolean;
            /** @example Ana Silva */
            fullName: string;
            /** @example +15550100 */
            phone: string | null;
            /** @example 12 Elm Street, Springfield */
            address: string | null;
            /**
             * Format: date-time
             * @example 2026-11-20T10:00:00.000Z
             */
            emailVerifiedAt: string | null;
            /**
             * Format: date-time
             * @example null
             */
            phoneVerifiedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-20T09:58:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-20T10:00:00.000Z
             */
            updatedAt: string;
        };
        CreateUserDto: {
            email: string;
            password: string;
            fullName: string;
            phone?: string;
            address?: string | null;
            /** @enum {string} */
            role: "admin" | "staff" | "customer";
        };
        UpdateUserDto: {
            fullName?: string;
            phone?: string | null;
            /** @description A single line or several, as one string */
            address?: string | null;
            /** @enum {string} */
            role?: "admin" | "staff" | "customer";
            isActive?: boolean;
            /** @description A new password */
            password?: string;
        };
        CustomerView: {
            /**
             * @description The account’s user id
             * @example 42
             */
            id: number;
            /** @example maria@example.com */
            email: string;
            /** @example Maria Gonzalez */
            fullName: string;
            /** @example +1 555 0199 */
            phone: string | null;
            /** @example 12 Main St, Springfield */
            address: string | null;
            /**
             * @description Staff notes, never shown to the customer
             * @example Prefers morning deliveries
             */
            notes: string | null;
            /**
             * @description The in-store customer linked to this account (PUT /api/admin/offline-customers/:id {userId})
             * @example 7
             */
            offlineCustomerId: number | null;
            /**
             * @description Orders placed, not drafts, not cancelled
             * @example 12
             */
            ordersCount: number;
            /**
             * @description Sales of the linked in-store customer, not cancelled
             * @example 3
             */
            offlineSalesCount: number;
            /**
             * @description Bookings, not cancelled
             * @example 2
             */
            bookingsCount: number;
            /**
             * @description Minor units: Σ totals of the account’s orders, its linked in-store customer’s sales and its completed bookings that are not cancelled − Σ their refunds
             * @example 125000
             */
            lifetimeValue: number;
            /**
             * @description Minor units: the balances still due on those orders, sales and bookings (not cancelled)
             * @example 4500
             */
            outstandingBalance: number;
            /**
             * Format: date-time
             * @description The latest order placed, sale made or booking made for this customer (cancelled ones included, drafts not); null when none
             */
            lastActivityAt: string | null;
            /** @example true */
            isActive: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        UpdateCustomerDto: {
            /** @example Prefers morning deliveries */
            notes?: string | null;
        };
        ApiKeyView: {
            id: number;
            name: string;
            /**
             * @description The secret's first 10 characters, to tell keys apart
             * @example ck_Zq3xT1a
             */
            prefix: string;
            /** @enum {string} */
            role: "admin" | "staff" | "read_only";
            /** @description The admin who created it; the key acts for them while they are an active admin */
            createdById: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Kept to the minute: not written on every request
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreateApiKeyDto: {
            /** @example ERP sync */
            name: string;
            /**
             * @description read_only: every admin GET that staff may make, nothing else
             * @enum {string}
             */
            role: "admin" | "staff" | "read_only";
            /**
             * @description Instant after which the key is refused; a date means the end of that UTC day. Absent: never expires.
             * @example 2027-12-31
             */
            expiresAt?: string | null;
        };
        CreatedApiKeyView: {
            id: number;
            name: string;
            /**
             * @description The secret's first 10 characters, to tell keys apart
             * @example ck_Zq3xT1a
             */
            prefix: string;
            /** @enum {string} */
            role: "admin" | "staff" | "read_only";
            /** @description The admin who created it; the key acts for them while they are an active admin */
            createdById: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Kept to the minute: not written on every request
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Shown this once: only its hash is kept. Send it as Authorization: Bearer <secret>.
             * @example ck_Zq3xT1a…
             */
            secret: string;
        };
        SettingsView: {
            /** @example Chance Store */
            storeName: string;
            /**
             * @description ISO 4217 code; amounts are integers in its minor unit
             * @example USD
             */
            currency: string;
            /**
             * @description The global tax rate in basis points (1500 = 15.00 %)
             * @example 1500
             */
            taxRateBps: number;
            /**
             * @description Default low-stock threshold of variants
             * @example 5
             */
            lowStockThreshold: number;
            /**
             * @description Days after delivery within which a customer may request a return (docs/api.md#refunds-and-returns)
             * @example 30
             */
            returnWindowDays: number;
            /**
             * @description The seller’s legal name, printed on invoices, credit notes, receipts and purchase invoices
             * @example Chance Store Ltd
             */
            legalName: string;
            /**
             * @description The seller’s address
             * @example 1 High Street, Springfield
             */
            address: string;
            /**
             * @description The seller’s tax number
             * @example VAT GB123456789
             */
            taxId: string;
            /** @example accounts@example.com */
            email: string;
            /** @example +1 555 0100 */
            phone: string;
            /**
             * @description Printed at the foot of invoices, credit notes, receipts and purchase invoices
             * @example Thank you for your business.
             */
            invoiceFooter: string;
        };
        UpdateSettingsDto: {
            storeName?: string;
            /** @example EUR */
            currency?: string;
            taxRateBps?: number;
            lowStockThreshold?: number;
            returnWindowDays?: number;
            legalName?: string;
            address?: string;
            taxId?: string;
            email?: string;
            phone?: string;
            invoiceFooter?: string;
        };
        StoreInfoView: {
            /** @example Chance Store */
            storeName: string;
            /**
             * @description Amounts are integers in this currency’s minor unit
             * @example USD
             */
            currency: string;
            /** @example 1500 */
            taxRateBps: number;
        };
        CategoryView: {
            /** @example 2 */
            id: number;
            /** @example Shirts */
            name: string;
            /** @example shirts */
            slug: string;
            /** @example Shirts of linen and cotton */
            description: string;
            /** @example 1 */
            parentId: number | null;
        };
        CreateCategoryDto: {
            /** @example Shirts */
            name: string;
            /**
             * @description Made from the name when absent
             * @example shirts
             */
            slug?: string;
            description?: string;
            parentId?: number | null;
        };
        UpdateCategoryDto: {
            /** @example Shirts */
            name?: string;
            /**
             * @description Made from the name when absent
             * @example shirts
             */
            slug?: string;
            description?: string;
            parentId?: number | null;
        };
        ProductImageView: {
            id: number;
            /**
             * @description The large size (fits 1600 × 1600), WebP, metadata stripped; never changes
             * @example /media/products/7/3f2a9c…-large.webp
             */
            url: string;
            /**
             * @description The thumbnail (fits 400 × 400)
             * @example /media/products/7/3f2a9c…-thumb.webp
             */
            thumbnailUrl: string;
            /** @description Alternative text */
            alt: string;
            /** @description 0 first */
            position: number;
            /** @description Of the large size, in pixels */
            width: number;
            height: number;
        };
        AdminVariantView: {
            id: number;
            sku: string;
            /**
             * @example {
             *       "size": "M",
             *       "color": "red"
             *     }
             */
            attributes: {
                [key: string]: string;
            };
            /** @description Effective price */
            price: number;
            stock: number;
            /** @description The product image shown for this variant (one of the product's `images`), or null */
            imageId: number | null;
            /**
             * @description Effective cost price
             * @example 850
             */
            costPrice: number;
            /**
             * @description Null when inherited from the product
             * @example null
             */
            ownPrice: number | null;
            /** @example null */
            ownCostPrice: number | null;
            /**
             * @description At or below the low-stock threshold
             * @example false
             */
            lowStock: boolean;
        };
        AdminProductView: {
            /** @example 5 */
            id: number;
            /** @example Linen shirt */
            name: string;
            /** @example linen-shirt */
            slug: string;
            /** @example A light shirt of washed linen. */
            description: string;
            /** @example 2 */
            categoryId: number;
            /** @example 1999 */
            price: number;
            /** @example 0 */
            shippingCost: number;
            /** @example 3 */
            estimatedDeliveryDays: number;
            /**
             * @description Sum of the variants’ stock
             * @example 42
             */
            stock: number;
            /** @description Ordered by position */
            images: components["schemas"]["ProductImageView"][];
            /** @example 850 */
            costPrice: number;
            /** @example true */
            isActive: boolean;
            /** @example null */
            lowStockThreshold: number | null;
            /**
             * @description Threshold in force (own or the store default)
             * @example 5
             */
            effectiveLowStockThreshold: number;
            /**
             * @description Some variant is at or below the threshold
             * @example false
             */
            lowStock: boolean;
            variants: components["schemas"]["AdminVariantView"][];
            /**
             * Format: date-time
             * @example 2026-11-02T08:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-12-01T16:20:00.000Z
             */
            updatedAt: string;
        };
        CreateVariantDto: {
            /** @example TSHIRT-RED-M */
            sku: string;
            /**
             * @example {
             *       "size": "M",
             *       "color": "red"
             *     }
             */
            attributes?: {
                [key: string]: string;
            };
            /** @description Own price; absent or null: the product's */
            price?: number | null;
            /** @description Own cost price; absent or null: the product's */
            costPrice?: number | null;
            /** @description Opening stock (recorded as an `initial` movement) */
            stock?: number;
        };
        CreateProductDto: {
            /** @example Classic T-shirt */
            name: string;
            /**
             * @description Made from the name when absent
             * @example classic-t-shirt
             */
            slug?: string;
            description?: string;
            categoryId: number;
            /**
             * @description Minor units
             * @example 1999
             */
            price: number;
            /**
             * @description Minor units; default 0
             * @example 900
             */
            costPrice?: number;
            /**
             * @description Per unit, minor units; default 0
             * @example 300
             */
            shippingCost?: number;
            /**
             * @description Whole days; default 3
             * @example 3
             */
            estimatedDeliveryDays?: number;
            /** @default true */
            isActive?: boolean;
            /** @description Null: the store's default (settings) */
            lowStockThreshold?: number | null;
            /** @description Opening stock of the default variant, when no variants are given */
            stock?: number;
            /** @description SKU of the default variant, when no variants are given */
            sku?: string;
            /** @description Absent: one default variant */
            variants?: components["schemas"]["CreateVariantDto"][];
        };
        UpdateVariantDto: {
            /** @example TSHIRT-RED-M */
            sku: string;
            /**
             * @example {
             *       "size": "M",
             *       "color": "red"
             *     }
             */
            attributes?: {
                [key: string]: string;
            };
            /** @description Own price; absent or null: the product's */
            price?: number | null;
            /** @description Own cost price; absent or null: the product's */
            costPrice?: number | null;
            /** @description An existing variant of this product; absent: a new variant (stock 0) */
            id?: number;
            /** @description One of this product's images shown for the variant; null: none. Absent: unchanged */
            imageId?: number | null;
        };
        UpdateProductDto: {
            /** @example Classic T-shirt */
            name?: string;
            /**
             * @description Made from the name when absent
             * @example classic-t-shirt
             */
            slug?: string;
            description?: string;
            categoryId?: number;
            /**
             * @description Minor units
             * @example 1999
             */
            price?: number;
            /**
             * @description Minor units; default 0
             * @example 900
             */
            costPrice?: number;
            /**
             * @description Per unit, minor units; default 0
             * @example 300
             */
            shippingCost?: number;
            /**
             * @description Whole days; default 3
             * @example 3
             */
            estimatedDeliveryDays?: number;
            isActive?: boolean;
            /** @description Null: the store's default (settings) */
            lowStockThreshold?: number | null;
            /** @description The full list of variants: entries with an id are updated, without an id created; variants left out are deleted (only when their stock is 0) */
            variants?: components["schemas"]["UpdateVariantDto"][];
        };
        BulkProductUpdateDto: {
            /**
             * @description 1 to 100 distinct ids
             * @example [
             *       1041,
             *       1042,
             *       1043
             *     ]
             */
            ids: number[];
            /**
             * @description Show (true) or hide (false) the products in the store
             * @example false
             */
            isActive?: boolean;
            /**
             * @description Move the products to this category
             * @example 3
             */
            categoryId?: number;
        };
        BulkFailureView: {
            /** @example 1043 */
            id: number;
            /**
             * @description The error code the single-record route answers for this record
             * @example INVALID_TRANSITION
             */
            code: string;
            /** @example An order cannot go from cancelled to shipped */
            message: string;
            /**
             * @description Field name → message, for validation failures
             * @example {
             *       "categoryId": "does not exist"
             *     }
             */
            errors?: {
                [key: string]: string;
            };
        };
        BulkResultView: {
            /**
             * @description Changed, in the order given
             * @example [
             *       1041,
             *       1042
             *     ]
             */
            succeeded: number[];
            /** @description Left unchanged, in the order given */
            failed: components["schemas"]["BulkFailureView"][];
        };
        UpdateProductImageDto: {
            /** @example The red mug, from the side */
            alt?: string;
            /** @description Move the image there (0 first; beyond the last: last); the others keep their order */
            position?: number;
        };
        ImportErrorView: {
            /**
             * @description The line in the file where the row starts; the header is line 1
             * @example 17
             */
            row: number;
            /**
             * @description The column, as named in the header; null for the whole row or file
             * @example price
             */
            column: string | null;
            /** @example must be a whole number of minor units (1999 for 19.99) */
            message: string;
        };
        ImportResultView: {
            /**
             * @description Rows that create a variant (and, for a new product name, its product)
             * @example 12
             */
            created: number;
            /**
             * @description Rows that change an existing variant or its product
             * @example 3
             */
            updated: number;
            /**
             * @description Rows that match the catalog already
             * @example 40
             */
            unchanged: number;
            /** @description By line; at most the first 1,000 */
            errors: components["schemas"]["ImportErrorView"][];
        };
        StockAdjustmentDto: {
            variantId: number;
            /**
             * @description Units to add (positive) or remove (negative); not 0
             * @example -2
             */
            delta: number;
            /** @example Two damaged in the stockroom */
            note: string;
        };
        StockMovementView: {
            /** @example 311 */
            id: number;
            /** @example 12 */
            variantId: number;
            /**
             * @description The variant’s product (null once deleted)
             * @example 5
             */
            productId: number | null;
            /** @example Linen shirt */
            productName: string | null;
            /** @example SHIRT-LIN-M-BLU */
            sku: string | null;
            /**
             * @example {
             *       "size": "M",
             *       "colour": "blue"
             *     }
             */
            attributes: {
                [key: string]: string;
            } | null;
            /** @example -2 */
            delta: number;
            /**
             * @example order_placed
             * @enum {string}
             */
            reason: "initial" | "adjustment" | "order_placed" | "order_cancelled" | "order_edited" | "offline_sale" | "offline_sale_cancelled" | "purchase_received" | "stock_count" | "return_restocked";
            /** @example ORD-000042 */
            reference: string | null;
            /** @example null */
            note: string | null;
            /** @example null */
            createdById: number | null;
            /**
             * Format: date-time
             * @example 2026-12-07T09:45:00.000Z
             */
            createdAt: string;
        };
        StockCountLineDto: {
            variantId: number;
            /**
             * @description Units on the shelf
             * @example 3
             */
            counted: number;
        };
        CreateStockCountDto: {
            /** @example Aisle 3, Monday morning */
            note?: string;
            /**
             * @description When the counting began. Each line is then applied to the stock the variant had at that moment: what moved since (a sale, a delivery) still happened on top of the count. Without it, the count is taken as of now. Not in the future.
             * @example 2026-12-07T08:30:00Z
             */
            startedAt?: string;
            /** @description One line per variant counted, at most 450 (a JSON body holds at most 1,000 keys, docs/api.md#limits): count a big shop in several counts */
            lines: components["schemas"]["StockCountLineDto"][];
        };
        StockCountLineView: {
            id: number;
            /** @description Null once the variant is deleted */
            variantId: number | null;
            productId: number;
            productName: string;
            sku: string;
            attributes: {
                [key: string]: string;
            };
            /** @description The stock the count started from (at `startedAt`, else when saved) */
            expected: number;
            counted: number;
            /** @description counted − expected: the `stock_count` movement (none when 0) */
            delta: number;
            /** @description The stock when the count was saved */
            stockBefore: number;
            /** @description stockBefore + delta */
            stockAfter: number;
        };
        StockCountView: {
            id: number;
            /**
             * @description The `reference` of its movements
             * @example SC-000042
             */
            number: string;
            note: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdById: number | null;
            lines: components["schemas"]["StockCountLineView"][];
        };
        VariantView: {
            id: number;
            sku: string;
            /**
             * @example {
             *       "size": "M",
             *       "color": "red"
             *     }
             */
            attributes: {
                [key: string]: string;
            };
            /** @description Effective price */
            price: number;
            stock: number;
            /** @description The product image shown for this variant (one of the product's `images`), or null */
            imageId: number | null;
        };
        StoreProductView: {
            /** @example 5 */
            id: number;
            /** @example Linen shirt */
            name: string;
            /** @example linen-shirt */
            slug: string;
            /** @example A light shirt of washed linen. */
            description: string;
            /** @example 2 */
            categoryId: number;
            /** @example 1999 */
            price: number;
            /** @example 0 */
            shippingCost: number;
            /** @example 3 */
            estimatedDeliveryDays: number;
            /**
             * @description Sum of the variants’ stock
             * @example 42
             */
            stock: number;
            /** @description Ordered by position */
            images: components["schemas"]["ProductImageView"][];
            variants: components["schemas"]["VariantView"][];
        };
        CouponView: {
            /** @example 3 */
            id: number;
            /** @example WELCOME10 */
            code: string;
            /** @example 10 % off a first order */
            description: string;
            /**
             * @example percentage
             * @enum {string}
             */
            discountType: "percentage" | "fixed";
            /** @example 1000 */
            discountValue: number;
            /** @example 2000 */
            maxDiscount: number | null;
            /** @example null */
            minPurchase: number | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00.000Z
             */
            validFrom: string | null;
            /**
             * Format: date-time
             * @example 2026-12-31T23:59:59.999Z
             */
            validTo: string | null;
            /** @example 500 */
            usageLimit: number | null;
            /** @example 1 */
            perCustomerLimit: number | null;
            /** @example true */
            isActive: boolean;
            /**
             * @description Orders not cancelled that used it (read only)
             * @example 37
             */
            timesUsed: number;
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "inactive" | "scheduled" | "expired" | "used_up";
            /**
             * Format: date-time
             * @example 2026-11-28T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:00:00.000Z
             */
            updatedAt: string;
        };
        CreateCouponDto: {
            /**
             * @description Unique, matched case-insensitively
             * @example WELCOME10
             */
            code: string;
            description?: string;
            /** @enum {string} */
            discountType: "percentage" | "fixed";
            /**
             * @description percentage: basis points (1000 = 10 %); fixed: minor units
             * @example 1000
             */
            discountValue: number;
            /** @description Cap of a percentage discount, minor units */
            maxDiscount?: number | null;
            /** @description Minimum subtotal before discount, minor units */
            minPurchase?: number | null;
            /**
             * @description Instant; a date means the start of that UTC day
             * @example 2026-12-01
             */
            validFrom?: string | null;
            /**
             * @description Inclusive; a date lasts to the end of that UTC day
             * @example 2026-12-31
             */
            validTo?: string | null;
            /** @description Orders that may use it in all */
            usageLimit?: number | null;
            /** @description Orders per customer account (per e-mail for guests) */
            perCustomerLimit?: number | null;
            /** @default true */
            isActive?: boolean;
        };
        UpdateCouponDto: {
            /**
             * @description Unique, matched case-insensitively
             * @example WELCOME10
             */
            code?: string;
            description?: string;
            /** @enum {string} */
            discountType?: "percentage" | "fixed";
            /**
             * @description percentage: basis points (1000 = 10 %); fixed: minor units
             * @example 1000
             */
            discountValue?: number;
            /** @description Cap of a percentage discount, minor units */
            maxDiscount?: number | null;
            /** @description Minimum subtotal before discount, minor units */
            minPurchase?: number | null;
            /**
             * @description Instant; a date means the start of that UTC day
             * @example 2026-12-01
             */
            validFrom?: string | null;
            /**
             * @description Inclusive; a date lasts to the end of that UTC day
             * @example 2026-12-31
             */
            validTo?: string | null;
            /** @description Orders that may use it in all */
            usageLimit?: number | null;
            /** @description Orders per customer account (per e-mail for guests) */
            perCustomerLimit?: number | null;
            isActive?: boolean;
        };
        BulkCouponUpdateDto: {
            /**
             * @description 1 to 100 distinct ids
             * @example [
             *       1041,
             *       1042,
             *       1043
             *     ]
             */
            ids: number[];
            /**
             * @description false deactivates (the codes are refused from now on), true reactivates
             * @example false
             */
            isActive: boolean;
        };
        CartItemView: {
            /** @example 7 */
            id: number;
            /** @example 12 */
            variantId: number;
            /** @example 5 */
            productId: number;
            /** @example Linen shirt */
            productName: string;
            /** @example SHIRT-LIN-M-BLU */
            sku: string;
            /**
             * @example {
             *       "size": "M",
             *       "colour": "blue"
             *     }
             */
            attributes: {
                [key: string]: string;
            };
            /**
             * @description Live effective price, minor units
             * @example 1999
             */
            unitPrice: number;
            /** @example 2 */
            quantity: number;
            /** @example 3998 */
            lineTotal: number;
            /**
             * @description Per unit
             * @example 0
             */
            shippingCost: number;
            /**
             * @description False when the product was withdrawn or stock no longer covers the quantity
             * @example true
             */
            available: boolean;
        };
        CartView: {
            /** @example 31 */
            id: number;
            /** @description Guest carts, on creation only: send it as X-Cart-Token */
            token?: string | null;
            /** @example null */
            customerId: number | null;
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "merged" | "checked_out";
            items: components["schemas"]["CartItemView"][];
            /** @example WELCOME10 */
            couponCode: string | null;
            /**
             * @description Why the coupon gives no discount now (a coupon code of docs/api.md#coupons)
             * @example null
             */
            couponError: string | null;
            /** @example 3998 */
            subtotal: number;
            /** @example 400 */
            discountTotal: number;
            /** @example 0 */
            shippingTotal: number;
            /** @example 1500 */
            taxRateBps: number;
            /** @example 540 */
            taxTotal: number;
            /** @example 4138 */
            total: number;
            /**
             * Format: date-time
             * @example 2026-12-07T09:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description Last activity
             * @example 2026-12-07T09:42:00.000Z
             */
            updatedAt: string;
            /** @description Admin responses: the owner’s e-mail (null for guests) */
            customerEmail?: string | null;
            /** @description Admin responses: the owner’s name */
            customerName?: string | null;
        };
        AddCartItemDto: {
            /** @example 12 */
            variantId: number;
            /** @example 2 */
            quantity: number;
        };
        UpdateCartItemDto: {
            /** @example 3 */
            quantity: number;
        };
        ApplyCouponDto: {
            /** @example WELCOME10 */
            code: string;
        };
        BillToView: {
            name: string;
            email: string;
            line1: string;
            line2?: string | null;
            city: string;
            postalCode: string;
            country: string;
            phone?: string | null;
        };
        InvoiceLineView: {
            /** @description null on a booking’s line (a service) */
            productId: number | null;
            /** @description null on a booking’s line (a service) */
            variantId: number | null;
            productName: string;
            sku: string;
            attributes: {
                [key: string]: string;
            };
            unitPrice: number;
            quantity: number;
            lineTotal: number;
            shippingCost: number;
        };
        InvoiceView: {
            id: number;
            /** @example INV-2026-000017 */
            number: string;
            /**
             * @description The order it bills; null for a booking’s invoice
             * @example 42
             */
            orderId: number | null;
            /**
             * @description null for a booking’s invoice
             * @example ORD-000042
             */
            orderNumber: string | null;
            /**
             * @description The booking it bills (issued when the booking was completed); null for an order’s invoice
             * @example null
             */
            bookingId: number | null;
            /** @description Starts at 1; each edit of the order revises the invoice (same number) and adds 1 */
            revision: number;
            /** Format: date-time */
            issuedAt: string;
            /** @description Name, e-mail and address, as at the order */
            billTo: components["schemas"]["BillToView"];
            lines: components["schemas"]["InvoiceLineView"][];
            currency: string;
            subtotal: number;
            discountTotal: number;
            shippingTotal: number;
            taxRateBps: number;
            taxTotal: number;
            total: number;
            paidAmount: number;
            /** @enum {string} */
            paymentStatus: "unpaid" | "partially_paid" | "paid" | "partially_refunded" | "refunded";
        };
        CreditNoteLineView: {
            /** @example Refund: late delivery */
            description: string;
            productName?: string;
            sku?: string;
            attributes?: {
                [key: string]: string;
            };
            quantity: number;
            unitPrice: number;
            lineTotal: number;
        };
        CreditNoteView: {
            id: number;
            /** @example CN-2026-000003 */
            number: string;
            /** @description The record’s invoice (null when it has none, e.g. an in-store sale) */
            invoiceId: number | null;
            orderId: number | null;
            offlineSaleId: number | null;
            bookingId: number | null;
            refundId: number;
            returnId: number | null;
            /** @example ORD-000042 */
            recordNumber: string;
            /** Format: date-time */
            issuedAt: string;
            /** @description Whom it is addressed to, as at the refund */
            billTo: {
                [key: string]: unknown;
            };
            currency: string;
            taxRateBps: number;
            reason: string;
            /** @description A return’s lines, or one line "Refund: <reason>" */
            lines: components["schemas"]["CreditNoteLineView"][];
            subtotal: number;
            discountTotal: number;
            shippingTotal: number;
            taxTotal: number;
            /** @description The refund’s amount */
            total: number;
        };
        ShippingAddressDto: {
            /** @example Ada Lovelace */
            name: string;
            /** @example 12 Analytical Way */
            line1: string;
            line2?: string;
            /** @example London */
            city: string;
            /** @example N1 9GU */
            postalCode: string;
            /** @example GB */
            country: string;
            phone?: string;
        };
        CheckoutDto: {
            cartId: number;
            /** @description Required for guests; signed-in customers use their account’s e-mail */
            email?: string;
            shippingAddress: components["schemas"]["ShippingAddressDto"];
            /** @enum {string} */
            paymentMethod: "cash_on_delivery" | "bank_transfer" | "card" | "mobile_wallet";
        };
        /**
         * @description pending → processing → shipped → delivered; cancelled (from pending or processing); returned (every unit back and refunded); draft (back office only, not yet placed). A client shows any value it does not know as is (docs/api.md#order-statuses).
         * @enum {string}
         */
        OrderStatus: "draft" | "pending" | "processing" | "shipped" | "delivered" | "returned" | "cancelled";
        /**
         * @description Derived from the payments and refunds, never set by hand (docs/api.md#order-statuses)
         * @enum {string}
         */
        OrderPaymentStatus: "unpaid" | "partially_paid" | "paid" | "partially_refunded" | "refunded";
        OrderLineView: {
            /** @example 101 */
            id: number;
            /** @example 5 */
            productId: number;
            /** @example 12 */
            variantId: number;
            /** @example Linen shirt */
            productName: string;
            /** @example SHIRT-LIN-M-BLU */
            sku: string;
            /**
             * @example {
             *       "size": "M",
             *       "colour": "blue"
             *     }
             */
            attributes: {
                [key: string]: string;
            };
            /** @example 1999 */
            unitPrice: number;
            /**
             * @description Admin responses only
             * @example 850
             */
            costPrice?: number;
            /**
             * @description Admin responses only: staff set the unit price by hand (the audit log says who)
             * @example false
             */
            priceOverridden?: boolean;
            /** @example 0 */
            shippingCost: number;
            /** @example 3 */
            estimatedDeliveryDays: number;
            /** @example 2 */
            quantity: number;
            /** @example 3998 */
            lineTotal: number;
            /**
             * @description The product image's thumbnail when the line was recorded (a snapshot), or null
             * @example /media/products/5/1-thumb.webp
             */
            thumbnailUrl: string | null;
        };
        PaymentView: {
            /** @example 88 */
            id: number;
            /** @example 42 */
            orderId: number;
            /** @example 4138 */
            amount: number;
            /**
             * @example card
             * @enum {string}
             */
            method: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            /** @example ch_3PqR8s */
            reference: string | null;
            /**
             * @description pending: a card charge being confirmed; failed: a declined or incomplete charge (never counted); succeeded; refunded: all of it given back. Only succeeded and refunded payments count towards paidAmount.
             * @example succeeded
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed" | "refunded";
            /**
             * @description What was given back of this payment (equals amount once refunded)
             * @example 0
             */
            refundedAmount: number;
            /**
             * Format: date-time
             * @description When it was received (a pending or failed charge: when it was attempted)
             * @example 2026-12-07T09:50:00.000Z
             */
            paidAt: string;
            /**
             * Format: date-time
             * @example null
             */
            refundedAt: string | null;
            /** @example null */
            recordedById: number | null;
        };
        OrderView: {
            id: number;
            /**
             * @description null while a draft: given when it is placed
             * @example ORD-000042
             */
            number: string | null;
            customerId: number | null;
            email: string;
            /** @description pending → processing → shipped → delivered; cancelled (from pending or processing); returned (every unit back and refunded); draft (back office only, not yet placed). A client shows any value it does not know as is (docs/api.md#order-statuses). */
            status: components["schemas"]["OrderStatus"];
            /** @description Derived from the payments and refunds, never set by hand (docs/api.md#order-statuses) */
            paymentStatus: components["schemas"]["OrderPaymentStatus"];
            /** @enum {string} */
            paymentMethod: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            lines: components["schemas"]["OrderLineView"][];
            couponCode: string | null;
            subtotal: number;
            discountTotal: number;
            shippingTotal: number;
            taxRateBps: number;
            taxTotal: number;
            total: number;
            /** @description What was ever paid (refunds are counted apart); 0 once cancelled */
            paidAmount: number;
            /** @description What was given back (refunds that succeeded); once cancelled, what had been paid */
            refundedAmount: number;
            /** @description total − paidAmount (refunds do not change it); 0 once cancelled */
            balanceDue: number;
            shippingAddress: components["schemas"]["ShippingAddressDto"];
            /** @example 2026-11-28 */
            estimatedDeliveryDate: string;
            /** Format: date-time */
            placedAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            cancelledAt: string | null;
            /**
             * Format: date-time
             * @description When it became delivered: the return window counts from here
             */
            deliveredAt: string | null;
            invoiceId: number | null;
            /** @description Guest orders, in the checkout response only: send it as X-Order-Token to read the order */
            accessToken?: string;
            /** @description Admin responses only */
            payments?: components["schemas"]["PaymentView"][];
        };
        OnlinePaymentDto: {
            /**
             * @description From the payment provider’s client SDK (test provider: tok_visa, tok_declined)
             * @example tok_visa
             */
            paymentToken: string;
        };
        OrderLineInputDto: {
            /** @description An existing line of the order: it keeps its snapshot (name, price, cost) unless its variant changes */
            lineId?: number;
            variantId: number;
            quantity: number;
            /** @description Minor units: overrides the price (a price match; the audit log records who set it). Default: the catalog’s price, or the line’s snapshot */
            unitPrice?: number;
        };
        CreateDraftOrderDto: {
            /** @description The customer account; or `email` for a guest */
            customerId?: number;
            /** @description A guest’s e-mail; or `customerId` */
            email?: string;
            lines: components["schemas"]["OrderLineInputDto"][];
            shippingAddress: components["schemas"]["ShippingAddressDto"];
            /** @enum {string} */
            paymentMethod: "cash_on_delivery" | "bank_transfer" | "card" | "mobile_wallet";
            /** @description A coupon code; null removes the coupon (and gives its use back) */
            couponCode?: string | null;
        };
        UpdateOrderDto: {
            /** @description Drafts only */
            customerId?: number;
            /** @description Drafts only: a guest’s e-mail */
            email?: string;
            /** @description The whole new list of lines */
            lines?: components["schemas"]["OrderLineInputDto"][];
            shippingAddress?: components["schemas"]["ShippingAddressDto"];
            /**
             * @description Drafts only
             * @enum {string}
             */
            paymentMethod?: "cash_on_delivery" | "bank_transfer" | "card" | "mobile_wallet";
            /** @description A coupon code; null removes the coupon (and gives its use back) */
            couponCode?: string | null;
        };
        RecordPaymentDto: {
            /**
             * @description Positive, minor units, at most the balance due
             * @example 2500
             */
            amount: number;
            /** @enum {string} */
            method: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            reference?: string;
        };
        MarkPaidDto: {
            /**
             * @description Default: the order’s payment method
             * @enum {string}
             */
            method?: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            reference?: string;
        };
        ChangeStatusDto: {
            /** @enum {string} */
            status: "draft" | "pending" | "processing" | "shipped" | "delivered" | "returned" | "cancelled";
        };
        BulkOrderStatusDto: {
            /**
             * @description 1 to 100 distinct ids
             * @example [
             *       1041,
             *       1042,
             *       1043
             *     ]
             */
            ids: number[];
            /**
             * @example shipped
             * @enum {string}
             */
            status: "draft" | "pending" | "processing" | "shipped" | "delivered" | "returned" | "cancelled";
        };
        SupplierView: {
            /** @example 3 */
            id: number;
            /** @example Northwind Textiles */
            name: string;
            /** @example Lee Chen */
            contactName: string;
            /** @example orders@northwind.example.com */
            email: string | null;
            /** @example +15550123 */
            phone: string | null;
            /** @example 4 Mill Road, Riverside */
            address: string | null;
            /** @example Delivers on Tuesdays */
            notes: string;
        };
        CreateSupplierDto: {
            /** @example Northwind Textiles */
            name: string;
            contactName?: string;
            email?: string | null;
            phone?: string | null;
            address?: string | null;
            notes?: string;
        };
        UpdateSupplierDto: {
            /** @example Northwind Textiles */
            name?: string;
            contactName?: string;
            email?: string | null;
            phone?: string | null;
            address?: string | null;
            notes?: string;
        };
        PurchaseLineView: {
            id: number;
            variantId: number;
            productName: string;
            sku: string;
            attributes: {
                [key: string]: string;
            };
            quantity: number;
            unitCost: number;
            lineTotal: number;
        };
        PurchaseView: {
            id: number;
            /** @example PO-000003 */
            number: string;
            supplierId: number;
            /** @enum {string} */
            status: "draft" | "ordered" | "received" | "cancelled";
            /** Format: date-time */
            orderedAt: string | null;
            /** Format: date-time */
            receivedAt: string | null;
            lines: components["schemas"]["PurchaseLineView"][];
            subtotal: number;
            shippingCost: number;
            taxTotal: number;
            total: number;
            notes: string;
            purchaseInvoiceId: number | null;
            /** Format: date-time */
            createdAt: string;
        };
        PurchaseLineDto: {
            variantId: number;
            quantity: number;
            /** @description Minor units per unit, from the supplier */
            unitCost: number;
        };
        CreatePurchaseDto: {
            supplierId: number;
            /**
             * @default draft
             * @enum {string}
             */
            status?: "draft" | "ordered";
            lines: components["schemas"]["PurchaseLineDto"][];
            /** @description From the supplier’s bill, minor units; default 0 */
            shippingCost?: number;
            /** @description From the supplier’s bill, minor units; default 0 */
            taxTotal?: number;
            notes?: string;
        };
        UpdatePurchaseDto: {
            supplierId?: number;
            /** @enum {string} */
            status?: "draft" | "ordered";
            lines?: components["schemas"]["PurchaseLineDto"][];
            /** @description From the supplier’s bill, minor units; default 0 */
            shippingCost?: number;
            /** @description From the supplier’s bill, minor units; default 0 */
            taxTotal?: number;
            notes?: string;
        };
        PurchaseInvoiceSupplierView: {
            /** @example Northwind Textiles */
            name: string;
            /** @example Lee Chen */
            contactName: string;
            /** @example orders@northwind.example.com */
            email: string | null;
            /** @example +15550123 */
            phone: string | null;
            /** @example 4 Mill Road, Riverside */
            address: string | null;
        };
        PurchaseInvoiceLineView: {
            variantId: number;
            productName: string;
            sku: string;
            attributes: {
                [key: string]: string;
            };
            quantity: number;
            unitCost: number;
            lineTotal: number;
        };
        PurchaseInvoiceView: {
            id: number;
            /** @example PINV-2026-000004 */
            number: string;
            purchaseId: number;
            purchaseNumber: string;
            supplierId: number;
            /** @description The supplier as at issue */
            supplier: components["schemas"]["PurchaseInvoiceSupplierView"];
            /** Format: date-time */
            issuedAt: string;
            lines: components["schemas"]["PurchaseInvoiceLineView"][];
            currency: string;
            subtotal: number;
            shippingCost: number;
            taxTotal: number;
            total: number;
            /** @enum {string} */
            status: "open" | "final" | "void";
        };
        OfflineCustomerView: {
            /** @example 8 */
            id: number;
            /** @example Bob Martin */
            name: string;
            /** @example +15550142 */
            phone: string;
            /** @example null */
            email: string | null;
            /** @example null */
            address: string | null;
            /** @example null */
            notes: string | null;
            /**
             * @description The customer account this in-store customer is linked to, or null
             * @example 42
             */
            userId: number | null;
            /**
             * @description Σ balance of their sales that are not cancelled (read only)
             * @example 2500
             */
            outstandingBalance: number;
            /**
             * Format: date-time
             * @example 2026-11-15T11:00:00.000Z
             */
            createdAt: string;
        };
        CreateOfflineCustomerDto: {
            /** @example Maria Gonzalez */
            name: string;
            /** @example +1 555 0199 */
            phone: string;
            email?: string | null;
            address?: string | null;
            notes?: string | null;
        };
        UpdateOfflineCustomerDto: {
            /** @example Maria Gonzalez */
            name?: string;
            /** @example +1 555 0199 */
            phone?: string;
            email?: string | null;
            address?: string | null;
            notes?: string | null;
            /**
             * @description Links this in-store customer to a customer account (its customers row then counts their sales and balance); null unlinks. An account linked to another in-store customer, or a user who is not a customer: 400 VALIDATION_FAILED on userId.
             * @example 42
             */
            userId?: number | null;
        };
        SaleLineView: {
            id: number;
            productId: number;
            variantId: number;
            productName: string;
            sku: string;
            attributes: {
                [key: string]: string;
            };
            unitPrice: number;
            costPrice: number;
            quantity: number;
            lineTotal: number;
            /** @description The product image's thumbnail when sold (a snapshot), or null */
            thumbnailUrl: string | null;
        };
        SalePaymentView: {
            id: number;
            amount: number;
            /** @enum {string} */
            method: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            /** @description What was given back of it (refunds) */
            refundedAmount: number;
            /** Format: date-time */
            paidAt: string;
            note: string | null;
            recordedById: number | null;
        };
        OfflineSaleView: {
            id: number;
            /** @example SALE-000012 */
            number: string;
            /** @description The in-store customer; null for a walk-in sale */
            customerId: number | null;
            /** @enum {string} */
            status: "completed" | "cancelled";
            /** Format: date-time */
            soldAt: string;
            lines: components["schemas"]["SaleLineView"][];
            subtotal: number;
            discount: number;
            /** @description The same as discount: the manual discount or the coupon’s, a snapshot */
            discountTotal: number;
            /**
             * @description The code of the coupon applied (a snapshot), or null
             * @example WELCOME10
             */
            couponCode: string | null;
            taxRateBps: number;
            taxTotal: number;
            total: number;
            /** @description What was ever paid (refunds are counted apart); 0 once cancelled */
            paidAmount: number;
            /** @description What was given back (refunds that succeeded); once cancelled, what had been paid */
            refundedAmount: number;
            /** @description total − paidAmount (refunds do not change it); 0 once cancelled */
            balance: number;
            /**
             * @description Derived: unpaid, partially_paid, paid; once money was given back on a sale that is not cancelled, partially_refunded or refunded
             * @enum {string}
             */
            paymentStatus: "unpaid" | "partially_paid" | "paid" | "partially_refunded" | "refunded";
            payments: components["schemas"]["SalePaymentView"][];
            /** Format: date-time */
            cancelledAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SaleLineDto: {
            variantId: number;
            quantity: number;
            /** @description Minor units; default: the variant’s price */
            unitPrice?: number;
        };
        CreateOfflineSaleDto: {
            /**
             * @description The in-store customer; leave it out for a walk-in sale, which must be paid in full at once (paidAmount = total)
             * @example 7
             */
            customerId?: number;
            /**
             * @description Default: now; a date means the start of that UTC day
             * @example 2026-11-25T10:30:00Z
             */
            soldAt?: string;
            lines: components["schemas"]["SaleLineDto"][];
            /** @description An amount off the subtotal, minor units (not together with couponCode) */
            discount?: number;
            /**
             * @description A coupon, with the same rules and limits as online (matched case-insensitively; usage counted once per sale, given back when the sale is cancelled). Its discount becomes the sale’s discountTotal. Not together with discount.
             * @example WELCOME10
             */
            couponCode?: string;
            /** @description Paid now: recorded as the first payment */
            paidAmount?: number;
            /**
             * @default cash
             * @enum {string}
             */
            paymentMethod?: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
        };
        SalePaymentDto: {
            /** @example 1500 */
            amount: number;
            /** @enum {string} */
            method: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            paidAt?: string;
            note?: string;
        };
        ServiceTypeView: {
            /** @example 2 */
            id: number;
            /** @example Electrician */
            name: string;
            /** @example A qualified electrician, per visit */
            description: string;
            /** @example 6000 */
            price: number;
            /** @example 60 */
            durationMinutes: number;
            /** @example true */
            isActive: boolean;
        };
        CreateServiceTypeDto: {
            /** @example Electrician */
            name: string;
            description?: string;
            /**
             * @description Minor units
             * @example 8000
             */
            price: number;
            /** @example 60 */
            durationMinutes: number;
            /** @default true */
            isActive?: boolean;
        };
        UpdateServiceTypeDto: {
            /** @example Electrician */
            name?: string;
            description?: string;
            /**
             * @description Minor units
             * @example 8000
             */
            price?: number;
            /** @example 60 */
            durationMinutes?: number;
            isActive?: boolean;
        };
        BookingPaymentView: {
            /** @example 12 */
            id: number;
            /** @example 4000 */
            amount: number;
            /**
             * @example cash
             * @enum {string}
             */
            method: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            /** @example null */
            reference: string | null;
            /**
             * @description What was given back of it (refunds)
             * @example 0
             */
            refundedAmount: number;
            /** Format: date-time */
            paidAt: string;
            /** @example 1 */
            recordedById: number | null;
        };
        BookingView: {
            /** @example 31 */
            id: number;
            /**
             * @description The account it is for (null for an in-store customer)
             * @example 42
             */
            customerId: number | null;
            /**
             * @description The in-store customer it is for (null for an account)
             * @example null
             */
            offlineCustomerId: number | null;
            /**
             * @description The admin or staff member who does the visit
             * @example 3
             */
            assigneeId: number | null;
            /** @example 2 */
            serviceTypeId: number;
            /**
             * @description Snapshot at booking
             * @example Electrician
             */
            serviceName: string;
            /**
             * @description Snapshot at booking, minor units (the same as subtotal)
             * @example 8000
             */
            price: number;
            /** @example 90 */
            durationMinutes: number;
            /**
             * Format: date-time
             * @example 2026-12-10T14:00:00.000Z
             */
            scheduledAt: string;
            /** @example 12 Analytical Way, London */
            address: string;
            /** @example Ring twice */
            notes: string;
            /**
             * @example pending
             * @enum {string}
             */
            status: "pending" | "completed" | "cancelled";
            /**
             * @description The price snapshot, minor units
             * @example 8000
             */
            subtotal: number;
            /**
             * @description The store’s tax rate when it was booked, basis points
             * @example 2000
             */
            taxRateBps: number;
            /**
             * @description roundHalfUp(subtotal × taxRateBps / 10000)
             * @example 1600
             */
            taxTotal: number;
            /**
             * @description subtotal + taxTotal
             * @example 9600
             */
            total: number;
            /**
             * @description What was ever paid (refunds are counted apart); 0 once cancelled
             * @example 4000
             */
            paidAmount: number;
            /**
             * @description total − paidAmount (refunds do not change it); 0 once cancelled
             * @example 5600
             */
            balance: number;
            /**
             * @description Derived: unpaid, partially_paid, paid; once money was given back on a booking that is not cancelled, partially_refunded or refunded
             * @example partially_paid
             * @enum {string}
             */
            paymentStatus: "unpaid" | "partially_paid" | "paid" | "partially_refunded" | "refunded";
            /**
             * @description What was given back through refunds; once cancelled, what had been paid
             * @example 0
             */
            refundedAmount: number;
            /** @description Admin responses only */
            payments?: components["schemas"]["BookingPaymentView"][];
            /**
             * @description Its invoice (INV series), issued when it is completed; null before
             * @example null
             */
            invoiceId: number | null;
            /**
             * Format: date-time
             * @example null
             */
            completedAt: string | null;
            /**
             * Format: date-time
             * @example null
             */
            cancelledAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-07T09:00:00.000Z
             */
            createdAt: string;
        };
        AdminBookingDto: {
            serviceTypeId: number;
            /**
             * @description In the future
             * @example 2026-12-01T09:00:00Z
             */
            scheduledAt: string;
            /** @example 12 Analytical Way, London */
            address: string;
            notes?: string;
            /**
             * @description The account the visit is for; exactly one of customerId and offlineCustomerId
             * @example 42
             */
            customerId?: number | null;
            /**
             * @description The in-store customer the visit is for; exactly one of customerId and offlineCustomerId
             * @example 7
             */
            offlineCustomerId?: number | null;
            /**
             * @description The admin or staff member who does the visit
             * @example 3
             */
            assigneeId?: number | null;
        };
        UpdateBookingDto: {
            /**
             * @description In the future
             * @example 2026-12-01T09:00:00Z
             */
            scheduledAt?: string;
            /** @example 12 Analytical Way, London */
            address?: string;
            notes?: string;
            /**
             * @description The admin or staff member who does the visit; null leaves it unassigned
             * @example 3
             */
            assigneeId?: number | null;
        };
        BookingStatusDto: {
            /** @enum {string} */
            status: "completed" | "cancelled";
        };
        BookingPaymentDto: {
            /**
             * @description Minor units; at most the balance (409 OVERPAYMENT)
             * @example 4000
             */
            amount: number;
            /**
             * @example cash
             * @enum {string}
             */
            method: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            /**
             * @description The transfer or terminal reference, if any
             * @example Receipt 118
             */
            reference?: string;
        };
        StoreBookingDto: {
            serviceTypeId: number;
            /**
             * @description In the future
             * @example 2026-12-01T09:00:00Z
             */
            scheduledAt: string;
            /** @example 12 Analytical Way, London */
            address: string;
            notes?: string;
        };
        RefundView: {
            id: number;
            /** @example RF-000001 */
            number: string;
            orderId: number | null;
            offlineSaleId: number | null;
            bookingId: number | null;
            returnId: number | null;
            /** @example ORD-000042 */
            recordNumber: string;
            /** @enum {string} */
            kind: "direct" | "return" | "cancellation";
            /** @description The payment it went back through; null when drawn on several */
            paymentId: number | null;
            amount: number;
            /** @enum {string} */
            method: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            /** @description The provider’s reference of a card refund */
            reference: string | null;
            reason: string;
            /**
             * @description pending: the provider is giving it back; failed: the provider refused it
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            failureReason: string | null;
            /** @description Its credit note, once it succeeded */
            creditNoteId: number | null;
            /** Format: date-time */
            refundedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            recordedById: number | null;
        };
        DirectRefundDto: {
            /**
             * @description Positive, minor units; at most what was paid and not yet refunded
             * @example 500
             */
            amount: number;
            /**
             * @description Printed on the credit note: "Refund: <reason>"
             * @example Late delivery
             */
            reason: string;
            /** @description The payment to give back through; default: card payments first, newest first, then the others */
            paymentId?: number;
        };
        ReturnLineView: {
            /** @description The order’s or sale’s line */
            lineId: number;
            /** @description Admin responses only */
            variantId?: number;
            productName: string;
            sku: string;
            attributes: {
                [key: string]: string;
            };
            /** @description The record’s snapshot price */
            unitPrice: number;
            /** @description Admin responses only */
            costPrice?: number;
            quantity: number;
            lineTotal: number;
            reason: string;
            /** @description Units put back in stock when received (true unless staff said otherwise) */
            restock: boolean;
        };
        ReturnView: {
            id: number;
            /** @example RET-000001 */
            number: string;
            orderId: number | null;
            offlineSaleId: number | null;
            /**
             * @description The number of the order or sale
             * @example ORD-000042
             */
            recordNumber: string;
            /** @description The customer account of the order, if any */
            customerId: number | null;
            /** @enum {string} */
            status: "requested" | "approved" | "received" | "refunded" | "rejected" | "cancelled";
            /**
             * @description Requested by the customer, or made by staff (phone, counter)
             * @enum {string}
             */
            source: "store" | "admin";
            lines: components["schemas"]["ReturnLineView"][];
            subtotal: number;
            discountTotal: number;
            /** @description The record’s whole shipping when this return completes the return of every unit, else 0 */
            shippingTotal: number;
            taxTotal: number;
            /** @description subtotal − discountTotal + shippingTotal + taxTotal */
            total: number;
            /** @description What its refund gave back once refunded; until then what it would give back now: min(total, paid − refunded so far); null once rejected or cancelled */
            refundAmount: number | null;
            rejectReason: string | null;
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: date-time */
            receivedAt: string | null;
            /** Format: date-time */
            refundedAt: string | null;
            /**
             * Format: date-time
             * @description When it was rejected or cancelled
             */
            closedAt: string | null;
            refundId: number | null;
            /** @description Admin responses only */
            createdById?: number | null;
        };
        ReturnLineInput: {
            /** @description The id of the order’s or sale’s line */
            lineId: number;
            quantity: number;
            /**
             * @description Why it comes back
             * @example Too small
             */
            reason?: string;
        };
        CreateReturnDto: {
            lines: components["schemas"]["ReturnLineInput"][];
            /** @description An order that is shipped or delivered (an online order returned at the counter) */
            orderId?: number;
            /** @description A completed in-store sale */
            offlineSaleId?: number;
        };
        RejectReturnDto: {
            /** @example Worn and washed */
            reason: string;
        };
        ReceiveLineInput: {
            lineId: number;
            /** @description Put the units back in stock (return_restocked); false for damaged goods */
            restock: boolean;
        };
        ReceiveReturnDto: {
            /** @description Per line; a line left out is restocked */
            lines?: components["schemas"]["ReceiveLineInput"][];
        };
        RefundReturnDto: {
            /**
             * @description How the money goes back when not by the payment’s own method (cash at the counter): then it is recorded as paid out
             * @enum {string}
             */
            method?: "cash" | "card" | "bank_transfer" | "mobile_wallet" | "cash_on_delivery";
            /** @description The payment to give back through; default: card payments first, newest first, then the others */
            paymentId?: number;
        };
        RequestReturnDto: {
            lines: components["schemas"]["ReturnLineInput"][];
        };
        NotificationLinkView: {
            /** @example orders */
            resource: string;
            /** @example 42 */
            id: number;
        };
        NotificationViewDoc: {
            /** @example 42 */
            id: number;
            /**
             * @example order_update
             * @enum {string}
             */
            type: "order_update" | "product_update" | "message" | "booking_update" | "low_stock";
            /** @example Order ORD-000042 shipped */
            title: string;
            /** @example It is on its way. */
            body: string;
            link: components["schemas"]["NotificationLinkView"] | null;
            /**
             * Format: date-time
             * @example null
             */
            readAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-07T10:15:00.000Z
             */
            createdAt: string;
        };
        CountView: {
            /** @example 3 */
            count: number;
        };
        BulkIdsDto: {
            /**
             * @description 1 to 100 distinct ids
             * @example [
             *       1041,
             *       1042,
             *       1043
             *     ]
             */
            ids: number[];
        };
        MessageView: {
            /** @example 17 */
            id: number;
            /**
             * @description to_customer: sent by the shop; from_customer: written by the customer
             * @enum {string}
             */
            direction: "to_customer" | "from_customer";
            /**
             * @description The customer written to or by; null for a message to every customer
             * @example 42
             */
            userId: number | null;
            /**
             * @description The account's full name when the message was sent (a snapshot)
             * @example Ada Lovelace
             */
            userName: string | null;
            /**
             * @description The account's e-mail when the message was sent (a snapshot)
             * @example ada@example.com
             */
            userEmail: string | null;
            /** @example Do you deliver on Sunday? */
            title: string;
            /** @example I would like my order before Monday. */
            body: string;
            /** Format: date-time */
            createdAt: string;
        };
        MessageDto: {
            /** @example Opening hours */
            title: string;
            /** @example We are closed on Monday. */
            body: string;
        };
        MessageAcceptedView: {
            /**
             * @example true
             * @enum {boolean}
             */
            accepted: true;
            /**
             * @description The kept message (GET /api/admin/messages, GET /api/me/messages)
             * @example 17
             */
            id: number;
        };
        AdminMessageDto: {
            /** @example Opening hours */
            title: string;
            /** @example We are closed on Monday. */
            body: string;
            /**
             * @description One user; absent: every customer
             * @example 42
             */
            userId?: number;
        };
        AuditLogView: {
            id: number;
            /** @description The user who made the change; null when an API key did */
            actorId: number | null;
            /** @description The API key that made the change (docs/api.md#api-keys), if one did */
            apiKeyId: number | null;
            /**
             * @description create, update, delete, or the action (receive, cancel, mark-paid, status, ...)
             * @example update
             */
            action: string;
            /** @example products */
            resource: string;
            resourceId: number | null;
            /** @description The record whose history this belongs to as well (a variant’s product, a payment’s order) */
            parentResource: string | null;
            parentId: number | null;
            /** @example PUT /api/admin/products/:id */
            operation: string | null;
            /**
             * @description field → [before, after]
             * @example {
             *       "price": [
             *         1999,
             *         1799
             *       ]
             *     }
             */
            changes: {
                [key: string]: unknown[];
            };
            /** Format: date-time */
            at: string;
        };
        RevenueDay: {
            /** @example 2026-11-25 */
            date: string;
            /** @example 125000 */
            online: number;
            /** @example 43000 */
            offline: number;
            /**
             * @description Σ totals of the bookings completed that day
             * @example 9600
             */
            services: number;
            /**
             * @description Refunds of the day (of records that are not cancelled, by refund date)
             * @example 0
             */
            refunds: number;
        };
        DashboardView: {
            /**
             * @description Net revenue today (UTC): online + in-store + services revenue − refunds, minor units
             * @example 48210
             */
            revenueToday: number;
            /**
             * @description Net revenue of the 30 days ending today
             * @example 1250400
             */
            revenueLast30Days: number;
            /** @example 7 */
            pendingOrders: number;
            /**
             * @description Variants at or below their low-stock threshold
             * @example 3
             */
            lowStockVariants: number;
            /**
             * @description Balances still owed: outstandingOnline + outstandingOffline + outstandingServices
             * @example 15900
             */
            outstandingReceivables: number;
            /**
             * @description Still owed on online orders that are not drafts or cancelled (payment status unpaid or partially_paid): Σ total − paidAmount
             * @example 11000
             */
            outstandingOnline: number;
            /**
             * @description Still owed on in-store sales that are not cancelled (payment status unpaid or partially_paid): Σ balance
             * @example 4900
             */
            outstandingOffline: number;
            /**
             * @description Still owed on completed bookings (payment status unpaid or partially_paid): Σ balance. A visit is owed once it is done
             * @example 0
             */
            outstandingServices: number;
            /**
             * @description Pending bookings in the next 7 days
             * @example 4
             */
            upcomingBookings: number;
            /** @description The 30 days ending today, oldest first */
            revenueByDay: components["schemas"]["RevenueDay"][];
        };
        InvariantResult: {
            name: string;
            description: string;
            violations: number;
            /** @description Up to 20 violating records */
            examples: Record<string, unknown>[];
        };
        IntegrityReport: {
            /** @example true */
            ok: boolean;
            /**
             * Format: date-time
             * @example 2026-12-07T03:00:00.000Z
             */
            checkedAt: string;
            checks: components["schemas"]["InvariantResult"][];
        };
        SalesRow: {
            /** @example 2026-11 */
            period: string;
            /** @example 125000 */
            onlineRevenue: number;
            /** @example 43000 */
            offlineRevenue: number;
            /**
             * @description Σ totals of completed bookings, by completion date
             * @example 9600
             */
            servicesRevenue: number;
            /** @description Σ refunds of records that are not cancelled, by refund date */
            refunds: number;
            /** @description onlineRevenue + offlineRevenue + servicesRevenue − refunds */
            netRevenue: number;
            orders: number;
            offlineSales: number;
            /**
             * @description Bookings completed in the period
             * @example 1
             */
            completedBookings: number;
            /** @description Σ (lineTotal − costPrice × quantity) − discount, from the cost snapshots, plus the subtotal of completed bookings; a return lowers it in its refund’s period by its subtotal − discount and gives back the cost of the units restocked; a direct refund lowers it by its credit note’s subtotal */
            grossProfit: number;
        };
        SalesTotals: {
            onlineRevenue: number;
            offlineRevenue: number;
            servicesRevenue: number;
            refunds: number;
            netRevenue: number;
            orders: number;
            offlineSales: number;
            completedBookings: number;
            grossProfit: number;
        };
        SalesReportView: {
            /** @example 2026-11-01 */
            from: string;
            /** @example 2026-11-30 */
            to: string;
            /**
             * @example day
             * @enum {string}
             */
            groupBy: "day" | "month";
            rows: components["schemas"]["SalesRow"][];
            totals: components["schemas"]["SalesTotals"];
        };
        ReorderLine: {
            /** @example 12 */
            variantId: number;
            /** @example 5 */
            productId: number;
            /** @example SHIRT-LIN-M-BLU */
            sku: string;
            /** @example Linen shirt */
            productName: string;
            /**
             * @example {
             *       "size": "M",
             *       "colour": "blue"
             *     }
             */
            attributes: {
                [key: string]: string;
            };
            /** @example 2 */
            stock: number;
            /**
             * @description The low-stock threshold in force (the product’s, else the store’s)
             * @example 5
             */
            threshold: number;
            /**
             * @description Supplier of the latest purchase of this variant that is not cancelled
             * @example 3
             */
            lastSupplierId: number | null;
            /** @example Northwind Textiles */
            lastSupplierName: string | null;
            /**
             * @description Unit cost on that purchase, minor units
             * @example 850
             */
            lastUnitCost: number | null;
            /**
             * @description Units sold in the last 90 days: online orders and in-store sales, cancelled ones left out
             * @example 45
             */
            soldLast90Days: number;
            /**
             * @description Units on draft or ordered purchases, not received yet (not subtracted from the suggestion)
             * @example 0
             */
            onOrder: number;
            /**
             * @description max(⌈sold in 90 days × 30 / 90⌉, threshold + 1) − stock: 30 days of sales, and at least out of low stock
             * @example 13
             */
            suggestedQuantity: number;
        };
        CustomerTimelineEntry: {
            /**
             * @description The entry’s key in the timeline: its kind and its record’s id
             * @example order-17
             */
            id: string;
            /**
             * @example order
             * @enum {string}
             */
            kind: "order" | "offline_sale" | "booking" | "refund" | "message";
            /**
             * @description The admin resource of its record: GET /api/admin/<resource>/<recordId>
             * @example orders
             * @enum {string}
             */
            resource: "orders" | "offline-sales" | "bookings" | "refunds" | "messages";
            /**
             * @description The id of the order, in-store sale, booking, refund or message
             * @example 17
             */
            recordId: number;
            /**
             * Format: date-time
             * @description An order’s placedAt, a sale’s soldAt, a booking’s scheduledAt (the visit), a refund’s refundedAt (createdAt while pending), a message’s createdAt
             * @example 2026-12-01T10:15:00.000Z
             */
            at: string;
            /**
             * @description The document number: ORD-…, the sale’s, RF-… (null for bookings and messages)
             * @example ORD-000017
             */
            number: string | null;
            /**
             * @description A booking’s service, a message’s title, a refund’s record (“ORD-000017”); null for orders and sales
             * @example null
             */
            title: string | null;
            /**
             * @description Minor units: the total of an order, sale or booking, the amount of a refund; null for a message
             * @example 5500
             */
            amount: number | null;
            /**
             * @description The record’s status: an order’s (pending … delivered, returned, cancelled), a sale’s (completed, cancelled), a booking’s (pending, completed, cancelled), a refund’s (pending, succeeded, failed); a message’s direction (to_customer, from_customer)
             * @example delivered
             */
            status: string;
            /**
             * @description The payment status of an order, sale or booking; null for refunds and messages
             * @example paid
             */
            paymentStatus: string | null;
        };
        WebhookView: {
            /** @example 4 */
            id: number;
            /** @example https://erp.example.com/hooks/chance */
            url: string;
            /**
             * @example [
             *       "order.placed",
             *       "order.updated"
             *     ]
             */
            events: ("order.placed" | "order.updated" | "order.cancelled" | "refund.created" | "return.updated" | "offline_sale.created" | "offline_sale.updated" | "booking.created" | "booking.updated" | "purchase.received" | "product.updated" | "stock.low" | "customer.created")[];
            /** @example ERP order sync */
            description: string;
            /** @example true */
            isActive: boolean;
            /**
             * Format: date-time
             * @description Since when every attempt has failed (null: the last one succeeded); after 24 h the endpoint is deactivated
             * @example null
             */
            failingSince: string | null;
            /**
             * Format: date-time
             * @description When it was deactivated for failing 24 h straight
             * @example null
             */
            deactivatedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T12:00:00.000Z
             */
            createdAt: string;
        };
        CreateWebhookDto: {
            /**
             * @description http(s); refused (400) when it resolves to a loopback, private or link-local address, unless WEBHOOK_ALLOW_PRIVATE_URLS=true
             * @example https://erp.example.com/hooks/chance
             */
            url: string;
            /**
             * @example [
             *       "order.placed",
             *       "order.updated"
             *     ]
             */
            events: ("order.placed" | "order.updated" | "order.cancelled" | "refund.created" | "return.updated" | "offline_sale.created" | "offline_sale.updated" | "booking.created" | "booking.updated" | "purchase.received" | "product.updated" | "stock.low" | "customer.created")[];
            /** @example ERP: orders */
            description?: string;
            /** @default true */
            isActive?: boolean;
        };
        CreatedWebhookView: {
            /** @example 4 */
            id: number;
            /** @example https://erp.example.com/hooks/chance */
            url: string;
            /**
             * @example [
             *       "order.placed",
             *       "order.updated"
             *     ]
             */
            events: ("order.placed" | "order.updated" | "order.cancelled" | "refund.created" | "return.updated" | "offline_sale.created" | "offline_sale.updated" | "booking.created" | "booking.updated" | "purchase.received" | "product.updated" | "stock.low" | "customer.created")[];
            /** @example ERP order sync */
            description: string;
            /** @example true */
            isActive: boolean;
            /**
             * Format: date-time
             * @description Since when every attempt has failed (null: the last one succeeded); after 24 h the endpoint is deactivated
             * @example null
             */
            failingSince: string | null;
            /**
             * Format: date-time
             * @description When it was deactivated for failing 24 h straight
             * @example null
             */
            deactivatedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * @description The signing secret, shown this once: Chance-Signature is its HMAC-SHA256 of "<t>.<body>"
             * @example whsec_…
             */
            secret: string;
        };
        UpdateWebhookDto: {
            /** @description Checked like at creation */
            url?: string;
            events?: ("order.placed" | "order.updated" | "order.cancelled" | "refund.created" | "return.updated" | "offline_sale.created" | "offline_sale.updated" | "booking.created" | "booking.updated" | "purchase.received" | "product.updated" | "stock.low" | "customer.created")[];
            description?: string;
            /** @description true re-activates an endpoint (also one deactivated after 24 h of failures); false stops deliveries to it */
            isActive?: boolean;
        };
        WebhookDeliveryView: {
            id: number;
            webhookId: number;
            /**
             * @description The event (Chance-Event-Id): the same on every attempt
             * @example evt_3f0c…
             */
            eventId: string;
            /** @example order.placed */
            type: string;
            /** @description 1 for the first attempt of this event to this endpoint */
            attempt: number;
            /**
             * @description pending until it is sent
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** @description The endpoint's HTTP status; null when it did not answer */
            responseStatus: number | null;
            /** @description The start of the endpoint's answer (2 KB at most) */
            responseBody: string | null;
            durationMs: number | null;
            error: string | null;
            /**
             * Format: date-time
             * @description When this attempt is (or was) due: a retry is created pending, due later
             */
            dueAt: string;
            /** Format: date-time */
            createdAt: string;
        };
        EmailView: {
            id: number;
            /** @example ada@example.com */
            to: string;
            /** @enum {string} */
            template: "order_confirmation" | "order_shipped" | "order_delivered" | "order_cancelled" | "refund_issued" | "return_status" | "booking_confirmed" | "booking_reminder" | "otp_code" | "password_reset";
            subject: string;
            /**
             * @description pending until the mail server accepts it (also between retries); failed once retries have run out (24 h at least)
             * @enum {string}
             */
            status: "pending" | "sent" | "failed";
            /** @description Attempts made so far */
            attempts: number;
            /** Format: date-time */
            sentAt: string | null;
            /** @description Why the last attempt failed */
            error: string | null;
            /**
             * Format: date-time
             * @description When a pending e-mail is (next) tried
             */
            nextAttemptAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "error",
                     *       "database": "down"
                     *     }
                     */
                    "application/json": components["schemas"]["HealthView"];
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_forgotPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForgotPasswordView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            /** @description Password changed; every session has ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: VALIDATION_FAILED, TOKEN_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_requestOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpRequestDto"];
            };
        };
        responses: {
            /** @description Code sent */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_verifyOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpVerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED, OTP_INVALID, OTP_EXPIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: OTP_LOCKED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MeController_updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MeController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Changed; every session has ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MeController_logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session has ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminUsersController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, email, fullName, role, isActive, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), role, isActive, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: users start-end/total */
            200: {
                headers: {
                    /** @description users start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminUsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminUsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminUsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCustomersController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, email, fullName, isActive, createdAt, ordersCount, offlineSalesCount, bookingsCount, lifetimeValue, outstandingBalance, lastActivityAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), isActive, createdAt_gte, createdAt_lte, offlineCustomerId */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: customers start-end/total */
            200: {
                headers: {
                    /** @description customers start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCustomersController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, email, fullName, isActive, createdAt, ordersCount, offlineSalesCount, bookingsCount, lifetimeValue, outstandingBalance, lastActivityAt */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), isActive, createdAt_gte, createdAt_lte, offlineCustomerId */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment customers.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,email,fullName,phone,address,notes,offlineCustomerId,ordersCount,offlineSalesCount,bookingsCount,lifetimeValue,outstandingBalance,lastActivityAt,isActive,createdAt */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCustomersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCustomersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCustomerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminApiKeysController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, createdAt, lastUsedAt, expiresAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), role, revoked */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: api-keys start-end/total */
            200: {
                headers: {
                    /** @description api-keys start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminApiKeysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminSettingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreInfoView"];
                };
            };
        };
    };
    AdminCategoriesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, slug, parentId, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), parentId, slug */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: categories start-end/total */
            200: {
                headers: {
                    /** @description categories start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCategoriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCategoryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCategoriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCategoriesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCategoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCategoriesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, slug, price, categoryId, isActive, createdAt, updatedAt, stock */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), categoryId, isActive, inStock, lowStock, price_gte, price_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: products start-end/total */
            200: {
                headers: {
                    /** @description products start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProductView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProductView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, slug, price, categoryId, isActive, createdAt, updatedAt, stock */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), categoryId, isActive, inStock, lowStock, price_gte, price_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment products.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,name,slug,categoryId,price,costPrice,stock,lowStock,variants,isActive,createdAt,updatedAt */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProductView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProductView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProductView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_updateMany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkProductUpdateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_addImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description A JPEG, PNG or WebP image of at most 10 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductImageView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Payload Too Large: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unsupported Media Type: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_updateImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                imageId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductImageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductImageView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductsController_removeImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                imageId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductImageView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductTransferController_importProducts: {
        parameters: {
            query?: {
                /** @description true: check and count only, change nothing. Default false */
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The CSV: UTF-8, comma-separated, a header row, one row per variant
                     */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Payload Too Large: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unsupported Media Type: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminProductTransferController_exportProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment products.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example sku,product,category,description,price,costPrice,shippingCost,estimatedDeliveryDays,isActive,stock */
                    "text/csv": string;
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminStockController_adjust: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockAdjustmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovementView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminStockController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt, variantId, delta, reason */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), variantId, productId, reason, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: stock-movements start-end/total */
            200: {
                headers: {
                    /** @description stock-movements start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovementView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminStockController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt, variantId, delta, reason */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), variantId, productId, reason, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment stock-movements.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,createdAt,productId,productName,variantId,sku,delta,reason,reference,note,createdById */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminStockController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovementView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminStockController_listCounts: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), variantId, createdById, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: stock-counts start-end/total */
            200: {
                headers: {
                    /** @description stock-counts start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockCountView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminStockController_recordCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStockCountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockCountView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminStockController_getCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockCountView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCatalogController_categoriesList: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, slug, parentId, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), parentId, slug */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: categories start-end/total */
            200: {
                headers: {
                    /** @description categories start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCatalogController_productsList: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, price, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), categoryId, slug, inStock, price_gte, price_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: products start-end/total */
            200: {
                headers: {
                    /** @description products start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreProductView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCatalogController_product: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreProductView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCouponsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, code, discountValue, validFrom, validTo, timesUsed, isActive, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), isActive, discountType */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: coupons start-end/total */
            200: {
                headers: {
                    /** @description coupons start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCouponsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCouponDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCouponsController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, code, discountValue, validFrom, validTo, timesUsed, isActive, createdAt */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), isActive, discountType */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment coupons.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,code,description,discountType,discountValue,maxDiscount,minPurchase,status,timesUsed,usageLimit,perCustomerLimit,validFrom,validTo,isActive,createdAt */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCouponsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCouponsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCouponDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCouponsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCouponsController_updateMany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkCouponUpdateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_merge: {
        parameters: {
            query?: never;
            header: {
                /** @description The guest cart’s token (from its creation). */
                "X-Cart-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND. */
                "X-Cart-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_addItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND. */
                "X-Cart-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCartItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK, INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_updateItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND. */
                "X-Cart-Token"?: string;
            };
            path: {
                id: number;
                itemId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCartItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK, INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_removeItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND. */
                "X-Cart-Token"?: string;
            };
            path: {
                id: number;
                itemId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_applyCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND. */
                "X-Cart-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyCouponDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED, COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCartsController_removeCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND. */
                "X-Cart-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCartsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, updatedAt, createdAt, status, customerId */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), status, customerId, guest, hasItems, updatedAt_gte, updatedAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: carts start-end/total */
            200: {
                headers: {
                    /** @description carts start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCartsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminInvoicesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, issuedAt, total, paymentStatus */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), orderId, bookingId, paymentStatus, issuedAt_gte, issuedAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: invoices start-end/total */
            200: {
                headers: {
                    /** @description invoices start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminInvoicesController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, issuedAt, total, paymentStatus */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), orderId, bookingId, paymentStatus, issuedAt_gte, issuedAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment invoices.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,number,issuedAt,orderId,orderNumber,bookingId,billToName,billToEmail,currency,subtotal,discountTotal,shippingTotal,taxTotal,total,paidAmount,paymentStatus */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminInvoicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminInvoicesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The printable invoice (application/pdf, Content-Disposition: inline with its file name) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreOrdersController_invoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreOrdersController_invoicePdf: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The printable invoice (application/pdf, Content-Disposition: inline with its file name) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCreditNotesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, issuedAt, total */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), orderId, offlineSaleId, bookingId, invoiceId, refundId, returnId, issuedAt_gte, issuedAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: credit-notes start-end/total */
            200: {
                headers: {
                    /** @description credit-notes start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNoteView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCreditNotesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNoteView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCreditNotesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The printable credit note (application/pdf, Content-Disposition: inline with its file name) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCreditNotesController_ofOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNoteView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreCreditNotesController_pdf: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The printable credit note (application/pdf, Content-Disposition: inline with its file name) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreOrdersController_checkout: {
        parameters: {
            query?: never;
            header: {
                /** @description A guest cart’s token (from its creation). Not needed for a signed-in customer’s own cart: the bearer token reaches it. A cart reached with neither is 404 NOT_FOUND. */
                "X-Cart-Token"?: string;
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK, INVALID_TRANSITION, IDEMPOTENCY_IN_PROGRESS, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreOrdersController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, placedAt, total */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), status */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: orders start-end/total */
            200: {
                headers: {
                    /** @description orders start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreOrdersController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreOrdersController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreOrdersController_pay: {
        parameters: {
            query?: never;
            header: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. */
                "Idempotency-Key": string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OnlinePaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Payment Required: PAYMENT_DECLINED */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, placedAt, total, status, paymentStatus, email */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, paymentStatus, paymentMethod, placedAt_gte, placedAt_lte, customerId */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: orders start-end/total */
            200: {
                headers: {
                    /** @description orders start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDraftOrderDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED, COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED, COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK, INVALID_TRANSITION, REFUND_REQUIRED, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_place: {
        parameters: {
            query?: never;
            header: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. */
                "Idempotency-Key": string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED, COUPON_INACTIVE, COUPON_EXPIRED, COUPON_MIN_PURCHASE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK, INVALID_TRANSITION, IDEMPOTENCY_IN_PROGRESS, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, placedAt, total, status, paymentStatus, email */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, paymentStatus, paymentMethod, placedAt_gte, placedAt_lte, customerId */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment orders.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,number,placedAt,email,customerId,status,paymentStatus,paymentMethod,items,couponCode,subtotal,discountTotal,shippingTotal,taxTotal,total,paidAmount,balanceDue */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_recordPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OVERPAYMENT, INVALID_TRANSITION, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_markPaid: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkPaidDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_changeStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_changeStatuses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkOrderStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOrdersController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPaymentsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, paidAt, amount, method, status */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), orderId, method, status, paidAt_gte, paidAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: payments start-end/total */
            200: {
                headers: {
                    /** @description payments start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPaymentsController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, paidAt, amount, method, status */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), orderId, method, status, paidAt_gte, paidAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment payments.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,paidAt,orderId,amount,method,reference,status,refundedAmount,recordedById */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPaymentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminSuppliersController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search) */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: suppliers start-end/total */
            200: {
                headers: {
                    /** @description suppliers start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminSuppliersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSupplierDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminSuppliersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminSuppliersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSupplierDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminSuppliersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchasesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, createdAt, orderedAt, receivedAt, total, status */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, supplierId, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: purchases start-end/total */
            200: {
                headers: {
                    /** @description purchases start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchasesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePurchaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchasesController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, createdAt, orderedAt, receivedAt, total, status */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, supplierId, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment purchases.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,number,createdAt,supplierId,status,items,subtotal,shippingCost,taxTotal,total,orderedAt,receivedAt,purchaseInvoiceId,notes */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchasesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePurchaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchasesController_receive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchasesController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchaseInvoicesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, issuedAt, total, status */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), supplierId, purchaseId, status */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: purchase-invoices start-end/total */
            200: {
                headers: {
                    /** @description purchase-invoices start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseInvoiceView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchaseInvoicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseInvoiceView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminPurchaseInvoicesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The printable purchase invoice (application/pdf, Content-Disposition: inline with its file name) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineCustomersController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, createdAt, outstandingBalance */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), owing, userId */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: offline-customers start-end/total */
            200: {
                headers: {
                    /** @description offline-customers start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineCustomerView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineCustomersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOfflineCustomerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineCustomerView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineCustomersController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, createdAt, outstandingBalance */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), owing, userId */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment offline-customers.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,name,phone,email,address,userId,outstandingBalance,createdAt */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineCustomersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineCustomerView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineCustomersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOfflineCustomerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineCustomerView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineCustomersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineCustomerView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineSalesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, soldAt, total, paymentStatus, status */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), customerId, walkIn, status, paymentStatus, soldAt_gte, soldAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: offline-sales start-end/total */
            200: {
                headers: {
                    /** @description offline-sales start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineSaleView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineSalesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOfflineSaleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineSaleView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED, COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OUT_OF_STOCK, OVERPAYMENT, IDEMPOTENCY_IN_PROGRESS, COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineSalesController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, soldAt, total, paymentStatus, status */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), customerId, walkIn, status, paymentStatus, soldAt_gte, soldAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment offline-sales.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,number,soldAt,customerId,status,paymentStatus,items,subtotal,discount,couponCode,taxTotal,total,paidAmount,refundedAmount,balance */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineSalesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineSaleView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineSalesController_addPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SalePaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineSaleView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OVERPAYMENT, INVALID_TRANSITION, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineSalesController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineSaleView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminOfflineSalesController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The printable receipt (application/pdf, Content-Disposition: inline with its file name) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminServiceTypesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, price, durationMinutes */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), isActive */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: service-types start-end/total */
            200: {
                headers: {
                    /** @description service-types start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTypeView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminServiceTypesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceTypeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTypeView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminServiceTypesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTypeView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminServiceTypesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateServiceTypeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTypeView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminBookingsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, scheduledAt, status, price, total, paymentStatus, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, scheduledAt_gte, scheduledAt_lte, customerId, offlineCustomerId, assigneeId, serviceTypeId, paymentStatus, from, to */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: bookings start-end/total */
            200: {
                headers: {
                    /** @description bookings start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminBookingsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminBookingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminBookingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminBookingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBookingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminBookingsController_move: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BookingStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminBookingsController_pay: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BookingPaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: OVERPAYMENT, INVALID_TRANSITION, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreServicesController_types: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, name, price, durationMinutes */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search) */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: service-types start-end/total */
            200: {
                headers: {
                    /** @description service-types start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceTypeView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreServicesController_mine: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, scheduledAt, status, price, total, paymentStatus, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, scheduledAt_gte, scheduledAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: bookings start-end/total */
            200: {
                headers: {
                    /** @description bookings start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreServicesController_book: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StoreBookingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreServicesController_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreServicesController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminRefundsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, createdAt, refundedAt, amount, status */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), orderId, offlineSaleId, bookingId, returnId, status, method, kind, refundedAt_gte, refundedAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: refunds start-end/total */
            200: {
                headers: {
                    /** @description refunds start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminRefundsController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, createdAt, refundedAt, amount, status */
                sort?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), orderId, offlineSaleId, bookingId, returnId, status, method, kind, refundedAt_gte, refundedAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv; charset=utf-8, as an attachment refunds.csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,number,createdAt,refundedAt,kind,recordNumber,orderId,offlineSaleId,bookingId,returnId,amount,method,status,reference,reason,failureReason,creditNoteId,recordedById */
                    "text/csv": string;
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminRefundsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminRefundsController_refundOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectRefundDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Payment Required: PAYMENT_DECLINED */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: REFUND_EXCEEDS_PAID, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminRefundsController_refundSale: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectRefundDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineSaleView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Payment Required: PAYMENT_DECLINED */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: REFUND_EXCEEDS_PAID, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminRefundsController_refundBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectRefundDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Payment Required: PAYMENT_DECLINED */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: REFUND_EXCEEDS_PAID, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, number, requestedAt, status, refundedAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, source, orderId, offlineSaleId, customerId, requestedAt_gte, requestedAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: returns start-end/total */
            200: {
                headers: {
                    /** @description returns start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReturnDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: RETURN_NOT_ALLOWED, RETURN_QUANTITY_EXCEEDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectReturnDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_receive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveReturnDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_refund: {
        parameters: {
            query?: never;
            header?: {
                /** @description At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours. Optional: without it, every request is a new one. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundReturnDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Payment Required: PAYMENT_DECLINED */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION, REFUND_EXCEEDS_PAID, IDEMPOTENCY_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unprocessable Entity: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Service Unavailable: SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminReturnsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreReturnsController_ofOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreReturnsController_request: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestReturnDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: RETURN_NOT_ALLOWED, RETURN_QUANTITY_EXCEEDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreReturnsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, requestedAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), status, orderId */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: returns start-end/total */
            200: {
                headers: {
                    /** @description returns start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StoreReturnsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest order’s access token (the accessToken of the checkout response). Not needed for a signed-in customer’s own order: the bearer token reaches it. An order reached with neither is 404 NOT_FOUND. */
                "X-Order-Token"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyNotificationsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), unread, type */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: notifications start-end/total */
            200: {
                headers: {
                    /** @description notifications start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationViewDoc"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyNotificationsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountView"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyNotificationsController_streamEvents: {
        parameters: {
            query?: {
                /** @description The access token, for clients that cannot send an Authorization header (EventSource); without either, 401 UNAUTHENTICATED */
                accessToken?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream: a `: connected` comment, then one `notification` event per new notification (its id, and the notification as JSON data) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example : connected
                     *
                     *     id: 42
                     *     event: notification
                     *     data: {"id":42,"type":"order_update","title":"Order ORD-000042 shipped","body":"It is on its way.","link":{"resource":"orders","id":42},"readAt":null,"createdAt":"2026-12-07T10:15:00.000Z"}
                     */
                    "text/event-stream": string;
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyNotificationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationViewDoc"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyNotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationViewDoc"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyNotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were marked read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountView"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyNotificationsController_readMany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkIdsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyMessagesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 100 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), direction */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: messages start-end/total */
            200: {
                headers: {
                    /** @description messages start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MyMessagesController_send: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageDto"];
            };
        };
        responses: {
            /** @description Kept, and delivered through the outbox right after */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageAcceptedView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too Many Requests: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminMessagesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), userId, direction, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: messages start-end/total */
            200: {
                headers: {
                    /** @description messages start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminMessagesController_send: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminMessageDto"];
            };
        };
        responses: {
            /** @description Kept, and delivered through the outbox right after */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageAcceptedView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminAuditLogsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, at */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), resource, resourceId, record, actorId, apiKeyId, action, at_gte, at_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: audit-logs start-end/total */
            200: {
                headers: {
                    /** @description audit-logs start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminAuditLogsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ReportsController_dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardView"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ReportsController_integrity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrityReport"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ReportsController_sales: {
        parameters: {
            query: {
                groupBy?: "day" | "month";
                to: unknown;
                from: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesReportView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ReportsController_reorderReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReorderLine"][];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CustomerTimelineController_list: {
        parameters: {
            query?: {
                /** @description JSON ["at","DESC"|"ASC"]; newest first by default */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 entries */
                range?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: customer-timeline start-end/total */
            200: {
                headers: {
                    /** @description customer-timeline start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerTimelineEntry"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhooksController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, url, createdAt, isActive */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), isActive */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: webhooks start-end/total */
            200: {
                headers: {
                    /** @description webhooks start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhooksController_ping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhookDeliveriesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt, dueAt, attempt */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), webhookId, status, type, eventId, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: webhook-deliveries start-end/total */
            200: {
                headers: {
                    /** @description webhook-deliveries start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhookDeliveriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminWebhookDeliveriesController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminEmailsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"]; fields: id, createdAt, sentAt, to */
                sort?: string;
                /** @description JSON [start,end], inclusive, at most 1000 rows */
                range?: string;
                /** @description JSON object; keys: id (one id or an array), q (search), status, template, createdAt_gte, createdAt_lte */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array; header Content-Range: emails start-end/total */
            200: {
                headers: {
                    /** @description emails start-end/total */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailView"][];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminEmailsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailView"];
                };
            };
            /** @description Bad Request: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthorized: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not Found: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
}
