export * from './auth.dto.js';
export * from './user.dto.js';
