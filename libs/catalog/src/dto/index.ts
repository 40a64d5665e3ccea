export * from './category.dto.js';
export * from './product.dto.js';
