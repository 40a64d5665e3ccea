export * from './cart.module.js';
export { CartsService, activeCartOf, hashCartToken, reachCart, type CartCredentials } from './carts.service.js';
export { CartEntity } from './cart.entities.js';
export { GuestCartCleanup } from './guest-cart-cleanup.js';
export { liveLines, priceCarts } from './cart-loader.js';
export type { LiveLine, PricedCart } from './cart-pricing.js';
