/** Thrown by `Admission.run` when every slot is busy and the queue is full. */
export class AdmissionRefused extends Error {
  constructor() {
    super('busy: no room to queue this work');
    this.name = 'AdmissionRefused';
  }
}

/**
 * Bounded concurrency with a short queue, for expensive work that a flood must not pile up
 * (password hashing): at most `concurrency` jobs run at once, at most `queue` wait (first come,
 * first served), and anything beyond is refused at once instead of waiting behind the flood.
 */
export class Admission {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a whole number of at least 1');
    if (!Number.isInteger(queue) || queue < 0) throw new Error('queue must be a whole number');
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.queue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new AdmissionRefused();
    try {
      return await work();
    } finally {
      // hand the slot straight to the next in line, or free it
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
