export * from './auth.dto.js';
export * from './user.dto.js';
export * from './api-key.dto.js';
export * from './customer.dto.js';
