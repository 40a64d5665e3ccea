/** `webhook.deactivated`, after commit: an endpoint failed for 24 hours straight and was deactivated (the admins are notified). */
export interface WebhookDeactivated {
  webhookId: number;
  url: string;
  /** ISO 8601: when the failures began */
  failingSince: string;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'webhook.deactivated': WebhookDeactivated;
  }
}
