import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@chance/identity';
import { SettingsService } from './settings.service.js';

export class StoreInfoView {
  @ApiProperty({ example: 'Chance Store' }) storeName: string;
  @ApiProperty({ example: 'USD', description: 'Amounts are integers in this currency’s minor unit' }) currency: string;
  @ApiProperty({ example: 1500 }) taxRateBps: number;
}

@ApiTags('store: settings')
@Controller('store/settings')
@Public()
export class StoreSettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'What shop frontends (and staff screens) need to show prices: name, currency, tax rate' })
  @ApiResponse({ status: 200, type: StoreInfoView })
  async get(): Promise<StoreInfoView> {
    const { storeName, currency, taxRateBps } = await this.settings.current();
    return { storeName, currency, taxRateBps };
  }
}
