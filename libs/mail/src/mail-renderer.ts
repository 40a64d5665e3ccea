import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, type AppConfig } from '@chance/core';
import { OTP_TTL_SECONDS, OtpService, PASSWORD_RESET_TTL_SECONDS, PasswordResetService, UsersService, resetPasswordLink } from '@chance/identity';
import { CreditNotesService, InvoicesService } from '@chance/invoices';
import { OrderReaderService } from '@chance/orders';
import { ReturnsReader, type ReturnStatus } from '@chance/returns';
import { BookingsService } from '@chance/services';
import type { MailParams } from './mail-rules.js';
import {
  bookingConfirmed,
  bookingReminder,
  orderCancelled,
  orderConfirmation,
  orderDelivered,
  orderShipped,
  otpCode,
  passwordReset,
  refundIssued,
  returnStatus,
  type Rendered,
  type Store,
  type Template,
} from './mail-templates.js';

/** Rendering cannot succeed however often it is tried (the record is gone, the account deactivated): the e-mail fails at once. */
export class UndeliverableMail extends Error {}

/**
 * Renders a queued e-mail when it is sent: the records as they are now, read through their
 * owners' services, and the secrets it carries made now (a verification code, a reset link), so
 * none is ever stored readable.
 */
@Injectable()
export class MailRenderer {
  constructor(
    private readonly orders: OrderReaderService,
    private readonly invoices: InvoicesService,
    private readonly creditNotes: CreditNotesService,
    private readonly returns: ReturnsReader,
    private readonly bookings: BookingsService,
    private readonly users: UsersService,
    private readonly otp: OtpService,
    private readonly passwordResets: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `store`: the store as the e-mail names it (its settings now, read by the sender). */
  async render(template: Template, params: MailParams, store: Store): Promise<Rendered> {
    try {
      return await this.renderOrThrow(template, params, store);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') throw new UndeliverableMail(`not sent: ${error.message}`);
      throw error;
    }
  }

  private async renderOrThrow(template: Template, params: MailParams, store: Store): Promise<Rendered> {
    switch (template) {
      case 'order_confirmation': {
        const order = await this.orders.view(params.orderId!, 'admin');
        let invoice: { number: string; pdf: Buffer } | null = null;
        if (order.invoiceId !== null) {
          const issued = await this.invoices.get(order.invoiceId);
          invoice = { number: issued.number, pdf: await this.invoices.pdf(issued) };
        }
        return orderConfirmation(store, order, invoice);
      }
      case 'order_shipped':
        return orderShipped(store, await this.orders.view(params.orderId!, 'admin'));
      case 'order_delivered':
        return orderDelivered(store, await this.orders.view(params.orderId!, 'admin'));
      case 'order_cancelled':
        return orderCancelled(store, await this.orders.view(params.orderId!, 'admin'));
      case 'refund_issued': {
        const refund = await this.returns.refund(params.refundId!);
        let creditNote: { number: string; pdf: Buffer } | null = null;
        if (refund.creditNoteId !== null) {
          const note = await this.creditNotes.get(refund.creditNoteId);
          creditNote = { number: note.number, pdf: await this.creditNotes.pdf(note) };
        }
        return refundIssued(store, refund, creditNote);
      }
      case 'return_status': {
        const ret = await this.returns.view(params.returnId!, 'admin');
        return returnStatus(store, { ...ret, status: ret.status as ReturnStatus });
      }
      case 'booking_confirmed':
      case 'booking_reminder': {
        const booking = await this.bookings.get(params.bookingId!);
        const customer = await this.users.contactOf(params.userId!);
        const render = template === 'booking_confirmed' ? bookingConfirmed : bookingReminder;
        return render(store, booking, customer?.fullName ?? '');
      }
      case 'otp_code': {
        await this.activeAccount(params.userId!);
        return otpCode(store, await this.otp.issue(params.userId!, 'email'), OTP_TTL_SECONDS / 60);
      }
      case 'password_reset': {
        await this.activeAccount(params.userId!);
        const token = await this.passwordResets.issue(params.userId!);
        return passwordReset(store, resetPasswordLink(this.config.publicUrl, token), PASSWORD_RESET_TTL_SECONDS / 60);
      }
    }
  }

  private async activeAccount(userId: number): Promise<void> {
    if (!(await this.users.contactOf(userId))) throw new UndeliverableMail('not sent: the account is no longer active');
  }
}
