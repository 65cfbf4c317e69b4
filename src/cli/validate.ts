import type { Problem } from '../manifest/problems.js'
import { countBySeverity } from '../manifest/problems.js'
import { checkFiles } from '../workspace/check-files.js'
import { UsageError, type Format } from './args.js'
import { writeProblems, type Output } from './formats/problems.js'
import { selectManifests, type Selection } from './paths.js'
import { EXIT } from './usage.js'

/** `validate`: the Action's checks on the paths given, in the format asked for. */
export async function validate(
  command: { paths: string[]; format: Format },
  cwd: string,
  output: Output,
  workerEntry?: URL,
): Promise<number> {
  const selection = await selectManifests(command.paths, cwd)
  // Only the problems are shown: the documents' data is not kept.
  const { problems, missing } = await checkFiles(
    selection.root,
    selection.files,
    new Date(),
    workerEntry,
    { values: false },
  )
  // A broken symbolic link, or a file deleted while checking: never silently skipped.
  if (missing.length > 0) {
    throw new UsageError(`No such file: ${missing.map(selection.display).join(', ')}`)
  }
  const shown = displayed(problems, selection)
  await writeProblems(shown, selection.files.length, command.format, output)
  return countBySeverity(shown).error > 0 ? EXIT.problems : EXIT.ok
}

/** Problems with their files as the user named them, relative to the current directory. */
export function displayed(problems: readonly Problem[], selection: Selection): Problem[] {
  return problems.map((problem) => ({ ...problem, file: selection.display(problem.file) }))
}
