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

/** Strictly increasing timestamps, so two writes in one millisecond still get different `modified`. */
export class TimestampSource {
  private last = '';
  private micros = 0;
  next(date: Date, timeZone: string): string {
    let value = formatDatetime(date, timeZone, 0);
    if (value <= this.last) {
      this.micros += 1;
      value = formatDatetime(date, timeZone, this.micros % 1000);
      if (value <= this.last) value = bump(this.last);
    } else {
      this.micros = 0;
    }
    this.last = value;
    return value;
  }
}

function bump(ts: string): string {
  const [head, frac] = ts.split('.');
  const next = (parseInt(frac ?? '0', 10) + 1) % 1000000;
  return `${head}.${String(next).padStart(6, '0')}`;
}
