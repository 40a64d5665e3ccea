import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SUBSCRIBABLE_EVENTS, type SubscribableEvent } from '../webhook-events.js';

const EVENTS_MESSAGE = `each must be one of ${SUBSCRIBABLE_EVENTS.join(', ')}`;

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://erp.example.com/hooks/chance',
    description: 'http(s); refused (400) when it resolves to a loopback, private or link-local address, unless WEBHOOK_ALLOW_PRIVATE_URLS=true',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: SUBSCRIBABLE_EVENTS, isArray: true, example: ['order.placed', 'order.updated'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one event' })
  @ArrayMaxSize(SUBSCRIBABLE_EVENTS.length)
  @ArrayUnique({ message: 'names an event twice' })
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events: SubscribableEvent[];

  @ApiPropertyOptional({ example: 'ERP: orders' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ description: 'Checked like at creation' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ enum: SUBSCRIBABLE_EVENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one event' })
  @ArrayMaxSize(SUBSCRIBABLE_EVENTS.length)
  @ArrayUnique({ message: 'names an event twice' })
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events?: SubscribableEvent[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'true re-activates an endpoint (also one deactivated after 24 h of failures); false stops deliveries to it' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

export class WebhookView {
  @ApiProperty({ example: 4 }) id: number;
  @ApiProperty({ example: 'https://erp.example.com/hooks/chance' }) url: string;
  @ApiProperty({ example: ['order.placed', 'order.updated'], enum: SUBSCRIBABLE_EVENTS, isArray: true }) events: string[];
  @ApiProperty({ example: 'ERP order sync' }) description: string;
  @ApiProperty({ example: true }) isActive: boolean;
  @ApiProperty({
    example: null,
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Since when every attempt has failed (null: the last one succeeded); after 24 h the endpoint is deactivated',
  })
  failingSince: Date | null;
  @ApiProperty({ example: null, format: 'date-time', nullable: true, type: String, description: 'When it was deactivated for failing 24 h straight' })
  deactivatedAt: Date | null;
  @ApiProperty({ example: '2026-12-01T12:00:00.000Z', format: 'date-time' }) createdAt: Date;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ example: 'whsec_…', description: 'The signing secret, shown this once: Chance-Signature is its HMAC-SHA256 of "<t>.<body>"' })
  secret: string;
}

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class WebhookDeliveryView {
  @ApiProperty() id: number;
  @ApiProperty() webhookId: number;
  @ApiProperty({ example: 'evt_3f0c…', description: 'The event (Chance-Event-Id): the same on every attempt' }) eventId: string;
  @ApiProperty({ example: 'order.placed' }) type: string;
  @ApiProperty({ description: '1 for the first attempt of this event to this endpoint' }) attempt: number;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'pending until it is sent' }) status: (typeof DELIVERY_STATUSES)[number];
  @ApiProperty({ nullable: true, type: Number, description: "The endpoint's HTTP status; null when it did not answer" }) responseStatus: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The start of the endpoint's answer (2 KB at most)" }) responseBody: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ format: 'date-time', description: 'When this attempt is (or was) due: a retry is created pending, due later' }) dueAt: Date;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}
