import { describe, expect, it } from 'vitest';
import { isConnectionLost } from './connection-lost.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isConnectionLost', () => {
  it('recognises a terminated backend, a reset socket and a pool that cannot connect', () => {
    expect(isConnectionLost(withCode('terminating connection due to administrator command', '57P01'))).toBe(
      true,
    );
    expect(isConnectionLost(withCode('connection failure', '08006'))).toBe(true);
    expect(isConnectionLost(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isConnectionLost(new Error('wrapped', { cause: withCode('x', '57P01') }))).toBe(true);
  });

  it('leaves what the request itself caused alone', () => {
    expect(isConnectionLost(withCode('duplicate key value', '23505'))).toBe(false);
    expect(isConnectionLost(withCode('canceling statement due to statement timeout', '57014'))).toBe(false);
    expect(isConnectionLost(new Error('Connection terminated by the user, see log'))).toBe(false);
    expect(isConnectionLost('Connection terminated')).toBe(false);
    expect(isConnectionLost(undefined)).toBe(false);
  });
});

describe('describeError on a lost connection', () => {
  it('answers 503 for pages and JSON, 500 for anything else unknown', async () => {
    const { describeError } = await import('../http/error-handler.js');
    expect(describeError(withCode('terminating connection', '57P01')).status).toBe(503);
    expect(describeError(new Error('boom')).status).toBe(500);
  });
});
