/** Start capacity in values (128 KB): a few dozen articles. */
const INITIAL_CAPACITY = 1 << 16;
/** Growth factor when a record does not fit: by half, so at most a third of the buffer is slack. */
const GROWTH = 1.5;

/**
 * Variable-length records of 16-bit values, released oldest first: one ring buffer instead of a
 * typed array per record, which would cost V8 a few hundred bytes of bookkeeping each.
 * 1. Records are addressed by logical offsets that only grow; the physical place is the offset,
 *    less a base, modulo the capacity.
 * 2. A record never wraps round the end of the buffer (the gap before the end is skipped), so
 *    every record is one contiguous view.
 * 3. Releasing moves the tail forward. When a new record does not fit between tail and head, the
 *    held range is copied to the start of a buffer half as large again and the base becomes the
 *    tail: logical offsets stay valid, and the held records, which fitted the old buffer, fit
 *    the new one without wrapping.
 */
export class FifoArena {
  private data = new Uint16Array(INITIAL_CAPACITY);
  /** Logical offset stored at physical index 0 (before any wrap). */
  private base = 0;
  /** Logical end of the newest record. */
  private head = 0;
  /** Logical start of the oldest record still held. */
  private tail = 0;

  /** Values the buffer can hold (memory: two bytes each). */
  get capacity(): number {
    return this.data.length;
  }

  /** Copies `values` in as a new record; returns its logical offset. */
  append(values: Uint16Array): number {
    const start = this.reserve(values.length);
    this.data.set(values, this.toPhysical(start));
    this.head = start + values.length;
    return start;
  }

  /** The record at `offset` of `length` values, as a view valid until the next `append`. */
  view(offset: number, length: number): Uint16Array {
    const physical = this.toPhysical(offset);
    return this.data.subarray(physical, physical + length);
  }

  /** Releases every record that starts before `offset` (records are released oldest first). */
  releaseBefore(offset: number): void {
    this.tail = Math.max(this.tail, Math.min(offset, this.head));
  }

  private toPhysical(offset: number): number {
    return (offset - this.base) % this.data.length;
  }

  /** The logical offset where a record of `length` values goes, growing the buffer until it fits. */
  private reserve(length: number): number {
    for (;;) {
      const capacity = this.data.length;
      const physical = this.toPhysical(this.head);
      const start = physical + length > capacity ? this.head + capacity - physical : this.head;
      if (start + length - this.tail <= capacity) return start;
      this.grow();
    }
  }

  private grow(): void {
    const old = this.data;
    const next = new Uint16Array(Math.ceil(old.length * GROWTH));
    for (let offset = this.tail; offset < this.head; ) {
      const from = this.toPhysical(offset);
      const count = Math.min(this.head - offset, old.length - from);
      next.set(old.subarray(from, from + count), offset - this.tail);
      offset += count;
    }
    this.data = next;
    this.base = this.tail;
  }
}
