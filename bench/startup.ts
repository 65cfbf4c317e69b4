import path from 'node:path'
import { startGitHubApi } from '../tools/github-standin/server.js'
import { pullRequestEvent } from '../tools/runner/event-payloads.js'
import { runAction } from '../tools/runner/run-action.js'
import { makeWorkspace, removeWorkspace } from '../tools/runner/workspaces.js'
import { fakeSha } from '../tools/shared/fake-sha.js'
import { manifestText } from './generate.js'
import { log, median } from './measure.js'
import { STARTUP_RUNS } from './settings.js'

export interface StartupResult {
  actionMs: number
  emptyMs: number
  ratio: number
}

/** The Action on a one-file pull request against node running an empty script. */
export async function startupBenchmark(): Promise<StartupResult> {
  log('Start-up: the Action validating one changed manifest vs node -e ""…')
  const api = await startGitHubApi({ pulls: { 'owner/repo#1': [{ filename: 'luigisbox/a.yml' }] } })
  const workspace = await makeWorkspace({
    'luigisbox/a.yml': manifestText(1, false),
    'empty.js': '',
  })
  try {
    const event = pullRequestEvent({
      number: 1,
      headSha: fakeSha('head'),
      baseSha: fakeSha('base'),
      changedFiles: 1,
    })
    const once = async (entry: string | undefined) => {
      const started = performance.now()
      const result = await runAction({
        eventName: 'pull_request',
        event,
        apiUrl: api.url,
        workspace,
        entry,
      })
      if (entry === undefined && result.exitCode !== 0)
        throw new Error(`the Action failed:\n${result.stdout}`)
      return performance.now() - started
    }
    const action = []
    const empty = []
    for (let i = 0; i < STARTUP_RUNS; i++) {
      action.push(await once(undefined))
      empty.push(await once(path.join(workspace, 'empty.js')))
    }
    const actionMs = median(action)
    const emptyMs = median(empty)
    return { actionMs, emptyMs, ratio: actionMs / emptyMs }
  } finally {
    await api.close()
    await removeWorkspace(workspace)
  }
}
