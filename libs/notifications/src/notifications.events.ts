/**
 * `message.sent`, after commit: a message to one user (`toUserId`), to every customer (`toUserId`
 * null) or, from a customer, to the staff (`toStaff`). `messageId` is its record (docs/api.md#messages)
 * and `fromName` the customer's name (or e-mail) when a customer wrote; events published before
 * messages were kept have neither.
 */
export interface MessageSent {
  messageId?: number;
  fromUserId: number;
  fromName?: string | null;
  toUserId: number | null;
  toStaff?: boolean;
  title: string;
  body: string;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'message.sent': MessageSent;
  }
}
