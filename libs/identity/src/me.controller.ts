import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@chance/core';
import { CurrentUser, SignedIn, type Caller } from './access.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, MeView, UpdateProfileDto } from './dto/index.js';
import { UsersService } from './users.service.js';
import { toMeView } from './user-view.js';

@ApiTags('me')
@Controller('me')
@SignedIn()
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The signed-in user with their profile',
    description:
      'Any signed-in user (401 UNAUTHENTICATED without a token): their account, role, verification state and profile. Never a password hash or a token.',
  })
  @ApiResponse({ status: 200, type: MeView })
  async me(@CurrentUser() caller: Caller): Promise<MeView> {
    return toMeView(await this.users.get(caller.id));
  }

  @Put('profile')
  @ApiOperation({
    summary: 'Change your profile (partial)',
    description:
      'Takes only the profile fields to change (name, phone, address). Fields a customer may not set, such as role or email, are 400 VALIDATION_FAILED and change nothing.',
  })
  @ApiResponse({ status: 200, type: MeView })
  @ApiErrors()
  async updateProfile(@CurrentUser() caller: Caller, @Body() body: UpdateProfileDto): Promise<MeView> {
    return toMeView(await this.users.updateProfile(caller.id, body));
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your password',
    description:
      'A wrong currentPassword is 400 VALIDATION_FAILED on it and counts as a failed sign-in of your e-mail (RATE_LIMIT_LOGIN_FAILURES). ' +
      'Every session ends, this one included: sign in again with the new password. While your e-mail is locked out after failed sign-ins, 429 RATE_LIMITED with Retry-After; 503 SERVICE_UNAVAILABLE with Retry-After when the server has too many passwords to hash at once.',
  })
  @ApiResponse({ status: 204, description: 'Changed; every session has ended' })
  @ApiErrors('RATE_LIMITED', 'SERVICE_UNAVAILABLE')
  async changePassword(@CurrentUser() caller: Caller, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere',
    description: 'Ends every session of yours, this one included: refresh tokens are revoked, access tokens refused from now on, notification streams close.',
  })
  @ApiResponse({ status: 204, description: 'Every session has ended' })
  async logoutAll(@CurrentUser() caller: Caller): Promise<void> {
    await this.auth.logoutEverywhere(caller.id);
  }
}
