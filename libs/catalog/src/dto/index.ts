export * from './category.dto.js';
export * from './product.dto.js';
export * from './stock-count.dto.js';
export * from './product-import.dto.js';
