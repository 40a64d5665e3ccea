import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export const API_KEY_ROLES = ['admin', 'staff', 'read_only'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP sync' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES, description: 'read_only: every admin GET that staff may make, nothing else' })
  @IsIn(API_KEY_ROLES, { message: `must be one of ${API_KEY_ROLES.join(', ')}` })
  role: ApiKeyRole;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2027-12-31',
    description: 'Instant after which the key is refused; a date means the end of that UTC day. Absent: never expires.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'must be a date or an ISO 8601 instant' })
  expiresAt?: string | null;
}

export class ApiKeyView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'ck_Zq3xT1a', description: "The secret's first 10 characters, to tell keys apart" }) prefix: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role: ApiKeyRole;
  @ApiProperty({ description: 'The admin who created it; the key acts for them while they are an active admin' }) createdById: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Kept to the minute: not written on every request' }) lastUsedAt: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: Date | null;
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ example: 'ck_Zq3xT1a…', description: 'Shown this once: only its hash is kept. Send it as Authorization: Bearer <secret>.' })
  secret: string;
}
