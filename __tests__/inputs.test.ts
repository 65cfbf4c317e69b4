import { InputError, readConfig, readPrivateKey, submitCredentials } from '../src/inputs.js'

describe('readConfig', () => {
  const reader =
    (values: Record<string, string>) =>
    (name: string): string =>
      values[name] ?? ''

  test('defaults when nothing is set, as action.yml documents them', () => {
    expect(readConfig(reader({}))).toEqual({
      manifests: { include: ['luigisbox/**/*.{yml,yaml,json}'], exclude: [] },
      trackerId: '',
      privateKey: '',
      apiUrl: 'https://live.luigisbox.com',
      githubToken: '',
      mode: 'auto',
      dryRun: false,
      prune: false,
      ownershipTag: 'luigisbox-pins',
      prComment: false,
      failOnDrift: false,
      label: '',
      concurrency: 4,
      failOnWarning: false,
      deadlineMinutes: 30,
    })
  })

  test('every input is read, trimmed and typed', () => {
    expect(
      readConfig(
        reader({
          manifests: 'pins/**/*.yml\n!pins/old/**\n',
          'tracker-id': ' 1234-5678 ',
          'private-key': ' secret\n',
          'api-url': ' http://127.0.0.1:8080 ',
          'github-token': ' ghs_x ',
          mode: ' submit ',
          'dry-run': 'TRUE',
          prune: 'true',
          'ownership-tag': ' acme/pins ',
          'pr-comment': 'true',
          'fail-on-drift': 'true',
          label: ' production ',
          concurrency: ' 32 ',
          'fail-on-warning': 'True',
          'deadline-minutes': ' 0.5 ',
        }),
      ),
    ).toEqual({
      manifests: { include: ['pins/**/*.yml'], exclude: ['pins/old/**'] },
      trackerId: '1234-5678',
      privateKey: 'secret',
      apiUrl: 'http://127.0.0.1:8080',
      githubToken: 'ghs_x',
      mode: 'submit',
      dryRun: true,
      prune: true,
      ownershipTag: 'acme/pins',
      prComment: true,
      failOnDrift: true,
      label: 'production',
      concurrency: 32,
      failOnWarning: true,
      deadlineMinutes: 0.5,
    })
  })

  test('the label defaults to the tracker id', () => {
    expect(readConfig(reader({ 'tracker-id': '1234-5678' })).label).toBe('1234-5678')
  })

  test.each(['auto', 'validate', 'plan', 'submit'])('mode %s is accepted', (mode) => {
    expect(readConfig(reader({ mode })).mode).toBe(mode)
  })

  test.each(['1', '4', '16', '32', '04'])('concurrency %s is accepted', (value) => {
    expect(readConfig(reader({ concurrency: value })).concurrency).toBe(Number(value))
  })

  test.each([
    ['mode', 'sync', 'Input "mode" is "sync"; use one of: auto, validate, plan, submit.'],
    ['mode', 'Submit', 'Input "mode" is "Submit"; use one of: auto, validate, plan, submit.'],
    ['dry-run', 'yes', 'Input "dry-run" is "yes"; use true or false.'],
    ['dry-run', '1', 'Input "dry-run" is "1"; use true or false.'],
    ['fail-on-warning', 'on', 'Input "fail-on-warning" is "on"; use true or false.'],
    ['prune', 'yes', 'Input "prune" is "yes"; use true or false.'],
    [
      'ownership-tag',
      'pins:v1',
      'Input "ownership-tag" is "pins:v1"; use 1 to 64 lower-case letters, digits, ".", "_", "-" or "/", starting with a letter or digit (the default is luigisbox-pins).',
    ],
    [
      'ownership-tag',
      'Pins',
      'Input "ownership-tag" is "Pins"; use 1 to 64 lower-case letters, digits, ".", "_", "-" or "/", starting with a letter or digit (the default is luigisbox-pins).',
    ],
    ['concurrency', '0', 'Input "concurrency" is "0"; use a whole number from 1 to 32.'],
    ...['0', '361', '-1', '1e3', 'ten', '.5'].map((value) => [
      'deadline-minutes',
      value,
      `Input "deadline-minutes" is "${value}"; use a number of minutes above 0 and up to 360, e.g. 30 or 0.5.`,
    ]),
    ['concurrency', '33', 'Input "concurrency" is "33"; use a whole number from 1 to 32.'],
    ['concurrency', '-1', 'Input "concurrency" is "-1"; use a whole number from 1 to 32.'],
    ['concurrency', '2.5', 'Input "concurrency" is "2.5"; use a whole number from 1 to 32.'],
    ['concurrency', '1e1', 'Input "concurrency" is "1e1"; use a whole number from 1 to 32.'],
    ['concurrency', 'four', 'Input "concurrency" is "four"; use a whole number from 1 to 32.'],
  ])('%s: "%s" is refused with a message naming the input', (name, value, message) => {
    const read = () => readConfig(reader({ [name]: value }))
    expect(read).toThrow(InputError)
    expect(read).toThrow(message)
  })

  test.each([
    ['../outside/**/*.yml', '../outside/**/*.yml'],
    ['./../outside/*.yml', '../outside/*.yml'],
    ['luigisbox/../../x.yml', 'luigisbox/../../x.yml'],
    ['luigisbox/**/*.yml\n!../x/**', '../x/**'],
    ['/etc/**', '/etc/**'],
  ])('manifests "%s" leaving the workspace is refused, quoting the glob', (manifests, glob) => {
    const read = () => readConfig(reader({ manifests }))
    expect(read).toThrow(InputError)
    expect(read).toThrow(
      `Input "manifests" has "${glob}": globs are relative to the workspace and may not leave it.`,
    )
  })

  test('a ".." inside a name is not a parent directory', () => {
    expect(readConfig(reader({ manifests: 'luigisbox/..drafts/*.yml' })).manifests.include).toEqual(
      ['luigisbox/..drafts/*.yml'],
    )
  })

  test.each(['# nothing\n', '!luigisbox/**'])(
    'manifests with no glob to include (%j) is refused',
    (manifests) => {
      const read = () => readConfig(reader({ manifests }))
      expect(read).toThrow(InputError)
      expect(read).toThrow(/Input "manifests" has no glob to include/)
    },
  )
})

