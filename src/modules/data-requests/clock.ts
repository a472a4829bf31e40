/**
 * The service's clock. Production reads the system time; the clock tests fix it, because the
 * legal due dates depend on the weekday and the holidays around the moment a request is filed.
 */
let fixed: Date | null = null;

export function serviceNow(): Date {
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/** Fix the clock (tests); `null` returns to the system time. */
export function setServiceClock(at: Date | null): void {
  fixed = at;
}
