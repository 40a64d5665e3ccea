import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@chance/core';
import type { FastifyRequest } from 'fastify';
import { Public, SignedIn, CurrentUser, type Caller } from './access.js';
import { AuthService, type AuthResult } from './auth.service.js';
import {
  AuthResultView,
  ForgotPasswordDto,
  ForgotPasswordView,
  LoginDto,
  OtpRequestDto,
  OtpVerifyDto,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  VerifiedView,
} from './dto/index.js';
import { OtpService } from './otp.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { toMeView } from './user-view.js';

const view = (result: AuthResult): AuthResultView => ({
  user: toMeView(result.user),
  accessToken: result.accessToken,
  refreshToken: result.refreshToken,
  expiresIn: result.expiresIn,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly otp: OtpService,
    private readonly passwordResets: PasswordResetService,
  ) {}

  static readonly FORGOT_ANSWER: ForgotPasswordView = {
    message: 'If an account uses this e-mail, a link to choose a new password is on its way. It works for 30 minutes.',
  };

  @Post('register')
  @Public()
  @ApiOperation({
    summary: 'Create a customer account and sign in',
    description:
      'Rate limited per IP (RATE_LIMIT_REGISTER_PER_MINUTE, default 30/min). 503 SERVICE_UNAVAILABLE with Retry-After when the server has too many passwords to hash at once. Beyond the per-IP limit, 429 RATE_LIMITED with Retry-After; an e-mail already registered is 400 VALIDATION_FAILED (errors.email).',
  })
  @ApiResponse({ status: 201, type: AuthResultView })
  @ApiErrors('RATE_LIMITED', 'SERVICE_UNAVAILABLE')
  async register(@Body() body: RegisterDto, @Req() request: FastifyRequest): Promise<AuthResultView> {
    return view(await this.auth.register(body, request.ip));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'After RATE_LIMIT_LOGIN_FAILURES (default 10) failures for one e-mail within 15 minutes, further attempts are refused for 15 minutes, ' +
      'also under concurrent attempts (no more passwords are checked than the limit). At most RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE (default 60) ' +
      'attempts per IP per minute. Both answer 429 RATE_LIMITED with Retry-After. 503 SERVICE_UNAVAILABLE with Retry-After when the server ' +
      'has too many passwords to check at once. Each sign-in starts a session; its access tokens name it. A wrong e-mail or password is 401 INVALID_CREDENTIALS (the same answer for both).',
  })
  @ApiResponse({ status: 200, type: AuthResultView })
  @ApiErrors('INVALID_CREDENTIALS', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE')
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<AuthResultView> {
    return view(await this.auth.login(body, request.ip));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'Refresh tokens are single use; presenting a spent one revokes every token of its session.',
  })
  @ApiResponse({ status: 200, type: AuthResultView })
  @ApiErrors('UNAUTHENTICATED')
  async refresh(@Body() body: RefreshDto): Promise<AuthResultView> {
    return view(await this.auth.refresh(body.refreshToken));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the session of a refresh token',
    description: 'Its access tokens are refused from now on, and its notification streams close.',
  })
  @ApiResponse({ status: 204, description: 'Signed out' })
  @ApiErrors()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a link to choose a new password',
    description:
      'Always 202 with the same body, whether or not an account uses the e-mail, after the same work (the reset e-mail is queued after commit, ' +
      'so the answer does not wait for the account lookup or the mail server). The link is <PUBLIC_URL>/reset-password?token=…, single use, ' +
      'valid 30 minutes; a newer link replaces older ones. Rate limited per e-mail (RATE_LIMIT_PASSWORD_RESETS, default 5 per hour) and ' +
      'per IP (RATE_LIMIT_PASSWORD_RESETS_PER_IP_PER_HOUR, default 30): 429 RATE_LIMITED with Retry-After, for any e-mail alike.',
  })
  @ApiResponse({ status: 202, type: ForgotPasswordView })
  @ApiErrors('RATE_LIMITED')
  async forgotPassword(@Body() body: ForgotPasswordDto, @Req() request: FastifyRequest): Promise<ForgotPasswordView> {
    await this.passwordResets.request(body.email, request.ip);
    return AuthController.FORGOT_ANSWER;
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a new password with the token of a reset link',
    description:
      'Ends every session of the account (refresh tokens revoked, access tokens refused at once, notification streams closed); ' +
      'sign in again with the new password. A wrong, used or expired token is 400 TOKEN_INVALID. 503 SERVICE_UNAVAILABLE with Retry-After when the server has too many passwords to hash at once.',
  })
  @ApiResponse({ status: 204, description: 'Password changed; every session has ended' })
  @ApiErrors('TOKEN_INVALID', 'SERVICE_UNAVAILABLE')
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.passwordResets.reset(body.token, body.password);
  }

  @Post('otp/request')
  @SignedIn()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a 6-digit verification code',
    description:
      'Valid 10 minutes, single use; the previous code stops working. By e-mail the code is sent after commit through the outbox and ' +
      'the mail port (SMTP_URL, or the server log), and made when the e-mail is sent. At most RATE_LIMIT_OTP_REQUESTS (default 5) per 10 minutes. Beyond it, 429 RATE_LIMITED with Retry-After.',
  })
  @ApiResponse({ status: 202, description: 'Code sent' })
  @ApiErrors('RATE_LIMITED')
  async requestOtp(@CurrentUser() caller: Caller, @Body() body: OtpRequestDto): Promise<void> {
    await this.otp.request(caller.id, body.channel);
  }

  @Post('otp/verify')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify the e-mail or phone with the code',
    description:
      'Signed in only. A wrong code is 400 OTP_INVALID, an expired one 400 OTP_EXPIRED; after too many wrong tries the code is locked (429 OTP_LOCKED): ask for a new one.',
  })
  @ApiResponse({ status: 200, type: VerifiedView })
  @ApiErrors('OTP_INVALID', 'OTP_EXPIRED', 'OTP_LOCKED')
  async verifyOtp(@CurrentUser() caller: Caller, @Body() body: OtpVerifyDto): Promise<VerifiedView> {
    await this.otp.verify(caller.id, body.code);
    return { verified: true };
  }
}
