import { ApiProperty } from '@nestjs/swagger';
import { TEMPLATES } from '../mail-templates.js';

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;

export class EmailView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'ada@example.com' }) to: string;
  @ApiProperty({ enum: TEMPLATES }) template: string;
  @ApiProperty() subject: string;
  @ApiProperty({
    enum: EMAIL_STATUSES,
    description: 'pending until the mail server accepts it (also between retries); failed once retries have run out (24 h at least)',
  })
  status: (typeof EMAIL_STATUSES)[number];
  @ApiProperty({ description: 'Attempts made so far' }) attempts: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed' }) error: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When a pending e-mail is (next) tried' }) nextAttemptAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}
