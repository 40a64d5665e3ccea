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
  @ApiProperty({ example: 'orders' }) resource: string;
  @ApiProperty({ example: 42 }) id: number;
}

/** A notification as the API shows it (the schema keeps its historical name NotificationViewDoc). */
export class NotificationViewDoc {
  @ApiProperty({ example: 42 }) id: number;
  @ApiProperty({ example: 'order_update', enum: ['order_update', 'product_update', 'message', 'booking_update', 'low_stock'] }) type: string;
  @ApiProperty({ example: 'Order ORD-000042 shipped' }) title: string;
  @ApiProperty({ example: 'It is on its way.' }) body: string;
  @ApiProperty({ type: NotificationLinkView, nullable: true }) link: NotificationLinkView | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) readAt: Date | null;
  @ApiProperty({ example: '2026-12-07T10:15:00.000Z', format: 'date-time' }) createdAt: Date;
}

export class CountView {
  @ApiProperty({ example: 3 }) count: number;
}

/** The answer of a message that was accepted: its notifications go out through the outbox right after. */
export class AcceptedView {
  @ApiProperty({ enum: [true], example: true }) accepted: true;
}

export type NotificationView = NotificationViewDoc;
