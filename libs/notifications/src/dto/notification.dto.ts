import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const notBlank = { message: 'must not be blank' };

export class MessageDto {
  @ApiProperty({ example: 'Opening hours', maxLength: 200 }) @IsString() @IsNotEmpty() @Matches(/\S/, notBlank) @MaxLength(200) title: string;
  @ApiProperty({ example: 'We are closed on Monday.', maxLength: 5000 }) @IsString() @IsNotEmpty() @Matches(/\S/, notBlank) @MaxLength(5000) body: string;
}

export class AdminMessageDto extends MessageDto {
  @ApiPropertyOptional({ description: 'One user; absent: every customer', example: 42 }) @IsOptional() @IsInt() @Min(1) userId?: number;
}

export const MESSAGE_DIRECTIONS = ['to_customer', 'from_customer'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** A kept message (SPEC section 11): the shop's to one customer or to all (a broadcast, `userId` null), or a customer's to the shop. */
export class MessageView {
  @ApiProperty({ example: 17 }) id: number;
  @ApiProperty({ enum: MESSAGE_DIRECTIONS, description: 'to_customer: sent by the shop; from_customer: written by the customer' })
  direction: MessageDirection;
  @ApiProperty({ nullable: true, type: Number, example: 42, description: 'The customer written to or by; null for a message to every customer' })
  userId: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'Ada Lovelace', description: "The account's full name when the message was sent (a snapshot)" })
  userName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'ada@example.com', description: "The account's e-mail when the message was sent (a snapshot)" })
  userEmail: string | null;
  @ApiProperty({ example: 'Do you deliver on Sunday?' }) title: string;
  @ApiProperty({ example: 'I would like my order before Monday.' }) body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** The answer to a send: accepted, kept as message `id`, delivered through the outbox right after. */
export class MessageAcceptedView {
  @ApiProperty({ enum: [true], example: true }) accepted: true;
  @ApiProperty({ example: 17, description: 'The kept message (GET /api/admin/messages, GET /api/me/messages)' }) id: number;
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

export type NotificationView = NotificationViewDoc;
