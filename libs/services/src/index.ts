export * from './services.module.js';
export { SERVICES_ENTITIES } from './services.entities.js';
