/**
 * The lockout limits (LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES) for checks that run inside actions,
 * which get no config: set once when the accounts routes are registered. The defaults are the
 * config's defaults, for actions run outside an app (CLI, tests).
 */
let settings = { maxFailures: 5, lockMinutes: 15 };

export function configureLockout(config: { loginMaxFailures: number; loginLockMinutes: number }): void {
  settings = { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes };
}

export function lockoutSettings(): { maxFailures: number; lockMinutes: number } {
  return settings;
}
