const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM-DD' of `at` in `timeZone` (the region's; WIB by default). */
export function dayIn(at: Date, timeZone = 'Asia/Jakarta'): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(at);
}
