/** At most this many notification streams per user are open at once (docs/api.md#limits). */
export const MAX_STREAMS_PER_USER = 5;

/**
 * The open notification streams of each user, oldest first, in the order they were announced.
 * Pure bookkeeping: when a stream opens past the cap, `opened` names the streams to close (the
 * oldest). Every API process applies the same announcements (PostgreSQL NOTIFY delivers them to
 * every listener in commit order), so every process reaches the same verdict and closes the ones
 * it holds; a process also keeps a registry of its own streams alone, so the cap holds for it
 * even while announcements cannot reach it.
 */
export class StreamRegistry {
  private readonly byUser = new Map<number, string[]>();

  constructor(private readonly max = MAX_STREAMS_PER_USER) {}

  /** Records an open stream; returns the streams to close now, oldest first (empty within the cap). */
  opened(userId: number, streamId: string): string[] {
    const streams = this.byUser.get(userId) ?? [];
    if (!streams.includes(streamId)) streams.push(streamId);
    this.byUser.set(userId, streams);
    return streams.length > this.max ? streams.splice(0, streams.length - this.max) : [];
  }

  closed(userId: number, streamId: string): void {
    const streams = this.byUser.get(userId);
    if (!streams) return;
    const at = streams.indexOf(streamId);
    if (at >= 0) streams.splice(at, 1);
    if (streams.length === 0) this.byUser.delete(userId);
  }

  count(userId: number): number {
    return this.byUser.get(userId)?.length ?? 0;
  }
}
