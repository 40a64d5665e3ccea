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
  @ApiProperty({ description: 'The refresh token of the last pair (single use)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password in use now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'must be 8 to 128 characters long' })
  newPassword: string;
}

export class OtpRequestDto {
  @ApiProperty({ enum: ['email', 'sms'] })
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
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
}

export class MeView {
  @ApiProperty() id: number;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['admin', 'staff', 'customer'] }) role: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) emailVerifiedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) phoneVerifiedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: ProfileView }) profile: ProfileView;
}

export class AuthResultView {
  @ApiProperty({ type: MeView }) user: MeView;
  @ApiProperty({ description: 'JWT (HS256), short-lived; send as Authorization: Bearer' }) accessToken: string;
  @ApiProperty({ description: 'Opaque, single use; exchange at /api/auth/refresh' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
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
  @ApiProperty({ description: 'The token of the reset link (`token=` of <PUBLIC_URL>/reset-password?token=…)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'is not a reset token' })
  token: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'must be 8 to 128 characters long' })
  password: string;
}

export class ForgotPasswordView {
  @ApiProperty({ example: 'If an account uses this e-mail, a link to choose a new password is on its way. It works for 30 minutes.' })
  message: string;
}
