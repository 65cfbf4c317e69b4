// `npm run demo`: the whole story in a few seconds, with nothing to set up. It runs the BUILT
// Action (dist/index.js) the way GitHub's runner does (tools/runner/) on the bundled
// examples/, against a local GitHub API stand-in and a Luigi's Box sandbox that verifies every
// signature, in three acts:
//   1. Pull request: a new manifest with mistakes is annotated on its lines; the step fails.
//   2. Merge: the fixed manifests are signed and submitted; the summary lists the created ids.
//   3. Re-run: the same merge again changes nothing and writes nothing.
// Exit 0 when every act behaved as expected, 1 otherwise (saying what differed).
import { existsSync } from 'node:fs'
import { type GitHubApiStandIn, startGitHubApi } from '../github-standin/server.js'
import { cleanupWorkspaces, makeWorkspace } from '../runner/workspaces.js'
import { ALL_REWRITES } from '../sandbox/rewrites.js'
import { startSandbox } from '../sandbox/server.js'
import { errorMessage, isEntryPoint } from '../shared/entry-point.js'
import { DIST_ENTRY } from '../shared/repo-paths.js'
import { mergeAct, pullRequestAct, rerunAct } from './acts.js'
import { readTree } from './read-tree.js'
import { EXAMPLES, PRIVATE_KEY, TRACKER_ID, githubFixtures } from './scenario.js'
import { bold, dim, green, heading, red, say } from './terminal.js'

let interrupted = false

class Interrupted extends Error {}

function stopIfInterrupted(): void {
  if (interrupted) throw new Interrupted('interrupted')
}

/** Resolves to the exit code. */
async function main(): Promise<number> {
  say(bold("Luigi's Box pins · demo"))
  if (!existsSync(DIST_ENTRY)) {
    say()
    say(red(`${DIST_ENTRY} is missing: the demo runs the built Action.`))
    say(`Build it with ${bold('npm run bundle')}, then run ${bold('npm run demo')} again.`)
    return 1
  }
  const examples = await readTree(EXAMPLES)
  const manifests = Object.keys(examples)
    .filter((file) => /^luigisbox\/.+\.(ya?ml|json)$/.test(file))
    .sort()
  // Rewriting what it stores, as a real server may (reference §7): the re-run still writes nothing.
  const sandbox = await startSandbox({
    trackerId: TRACKER_ID,
    privateKey: PRIVATE_KEY,
    rewrites: ALL_REWRITES,
  })
  let github: GitHubApiStandIn | undefined
  const started = Date.now()
  try {
    github = await startGitHubApi(githubFixtures(manifests))
    say(`Runs ${bold('dist/index.js')} as GitHub's runner would, on a copy of examples/,`)
    say('against local stand-ins:')
    say(`  GitHub API    ${github.url}`)
    say(
      `  Luigi's Box   ${sandbox.url}  (sandbox; tracker ${TRACKER_ID}, checks every signature, rewrites what it stores)`,
    )

    const stage = { github, sandbox, examples, manifests }
    const acts: [string, string[]][] = []
    acts.push(['Pull request', await pullRequestAct(stage)])
    stopIfInterrupted()
    const workspace = await makeWorkspace(examples)
    const merged = await mergeAct(stage, workspace)
    acts.push(['Merge', merged.differences])
    stopIfInterrupted()
    acts.push(['Re-run', await rerunAct(stage, workspace, merged.ids)])
    stopIfInterrupted()

    heading('Result')
    const failed = acts.filter(([, differences]) => differences.length > 0)
    for (const [name, differences] of acts) {
      say(`${differences.length === 0 ? green('✓') : red('✗')} ${name}`)
      for (const difference of differences) say(`    ${red(difference)}`)
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    say()
    say(
      failed.length === 0
        ? green(`All three acts behaved as expected (${seconds} s).`)
        : red(`${failed.length} of 3 acts did not behave as expected (${seconds} s).`),
    )
    return failed.length === 0 ? 0 : 1
  } finally {
    await Promise.all([github?.close(), sandbox.close(), cleanupWorkspaces()])
  }
}

if (isEntryPoint(import.meta.url)) {
  // Ctrl-C: let the run in progress end (a terminal interrupts the bundle too), then stop and
  // remove the temp directories on the way out; a second Ctrl-C leaves at once.
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130)
    interrupted = true
    say(dim('\nInterrupted: cleaning up after the current run (Ctrl-C again to quit at once).'))
  })
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (error instanceof Interrupted) {
        process.exitCode = 130
        return
      }
      say()
      say(red(`The demo could not run: ${errorMessage(error)}`))
      process.exitCode = 1
    },
  )
}
