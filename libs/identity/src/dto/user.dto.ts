import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../roles.js';
import { PHONE } from './auth.dto.js';

export class UpdateProfileDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'A single line or several, as one string' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  address?: string | null;
}

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty({ minLength: 8 }) @IsString() @Length(8, 128, { message: 'must be 8 to 128 characters long' }) password: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(PHONE, { message: 'must be a phone number' }) phone?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(1000) address?: string | null;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES as unknown as string[], { message: `must be one of ${ROLES.join(', ')}` }) role: Role;
}

export class UpdateUserDto extends UpdateProfileDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES as unknown as string[], { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;

  @ApiPropertyOptional({ minLength: 8, description: 'A new password' })
  @IsOptional()
  @IsString()
  @Length(8, 128, { message: 'must be 8 to 128 characters long' })
  password?: string;
}

/** A user as the admin `users` resource shows it: profile fields flattened, never a hash. */
export class AdminUserView {
  @ApiProperty({ example: 17 }) id: number;
  @ApiProperty({ example: 'ana@example.com' }) email: string;
  @ApiProperty({ example: 'customer', enum: ROLES }) role: Role;
  @ApiProperty({ example: true }) isActive: boolean;
  @ApiProperty({ example: 'Ana Silva' }) fullName: string;
  @ApiProperty({ example: '+15550100', nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: '12 Elm Street, Springfield', nullable: true, type: String }) address: string | null;
  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', nullable: true, type: String, format: 'date-time' }) emailVerifiedAt: Date | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) phoneVerifiedAt: Date | null;
  @ApiProperty({ example: '2026-11-20T09:58:00.000Z', format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', format: 'date-time' }) updatedAt: Date;
}
