import { ApiProperty } from '@nestjs/swagger';

export const TIMELINE_KINDS = ['order', 'offline_sale', 'booking', 'refund', 'message'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The admin resource (react-admin name) each kind of entry is a record of. */
export const TIMELINE_RESOURCES = ['orders', 'offline-sales', 'bookings', 'refunds', 'messages'] as const;
export type TimelineResource = (typeof TIMELINE_RESOURCES)[number];

/**
 * One entry of a customer's timeline (GET /api/admin/customers/:id/timeline): an order of the account,
 * a sale of its linked in-store customer, a booking (of either), a refund of any of those, or a message
 * to or from the account.
 */
export class CustomerTimelineEntry {
  @ApiProperty({ example: 'order-17', description: 'The entry’s key in the timeline: its kind and its record’s id' }) id: string;
  @ApiProperty({ enum: TIMELINE_KINDS, example: 'order' }) kind: TimelineKind;
  @ApiProperty({ enum: TIMELINE_RESOURCES, example: 'orders', description: 'The admin resource of its record: GET /api/admin/<resource>/<recordId>' })
  resource: TimelineResource;
  @ApiProperty({ example: 17, description: 'The id of the order, in-store sale, booking, refund or message' }) recordId: number;
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-01T10:15:00.000Z',
    description:
      'An order’s placedAt, a sale’s soldAt, a booking’s scheduledAt (the visit), a refund’s refundedAt (createdAt while pending), a message’s createdAt',
  })
  at: Date;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'ORD-000017',
    description: 'The document number: ORD-…, the sale’s, RF-… (null for bookings and messages)',
  })
  number: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'A booking’s service, a message’s title, a refund’s record (“ORD-000017”); null for orders and sales',
  })
  title: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 5500,
    description: 'Minor units: the total of an order, sale or booking, the amount of a refund; null for a message',
  })
  amount: number | null;
  @ApiProperty({
    example: 'delivered',
    description:
      'The record’s status: an order’s (pending … delivered, returned, cancelled), a sale’s (completed, cancelled), a booking’s (pending, completed, cancelled), a refund’s (pending, succeeded, failed); a message’s direction (to_customer, from_customer)',
  })
  status: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'paid',
    description: 'The payment status of an order, sale or booking; null for refunds and messages',
  })
  paymentStatus: string | null;
}
