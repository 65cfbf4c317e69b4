// The shop, the pull request and the merge the demo plays through.
import { join } from 'node:path'
import type { StandInOptions } from '../github-standin/options.js'
import { fakeSha } from '../shared/fake-sha.js'
import { REPO_ROOT } from '../shared/repo-paths.js'

export const EXAMPLES = join(REPO_ROOT, 'examples')
export const MISTAKES = join(EXAMPLES, 'mistakes', 'new-arrivals.yml')
export const NEW_FILE = 'luigisbox/home/new-arrivals.yml'
export const EDITED_FILE = 'luigisbox/basket/amplifiers.json'
export const OWNER = 'acme'
export const REPO = 'guitar-shop'
export const PR_NUMBER = 42
export const PR_HEAD = fakeSha('demo: pull request head')
export const MAIN_BEFORE = fakeSha('demo: main before the merge')
export const MAIN_AFTER = fakeSha('demo: main after the merge')
export const TRACKER_ID = '4242-1337'
export const PRIVATE_KEY = 'demo-private-key-not-a-secret'
export const RUN_TIMEOUT_MS = 30_000

/** What the GitHub API stand-in serves: the pull request's files, and the merge's compare. */
export function githubFixtures(manifests: string[]): StandInOptions {
  return {
    pulls: {
      [`${OWNER}/${REPO}#${PR_NUMBER}`]: {
        headSha: PR_HEAD,
        files: [
          { filename: NEW_FILE, status: 'added' },
          { filename: EDITED_FILE, status: 'modified' },
        ],
      },
    },
    compares: {
      [`${OWNER}/${REPO} ${MAIN_BEFORE}...${MAIN_AFTER}`]: {
        files: manifests.map((filename) => ({ filename })),
      },
    },
  }
}
