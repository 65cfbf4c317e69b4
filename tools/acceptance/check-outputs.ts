// `npx tsx tools/acceptance/check-outputs.ts`: the last step of the acceptance workflow. Reads
// the outputs of its earlier steps from the environment (never from `${{ }}` inside a script,
// where a hostile value would be code) and fails the job, with one annotation per broken promise,
// unless: the examples validated clean, the first submit created every document and the re-run
// wrote nothing.
import { customizationRows } from '../runner/customizations.js'
import { isEntryPoint } from '../shared/entry-point.js'

/** What the acceptance job's steps reported, as the workflow passes it in. */
export interface AcceptanceOutputs {
  PROBLEMS?: string
  CREATED?: string
  CHANGES?: string
  AGAIN?: string
  AGAIN_CHANGES?: string
}

/** Every promise the outputs break, in words; empty when the run did what the README says. */
export function brokenPromises(env: AcceptanceOutputs): string[] {
  const broken: string[] = []
  if (env.PROBLEMS !== '0')
    broken.push(`validation found ${env.PROBLEMS ?? 'no'} problem(s), not 0`)
  const created = customizationRows({ outputs: { customizations: env.CREATED } })
  const again = customizationRows({ outputs: { customizations: env.AGAIN } })
  if (!created || created.length === 0) {
    broken.push('the first submit reported no customizations')
  } else {
    const notCreated = created.filter((row) => row.action !== 'created' || !row.id)
    if (notCreated.length > 0) {
      broken.push(
        `the first submit did not create ${notCreated.map((r) => `${r.file}#${r.document} (${r.action})`).join(', ')}`,
      )
    }
    if (env.CHANGES !== String(created.length)) {
      broken.push(`the first submit counted ${env.CHANGES} change(s) for ${created.length} rows`)
    }
  }
  if (!again || again.length !== created?.length) {
    broken.push('the re-run did not report the same documents')
  } else {
    const changed = again.filter((row) => row.action !== 'unchanged')
    if (changed.length > 0 || env.AGAIN_CHANGES !== '0') {
      broken.push(
        `the re-run wrote ${env.AGAIN_CHANGES} change(s): ${changed.map((r) => `${r.file}#${r.document} ${r.action}`).join(', ')}`,
      )
    }
    const idOf = new Map(created.map((row) => [`${row.file}#${row.document}`, row.id]))
    const moved = again.filter((row) => row.id !== idOf.get(`${row.file}#${row.document}`))
    if (moved.length > 0) broken.push(`the re-run changed the ids of ${moved.length} row(s)`)
  }
  return broken
}

if (isEntryPoint(import.meta.url)) {
  const broken = brokenPromises(process.env)
  // File names come from the outputs: escaped so that none can start a workflow command.
  const escape = (text: string) =>
    text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
  for (const promise of broken)
    process.stdout.write(`::error title=Acceptance::${escape(promise)}\n`)
  if (broken.length > 0) process.exit(1)
  process.stdout.write(
    'Acceptance: examples valid, every document created once, re-run wrote nothing.\n',
  )
}
