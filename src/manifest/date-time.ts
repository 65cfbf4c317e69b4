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

export function readDateTime(text: string): DateTimeReading {
  const match = FORM.exec(text)
  if (!match) return { kind: 'invalid' }
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction,
    zulu,
    sign,
    offsetHours,
    offsetMinutes,
  ] = match.map((part) => part ?? '')
  const y = Number(year)
  const mo = Number(month)
  const d = Number(day)
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  const offset = Number(offsetHours) * 60 + Number(offsetMinutes)
  if (
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysInMonth ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    Number(offsetHours) > 23 ||
    Number(offsetMinutes) > 59
  ) {
    return { kind: 'invalid' }
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
