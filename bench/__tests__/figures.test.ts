// The arithmetic behind BENCHMARKS.md: a wrong median or a bar on the wrong scale would print a
// plausible but false figure, which no run of the bench itself would reveal.
import { bar, barChart } from '../chart.js'
import { median, paired, pairedFigure } from '../measure.js'
import { spanMs } from '../arrivals.js'
import { httpFloorSpanMs } from '../http-floor.js'

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})

describe('paired ratios', () => {
  it('is the median of the per-pair ratios, with their range', () => {
    // Pair 2 ran while the machine was busy: both sides slowed, the ratio did not.
    const figure = pairedFigure({ oursMs: [100, 400, 110], baseMs: [50, 200, 100] })
    expect(figure.ratio).toBe(2)
    expect(figure.ratioMin).toBeCloseTo(1.1)
    expect(figure.ratioMax).toBe(2)
    expect(figure.pairs).toBe(3)
  })

  it('alternates which side runs first', async () => {
    const order: string[] = []
    await paired(
      3,
      () => (order.push('ours'), 1),
      () => (order.push('base'), 1),
    )
    expect(order).toEqual(['ours', 'base', 'base', 'ours', 'ours', 'base'])
  })
})

describe('span', () => {
  it('runs from the first arrival to the last answer', () => {
    expect(spanMs([1000, 1010, 1500], 25)).toBe(525)
    expect(spanMs([], 25)).toBe(0)
  })
})

describe('the chart', () => {
  it('draws bars in proportion, in eighths of a character', () => {
    expect(bar(10, 10, 4)).toBe('████')
    expect(bar(5, 10, 4)).toBe('██')
    expect(bar(3, 16, 2)).toBe('▍')
    expect(bar(9, 16, 2)).toBe('█▏')
    // A value too small for an eighth still shows, so it is not read as zero.
    expect(bar(1, 1000, 2)).toBe('▏')
    expect(bar(0, 10, 4)).toBe('')
  })

  it('puts every series on one scale, each with its value', () => {
    const chart = barChart(
      'Wall time',
      [
        { label: '100', series: [{ name: 'ours', value: 1 }] },
        { label: '50,000', series: [{ name: 'ours', value: 4 }] },
      ],
      (v) => `${v} s`,
      8,
    )
    expect(chart.split('\n')).toEqual([
      'Wall time',
      '   100  ours │██ 1 s',
      '50,000  ours │████████ 4 s',
    ])
  })
})

describe('the HTTP floor', () => {
  it('sends every request and spans at least the ideal time, never less', async () => {
    // 20 requests, 4 at a time, each answered 10 ms after arrival: 5 rounds, 50 ms at best.
    const span = await httpFloorSpanMs(20, 4, 10)
    expect(span).toBeGreaterThanOrEqual(50)
    expect(span).toBeLessThan(5_000)
  })
})
