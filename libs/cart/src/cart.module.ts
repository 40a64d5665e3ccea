import { Module } from '@nestjs/common';
import { retentionRule } from '@chance/core';
import { CouponsModule } from '@chance/coupons';
import { SettingsModule } from '@chance/settings';
import { AdminCartsController } from './admin-carts.controller.js';
import { AdminCartsService } from './admin-carts.service.js';
import { CartsService } from './carts.service.js';
import { StoreCartsController } from './store-carts.controller.js';

@Module({
  imports: [CouponsModule, SettingsModule],
  controllers: [StoreCartsController, AdminCartsController],
  providers: [
    CartsService,
    AdminCartsService,
    retentionRule({
      name: 'guest-carts',
      table: 'carts',
      age: 'updated_at',
      where: 'customer_id IS NULL',
      keepDays: { variable: 'GUEST_CART_TTL_DAYS', default: 30 },
      why: 'a guest cart nobody touched for this long is abandoned (its token is only in that browser); its items go with it. Checked-out carts go too: the order keeps its own snapshot.',
    }),
  ],
  exports: [CartsService],
})
export class CartModule {}
