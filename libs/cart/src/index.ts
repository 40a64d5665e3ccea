export * from './cart.module.js';
export { CartsService, activeCartOf, hashCartToken, reachCart, type CartCredentials } from './carts.service.js';
export { CartEntity } from './cart.entities.js';
export { liveLines, priceCarts } from './cart-loader.js';
export { lockCart, closeCartSql, type LockedCart } from './cart-checkout.js';
export { customersHoldingProducts } from './cart-holders.js';
export type { LiveLine, PricedCart } from './cart-pricing.js';
