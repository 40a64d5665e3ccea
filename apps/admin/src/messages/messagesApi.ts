import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';

/** POST /api/admin/messages: `userId` for one person, absent for every customer. */
export interface MessageInput {
  userId?: number;
  title: string;
  body: string;
}

/** Accepted (202): delivered through the outbox right after. */
export async function sendMessage(message: MessageInput): Promise<void> {
  await httpClient(`${adminApiUrl}/messages`, { method: 'POST', body: JSON.stringify(message) });
}
