/**
 * ISO 8601 date-times as a pin's active_from and active_to carry them. The API documents "ISO
 * 8601 date-time" and nothing narrower, so every extended-format ISO 8601 date-time is accepted;
 * a missing offset or a short form is only unusual (a warning), and the fix is spelled out.
 */

export type DateTimeReading =
  | { kind: 'invalid' }
  /** `time` in ms since the epoch; a date-time without an offset is read as UTC. */
  | { kind: 'valid'; time: number; unusual?: { missingOffset: boolean; usual: string } }

const FORM =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?$/

const INVALID: DateTimeReading = { kind: 'invalid' }

export function readDateTime(text: string): DateTimeReading {
  const match = FORM.exec(text)
  if (!match) return INVALID
  const year = match[1] ?? ''
  const month = match[2] ?? ''
  const day = match[3] ?? ''
  const hour = match[4] ?? ''
  const minute = match[5] ?? ''
  const second = match[6] ?? ''
  const fraction = match[7] ?? ''
  const zulu = match[8] ?? ''
  const sign = match[9] ?? ''
  const offsetHours = match[10] ?? ''
  const offsetMinutes = match[11] ?? ''
  const y = Number(year)
  const mo = Number(month)
  const d = Number(day)
  const offset = Number(offsetHours) * 60 + Number(offsetMinutes)
  if (
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysInMonth(y, mo) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    Number(offsetHours) > 23 ||
    Number(offsetMinutes) > 59
  ) {
    return INVALID
  }
  const utc = Date.UTC(y, mo - 1, d, Number(hour), Number(minute), Number(second))
  const time =
    utc + Math.floor(Number(`0${fraction}`) * 1000) - (sign === '-' ? -offset : offset) * 60_000
  const missingOffset = zulu === '' && sign === ''
  const fullOffset = zulu !== '' || (sign !== '' && /^:\d{2}$/.test(text.slice(-3)))
  if (second !== '' && fullOffset) return { kind: 'valid', time }
  const usualOffset =
    zulu !== '' ? 'Z' : sign !== '' ? `${sign}${offsetHours}:${offsetMinutes || '00'}` : ''
  const usual = `${year}-${month}-${day}T${hour}:${minute}:${second || '00'}${fraction}${usualOffset}`
  return { kind: 'valid', time, unusual: { missingOffset, usual } }
}

/** The days in a month (1-12) of a year as `Date.UTC` reads it, which takes 0-99 for 1900-1999. */
function daysInMonth(year: number, month: number): number {
  const y = year <= 99 ? 1900 + year : year
  if (month === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}
