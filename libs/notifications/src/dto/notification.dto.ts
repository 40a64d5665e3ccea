import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class MessageDto {
  @ApiProperty({ example: 'Opening hours' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ example: 'We are closed on Monday.' }) @IsString() @IsNotEmpty() @MaxLength(5000) body: string;
}

export class AdminMessageDto extends MessageDto {
  @ApiPropertyOptional({ description: 'One user; absent: every customer' }) @IsOptional() @IsInt() @Min(1) userId?: number;
}

export class NotificationLinkView {
  @ApiProperty() resource: string;
  @ApiProperty() id: number;
}

/** A notification as the API shows it (the schema keeps its historical name NotificationViewDoc). */
export class NotificationViewDoc {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['order_update', 'product_update', 'message', 'booking_update', 'low_stock'] }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: NotificationLinkView, nullable: true }) link: NotificationLinkView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class CountView {
  @ApiProperty() count: number;
}

export type NotificationView = NotificationViewDoc;
