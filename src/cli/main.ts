import { errorMessage } from '../error-message.js'
import { InputError } from '../input-error.js'
import { redact } from '../redact.js'
import { logLine } from '../report/progress.js'
import { serveCheckWorker } from '../workspace/check-files.js'
import { parseCommand, UsageError } from './args.js'
import { credentialHint } from './credentials.js'
import type { Output } from './formats/problems.js'
import { EXIT, USAGE, VERSION } from './usage.js'

/**
 * The command line: the Action's checks, plan and apply for laptops, editors, pre-commit hooks
 * and other CI, and export for adopting what is live. Returns the exit status.
 */
export async function main(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  entry: URL,
): Promise<number> {
  // Nothing written may show the key, whatever a server or an error message echoes.
  const key = (env.LUIGISBOX_PRIVATE_KEY ?? '').trim()
  const output: Output = {
    out: (text) => process.stdout.write(redact(text, key)),
    err: (text) => process.stderr.write(redact(text, key)),
  }
  try {
    const command = parseCommand(argv)
    // Each command loads only what it runs: a pre-commit hook's `validate` starts without the
    // API client, the HTTP stack or the JSON Schema generator (the bundle keeps them in chunks).
    switch (command.name) {
      case 'help':
        output.out(`${USAGE}\n`)
        return EXIT.ok
      case 'version':
        output.out(`${VERSION}\n`)
        return EXIT.ok
      case 'schema': {
        const { customizationJsonSchema } = await import('../manifest/schema.js')
        output.out(`${JSON.stringify(customizationJsonSchema(), null, 2)}\n`)
        return EXIT.ok
      }
      case 'rules': {
        const { rulesMarkdown } = await import('../manifest/codes.js')
        output.out(rulesMarkdown())
        return EXIT.ok
      }
      case 'validate': {
        const { validate } = await import('./validate.js')
        return await validate(command, cwd, output, entry)
      }
      case 'plan':
      case 'apply': {
        const { planOrApply } = await import('./plan-apply.js')
        return await planOrApply(command, cwd, env, output, entry)
      }
      case 'export': {
        const { exportCommand } = await import('./export.js')
        return await exportCommand(command, cwd, env, output)
      }
    }
  } catch (error) {
    output.err(`${logLine(errorMessage(error))}\n${credentialHint(error)}`)
    if (error instanceof UsageError || error instanceof InputError) {
      output.err(`Run luigisbox-pins --help for the usage.\n`)
      return EXIT.usage
    }
    return EXIT.problems
  }
}

/** Runs as the command line, or as one of its check workers, which start from the same `entry`. */
export async function start(entry: URL): Promise<void> {
  if (!(await serveCheckWorker())) {
    process.exitCode = await main(process.argv.slice(2), process.cwd(), process.env, entry)
  }
}
