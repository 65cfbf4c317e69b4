// `npx tsx tools/docs/job-summaries.ts`: the README's pictures of a job summary, made by running
// the built Action (tools/runner) on the demo's shop: the pull request with mistakes, and the
// merge against the sandbox. Writes each summary as GitHub renders it into docs/job-summary/
// (.html), and with Chromium installed also a screenshot (.png) for the README.
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readTree } from '../demo/read-tree.js'
import {
  EXAMPLES,
  MAIN_AFTER,
  MAIN_BEFORE,
  MISTAKES,
  NEW_FILE,
  OWNER,
  PRIVATE_KEY,
  PR_HEAD,
  PR_NUMBER,
  REPO,
  TRACKER_ID,
  githubFixtures,
} from '../demo/scenario.js'
import { startGitHubApi } from '../github-standin/server.js'
import { pullRequestEvent, pushEvent } from '../runner/event-payloads.js'
import { runAction } from '../runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../runner/workspaces.js'
import { startSandbox } from '../sandbox/server.js'
import { errorMessage, isEntryPoint } from '../shared/entry-point.js'
import { REPO_ROOT } from '../shared/repo-paths.js'

export const SUMMARY_DIR = join(REPO_ROOT, 'docs', 'job-summary')

// Close to how github.com shows a step summary: its fonts, borders and widths.
const PAGE_STYLE = `body{margin:0;padding:16px 24px;width:840px;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;background:#fff}
h1,h2,h3{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}h2{font-size:1.5em}h3{font-size:1.25em}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d1d9e0;padding:6px 13px;text-align:left}
th{font-weight:600}tr:nth-child(2n){background:#f6f8fa}code{background:#eff1f3;border-radius:6px;padding:.2em .4em;font-size:85%}
a{color:#0969da;text-decoration:none}details{margin:8px 0}summary{cursor:pointer}`

/** A summary as a page of its own, titled with what run made it. */
export function summaryPage(title: string, summary: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
${summary}
</body>
</html>
`
}

/** The two runs: a pull request that adds a manifest with mistakes, then the merge. */
async function summaries(): Promise<Record<string, { title: string; summary: string }>> {
  const examples = await readTree(EXAMPLES)
  const manifests = Object.keys(examples)
    .filter((file) => /^luigisbox\/.+\.(ya?ml|json)$/.test(file))
    .sort()
  const sandbox = await startSandbox({ trackerId: TRACKER_ID, privateKey: PRIVATE_KEY })
  const github = await startGitHubApi(githubFixtures(manifests))
  try {
    const pullRequest = await runAction({
      eventName: 'pull_request',
      event: pullRequestEvent({
        owner: OWNER,
        repo: REPO,
        number: PR_NUMBER,
        headSha: PR_HEAD,
        baseSha: MAIN_BEFORE,
        changedFiles: 2,
      }),
      apiUrl: github.url,
      workspace: await makeWorkspace({ ...examples, [NEW_FILE]: await readFile(MISTAKES) }),
    })
    const merge = await runAction({
      eventName: 'push',
      event: pushEvent({ owner: OWNER, repo: REPO, before: MAIN_BEFORE, after: MAIN_AFTER }),
      apiUrl: github.url,
      workspace: await makeWorkspace(examples),
      inputs: { 'tracker-id': TRACKER_ID, 'private-key': PRIVATE_KEY, 'api-url': sandbox.url },
    })
    if (pullRequest.exitCode !== 1 || merge.exitCode !== 0) {
      throw new Error(
        `unexpected runs: pull request exit ${pullRequest.exitCode}, merge exit ${merge.exitCode}`,
      )
    }
    return {
      'pull-request': { title: 'A pull request with mistakes', summary: pullRequest.summary },
      merge: { title: 'The merge', summary: merge.summary },
    }
  } finally {
    await Promise.all([github.close(), sandbox.close(), cleanupWorkspaces()])
  }
}

/**
 * Chromium's screenshot of a page, as tall as its content: a first pass dumps the DOM, where a
 * script in the page has written its height.
 */
function screenshot(chromium: string, html: string, png: string): void {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars']
  const url = pathToFileURL(html).href
  const dom = execFileSync(
    chromium,
    [...flags, '--window-size=888,600', '--virtual-time-budget=2000', '--dump-dom', url],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  )
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1] ?? 1200)
  execFileSync(chromium, [...flags, `--window-size=888,${height}`, `--screenshot=${png}`, url], {
    stdio: 'ignore',
  })
}

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim()
    } catch {
      // Not this one.
    }
  }
  return undefined
}

async function main(): Promise<void> {
  await mkdir(SUMMARY_DIR, { recursive: true })
  await writeFile(join(SUMMARY_DIR, 'style.css'), `${PAGE_STYLE}\n`)
  const chromium = findChromium()
  for (const [name, { title, summary }] of Object.entries(await summaries())) {
    const html = join(SUMMARY_DIR, `${name}.html`)
    await writeFile(html, summaryPage(title, summary))
    if (chromium) {
      // The committed page stays script-free; this copy measures itself for the screenshot.
      const probe = join(SUMMARY_DIR, `.${name}.measure.html`)
      await writeFile(
        probe,
        summaryPage(title, summary).replace(
          '</body>',
          '<script>document.body.dataset.height=document.documentElement.scrollHeight</script></body>',
        ),
      )
      screenshot(chromium, probe, join(SUMMARY_DIR, `${name}.png`))
      await rm(probe)
    }
    process.stdout.write(`${html}${chromium ? ' and .png' : ''}\n`)
  }
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`job-summaries: ${errorMessage(error)}\n`)
    process.exit(1)
  })
}
