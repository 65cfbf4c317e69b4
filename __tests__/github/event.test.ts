import { decideFlow, UnsupportedEventError, type EventPayload } from '../../src/github/event.js'
import type { Mode } from '../../src/inputs.js'

const sha = (c: string) => c.repeat(40)
const ZERO = '0'.repeat(40)

const pullRequest: EventPayload = {
  number: 7,
  pull_request: { changed_files: 3, head: { sha: sha('h') }, base: { sha: sha('b') } },
}

const push = (over: EventPayload = {}): EventPayload => ({
  ref: 'refs/heads/main',
  before: sha('b'),
  after: sha('a'),
  created: false,
  deleted: false,
  forced: false,
  repository: { default_branch: 'main' },
  ...over,
})

const MODES: Mode[] = ['auto', 'validate', 'submit']

describe('pull_request', () => {
  test.each([
    ['auto', 'validate'],
    ['validate', 'validate'],
    // Unmerged manifests are never written, whatever mode says.
    ['submit', 'validate'],
  ] as const)('mode %s → %s the pull request’s changed files', (mode, action) => {
    expect(decideFlow(mode, 'pull_request', pullRequest)).toMatchObject({
      action,
      selection: { kind: 'pull-request', number: 7, changedFiles: 3, headSha: sha('h') },
    })
  })

  test('a payload without changed_files or head still selects the pull request by number', () => {
    expect(decideFlow('auto', 'pull_request', { number: 12 })).toEqual({
      action: 'validate',
      selection: { kind: 'pull-request', number: 12, changedFiles: undefined, headSha: undefined },
    })
  })

  test.each(['pull_request', 'pull_request_target'])(
    '%s without a pull request number is a clear error, not a guess',
    (event) => {
      expect(() => decideFlow('auto', event, { pull_request: {} })).toThrow(UnsupportedEventError)
      expect(() => decideFlow('auto', event, {})).toThrow(/no pull request number/)
    },
  )
})

describe('pull_request_target (runs with secrets on a fork’s manifests)', () => {
  test.each(['auto', 'validate'] as const)('mode %s only validates', (mode) => {
    expect(decideFlow(mode, 'pull_request_target', pullRequest)).toEqual({
      action: 'validate',
      selection: { kind: 'pull-request', number: 7, changedFiles: 3, headSha: sha('h') },
    })
  })

  test.each(['submit', 'plan'] as const)(
    'mode %s (it would use the secrets) is refused, saying why and what to do instead',
    (mode) => {
      const decide = () => decideFlow(mode, 'pull_request_target', pullRequest, true)
      expect(decide).toThrow(UnsupportedEventError)
      expect(decide).toThrow(`Refusing mode: ${mode} on pull_request_target`)
      expect(decide).toThrow(/push to the default branch/)
    },
  )
})

test.each([
  ['pull_request', true, 'plan'],
  ['pull_request', false, 'validate'],
  ['merge_group', true, 'plan'],
  ['merge_group', false, 'validate'],
  ['pull_request_target', true, 'validate'],
] as const)('mode auto on %s with credentials %s → %s', (event, canPlan, action) => {
  const payload = { number: 7, merge_group: { base_sha: sha('b'), head_sha: sha('m') } }
  expect(decideFlow('auto', event, payload, canPlan)).toMatchObject({ action })
})

describe('merge_group', () => {
  const group = { merge_group: { base_sha: sha('b'), head_sha: sha('m') } }

  test.each([
    ['auto', 'validate'],
    ['validate', 'validate'],
    ['submit', 'validate'],
  ] as const)('mode %s → %s the files between the queue’s base and head', (mode, action) => {
    expect(decideFlow(mode, 'merge_group', group)).toMatchObject({
      action,
      selection: { kind: 'compare', base: sha('b'), head: sha('m') },
    })
  })

  test.each([
    ['no merge_group', {}],
    ['no head_sha', { merge_group: { base_sha: sha('b') } }],
    ['no base_sha', { merge_group: { head_sha: sha('m') } }],
    ['empty shas', { merge_group: { base_sha: '', head_sha: '' } }],
  ])('%s: validates every manifest, saying why', (_, payload) => {
    expect(decideFlow('auto', 'merge_group', payload)).toEqual({
      action: 'validate',
      selection: { kind: 'all', reason: 'The merge_group event names no commits to compare.' },
    })
  })
})

