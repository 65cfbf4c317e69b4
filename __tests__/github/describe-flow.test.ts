import { decideFlow, describeFlow } from '../../src/github/event.js'

const main = { ref: 'refs/heads/main', repository: { default_branch: 'main' } }

test('the debug line names the event, the mode, the action and which files, with the reason', () => {
  const describe = (eventName: string, payload: object, mode: 'auto' | 'validate' = 'auto') =>
    describeFlow(eventName, mode, decideFlow(mode, eventName, payload))
  expect(describe('push', { ...main, before: 'a1', after: 'b2' })).toBe(
    'Event push with mode auto: submit the files changed from a1 to b2',
  )
  expect(describe('push', { ...main, deleted: true })).toBe(
    'Event push with mode auto: nothing (The branch was deleted; there is nothing to do.)',
  )
  expect(
    describe('workflow_dispatch', { ref: 'refs/heads/topic', repository: main.repository }),
  ).toBe(
    'Event workflow_dispatch with mode auto: validate every manifest (A manual run checks every manifest (with mode: auto it submits only on the default branch).)',
  )
  expect(describe('release', {}, 'validate')).toBe(
    'Event release with mode validate: validate every manifest (The release event lists no changes.)',
  )
})
