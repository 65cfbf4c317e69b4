// A bar chart in plain Unicode text, so that BENCHMARKS.md shows growth at a glance anywhere
// Markdown renders (a fenced block needs no image and no chart support).

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉']

/** A bar `width` characters long at `max`, in eighths of a character. */
export function bar(value: number, max: number, width: number): string {
  if (!(value > 0) || !(max > 0)) return ''
  const eighths = Math.max(1, Math.round((value / max) * width * 8))
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '')
}

export interface ChartGroup {
  /** The row group's heading, e.g. the manifest count. */
  label: string
  series: { name: string; value: number }[]
}

/** One bar per series in each group, all on one scale, each followed by its value. */
export function barChart(
  title: string,
  groups: readonly ChartGroup[],
  format: (value: number) => string,
  width = 48,
): string {
  const values = groups.flatMap((g) => g.series.map((s) => s.value)).filter(Number.isFinite)
  const max = Math.max(0, ...values)
  const labelWidth = Math.max(...groups.map((g) => g.label.length))
  const nameWidth = Math.max(...groups.flatMap((g) => g.series.map((s) => s.name.length)))
  const lines = [title]
  for (const group of groups) {
    group.series.forEach((s, i) => {
      const label = (i === 0 ? group.label : '').padStart(labelWidth)
      const value = Number.isFinite(s.value) ? format(s.value) : 'n/a'
      lines.push(`${label}  ${s.name.padEnd(nameWidth)} │${bar(s.value, max, width)} ${value}`)
    })
  }
  return lines.join('\n')
}
