import type { Mode } from '../inputs.js'

/** The parts of a webhook payload the Action reads. */
export interface EventPayload {
  number?: number
  pull_request?: { changed_files?: number; head?: { sha?: string }; base?: { sha?: string } }
  merge_group?: { base_sha?: string; head_sha?: string }
  before?: string
  after?: string
  created?: boolean
  deleted?: boolean
  forced?: boolean
  ref?: string
  repository?: { default_branch?: string }
}

/** Which manifests a run looks at. */
export type Selection =
  | { kind: 'pull-request'; number: number; changedFiles?: number; headSha?: string }
  | { kind: 'compare'; base: string; head: string }
  | { kind: 'all'; reason: string }

export type Flow =
  | {
      action: 'validate' | 'plan' | 'submit'
      selection: Selection
      /** Why the run does less than `mode` asked, for the log. */
      note?: string
    }
  | { action: 'nothing'; reason: string }

export class UnsupportedEventError extends Error {}

const ZERO_SHA = /^0+$/

/**
 * Decide what this run does from the event and the `mode` input (the README's table of events).
 * Pure, so every branch is tested without a runner. Never uses the credentials on
 * `pull_request_target`: that event runs with secrets on a fork's untrusted manifests.
 * `canPlan`: the credentials a plan needs are set (fork pull requests get none). Whatever `mode`
 * says, only a push to the default branch and a manual run there write: any other event runs
 * code or manifests that were not merged (a fork's pull request, a comment, another workflow).
 */
export function decideFlow(
  mode: Mode,
  eventName: string,
  payload: EventPayload,
  canPlan = false,
): Flow {
  const flow = requestedFlow(mode, eventName, payload, canPlan)
  if (flow.action !== 'submit' || writesAllowed(eventName, payload)) return flow
  return {
    action: canPlan ? 'plan' : 'validate',
    selection: flow.selection,
    note: `Nothing is written to Luigi's Box on this ${eventName} event: only a push to the default branch and a workflow_dispatch run on it write, whatever mode says. ${canPlan ? 'The run plans instead.' : 'Only validation runs.'}`,
  }
}

/** The events whose manifests are merged ones, on the default branch. */
export function writesAllowed(eventName: string, payload: EventPayload): boolean {
  return (eventName === 'push' || eventName === 'workflow_dispatch') && onDefaultBranch(payload)
}

function requestedFlow(
  mode: Mode,
  eventName: string,
  payload: EventPayload,
  canPlan: boolean,
): Flow {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      if (eventName === 'pull_request_target' && (mode === 'submit' || mode === 'plan')) {
        throw new UnsupportedEventError(
          `Refusing mode: ${mode} on pull_request_target: it runs with secrets on unmerged, possibly untrusted manifests. Plan on pull_request and submit on push to the default branch instead.`,
        )
      }
      const selection = pullRequestSelection(payload)
      const auto = eventName === 'pull_request' && canPlan ? 'plan' : 'validate'
      return { action: mode === 'auto' ? auto : mode, selection }
    }
    case 'merge_group': {
      const base = payload.merge_group?.base_sha
      const head = payload.merge_group?.head_sha
      const selection: Selection =
        base && head
          ? { kind: 'compare', base, head }
          : { kind: 'all', reason: 'The merge_group event names no commits to compare.' }
      return { action: mode === 'auto' ? (canPlan ? 'plan' : 'validate') : mode, selection }
    }
    case 'push': {
      if (payload.deleted) {
        return { action: 'nothing', reason: 'The branch was deleted; there is nothing to do.' }
      }
      const action = mode === 'auto' ? (onDefaultBranch(payload) ? 'submit' : 'validate') : mode
      return { action, selection: pushSelection(payload) }
    }
    case 'workflow_dispatch': {
      // A manual run on another branch must not send that branch's unmerged manifests.
      const action = mode === 'auto' ? (onDefaultBranch(payload) ? 'submit' : 'validate') : mode
      const reason =
        action === 'submit'
          ? 'A manual run reconciles every manifest.'
          : 'A manual run checks every manifest (with mode: auto it submits only on the default branch).'
      return { action, selection: { kind: 'all', reason } }
    }
    case 'schedule':
      return {
        action: mode === 'auto' ? 'plan' : mode,
        selection: {
          kind: 'all',
          reason: 'A scheduled run plans every manifest against what is live: a drift report.',
        },
      }
    default:
      if (mode === 'auto') {
        throw new UnsupportedEventError(
          `The event "${eventName}" is not supported with mode: auto. Run on pull_request, merge_group, push, workflow_dispatch or schedule, or set mode: validate, plan or submit to process every manifest.`,
        )
      }
      return {
        action: mode,
        selection: { kind: 'all', reason: `The ${eventName} event lists no changes.` },
      }
  }
}

/** For the debug log: what the event and mode made of this run, and why. */
export function describeFlow(eventName: string, mode: Mode, flow: Flow): string {
  const chose = `Event ${eventName} with mode ${mode}: ${flow.action}`
  if (flow.action === 'nothing') return `${chose} (${flow.reason})`
  const { selection } = flow
  if (selection.kind === 'pull-request')
    return `${chose} the files pull request #${selection.number} changed`
  if (selection.kind === 'compare')
    return `${chose} the files changed from ${selection.base} to ${selection.head}`
  return `${chose} every manifest (${selection.reason})`
}

export function onDefaultBranch(payload: EventPayload): boolean {
  const branch = payload.repository?.default_branch
  return branch !== undefined && payload.ref === `refs/heads/${branch}`
}

function pullRequestSelection(payload: EventPayload): Selection {
  if (typeof payload.number !== 'number') {
    throw new UnsupportedEventError('The pull_request event payload has no pull request number.')
  }
  return {
    kind: 'pull-request',
    number: payload.number,
    changedFiles: payload.pull_request?.changed_files,
    headSha: payload.pull_request?.head?.sha,
  }
}

/** A push lists its changes by comparing before...after, unless that comparison cannot be trusted. */
function pushSelection(payload: EventPayload): Selection {
  const { before, after } = payload
  if (payload.created || !before || ZERO_SHA.test(before) || !after) {
    return {
      kind: 'all',
      reason: 'The branch was just created, so there is no earlier commit to compare with.',
    }
  }
  if (payload.forced) {
    return {
      kind: 'all',
      reason: 'This was a forced push, so the earlier commit may not be an ancestor.',
    }
  }
  return { kind: 'compare', base: before, head: after }
}

/** Why a pull request's plan was not made, when mode auto would have made one with credentials. */
export function planSkippedReason(
  mode: Mode,
  eventName: string,
  action: string,
  canPlan: boolean,
): string | undefined {
  if (mode !== 'auto' || canPlan || action !== 'validate') return undefined
  if (eventName !== 'pull_request' && eventName !== 'merge_group') return undefined
  return "The plan against Luigi's Box was skipped: tracker-id and private-key are not set (pull requests from forks get no secrets). Only validation ran."
}
