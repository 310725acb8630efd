// What an idempotent create answers, shared by the services that make it and the HTTP glue that
// sends it (a replay carries the stored JSON text, sent as it was the first time).
export type IdempotentResult<T> = { replayed: false; statusCode: number; body: T } | { replayed: true; statusCode: number; bodyText: string };