describe('readPrivateKey', () => {
  test('the key is masked, trimmed, before anything else could print it', () => {
    const masked: string[] = []
    const key = readPrivateKey(
      (name) => (name === 'private-key' ? ' pk_live_0123456789\n' : ''),
      (secret) => masked.push(secret),
    )
    expect(key).toBe('pk_live_0123456789')
    expect(masked).toEqual(['pk_live_0123456789'])
  })

  test('an unset key masks nothing (masking "" would hide every log line)', () => {
    const masked: string[] = []
    expect(
      readPrivateKey(
        () => '',
        (secret) => masked.push(secret),
      ),
    ).toBe('')
    expect(masked).toEqual([])
  })
})

describe('submitCredentials', () => {
  const config = (values: Record<string, string>) => readConfig((name) => values[name] ?? '')

  test('tracker id, key and API address for the client', () => {
    expect(submitCredentials(config({ 'tracker-id': '1234-5678', 'private-key': 'k' }))).toEqual({
      apiUrl: 'https://live.luigisbox.com',
      trackerId: '1234-5678',
      privateKey: 'k',
    })
  })

  test.each([
    [{ 'private-key': 'k' }, 'tracker-id', 'Planning and submitting need the tracker-id input(s)'],
    [{ 'tracker-id': '1' }, 'private-key', 'Planning and submitting need the private-key input(s)'],
    [
      {},
      'tracker-id, private-key',
      'Planning and submitting need the tracker-id and private-key input(s)',
    ],
  ])('missing %j: an InputError naming %s', (values, input, message) => {
    const error = (() => {
      try {
        submitCredentials(config(values))
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ input })
    expect((error as Error).message).toContain(message)
    expect((error as Error).message).toContain('mode: validate')
  })
})
