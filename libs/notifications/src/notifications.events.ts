/**
 * `message.sent`, after commit: a message to one user (`toUserId`), to every customer (`toUserId`
 * null) or, from a customer, to the staff (`toStaff`).
 */
export interface MessageSent {
  fromUserId: number;
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
