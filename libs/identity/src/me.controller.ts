import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@chance/core';
import { CurrentUser, SignedIn, type Caller } from './access.js';
import { MeView, UpdateProfileDto } from './dto/index.js';
import { UsersService } from './users.service.js';
import { toMeView } from './user.view.js';

@ApiTags('me')
@Controller('me')
@SignedIn()
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user with their profile' })
  @ApiResponse({ status: 200, type: MeView })
  async me(@CurrentUser() caller: Caller): Promise<MeView> {
    return toMeView(await this.users.get(caller.id));
  }

  @Put('profile')
  @ApiOperation({ summary: 'Change your profile (partial)' })
  @ApiResponse({ status: 200, type: MeView })
  @ApiErrors()
  async updateProfile(@CurrentUser() caller: Caller, @Body() body: UpdateProfileDto): Promise<MeView> {
    return toMeView(await this.users.updateProfile(caller.id, body));
  }
}
