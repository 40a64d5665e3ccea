import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@chance/identity';
import { StoreInfoView } from './dto/settings.dto.js';
import { SettingsService } from './settings.service.js';

@ApiTags('store: settings')
@Controller('store/settings')
@Public()
export class StoreSettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'What shop frontends (and staff screens) need to show prices: name, currency, tax rate',
    description: 'Public and the same for everyone; the seller’s legal details and internal settings are not included.',
  })
  @ApiResponse({ status: 200, type: StoreInfoView })
  async get(): Promise<StoreInfoView> {
    const { storeName, currency, taxRateBps } = await this.settings.current();
    return { storeName, currency, taxRateBps };
  }
}
