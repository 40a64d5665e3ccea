import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export class CustomerView {
  @ApiProperty({ example: 42, description: 'The account’s user id' }) id: number;
  @ApiProperty({ example: 'maria@example.com' }) email: string;
  @ApiProperty({ example: 'Maria Gonzalez' }) fullName: string;
  @ApiProperty({ nullable: true, type: String, example: '+1 555 0199' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, example: '12 Main St, Springfield' }) address: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Prefers morning deliveries', description: 'Staff notes, never shown to the customer' })
  notes: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 7,
    description: 'The in-store customer linked to this account (PUT /api/admin/offline-customers/:id {userId})',
  })
  offlineCustomerId: number | null;
  @ApiProperty({ example: 12, description: 'Orders placed, not drafts, not cancelled' }) ordersCount: number;
  @ApiProperty({ example: 3, description: 'Sales of the linked in-store customer, not cancelled' }) offlineSalesCount: number;
  @ApiProperty({ example: 2, description: 'Bookings, not cancelled' }) bookingsCount: number;
  @ApiProperty({
    example: 125000,
    description:
      'Minor units: Σ totals of the account’s orders, its linked in-store customer’s sales and its completed bookings that are not cancelled − Σ their refunds',
  })
  lifetimeValue: number;
  @ApiProperty({ example: 4500, description: 'Minor units: the balances still due on those orders, sales and bookings (not cancelled)' })
  outstandingBalance: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The latest order placed, sale made or booking made for this customer (cancelled ones included, drafts not); null when none',
  })
  lastActivityAt: Date | null;
  @ApiProperty({ example: true }) isActive: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class UpdateCustomerDto {
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 5000, example: 'Prefers morning deliveries' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}
