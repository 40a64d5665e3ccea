import { Module } from '@nestjs/common';
import { CouponsModule } from '@chance/coupons';
import { SettingsModule } from '@chance/settings';
import { AdminCartsController } from './admin-carts.controller.js';
import { AdminCartsService } from './admin-carts.service.js';
import { CartsService } from './carts.service.js';
import { GuestCartCleanup } from './guest-cart-cleanup.js';
import { StoreCartsController } from './store-carts.controller.js';

@Module({
  imports: [CouponsModule, SettingsModule],
  controllers: [StoreCartsController, AdminCartsController],
  providers: [CartsService, AdminCartsService, GuestCartCleanup],
  exports: [CartsService],
})
export class CartModule {}
