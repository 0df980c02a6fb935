/**
 * Maps items with at most `limit` calls in flight, yielding results in input order.
 * 1. Start calls until `limit` are pending.
 * 2. Await the oldest, yield it, start the next; repeat until all are yielded.
 * `map` must not reject: callers turn failures into values (a rejection result).
 */
export async function* mapOrdered<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T, index: number) => Promise<R>,
): AsyncIterable<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < limit) {
      pending.push(map(items[next]!, next));
      next++;
    }
  };
  fill();
  for (let oldest = pending.shift(); oldest; oldest = pending.shift()) {
    yield await oldest;
    fill();
  }
}
