/**
 * Data the SDK made or already checked against its schemas (`seed()`'s output, a database snapshot): marked
 * here so that building a MemoryDatabase from it does not run the schemas over every lead again (50,000 leads
 * took most of a second). The mark is on the object the SDK returned; data from anywhere else, including a
 * copy of marked data, is validated as before, with errors that name the field.
 */
const trusted = new WeakSet<object>();

/** Marks `data` as made by the SDK to its schemas; returns it. */
export function markValidated<T extends object>(data: T): T {
  trusted.add(data);
  return data;
}

export function isValidated(data: unknown): boolean {
  return typeof data === 'object' && data !== null && trusted.has(data);
}
