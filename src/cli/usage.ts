import packageJson from '../../package.json' with { type: 'json' }
import { DEFAULT_MANIFEST_GLOBS } from '../workspace/discover.js'

export const VERSION: string = packageJson.version

/** Exit statuses, the same for every command (the README and `--help` list them). */
export const EXIT = {
  /** No errors; for plan: git and Luigi's Box agree. */
  ok: 0,
  /** Errors in the manifests, or customizations that failed, or the API refused the run. */
  problems: 1,
  /** A usage error: an unknown option, a path that matches nothing, missing credentials. */
  usage: 2,
  /** plan only: no errors, and applying would write (like `terraform plan -detailed-exitcode`). */
  changesPending: 3,
} as const

export const USAGE = `Usage: luigisbox-pins <command> [options]

  validate [paths...] [--format text|json|github|sarif]
      Check manifests: files, directories (the .yml, .yaml and .json files below them, in any
      case, skipping node_modules, .git and hidden directories) or globs, relative or absolute.
      Default: ${DEFAULT_MANIFEST_GLOBS.join(' ')} in the current directory.
  plan [paths...] [--prune] [--format text|json] [--ownership-tag TAG]
      Show what apply would write, with the Action's diff; nothing is written.
  apply [paths...] [--prune] [--format text|json] [--ownership-tag TAG]
      Make Luigi's Box match the manifests, as the Action does on a merge. With --prune, also
      delete the managed customizations that none of the manifests named declares; so
      apply --prune takes only directories and globs, never single files.
  export [--out DIR] [--model M]... [--force] [--ownership-tag TAG]
      Write each live customization as a manifest, DIR/<model>/<name>.yml (DIR default
      luigisbox); --model (repeatable) limits it to those models; --force overwrites files.
  schema     Print the JSON Schema of a manifest document.
  rules      Print the reference of every problem code, as Markdown.
  --version  Print the version.  --help  Print this.

plan, apply and export read LUIGISBOX_TRACKER_ID, LUIGISBOX_PRIVATE_KEY and LUIGISBOX_API_URL
(default https://live.luigisbox.com) from the environment.

Exit status: ${EXIT.ok} no errors (plan: no changes pending); ${EXIT.problems} errors in the manifests, failed
customizations or an API failure; ${EXIT.usage} usage error (unknown option, a path or glob that matches
nothing, missing credentials, export onto existing files without --force); ${EXIT.changesPending} plan only: no
errors, changes pending.`