describe('push', () => {
  const compare = { kind: 'compare', base: sha('b'), head: sha('a') }

  test('to the default branch with mode auto: submits what changed between before and after', () => {
    expect(decideFlow('auto', 'push', push())).toEqual({ action: 'submit', selection: compare })
  })

  test.each([
    ['to another branch', { ref: 'refs/heads/feature' }],
    ['to a branch whose name only starts like the default', { ref: 'refs/heads/main-old' }],
    ['of a tag named like the default branch', { ref: 'refs/tags/main' }],
    ['whose payload names no default branch', { repository: {} }],
    ['whose payload has no repository', { repository: undefined }],
  ])('a push %s, mode auto: only validates', (_, over) => {
    expect(decideFlow('auto', 'push', push(over))).toEqual({
      action: 'validate',
      selection: compare,
    })
  })

  test.each([
    ['validate', 'refs/heads/main', 'validate'],
    ['submit', 'refs/heads/main', 'submit'],
    ['validate', 'refs/heads/feature', 'validate'],
    ['submit', 'refs/heads/feature', 'validate'],
  ] as const)('mode %s on %s → %s', (mode, ref, action) => {
    expect(decideFlow(mode, 'push', push({ ref }))).toMatchObject({ action, selection: compare })
  })

  test.each(MODES)('a deleted branch does nothing, whatever the mode (%s)', (mode) => {
    expect(decideFlow(mode, 'push', push({ deleted: true, after: ZERO }))).toEqual({
      action: 'nothing',
      reason: 'The branch was deleted; there is nothing to do.',
    })
  })

  const created = 'The branch was just created, so there is no earlier commit to compare with.'
  test.each([
    ['a created branch', { created: true }],
    ['a zero before sha', { before: ZERO }],
    ['a short zero before sha', { before: '0000000' }],
    ['no before sha', { before: undefined }],
    ['an empty before sha', { before: '' }],
    ['no after sha', { after: undefined }],
    ['a created branch that was also forced', { created: true, forced: true }],
  ])('%s: every manifest, since there is nothing to compare', (_, over) => {
    expect(decideFlow('auto', 'push', push(over))).toEqual({
      action: 'submit',
      selection: { kind: 'all', reason: created },
    })
  })

  test('a forced push: every manifest, since before may not be an ancestor of after', () => {
    expect(decideFlow('auto', 'push', push({ forced: true }))).toEqual({
      action: 'submit',
      selection: {
        kind: 'all',
        reason: 'This was a forced push, so the earlier commit may not be an ancestor.',
      },
    })
  })

  test('a forced push to another branch only validates, still every manifest', () => {
    const flow = decideFlow('auto', 'push', push({ forced: true, ref: 'refs/heads/x' }))
    expect(flow).toMatchObject({ action: 'validate', selection: { kind: 'all' } })
  })

  test('a sha that merely contains zeros is compared normally', () => {
    const before = `0${sha('1').slice(1)}`
    expect(decideFlow('auto', 'push', push({ before }))).toEqual({
      action: 'submit',
      selection: { kind: 'compare', base: before, head: sha('a') },
    })
  })
})

describe('workflow_dispatch: a full reconcile', () => {
  const onMain = { ref: 'refs/heads/main', repository: { default_branch: 'main' } }
  const onBranch = { ref: 'refs/heads/try-pins', repository: { default_branch: 'main' } }
  const submits = { kind: 'all', reason: 'A manual run reconciles every manifest.' }
  const checks = {
    kind: 'all',
    reason:
      'A manual run checks every manifest (with mode: auto it submits only on the default branch).',
  }

  test.each([
    ['auto', onMain, 'submit', submits],
    ['submit', onMain, 'submit', submits],
    ['validate', onMain, 'validate', checks],
    // Another branch's manifests are unmerged: auto only checks them there.
    ['auto', onBranch, 'validate', checks],
    ['auto', {}, 'validate', checks],
    ['submit', onBranch, 'validate', submits],
  ] as const)('mode %s on %j → %s every manifest', (mode, payload, action, selection) => {
    expect(decideFlow(mode, 'workflow_dispatch', payload)).toMatchObject({ action, selection })
  })
})

describe('other events', () => {
  test.each(['release', 'issue_comment', 'repository_dispatch', ''])(
    '"%s" with mode auto is an error naming the event and the supported ones',
    (event) => {
      const decide = () => decideFlow('auto', event, {})
      expect(decide).toThrow(UnsupportedEventError)
      expect(decide).toThrow(`The event "${event}" is not supported with mode: auto.`)
      expect(decide).toThrow(/pull_request, merge_group, push, workflow_dispatch or schedule/)
      expect(decide).toThrow(/mode: validate, plan or submit/)
    },
  )

  test.each(['auto', 'plan'] as const)(
    'schedule with mode %s plans every manifest: a drift report',
    (mode) => {
      expect(decideFlow(mode, 'schedule', {})).toEqual({
        action: 'plan',
        selection: {
          kind: 'all',
          reason: 'A scheduled run plans every manifest against what is live: a drift report.',
        },
      })
    },
  )

  test.each([
    ['validate', 'release'],
    ['plan', 'release'],
  ] as const)('an explicit mode %s on %s processes every manifest', (mode, event) => {
    expect(decideFlow(mode, event, {})).toEqual({
      action: mode,
      selection: { kind: 'all', reason: `The ${event} event lists no changes.` },
    })
  })
})

describe('only a push to the default branch and a manual run there write', () => {
  const main = { ref: 'refs/heads/main', repository: { default_branch: 'main' } }
  test.each([
    ['push', main],
    ['workflow_dispatch', main],
  ])('%s on the default branch submits with no note', (event, payload) => {
    const flow = decideFlow('submit', event, { ...push(), ...payload })
    expect(flow).toMatchObject({ action: 'submit' })
    expect(flow).not.toHaveProperty('note')
  })

  test.each([
    ['pull_request', pullRequest],
    ['merge_group', {}],
    ['push', push({ ref: 'refs/tags/v1' })],
    ['workflow_dispatch', { ref: 'refs/heads/x', repository: { default_branch: 'main' } }],
    ['schedule', {}],
    ['workflow_run', {}],
    ['issue_comment', {}],
    ['release', {}],
  ] as const)(
    'mode submit on %s plans instead with the credentials, validates without, and says why',
    (event, payload) => {
      const note = `Nothing is written to Luigi's Box on this ${event} event`
      const withKey = decideFlow('submit', event, payload, true)
      expect(withKey).toMatchObject({ action: 'plan', note: expect.stringContaining(note) })
      const without = decideFlow('submit', event, payload, false)
      expect(without).toMatchObject({ action: 'validate', note: expect.stringContaining(note) })
    },
  )
})
