import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks code running inside a `mutate()` transaction. PGlite has one connection: a query on the
 * plain database handle (not the transaction) from inside a transaction would wait for that
 * connection forever. The PGlite driver checks this mark and throws instead of hanging; on
 * PostgreSQL the same mistake would read outside the transaction, so it is a bug on both.
 */
export const transactionScope = new AsyncLocalStorage<{ label: string }>();

export class QueryOutsideTransactionError extends Error {
  constructor(label: string) {
    super(
      `A query used the database handle instead of the transaction inside "${label}": pass the transaction (trx) down. ` +
        'On PGlite this would deadlock.',
    );
    this.name = 'QueryOutsideTransactionError';
  }
}
