import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@chance/core';
import { AdminOnly } from '@chance/identity';
import { SettingsView, UpdateSettingsDto } from './dto/settings.dto.js';
import { SettingsService } from './settings.service.js';

@ApiTags('admin: settings')
@Controller('admin/settings')
@AdminOnly()
export class AdminSettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'The shop’s settings',
    description: 'Tax rate, currency, seller’s legal details, return window and the other settings of SPEC section 3.',
  })
  @ApiResponse({ status: 200, type: SettingsView })
  get(): Promise<SettingsView> {
    return this.settings.current();
  }

  @Put()
  @ApiOperation({ summary: 'Change store settings (partial)', description: 'A new tax rate applies to new orders and sales only.' })
  @ApiResponse({ status: 200, type: SettingsView })
  @ApiErrors()
  update(@Body() body: UpdateSettingsDto): Promise<SettingsView> {
    return this.settings.update(body);
  }
}
