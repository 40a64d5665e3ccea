/**
 * Where a card becomes a payment token. A real provider's client SDK collects the card in its own
 * secure fields and returns a token; the API's built-in test provider (on unless
 * NODE_ENV=production) takes the test tokens below. Swap `cardTokenizer` for the provider's.
 */
export interface CardTokenizer {
  /** what the shopper chooses from (test mode) */
  testCards: { token: string; label: string }[];
}

export const cardTokenizer: CardTokenizer = {
  testCards: [
    { token: 'tok_visa', label: 'Test Visa card — pays' },
    { token: 'tok_declined', label: 'Test card — declined' },
  ],
};
