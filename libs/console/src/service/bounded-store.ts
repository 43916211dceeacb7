import { randomBytes } from 'node:crypto';

/**
 * What the console remembers between two pages (a previewed consent, a journey run), under an unguessable id that
 * the page links carry: the id is also what lets a browser act on the entry, so it is 128 random bits. Bounded in
 * number and age, so that a console left open never grows the service's memory.
 */
export class BoundedStore<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly createdAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  add(value: T): string {
    this.evict();
    const id = randomBytes(16).toString('hex');
    this.entries.set(id, { value, createdAt: this.now() });
    while (this.entries.size > this.capacity) {
      // A Map iterates in insertion order: the first key is the oldest entry.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return id;
  }

  get(id: string): T | undefined {
    this.evict();
    return this.entries.get(id)?.value;
  }

  private evict(): void {
    const oldest = this.now() - this.maxAgeMs;
    for (const [id, entry] of this.entries) {
      if (entry.createdAt >= oldest) {
        break;
      }
      this.entries.delete(id);
    }
  }
}
