/**
 * ISO 8601 date-times as a pin's active_from and active_to carry them. The API documents "ISO
 * 8601 date-time" and nothing narrower, so every extended-format ISO 8601 date-time is accepted
 * (week and ordinal dates, a decimal comma, a fraction of the hour or minute, 24:00); anything but
 * the common calendar form with seconds and a full offset is only unusual (a warning), and the
 * message spells out the common form of the same instant.
 */

export type DateTimeReading =
  | { kind: 'invalid' }
  /** `time` in ms since the epoch; a date-time without an offset is read as UTC. */
  | { kind: 'valid'; time: number; unusual?: { missingOffset: boolean; usual: string } }

const FORM = new RegExp(
  [
    /^(?<year>\d{4})-/,
    /(?:(?<month>\d{2})-(?<day>\d{2})|W(?<week>\d{2})-(?<weekday>[1-7])|(?<ordinal>\d{3}))/,
    /T(?<hour>\d{2})(?::(?<minute>\d{2})(?::(?<second>\d{2}))?)?(?:(?<mark>[.,])(?<fraction>\d+))?/,
    /(?:(?<zulu>Z)|(?<sign>[+-])(?<offsetHours>\d{2})(?<offsetColon>:?)(?<offsetMinutes>\d{2})?)?$/,
  ]
    .map((part) => part.source)
    .join(''),
)

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

export function readDateTime(text: string): DateTimeReading {
  const groups = FORM.exec(text)?.groups
  if (!groups) return { kind: 'invalid' }
  const { hour = '', minute, second, mark, fraction, zulu, sign, offsetColon } = groups
  const { offsetHours = '00', offsetMinutes = '00' } = groups
  const day = dayOf(groups)
  const h = Number(hour)
  const m = Number(minute ?? 0)
  const s = Number(second ?? 0)
  const parts = Number(`0.${fraction ?? 0}`)
  const endOfDay = h === 24 && m === 0 && s === 0 && parts === 0
  if (
    day === undefined ||
    (h > 23 && !endOfDay) ||
    m > 59 ||
    s > 59 ||
    Number(offsetHours) > 23 ||
    Number(offsetMinutes) > 59
  ) {
    return { kind: 'invalid' }
  }
  // A fraction belongs to the last component written: T10.5 is half past ten.
  const unit = second !== undefined ? 1000 : minute !== undefined ? MINUTE_MS : HOUR_MS
  const local = day + h * HOUR_MS + m * MINUTE_MS + s * 1000 + Math.floor(parts * unit)
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * MINUTE_MS
  const time = local - (sign === '-' ? -offset : offset)
  const missingOffset = zulu === undefined && sign === undefined
  const common =
    groups.month !== undefined &&
    second !== undefined &&
    mark !== ',' &&
    !endOfDay &&
    (zulu !== undefined || (offsetColon === ':' && groups.offsetMinutes !== undefined))
  if (common) return { kind: 'valid', time }
  const seconds =
    unit === 1000 && fraction !== undefined ? `${second}.${fraction}` : millis(local % MINUTE_MS)
  const usualOffset = zulu ?? (sign === undefined ? '' : `${sign}${offsetHours}:${offsetMinutes}`)
  const usual = `${new Date(local - (local % MINUTE_MS)).toISOString().slice(0, 17)}${seconds}${usualOffset}`
  return { kind: 'valid', time, unusual: { missingOffset, usual } }
}

/** Midnight UTC of the date part in ms, or undefined when no such day exists. */
function dayOf(groups: Record<string, string | undefined>): number | undefined {
  const year = Number(groups['year'])
  const jan1 = utcDay(year, 0, 1)
  if (groups['week'] !== undefined) {
    const week = Number(groups['week'])
    const day = firstIsoMonday(year) + ((week - 1) * 7 + Number(groups['weekday']) - 1) * DAY_MS
    return week >= 1 && day < firstIsoMonday(year + 1) ? day : undefined
  }
  if (groups['ordinal'] !== undefined) {
    const ordinal = Number(groups['ordinal'])
    const length = (utcDay(year + 1, 0, 1) - jan1) / DAY_MS
    return ordinal >= 1 && ordinal <= length ? jan1 + (ordinal - 1) * DAY_MS : undefined
  }
  const month = Number(groups['month'])
  const date = Number(groups['day'])
  return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month)
    ? utcDay(year, month - 1, date)
    : undefined
}

/** ISO week 1 is the week holding 4 January; weeks start on Monday. */
function firstIsoMonday(year: number): number {
  const jan4 = utcDay(year, 0, 4)
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS
}

/** Arithmetic rather than a Date: this runs for every date of every pin. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Date.UTC would read the years 0–99 as 1900–1999. */
function utcDay(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day)
}

/** `ss` or `ss.fff` (trailing zeros dropped) of a number of ms below a minute. */
function millis(ms: number): string {
  const whole = String(Math.floor(ms / 1000)).padStart(2, '0')
  const rest = ms % 1000
  return rest === 0 ? whole : `${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`
}
