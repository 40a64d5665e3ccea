export * from './settings.module.js';
export * from './settings.service.js';
export * from './dto/settings.dto.js';
