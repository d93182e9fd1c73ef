// Datetimes the way Frappe stores them: naive "YYYY-MM-DD HH:mm:ss.ffffff" in the site's time zone
// (System Settings time_zone; UTC before the setup wizard has set one).

function parts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

export function formatDate(date: Date, timeZone = 'UTC'): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

export function formatDatetime(date: Date, timeZone = 'UTC', micros = 0): string {
  const p = parts(date, timeZone);
  const frac = String(date.getUTCMilliseconds() * 1000 + micros).padStart(6, '0');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}.${frac}`;
}

/** Strictly increasing timestamps (by absolute time), so two writes in one millisecond still differ. */
export class TimestampSource {
  private last = 0;
  next(date: Date, timeZone: string): string {
    const micros = Math.max(date.getTime() * 1000, this.last + 1);
    this.last = micros;
    return formatDatetime(new Date(Math.floor(micros / 1000)), timeZone, micros % 1000);
  }
}
