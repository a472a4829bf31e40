import type { Kysely } from 'kysely';

/**
 * Count the statements run through a Kysely instance while `fn` runs (every query of the app,
 * transactions included: they run on executors of the same class). Test-only instrumentation.
 */
export async function countQueries<T>(
  // biome-ignore lint/suspicious/noExplicitAny: any database schema
  db: Kysely<any>,
  fn: () => Promise<T>,
): Promise<{ result: T; count: number; statements: string[] }> {
  const proto = Object.getPrototypeOf(db.getExecutor()) as {
    executeQuery: (...args: unknown[]) => Promise<unknown>;
  };
  const original = proto.executeQuery;
  const statements: string[] = [];
  proto.executeQuery = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as { sql?: string };
    statements.push((q.sql ?? '').replace(/\s+/g, ' ').slice(0, 160));
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, count: statements.length, statements };
  } finally {
    proto.executeQuery = original;
  }
}
