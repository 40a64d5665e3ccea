import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Length, MaxLength, Matches } from 'class-validator';

export const PHONE = /^\+?[0-9 ()-]{5,30}$/;

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 128, example: 'correct horse battery' })
  @IsString()
  @Length(8, 128, { message: 'must be 8 to 128 characters long' })
  password: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '+1 555 0100' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ example: 'rt_4f0c2b9e7d1a4c6b8e3f5a7d9c1b3e5f', description: 'The refresh token of the last pair (single use)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'old-password-2026', description: 'The password in use now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ example: 'a-longer-new-passphrase', minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'must be 8 to 128 characters long' })
  newPassword: string;
}

export class OtpRequestDto {
  @ApiProperty({ example: 'email', enum: ['email', 'sms'] })
  @IsIn(['email', 'sms'])
  channel: 'email' | 'sms';
}

export class OtpVerifyDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  code: string;
}

export class ProfileView {
  @ApiProperty({ example: 'Ana Silva' }) fullName: string;
  @ApiProperty({ example: '+15550100', nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: '12 Elm Street, Springfield', nullable: true, type: String }) address: string | null;
}

export class MeView {
  @ApiProperty({ example: 17 }) id: number;
  @ApiProperty({ example: 'ana@example.com' }) email: string;
  @ApiProperty({ example: 'customer', enum: ['admin', 'staff', 'customer'] }) role: string;
  @ApiProperty({ example: true }) isActive: boolean;
  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', nullable: true, type: String, format: 'date-time' }) emailVerifiedAt: Date | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) phoneVerifiedAt: Date | null;
  @ApiProperty({ example: '2026-11-20T09:58:00.000Z', format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: ProfileView }) profile: ProfileView;
}

export class AuthResultView {
  @ApiProperty({ type: MeView }) user: MeView;
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjE3fQ.c2lnbmF0dXJl', description: 'JWT (HS256), short-lived; send as Authorization: Bearer' })
  accessToken: string;
  @ApiProperty({ example: 'rt_4f0c2b9e7d1a4c6b8e3f5a7d9c1b3e5f', description: 'Opaque, single use; exchange at /api/auth/refresh' }) refreshToken: string;
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' }) expiresIn: number;
}

export class VerifiedView {
  @ApiProperty({ example: true }) verified: true;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'Xq3v9n1hJ4c2b7XrT0sFz8mLkPw5eYa6', description: 'The token of the reset link (`token=` of <PUBLIC_URL>/reset-password?token=…)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'is not a reset token' })
  token: string;

  @ApiProperty({ example: 'a-longer-new-passphrase', minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'must be 8 to 128 characters long' })
  password: string;
}

export class ForgotPasswordView {
  @ApiProperty({ example: 'If an account uses this e-mail, a link to choose a new password is on its way. It works for 30 minutes.' })
  message: string;
}
