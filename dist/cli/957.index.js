export const id = 957;
export const ids = [957];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RM: () => (/* binding */ parseCommand),
/* harmony export */   eb: () => (/* binding */ UsageError)
/* harmony export */ });
/* unused harmony exports FORMATS, DEFAULT_EXPORT_DIR */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6587);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);



const FORMATS = ['text', 'json', 'github', 'sarif'];
/** A mistake in how the command line was written: exit status 2. */
class UsageError extends Error {
    name = 'UsageError';
}
const OPTIONS = {
    format: { type: 'string' },
    prune: { type: 'boolean' },
    'ownership-tag': { type: 'string' },
    out: { type: 'string' },
    model: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
};
/** Which options each command takes; anything else is a usage error, not silently ignored. */
const ALLOWED = {
    validate: ['format'],
    plan: ['format', 'prune', 'ownership-tag'],
    apply: ['format', 'prune', 'ownership-tag'],
    export: ['out', 'model', 'force', 'ownership-tag'],
    schema: [],
    rules: [],
};
const DEFAULT_EXPORT_DIR = 'luigisbox';
/** The command line → one command, or a UsageError that says what is wrong. */
function parseCommand(argv) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...argv], allowPositionals: true, options: OPTIONS });
    }
    catch (error) {
        throw new UsageError((0,_error_message_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error));
    }
    const { values, positionals } = parsed;
    if (values.help)
        return { name: 'help' };
    if (values.version)
        return { name: 'version' };
    const [name, ...paths] = positionals;
    if (name === undefined)
        throw new UsageError('No command given.');
    const allowed = ALLOWED[name];
    if (allowed === undefined)
        throw new UsageError(`Unknown command "${name}".`);
    const given = Object.keys(values);
    const stray = given.filter((option) => !allowed.includes(option));
    if (stray.length > 0) {
        throw new UsageError(`${name} takes no ${stray.map((o) => `--${o}`).join(', ')}.`);
    }
    if (paths.length > 0 && (name === 'export' || name === 'schema' || name === 'rules')) {
        throw new UsageError(`${name} takes no paths, but was given ${paths.join(' ')}.`);
    }
    // Checked as the Action checks its input, so an empty or odd tag is refused by every command.
    const tag = values['ownership-tag'];
    const ownershipTag = tag === undefined ? undefined : (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .ownershipTag */ .IC)(tag);
    switch (name) {
        case 'validate':
            return { name, paths, format: format(values.format, FORMATS) };
        case 'plan':
        case 'apply':
            return {
                name,
                paths,
                format: format(values.format, ['text', 'json']),
                prune: values.prune ?? false,
                ...(ownershipTag === undefined ? {} : { ownershipTag }),
            };
        case 'export':
            return {
                name,
                out: values.out ?? DEFAULT_EXPORT_DIR,
                models: values.model ?? [],
                force: values.force ?? false,
                ...(ownershipTag === undefined ? {} : { ownershipTag }),
            };
        default:
            return { name: name };
    }
}
function format(value, allowed) {
    if (value === undefined)
        return allowed[0];
    if (allowed.includes(value))
        return value;
    throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}".`);
}


/***/ }),

/***/ 8228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ readCredentials),
/* harmony export */   P3: () => (/* binding */ credentialHint)
/* harmony export */ });
/* unused harmony export DEFAULT_API_URL */
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6236);
/* harmony import */ var _luigisbox_endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4767);
/* harmony import */ var _luigisbox_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3254);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);




const DEFAULT_API_URL = 'https://live.luigisbox.com';
/** The environment variables plan, apply and export read; a missing one is a usage error. */
function readCredentials(env) {
    const trackerId = (env.LUIGISBOX_TRACKER_ID ?? '').trim();
    const privateKey = (env.LUIGISBOX_PRIVATE_KEY ?? '').trim();
    const missing = [
        trackerId === '' && 'LUIGISBOX_TRACKER_ID',
        privateKey === '' && 'LUIGISBOX_PRIVATE_KEY',
    ].filter((name) => name !== false);
    if (missing.length > 0) {
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`Set ${missing.join(' and ')} in the environment: the tracker id and the private API key from the Luigi's Box app.`);
    }
    const apiUrl = (env.LUIGISBOX_API_URL ?? '').trim() || DEFAULT_API_URL;
    named(() => (0,_luigisbox_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .validateTrackerId */ .Ij)(trackerId));
    named(() => (0,_luigisbox_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .validateApiUrl */ .G1)(apiUrl));
    return { trackerId, privateKey, apiUrl };
}
const VARIABLES = {
    'tracker-id': 'LUIGISBOX_TRACKER_ID',
    'api-url': 'LUIGISBOX_API_URL',
};
/** The client's checks name the Action's inputs; here the values come from the environment. */
function named(check) {
    try {
        check();
    }
    catch (error) {
        if (!(error instanceof _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d))
            throw error;
        const variable = VARIABLES[error.input];
        if (variable === undefined)
            throw error;
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(error.message.replace(`The ${error.input} input`, variable));
    }
}
/**
 * The client names the Action's inputs when the API refuses the credentials; on the command line
 * they come from the environment, so say which variables to check.
 */
function credentialHint(error) {
    return error instanceof _luigisbox_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD && error.kind === 'auth'
        ? 'On the command line these are LUIGISBOX_TRACKER_ID, LUIGISBOX_PRIVATE_KEY and LUIGISBOX_API_URL.\n'
        : '';
}


/***/ }),

/***/ 2957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   start: () => (/* binding */ start)
/* harmony export */ });
/* unused harmony export main */
/* harmony import */ var _error_message_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6587);
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6236);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(845);
/* harmony import */ var _report_progress_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8991);
/* harmony import */ var _workspace_check_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(634);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8228);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2973);








/**
 * The command line: the Action's checks, plan and apply for laptops, editors, pre-commit hooks
 * and other CI, and export for adopting what is live. Returns the exit status.
 */
async function main(argv, cwd, env, entry) {
    // Nothing written may show the key, whatever a server or an error message echoes.
    const key = (env.LUIGISBOX_PRIVATE_KEY ?? '').trim();
    const output = {
        out: (text) => process.stdout.write((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text, key)),
        err: (text) => process.stderr.write((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text, key)),
    };
    try {
        const command = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommand */ .RM)(argv);
        // Each command loads only what it runs: a pre-commit hook's `validate` starts without the
        // API client, the HTTP stack or the JSON Schema generator (the bundle keeps them in chunks).
        switch (command.name) {
            case 'help':
                output.out(`${_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .USAGE */ .u_}\n`);
                return _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
            case 'version':
                output.out(`${_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .VERSION */ .xv}\n`);
                return _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
            case 'schema': {
                const { customizationJsonSchema } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6470));
                output.out(`${JSON.stringify(customizationJsonSchema(), null, 2)}\n`);
                return _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
            }
            case 'rules': {
                const { rulesMarkdown } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7439));
                output.out(rulesMarkdown());
                return _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
            }
            case 'validate': {
                const { validate } = await __webpack_require__.e(/* import() */ 446).then(__webpack_require__.bind(__webpack_require__, 4446));
                return await validate(command, cwd, output, entry);
            }
            case 'plan':
            case 'apply': {
                const { planOrApply } = await Promise.all(/* import() */[__webpack_require__.e(808), __webpack_require__.e(26)]).then(__webpack_require__.bind(__webpack_require__, 5026));
                return await planOrApply(command, cwd, env, output, entry);
            }
            case 'export': {
                const { exportCommand } = await Promise.all(/* import() */[__webpack_require__.e(808), __webpack_require__.e(688)]).then(__webpack_require__.bind(__webpack_require__, 9688));
                return await exportCommand(command, cwd, env, output);
            }
        }
    }
    catch (error) {
        output.err(`${(0,_report_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .logLine */ .BP)((0,_error_message_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .g)(error))}\n${(0,_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .credentialHint */ .P3)(error)}`);
        if (error instanceof _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb || error instanceof _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d) {
            output.err(`Run luigisbox-pins --help for the usage.\n`);
            return _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.usage;
        }
        return _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.problems;
    }
}
/** Runs as the command line, or as one of its check workers, which start from the same `entry`. */
async function start(entry) {
    if (!(await (0,_workspace_check_files_js__WEBPACK_IMPORTED_MODULE_2__/* .serveCheckWorker */ .O)())) {
        process.exitCode = await main(process.argv.slice(2), process.cwd(), process.env, entry);
    }
}


/***/ }),

/***/ 2973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dc: () => (/* binding */ EXIT),
  u_: () => (/* binding */ USAGE),
  xv: () => (/* binding */ VERSION)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./src/workspace/discover.ts
var discover = __webpack_require__(4714);
;// CONCATENATED MODULE: ./src/cli/usage.ts


const VERSION = package_namespaceObject.rE;
/** Exit statuses, the same for every command (the README and `--help` list them). */
const EXIT = {
    /** No errors; for plan: git and Luigi's Box agree. */
    ok: 0,
    /** Errors in the manifests, or customizations that failed, or the API refused the run. */
    problems: 1,
    /** A usage error: an unknown option, a path that matches nothing, missing credentials. */
    usage: 2,
    /** plan only: no errors, and applying would write (like `terraform plan -detailed-exitcode`). */
    changesPending: 3,
};
const USAGE = `Usage: luigisbox-pins <command> [options]

  validate [paths...] [--format text|json|github|sarif]
      Check manifests: files, directories (the .yml, .yaml and .json files below them, in any
      case, skipping node_modules, .git and hidden directories) or globs, relative or absolute.
      Default: ${discover/* DEFAULT_MANIFEST_GLOBS */.OD.join(' ')} in the current directory.
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
errors, changes pending.`;


/***/ }),

/***/ 6587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/** What a thrown value says, whether or not it is an Error. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 6236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** A problem with one of the Action's inputs; `input` is its name in action.yml. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IC: () => (/* binding */ ownershipTag),
/* harmony export */   Vg: () => (/* binding */ submitCredentials),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   b6: () => (/* binding */ DEFAULT_OWNERSHIP_TAG),
/* harmony export */   dz: () => (/* reexport safe */ _input_error_js__WEBPACK_IMPORTED_MODULE_0__.d)
/* harmony export */ });
/* unused harmony exports DEFAULT_DEADLINE_MINUTES, readPrivateKey */
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6236);
/* harmony import */ var _workspace_discover_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4714);



const DEFAULT_DEADLINE_MINUTES = 30;
/**
 * Marks what the Action manages (src/sync/ownership.ts). Kept here, with the other inputs, so
 * reading the inputs loads nothing of the sync stage.
 */
const DEFAULT_OWNERSHIP_TAG = 'luigisbox-pins';
/**
 * The private key, masked in the runner's log before any other input is read: an error about
 * another input may quote text that holds the key.
 */
function readPrivateKey(input, mask) {
    const key = input('private-key').trim();
    if (key !== '')
        mask(key);
    return key;
}
/** What submitting needs beyond validating; the API's own checks of each value are the client's. */
function submitCredentials(config) {
    const missing = [
        config.trackerId === '' && 'tracker-id',
        config.privateKey === '' && 'private-key',
    ].filter((name) => name !== false);
    if (missing.length > 0) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(missing.join(', '), `Planning and submitting need the ${missing.join(' and ')} input(s): pass your Luigi's Box tracker id and a secret holding the private API key, or set mode: validate.`);
    }
    return { apiUrl: config.apiUrl, trackerId: config.trackerId, privateKey: config.privateKey };
}
/** Action inputs → a typed config; every mistake names the input and what to write instead. */
function readConfig(input) {
    const manifests = (0,_workspace_discover_js__WEBPACK_IMPORTED_MODULE_1__/* .parseGlobs */ .nS)(input('manifests') || _workspace_discover_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_MANIFEST_GLOBS */ .OD.join('\n'));
    if (manifests.include.length === 0) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('manifests', 'Input "manifests" has no glob to include: list at least one, e.g. luigisbox/**/*.yml.');
    }
    for (const glob of [...manifests.include, ...manifests.exclude]) {
        if (glob.startsWith('/') || glob.split('/').includes('..')) {
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('manifests', `Input "manifests" has "${glob}": globs are relative to the workspace and may not leave it.`);
        }
    }
    return {
        manifests,
        trackerId: input('tracker-id').trim(),
        privateKey: input('private-key').trim(),
        apiUrl: (input('api-url') || 'https://live.luigisbox.com').trim(),
        githubToken: input('github-token').trim(),
        mode: oneOf('mode', input('mode') || 'auto', ['auto', 'validate', 'plan', 'submit']),
        dryRun: boolean('dry-run', input('dry-run') || 'false'),
        prune: boolean('prune', input('prune') || 'false'),
        ownershipTag: ownershipTag(input('ownership-tag') || DEFAULT_OWNERSHIP_TAG),
        prComment: boolean('pr-comment', input('pr-comment') || 'false'),
        failOnDrift: boolean('fail-on-drift', input('fail-on-drift') || 'false'),
        label: (input('label') || input('tracker-id')).trim(),
        concurrency: integer('concurrency', input('concurrency') || '4', 1, 32),
        failOnWarning: boolean('fail-on-warning', input('fail-on-warning') || 'false'),
        deadlineMinutes: minutes('deadline-minutes', input('deadline-minutes') || String(DEFAULT_DEADLINE_MINUTES)),
    };
}
function oneOf(name, value, options) {
    const trimmed = value.trim();
    if (options.includes(trimmed))
        return trimmed;
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(name, `Input "${name}" is "${trimmed}"; use one of: ${options.join(', ')}.`);
}
function boolean(name, value) {
    const lowered = value.trim().toLowerCase();
    if (lowered === 'true')
        return true;
    if (lowered === 'false')
        return false;
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(name, `Input "${name}" is "${value.trim()}"; use true or false.`);
}
/**
 * The tag marks what the Action manages, and `:` separates the fingerprints it appends, so the
 * tag itself is a plain word that cannot be mistaken for one of those; lower case, so a server
 * that lower-cases tags cannot make the Action lose track of what it owns.
 */
function ownershipTag(value) {
    const trimmed = value.trim();
    if (/^[a-z0-9][a-z0-9._/-]{0,63}$/.test(trimmed))
        return trimmed;
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('ownership-tag', `Input "ownership-tag" is "${trimmed}"; use 1 to 64 lower-case letters, digits, ".", "_", "-" or "/", starting with a letter or digit (the default is ${DEFAULT_OWNERSHIP_TAG}).`);
}
function integer(name, value, min, max) {
    const trimmed = value.trim();
    const number = Number(trimmed);
    if (/^\d+$/.test(trimmed) && number >= min && number <= max)
        return number;
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(name, `Input "${name}" is "${trimmed}"; use a whole number from ${min} to ${max}.`);
}
/** Minutes, fractions allowed (0.5 is 30 s), up to GitHub's 6-hour job limit. */
function minutes(name, value) {
    const trimmed = value.trim();
    const number = Number(trimmed);
    if (/^\d+(\.\d+)?$/.test(trimmed) && number > 0 && number <= 360)
        return number;
    throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(name, `Input "${name}" is "${trimmed}"; use a number of minutes above 0 and up to 360, e.g. 30 or 0.5.`);
}


/***/ }),

/***/ 4767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G1: () => (/* binding */ validateApiUrl),
/* harmony export */   Ij: () => (/* binding */ validateTrackerId)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6236);

/**
 * Parses and checks the `api-url` input. Plain http would send the signature and the
 * customizations in clear text, so it is allowed only where traffic cannot leave the machine
 * (local stand-ins and tests). A path prefix (a proxy) is kept, without its trailing slash;
 * the root path stays `/`, which the WHATWG URL cannot drop.
 */
function validateApiUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('api-url', `The api-url input ${JSON.stringify(url)} is not an absolute URL; ` +
            'set it to the API base, e.g. https://live.luigisbox.com');
    }
    if (parsed.protocol === 'http:') {
        if (!isLoopbackHost(parsed.hostname)) {
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('api-url', `The api-url input uses http:// for ${parsed.hostname}; change it to https:// ` +
                '(plain http is accepted only for localhost, 127.0.0.0/8 and [::1])');
        }
    }
    else if (parsed.protocol !== 'https:') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('api-url', `The api-url input must start with https:// (got ${parsed.protocol}//)`);
    }
    // Credentials in the URL would be sent on every request and printed with it in errors.
    if (parsed.username !== '' || parsed.password !== '') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('api-url', 'The api-url input must not contain a user name or password; remove the part before "@"');
    }
    if (parsed.search !== '' || parsed.hash !== '') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('api-url', 'The api-url input must not contain a query string or fragment; remove the part from "?" or "#"');
    }
    parsed.pathname = parsed.pathname.replace(/\/+$/, '');
    return parsed;
}
/**
 * The WHATWG parser has already normalised the host (`127.1` → `127.0.0.1`,
 * `[0:0::1]` → `[::1]`, upper case → lower case), so plain comparisons suffice.
 */
function isLoopbackHost(hostname) {
    if (hostname === 'localhost' || hostname === '[::1]')
        return true;
    const octets = hostname.split('.');
    return (octets.length === 4 &&
        octets[0] === '127' &&
        octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255));
}
/**
 * The tracker id becomes a path segment of every request (and of the signed path), so it must
 * not be able to change which path is requested.
 */
function validateTrackerId(id) {
    if (id === '') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('tracker-id', "The tracker-id input is empty; set it to your Luigi's Box tracker id, e.g. 1234-5678");
    }
    if (!/^[A-Za-z0-9._-]+$/.test(id) || id === '.' || id === '..') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('tracker-id', `The tracker-id input ${JSON.stringify(id)} is not a valid tracker id; it may contain only ` +
            'letters, digits, "-", "_" and "." (e.g. 1234-5678)');
    }
    return id;
}


/***/ }),

/***/ 3254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ deadlineError),
/* harmony export */   Do: () => (/* binding */ OutcomeUnknownError),
/* harmony export */   Gw: () => (/* binding */ garbledError),
/* harmony export */   dV: () => (/* binding */ IncompleteListingError),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   wZ: () => (/* binding */ attemptError)
/* harmony export */ });
/* unused harmony exports statusKind, preview */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(845);

class ApiError extends Error {
    name = 'ApiError';
    kind;
    operation;
    method;
    path;
    attempts;
    status;
    body;
    code;
    constructor(message, details) {
        super(message);
        this.kind = details.kind;
        this.operation = details.operation;
        this.method = details.method;
        this.path = details.path;
        this.attempts = details.attempts;
        this.status = details.status;
        this.body = details.body;
        this.code = details.code;
    }
}
/**
 * A create whose result never arrived (timeout, dropped connection, 408, 5xx, or an unreadable
 * success): the customization may or may not exist now. There is no idempotency key, so
 * resending could create a duplicate; look the scope up again before deciding to create it.
 */
class OutcomeUnknownError extends ApiError {
    name = 'OutcomeUnknownError';
}
const BODY_PREVIEW_CHARS = 500;
/** The error for an attempt that got no answer, or an answer other than success. */
function attemptError(ErrorClass, failure, result) {
    const { privateKey, ...common } = failure;
    const where = `${failure.method} ${failure.path}`;
    const after = failure.attempts > 1 ? ` (attempt ${failure.attempts})` : '';
    const unknownNote = ErrorClass === OutcomeUnknownError
        ? '; the customization may or may not have been created, so look it up before creating it again'
        : '';
    // Redacted whole: the reason phrase, a redirect's Location and the body may all echo the key.
    const error = (message, details) => new ErrorClass((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message, privateKey), { ...common, ...details });
    if (result.type === 'timeout') {
        return error(`Luigi's Box API: ${where} got no answer within ${result.timeoutMs} ms${after}${unknownNote}`, { kind: 'timeout' });
    }
    if (result.type === 'oversized') {
        return error(`Luigi's Box API: ${where} answered HTTP ${result.status} with a body of more than ${result.maxBodyBytes} bytes; it was not read to its end${unknownNote}`, { kind: 'unexpected', status: result.status });
    }
    if (result.type === 'network') {
        return error(`Luigi's Box API: ${where} failed: ${result.detail}${after}${unknownNote}`, {
            kind: 'network',
            code: result.codes[0],
        });
    }
    const kind = statusKind(result.status, failure.operation);
    const shown = preview((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(result.text, privateKey));
    const status = `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`;
    return error(`Luigi's Box API: ${where} answered ${status}${after}: ${shown === '' ? '(empty body)' : shown}` +
        hint(kind, result, failure.operation) +
        unknownNote, { kind, status: result.status, body: shown });
}
/** The error for a success whose body is not what the API documents. */
function garbledError(ErrorClass, failure, result, problem) {
    const { privateKey, ...common } = failure;
    const shown = preview((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(result.text, privateKey));
    const unknownNote = ErrorClass === OutcomeUnknownError
        ? '; the customization was probably created, so look it up before creating it again'
        : '';
    return new ErrorClass(`Luigi's Box API: ${failure.method} ${failure.path} answered HTTP ${result.status} but ${problem}: ` +
        `${shown === '' ? '(empty body)' : shown}${unknownNote}`, { ...common, kind: 'unexpected', status: result.status, body: shown });
}
/**
 * The error once the run's deadline has passed: the request in progress (if any) was abandoned,
 * so a write it carried may or may not have been made; the next run reconciles either way.
 */
function deadlineError(failure, minutes) {
    return new ApiError(`The run's deadline (deadline-minutes: ${minutes}) passed during ${failure.method} ${failure.path}; nothing more was sent. A write in progress may or may not have been made: the next run reconciles it.`, { ...failure, kind: 'deadline' });
}
function statusKind(status, operation) {
    if (status === 401 || status === 403)
        return 'auth';
    // list and create address the tracker itself, so 404 there means the tracker does not exist.
    if (status === 404)
        return operation === 'list' || operation === 'create' ? 'auth' : 'not-found';
    if (status === 400 || status === 409 || status === 413 || status === 422)
        return 'invalid';
    if (status === 408)
        return 'timeout';
    if (status === 429)
        return 'throttled';
    if (status >= 500 && status <= 599)
        return 'server';
    return 'unexpected';
}
function hint(kind, result, operation) {
    if (kind === 'auth' && result.status === 404) {
        return ' (tracker not found: check the tracker-id and api-url inputs)';
    }
    if (kind === 'auth') {
        return (' (check the tracker-id and private-key inputs; the request Date must also be within' +
            " 5 s of the server's clock)");
    }
    if (result.status >= 300 && result.status < 400) {
        return ` (redirected${result.location ? ` to ${result.location}` : ''}: check the api-url input)`;
    }
    if (kind === 'not-found' && operation !== 'get')
        return ' (the customization does not exist)';
    return '';
}
/** The body for a message: one line, no longer than ~500 characters, never parsed. */
function preview(text, max = BODY_PREVIEW_CHARS) {
    const line = text
        .slice(0, max * 4)
        .replace(/\s+/g, ' ')
        .trim();
    const chars = Array.from(line);
    return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`;
}
/**
 * A listing that cannot be trusted to be complete (see `listAll`): planning against it could
 * create a customization that exists on a page never seen. `results` is what was listed.
 */
class IncompleteListingError extends Error {
    reason;
    results;
    name = 'IncompleteListingError';
    constructor(reason, results) {
        super(`The listing of live customizations cannot be trusted: ${reason}.`);
        this.reason = reason;
        this.results = results;
    }
}


/***/ }),

/***/ 7439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ MAX_PROBLEMS_PER_FILE),
/* harmony export */   rulesMarkdown: () => (/* binding */ rulesMarkdown),
/* harmony export */   xJ: () => (/* binding */ severityOf),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
/** Problems listed per file at most: the rest are counted in one `file/too-many-problems`. */
const MAX_PROBLEMS_PER_FILE = 200;
/**
 * Every problem code the Action can report: the validator's, then those of submitting. The
 * README's rule reference is generated from this list (`luigisbox-pins rules`), and the
 * `ProblemCode` type from its codes, so a code reported anywhere must be listed here.
 */
const RULES = [
    {
        code: 'file/empty',
        severity: 'error',
        why: 'Nothing in it can be sent; an empty manifest is almost always a mistake.',
        summary: 'The file holds no document at all.',
        wrong: '# only a comment',
        right: 'model: basket\ntarget_type: all\npin_definitions: [...]',
    },
    {
        code: 'file/too-large',
        severity: 'error',
        why: 'Hostile input: the limit keeps a pull request from holding a runner.',
        summary: 'Manifests may be at most 1 MiB; larger files are not read.',
        wrong: '(a 3 MiB file)',
        right: '(several files under 1 MiB each)',
    },
    {
        code: 'file/too-many-documents',
        severity: 'error',
        why: 'Hostile input: the limit keeps a pull request from holding a runner.',
        summary: 'At most 100 YAML documents per file; the rest are not checked.',
        wrong: '(150 documents separated by ---)',
        right: '(two files of 75 documents)',
    },
    {
        code: 'file/too-many-problems',
        severity: 'error',
        why: 'No manifest anyone meant to write has that many: the file is hostile or generated wrong, and listing every problem would flood the log and hold the runner.',
        summary: `More than ${MAX_PROBLEMS_PER_FILE} problems in one file; the first are listed, then how many more there are.`,
        wrong: '(a file of 20,000 pins without a pin_type)',
        right: '(fix the first problems and check again)',
    },
    {
        code: 'file/encoding',
        severity: 'error',
        why: 'The API takes JSON, which is UTF-8: the bytes cannot mean text.',
        summary: 'The file is not UTF-8 text (an invalid byte, or a NUL byte of a binary file).',
        wrong: 'title: Caf\\xE9   # Latin-1 byte',
        right: 'title: Café     # saved as UTF-8',
    },
    {
        code: 'file/outside-workspace',
        severity: 'error',
        why: 'Hostile input: a link could make the Action read and send a file outside the repository.',
        summary: 'A symbolic link that resolves outside the workspace; it is never read.',
        wrong: 'luigisbox/a.yml -> /etc/passwd',
        right: 'luigisbox/a.yml (a regular file)',
    },
    {
        code: 'file/unreadable',
        severity: 'error',
        why: 'There is nothing to check or send.',
        summary: 'The path exists but cannot be read as a regular file.',
        wrong: 'luigisbox/a.yml (a directory, or no read permission)',
        right: 'luigisbox/a.yml (a readable file)',
    },
    {
        code: 'yaml/syntax',
        severity: 'error',
        why: 'The file cannot be read, so nothing in it means what it says.',
        summary: 'YAML or JSON syntax error, at the mistake: for an indentation mistake, the line that is indented wrongly. Only the first per document is reported, as the parser reads what follows it differently.',
        wrong: 'pin_definitions: [\n  {position: 1',
        right: 'pin_definitions: [\n  {position: 1}]',
    },
    {
        code: 'json/syntax',
        severity: 'error',
        why: 'JSON tools and the API reject what JSON does not allow.',
        summary: 'A .json manifest that is not strict JSON (comments, trailing commas, YAML syntax).',
        wrong: '{"model": "basket",}',
        right: '{"model": "basket"}',
    },
    {
        code: 'yaml/duplicate-key',
        severity: 'error',
        why: "Only one of the two values would be sent; which one is a parser's choice.",
        summary: 'The same key twice in one mapping.',
        wrong: 'model: basket\nmodel: home',
        right: 'model: basket',
    },
    {
        code: 'yaml/too-deep',
        severity: 'error',
        why: "Hostile input: deep nesting can exhaust the parser's stack.",
        summary: 'Nesting deeper than 64 levels; the file is refused before parsing.',
        wrong: 'a: [[[[[[ ... ]]]]]]  # hundreds of levels',
        right: 'a: [1, 2]',
    },
    {
        code: 'yaml/alias-limit',
        severity: 'error',
        why: 'Hostile input: a few lines can expand to gigabytes.',
        summary: 'Too many alias expansions (an "alias bomb"); the document is not expanded.',
        wrong: 'a: &a [x, x]\nb: &b [*a, *a, *a, ...]\nc: [*b, *b, *b, ...]',
        right: 'a: [x, x]',
    },
    {
        code: 'yaml/not-json',
        severity: 'error',
        why: 'The API takes JSON: this cannot be sent as written (a tagged value would arrive as a plain string, a list as a key as text).',
        summary: 'Something JSON cannot carry: a tag (!custom, !!js/function, !!binary), a list or mapping used as a key, .inf, .nan.',
        wrong: 'position: .inf\nwidget_id: !custom sidebar',
        right: 'position: -1\nwidget_id: sidebar',
    },
    {
        code: 'document/empty',
        severity: 'error',
        why: 'There is no customization to send.',
        summary: 'An empty document, usually a stray `---`.',
        wrong: 'model: basket\n...\n---\n',
        right: 'model: basket\n...',
    },
    {
        code: 'document/not-mapping',
        severity: 'error',
        why: 'The API takes an object; anything else is rejected.',
        summary: 'A document that is a list or a single value instead of a mapping of keys.',
        wrong: '- model: basket',
        right: 'model: basket',
    },
    {
        code: 'schema/unknown-key',
        severity: 'error',
        why: 'The API does not document the key; a misspelt key silently loses its value.',
        summary: 'A key the API does not know, with the closest known key as a hint.',
        wrong: '- position: 1\n  pin_type: item\n  pin_identty: /p/1/',
        right: '- position: 1\n  pin_type: item\n  pin_identity: /p/1/',
    },
    {
        code: 'schema/required',
        severity: 'error',
        why: 'The API documents the key as required.',
        summary: 'A required key is missing (model, target_type, pin_definitions; position and pin_type in a pin).',
        wrong: 'target_type: all\npin_definitions: [...]',
        right: 'model: basket\ntarget_type: all\npin_definitions: [...]',
    },
    {
        code: 'schema/type',
        severity: 'error',
        why: 'The API documents the type; another type is rejected or means something else.',
        summary: 'A value of the wrong type.',
        wrong: 'tags: evergreen\npin_identity: 12345',
        right: 'tags: [evergreen]\npin_identity: "12345"',
    },
    {
        code: 'schema/enum',
        severity: 'error',
        why: 'The API documents the allowed values.',
        summary: 'target_type or pin_type is not one of the allowed values.',
        wrong: 'target_type: items',
        right: 'target_type: item',
    },
    {
        code: 'schema/empty-string',
        severity: 'error',
        why: 'An empty id or model names nothing.',
        summary: 'An identifier (model, target_identity, pin_identity, widget_id) is an empty string.',
        wrong: "model: ''",
        right: 'model: basket',
    },
    {
        code: 'schema/null',
        severity: 'warning',
        why: 'The API returns null for unset fields, so an exported customization has them; a null is never sent, so the field stays unset.',
        summary: 'An optional key set to null (a required key set to null is an error).',
        wrong: 'widget_id: null',
        right: '(leave the key out)',
    },
    {
        code: 'schema/server-owned',
        severity: 'warning',
        why: 'The API sets these keys itself and returns them in an export; they are never sent, so keeping them changes nothing.',
        summary: 'A key the server owns: id, creator, created_at or available.',
        wrong: 'id: 199620b4-df1a-46e8-ab59-9e9ed9af7106\nmodel: basket',
        right: 'model: basket',
    },
    {
        code: 'pins/empty',
        severity: 'error',
        why: 'A customization without pins has no effect.',
        summary: 'pin_definitions is an empty list.',
        wrong: 'pin_definitions: []',
        right: 'pin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/1/}',
    },
    {
        code: 'target/missing-identity',
        severity: 'error',
        why: 'The API documents target_identity as required for item targets.',
        summary: 'An item target needs target_identity.',
        wrong: 'target_type: item',
        right: 'target_type: item\ntarget_identity: /p/123/',
    },
    {
        code: 'target/unexpected-identity',
        severity: 'warning',
        why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
        summary: 'target_identity on a target that is not an item; it is sent as written.',
        wrong: 'target_type: all\ntarget_identity: /p/123/',
        right: 'target_type: all',
    },
    {
        code: 'target/missing-criteria',
        severity: 'error',
        why: 'The API documents target_criteria as required for criteria targets.',
        summary: 'A criteria target needs target_criteria.',
        wrong: 'target_type: criteria',
        right: 'target_type: criteria\ntarget_criteria: {brand: Fender}',
    },
    {
        code: 'target/unexpected-criteria',
        severity: 'warning',
        why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
        summary: 'target_criteria on a target that is not criteria; it is sent as written.',
        wrong: 'target_type: item\ntarget_identity: /p/1/\ntarget_criteria: {brand: Fender}',
        right: 'target_type: item\ntarget_identity: /p/1/',
    },
    {
        code: 'target/metadata-ignored',
        severity: 'warning',
        why: 'Documented for item targets only; elsewhere it is probably ignored.',
        summary: 'target_metadata describes an item, but the target is not an item.',
        wrong: 'target_type: all\ntarget_metadata: {title: Guitars}',
        right: 'target_type: all',
    },
    {
        code: 'criteria/empty',
        severity: 'error',
        why: 'An empty criteria object cannot mean what it says: it would match nothing, or everything.',
        summary: 'target_criteria or pin_criteria is an empty object.',
        wrong: 'pin_criteria: {}',
        right: 'pin_criteria: {brand: Fender}',
    },
    {
        code: 'pin/position',
        severity: 'error',
        why: 'The API documents position as an integer: -1, 0 or more.',
        summary: 'position must be an integer of -1 or more.',
        wrong: 'position: "2"',
        right: 'position: 2',
    },
    {
        code: 'pin/missing-identity',
        severity: 'error',
        why: 'The API documents pin_identity as required for item pins.',
        summary: 'An item pin needs pin_identity.',
        wrong: '- position: 1\n  pin_type: item',
        right: '- position: 1\n  pin_type: item\n  pin_identity: /p/1/',
    },
    {
        code: 'pin/unexpected-identity',
        severity: 'warning',
        why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
        summary: 'pin_identity on a criteria pin; it is sent as written.',
        wrong: '- pin_type: criteria\n  pin_criteria: {brand: Fender}\n  pin_identity: /p/1/',
        right: '- pin_type: criteria\n  pin_criteria: {brand: Fender}',
    },
    {
        code: 'pin/missing-criteria',
        severity: 'error',
        why: 'The API documents pin_criteria as required for criteria pins.',
        summary: 'A criteria pin needs pin_criteria.',
        wrong: '- position: 1\n  pin_type: criteria',
        right: '- position: 1\n  pin_type: criteria\n  pin_criteria: {brand: Fender}',
    },
    {
        code: 'pin/unexpected-criteria',
        severity: 'warning',
        why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
        summary: 'pin_criteria on an item pin; it is sent as written.',
        wrong: '- pin_type: item\n  pin_identity: /p/1/\n  pin_criteria: {brand: Fender}',
        right: '- pin_type: item\n  pin_identity: /p/1/',
    },
    {
        code: 'pin/block-position',
        severity: 'warning',
        why: 'The docs pair is_block_pin with position 0 ("use 0 for block") but do not forbid other combinations; one of the two is probably a mistake.',
        summary: 'is_block_pin: true with a position other than 0, or position 0 without is_block_pin: true.',
        wrong: '- position: 0\n  pin_type: item\n  pin_identity: /p/1/',
        right: '- position: 0\n  pin_type: item\n  pin_identity: /p/1/\n  is_block_pin: true',
    },
    {
        code: 'pin/date-format',
        severity: 'error',
        why: 'Not an ISO 8601 date-time, or not a real date: the API documents ISO 8601 date-times.',
        summary: 'active_from or active_to is not an ISO 8601 date-time, or not a real date.',
        wrong: 'active_to: 2026-02-30T00:00:00Z',
        right: 'active_to: 2026-02-01T00:00:00Z',
    },
    {
        code: 'pin/date-unusual',
        severity: 'warning',
        why: 'Legal ISO 8601, but without an offset the time zone is whatever the server assumes, and other forms (no seconds, +02 or +0200, a decimal comma, a week or ordinal date, 24:00) are ones some parsers refuse.',
        summary: 'A date-time without a UTC offset, or in a less common ISO 8601 form.',
        wrong: 'active_from: 2026-12-01T00:00:00\nactive_to: 2027-01-01T10:00+02',
        right: 'active_from: 2026-12-01T00:00:00+01:00\nactive_to: 2027-01-01T10:00:00+02:00',
    },
    {
        code: 'pin/date-order',
        severity: 'error',
        why: 'A window that ends before it starts cannot mean what it says.',
        summary: 'active_to must be after active_from.',
        wrong: 'active_from: 2026-03-01T00:00:00Z\nactive_to: 2026-02-01T00:00:00Z',
        right: 'active_from: 2026-02-01T00:00:00Z\nactive_to: 2026-03-01T00:00:00Z',
    },
    {
        code: 'pin/expired',
        severity: 'warning',
        why: 'Legal, but the pin no longer does anything.',
        summary: 'The pin ended in the past and no longer has any effect.',
        wrong: 'active_to: 2020-01-01T00:00:00Z',
        right: '(remove the pin)',
    },
    {
        code: 'pin/position-collision',
        severity: 'warning',
        why: 'Legal, but only one item can be shown at a position.',
        summary: 'Two pins at the same position for the same widget at overlapping times.',
        wrong: '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 1, pin_type: item, pin_identity: /p/2/}',
        right: '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 2, pin_type: item, pin_identity: /p/2/}',
    },
    {
        code: 'pin/duplicate-item',
        severity: 'warning',
        why: 'Legal, but one of the two pins has no effect.',
        summary: 'The same item pinned twice for the same widget at overlapping times.',
        wrong: '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 3, pin_type: item, pin_identity: /p/1/}',
        right: '- {position: 1, pin_type: item, pin_identity: /p/1/}',
    },
    {
        code: 'scope/duplicate',
        severity: 'error',
        why: "This project's rule, not the API's: the Action updates the customization it finds by scope, so two documents with one scope would overwrite each other on every run.",
        summary: "Two documents with the same scope (model + target) anywhere in the workspace. This is the Action's rule, not the API's: it finds the customization to update by its scope.",
        wrong: '# a.yml\nmodel: basket\ntarget_type: all\n# b.yml\nmodel: basket\ntarget_type: all',
        right: '# a.yml: one document with the pins of both',
    },
    {
        code: 'luigisbox/rejected',
        severity: 'error',
        why: 'The API refused it.',
        summary: "Luigi's Box refused the customization (HTTP 400 or 422) when it was submitted; the annotation carries the server's message. Nothing was written for this document.",
        wrong: '',
        right: '',
    },
    {
        code: 'luigisbox/failed',
        severity: 'error',
        why: 'It was not applied.',
        summary: 'Submitting the document failed for another reason: the API could not be reached after retries, or several live customizations share its scope. The message says which.',
        wrong: '',
        right: '',
    },
    {
        code: 'luigisbox/scope-rewritten',
        severity: 'warning',
        why: 'It was applied; the message says what the server changed.',
        summary: "Luigi's Box answered a create with another scope than was sent (it rewrote the target fields). The customization was created, and the Action finds it again by its ownership tag.",
        wrong: '',
        right: '',
    },
];
const SEVERITIES = new Map(RULES.map((rule) => [rule.code, rule.severity]));
/** A code's severity: this table is its only source, so a code never changes level by context. */
function severityOf(code) {
    return SEVERITIES.get(code) ?? 'error';
}
/** The rule reference as Markdown, for the README. */
function rulesMarkdown() {
    const sections = RULES.map((rule) => {
        const example = rule.wrong === ''
            ? ''
            : `\n\n\`\`\`yaml\n# wrong\n${rule.wrong}\n# right\n${rule.right}\n\`\`\``;
        return `#### \`${rule.code}\` (${rule.severity})\n\n${rule.summary}\n\n_Why ${rule.severity === 'error' ? 'an error' : 'a warning'}:_ ${rule.why}${example}`;
    });
    return `${sections.join('\n\n')}\n`;
}


/***/ }),

/***/ 7151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readDateTime)
/* harmony export */ });
/**
 * ISO 8601 date-times as a pin's active_from and active_to carry them. The API documents "ISO
 * 8601 date-time" and nothing narrower, so every extended-format ISO 8601 date-time is accepted
 * (week and ordinal dates, a decimal comma, a fraction of the hour or minute, 24:00); anything but
 * the common calendar form with seconds and a full offset is only unusual (a warning), and the
 * message spells out the common form of the same instant.
 */
const FORM = new RegExp([
    /^(?<year>\d{4})-/,
    /(?:(?<month>\d{2})-(?<day>\d{2})|W(?<week>\d{2})-(?<weekday>[1-7])|(?<ordinal>\d{3}))/,
    /T(?<hour>\d{2})(?::(?<minute>\d{2})(?::(?<second>\d{2}))?)?(?:(?<mark>[.,])(?<fraction>\d+))?/,
    /(?:(?<zulu>Z)|(?<sign>[+-])(?<offsetHours>\d{2})(?<offsetColon>:?)(?<offsetMinutes>\d{2})?)?$/,
]
    .map((part) => part.source)
    .join(''));
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
function readDateTime(text) {
    const groups = FORM.exec(text)?.groups;
    if (!groups)
        return { kind: 'invalid' };
    const { hour = '', minute, second, mark, fraction, zulu, sign, offsetColon } = groups;
    const { offsetHours = '00', offsetMinutes = '00' } = groups;
    const day = dayOf(groups);
    const h = Number(hour);
    const m = Number(minute ?? 0);
    const s = Number(second ?? 0);
    const parts = Number(`0.${fraction ?? 0}`);
    const endOfDay = h === 24 && m === 0 && s === 0 && parts === 0;
    if (day === undefined ||
        (h > 23 && !endOfDay) ||
        m > 59 ||
        s > 59 ||
        Number(offsetHours) > 23 ||
        Number(offsetMinutes) > 59) {
        return { kind: 'invalid' };
    }
    // A fraction belongs to the last component written: T10.5 is half past ten.
    const unit = second !== undefined ? 1000 : minute !== undefined ? MINUTE_MS : HOUR_MS;
    const local = day + h * HOUR_MS + m * MINUTE_MS + s * 1000 + Math.floor(parts * unit);
    const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * MINUTE_MS;
    const time = local - (sign === '-' ? -offset : offset);
    const missingOffset = zulu === undefined && sign === undefined;
    const common = groups.month !== undefined &&
        second !== undefined &&
        mark !== ',' &&
        !endOfDay &&
        (zulu !== undefined || (offsetColon === ':' && groups.offsetMinutes !== undefined));
    if (common)
        return { kind: 'valid', time };
    const seconds = unit === 1000 && fraction !== undefined ? `${second}.${fraction}` : millis(local % MINUTE_MS);
    const usualOffset = zulu ?? (sign === undefined ? '' : `${sign}${offsetHours}:${offsetMinutes}`);
    const usual = `${new Date(local - (local % MINUTE_MS)).toISOString().slice(0, 17)}${seconds}${usualOffset}`;
    return { kind: 'valid', time, unusual: { missingOffset, usual } };
}
/** Midnight UTC of the date part in ms, or undefined when no such day exists. */
function dayOf(groups) {
    const year = Number(groups['year']);
    const jan1 = utcDay(year, 0, 1);
    if (groups['week'] !== undefined) {
        const week = Number(groups['week']);
        const day = firstIsoMonday(year) + ((week - 1) * 7 + Number(groups['weekday']) - 1) * DAY_MS;
        return week >= 1 && day < firstIsoMonday(year + 1) ? day : undefined;
    }
    if (groups['ordinal'] !== undefined) {
        const ordinal = Number(groups['ordinal']);
        const length = (utcDay(year + 1, 0, 1) - jan1) / DAY_MS;
        return ordinal >= 1 && ordinal <= length ? jan1 + (ordinal - 1) * DAY_MS : undefined;
    }
    const month = Number(groups['month']);
    const date = Number(groups['day']);
    return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month)
        ? utcDay(year, month - 1, date)
        : undefined;
}
/** ISO week 1 is the week holding 4 January; weeks start on Monday. */
function firstIsoMonday(year) {
    const jan4 = utcDay(year, 0, 4);
    return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}
/** Arithmetic rather than a Date: this runs for every date of every pin. */
function daysInMonth(year, month) {
    if (month === 2)
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/** Date.UTC would read the years 0–99 as 1900–1999. */
function utcDay(year, monthIndex, day) {
    return new Date(0).setUTCFullYear(year, monthIndex, day);
}
/** `ss` or `ss.fff` (trailing zeros dropped) of a number of ms below a minute. */
function millis(ms) {
    const whole = String(Math.floor(ms / 1000)).padStart(2, '0');
    const rest = ms % 1000;
    return rest === 0 ? whole : `${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}


/***/ }),

/***/ 1647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kx: () => (/* binding */ withoutEchoes),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/** Drop "missing X" where the same object has a key that is a misspelling of X. */
function withoutEchoes(findings) {
    // Suggestions can be costly to work out (see check-schema.ts): only when something is missing.
    if (!findings.some((f) => f.missing !== undefined))
        return findings;
    const misspelt = new Set(findings
        .filter((f) => f.suggestion !== undefined)
        .map((f) => JSON.stringify([...f.path.slice(0, -1), f.suggestion])));
    return findings.filter((f) => f.missing === undefined || !misspelt.has(JSON.stringify([...parentOf(f), f.missing])));
}
/** The object a "missing" finding is about: rules point at the sibling type key, the schema at the object. */
function parentOf(finding) {
    return finding.code === 'schema/required' ? finding.path : finding.path.slice(0, -1);
}
/** `pin_definitions[2].position`, the way people read paths in a manifest. */
function formatPath(path) {
    let out = '';
    for (const segment of path) {
        out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
    }
    return out === '' ? 'the document' : out;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function quote(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}


/***/ }),

/***/ 1905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ countBySeverity),
/* harmony export */   i: () => (/* binding */ compareProblems)
/* harmony export */ });
const severityOrder = { error: 0, warning: 1 };
/** Sort by file, then position, errors before warnings at the same place: the order users read. */
function compareProblems(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return (a.line - b.line ||
        a.column - b.column ||
        severityOrder[a.severity] - severityOrder[b.severity] ||
        a.code.localeCompare(b.code));
}
function countBySeverity(problems) {
    const counts = { error: 0, warning: 0 };
    for (const p of problems)
        counts[p.severity]++;
    return counts;
}


/***/ }),

/***/ 6470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BK: () => (/* binding */ customizationSchema),
/* harmony export */   RS: () => (/* binding */ PIN_KEYS),
/* harmony export */   ZA: () => (/* binding */ SERVER_OWNED_KEYS),
/* harmony export */   a$: () => (/* binding */ PIN_TYPES),
/* harmony export */   bV: () => (/* binding */ NULLABLE_KEYS),
/* harmony export */   be: () => (/* binding */ CUSTOMIZATION_KEYS),
/* harmony export */   c3: () => (/* binding */ manifestPinSchema),
/* harmony export */   customizationJsonSchema: () => (/* binding */ customizationJsonSchema),
/* harmony export */   oG: () => (/* binding */ TARGET_TYPES),
/* harmony export */   rA: () => (/* binding */ pinSchema),
/* harmony export */   rc: () => (/* binding */ manifestSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6921);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4377);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9396);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8439);

/**
 * A customization exactly as the Create Customization endpoint takes it, plus an optional
 * `$schema` for editors. Structure lives here; rules that relate fields to each other live in
 * rules.ts, so that one mistake gives one precise problem instead of a union's noise.
 */
const TARGET_TYPES = ['item', 'criteria', 'all'];
const PIN_TYPES = ['item', 'criteria'];
const nonEmptyString = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1);
/** Criteria objects are undocumented by the vendor: any JSON object, passed through verbatim. */
const criteria = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J())
    .meta({ description: 'Criteria object, passed to the API verbatim; must not be empty.' });
/**
 * ISO 8601 date-time, as the API documents it. Manifests are checked against `manifestSchema`,
 * where it is any string: rules.ts tells a date that is wrong from one that is only unusual.
 */
const dateTime = zod__WEBPACK_IMPORTED_MODULE_1__/* .datetime */ .w$({ offset: true });
const pinSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    position: zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(-1).meta({
        description: '-1 pins at every position, 0 blocks (with is_block_pin), 1.. pins there.',
    }),
    pin_type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(PIN_TYPES),
    pin_identity: nonEmptyString.optional().meta({ description: 'Item id; pin_type item only.' }),
    pin_criteria: criteria.optional(),
    widget_id: nonEmptyString.optional(),
    is_block_pin: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    is_bundle_pin: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    active_from: dateTime.optional(),
    active_to: dateTime.optional(),
})
    .meta({ title: 'Pin' });
const customizationSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().meta({ description: 'For editors; never sent to the API.' }),
    model: nonEmptyString.meta({
        description: 'Recommender model, e.g. basket or product_detail.',
    }),
    target_type: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(TARGET_TYPES),
    target_identity: nonEmptyString.optional().meta({ description: 'Item id; item targets only.' }),
    target_criteria: criteria.optional(),
    target_metadata: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    pin_definitions: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pinSchema).min(1),
})
    .meta({
    title: "Luigi's Box recommendation customization",
    description: 'One customization per document; the fields of the Create Customization body.',
});
/** Keys the server sets and returns (reference §3, list): warned about and never sent. */
const SERVER_OWNED_KEYS = ['id', 'creator', 'created_at', 'available'];
/**
 * What a manifest may hold: the body, where an optional field may also be null, as the API
 * returns unset fields (reference §7), and the server-owned keys of an exported customization.
 * Both validate, with a warning; neither is sent. The JSON Schema for editors is this one.
 */
const manifestPinSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej(manifestShape(pinSchema.shape))
    .meta({ title: 'Pin' });
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...manifestShape(customizationSchema.shape),
    pin_definitions: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(manifestPinSchema).min(1),
    ...Object.fromEntries(SERVER_OWNED_KEYS.map((key) => [
        key,
        zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional().meta({ description: 'Set by the server; ignored, never sent.' }),
    ])),
})
    .meta(zod__WEBPACK_IMPORTED_MODULE_2__/* .globalRegistry */ .fd.get(customizationSchema) ?? {});
/** The optional fields, which a manifest may set to null. */
const NULLABLE_KEYS = new Set([customizationSchema.shape, pinSchema.shape].flatMap((shape) => Object.entries(shape)
    .filter(([key, schema]) => schema instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodOptional */ .IiU && key !== '$schema')
    .map(([key]) => key)));
function manifestShape(shape) {
    return Object.fromEntries(Object.entries(shape).map(([key, schema]) => {
        if (!(schema instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodOptional */ .IiU) || key === '$schema')
            return [key, schema];
        const inner = schema.unwrap();
        const value = inner instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodISODateTime */ .You ? zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() : inner;
        return [
            key,
            value
                .nullable()
                .optional()
                .meta(zod__WEBPACK_IMPORTED_MODULE_2__/* .globalRegistry */ .fd.get(schema) ?? {}),
        ];
    }));
}
/** The known keys of each object, for "did you mean" hints. */
const CUSTOMIZATION_KEYS = Object.keys(customizationSchema.shape);
const PIN_KEYS = Object.keys(pinSchema.shape);
function customizationJsonSchema() {
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .toJSONSchema */ .bl(manifestSchema, {
        override: ({ zodSchema, jsonSchema }) => {
            if (zodSchema === criteria)
                jsonSchema.minProperties = 1;
        },
    });
}


/***/ }),

/***/ 4817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OD: () => (/* binding */ scopeKey),
/* harmony export */   OI: () => (/* binding */ describeScope),
/* harmony export */   Od: () => (/* binding */ scopeOf),
/* harmony export */   QP: () => (/* binding */ normaliseCriteria),
/* harmony export */   dj: () => (/* binding */ canonicalJson)
/* harmony export */ });
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1647);

/** The scope of a document, when its scope fields are well-formed enough to have one. */
function scopeOf(value) {
    if (!(0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value))
        return undefined;
    const { model, target_type, target_identity, target_criteria } = value;
    if (typeof model !== 'string' || model === '')
        return undefined;
    if (target_type === 'all')
        return { model, target_type };
    if (target_type === 'item' && typeof target_identity === 'string' && target_identity !== '') {
        return { model, target_type, target_identity };
    }
    if (target_type === 'criteria' && (0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(target_criteria)) {
        return { model, target_type, target_criteria };
    }
    return undefined;
}
/**
 * A string equal for equal scopes, the one identity validation and planning share: criteria
 * compare canonically, key order aside and a one-element list read as its element.
 */
function scopeKey(scope) {
    const target = scope.target_type === 'item'
        ? (scope.target_identity ?? '')
        : scope.target_type === 'criteria'
            ? canonicalJson(normaliseCriteria(scope.target_criteria))
            : '';
    return JSON.stringify([scope.model, scope.target_type, target]);
}
/**
 * A criteria object with each one-element list read as its element, as a server may store
 * `{brand: "Fender"}` as `{brand: ["Fender"]}` (reference §7). The structure is undocumented
 * (reference §4), so this is the only rewrite assumed.
 */
function normaliseCriteria(value) {
    if (!(0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value))
        return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [
        key,
        Array.isArray(item) && item.length === 1 ? item[0] : item,
    ]));
}
/** For people: `basket · item /p/123/`. */
function describeScope(scope) {
    if (scope.target_type === 'item')
        return `${scope.model} · item ${scope.target_identity ?? ''}`;
    if (scope.target_type === 'criteria') {
        return `${scope.model} · criteria ${canonicalJson(scope.target_criteria)}`;
    }
    return `${scope.model} · all`;
}
/** JSON with object keys sorted at every level, so equal data gives equal text. */
function canonicalJson(value) {
    return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if ((0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value)) {
        const sorted = {};
        for (const key of Object.keys(value).sort()) {
            // Assigning `__proto__` would set the prototype instead of a key.
            if (key === '__proto__') {
                Object.defineProperty(sorted, key, { value: sortKeys(value[key]), enumerable: true });
            }
            else {
                sorted[key] = sortKeys(value[key]);
            }
        }
        return sorted;
    }
    return value;
}


/***/ }),

/***/ 845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E$: () => (/* binding */ redact)
});

// UNUSED EXPORTS: redactor, secretForms

;// CONCATENATED MODULE: ./src/report/html.ts
const ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    // A blank line would end the HTML block, and GitHub would render what follows as Markdown.
    '\n': '&#10;',
    '\r': '&#13;',
};
/** The job summary renders raw HTML and Markdown: everything from a manifest is escaped. */
function escapeHtml(text) {
    return text.replace(/[&<>"'\n\r]/g, (c) => ESCAPES[c] ?? c);
}
/** A link to a file (and line) of the repository at one commit. */
function blobUrl(base, file, line) {
    const path = file.split('/').map(encodeURIComponent).join('/');
    return `${base.serverUrl}/${base.repository}/blob/${base.sha}/${path}${line ? `#L${line}` : ''}`;
}

;// CONCATENATED MODULE: ./src/redact.ts

/**
 * Text with every form of the secret replaced by `***`. The runner masks only the raw secret in
 * its log; this covers everything the Action writes (log, annotations, summary, outputs, the pull
 * request comment), including text built from a server's answer or a file that echoes the key.
 */
function redact(text, secret) {
    return redactor(secret)(text);
}
/** A redactor bound to one secret; its forms are computed once. */
function redactor(secret) {
    const forms = secretForms(secret);
    return (text) => forms.reduce((redacted, form) => redacted.split(form).join('***'), text);
}
/**
 * A base64 run shorter than this could occur by chance in a long summary; a real key's is much
 * longer than this.
 */
const MIN_DERIVED_LENGTH = 12;
/**
 * The spellings a secret takes where something echoed it: as is; JSON-escaped, as a server's
 * JSON body quotes it (`\"`, `\\`, `\/`, `\uXXXX`); URL-encoded, as a redirect's Location or a
 * query carries it (upper- and lower-case hex, `+` for a space); HTML-escaped, as the summary
 * and the comment show text; and base64 at each of its three alignments, as Basic credentials or
 * a token embed it (only the characters that depend on the secret alone). Longest first, so a
 * form inside another is not left half-redacted.
 */
function secretForms(secret) {
    if (secret === '')
        return [];
    const json = JSON.stringify(secret).slice(1, -1);
    const url = encodeURIComponent(secret);
    const forms = [
        secret,
        json,
        json.replace(/\//g, '\\/'),
        asciiJson(secret),
        url,
        url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
        url.replace(/%20/g, '+'),
        escapeHtml(secret),
        ...base64Cores(secret).filter((core) => core.length >= MIN_DERIVED_LENGTH),
    ];
    return [...new Set(forms)].sort((a, b) => b.length - a.length);
}
/** JSON with every character past ASCII as `\uXXXX`, as some servers write it. */
function asciiJson(secret) {
    return JSON.stringify(secret)
        .slice(1, -1)
        .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** For 0, 1 and 2 bytes before the secret: its base64 characters that no other byte touches. */
function base64Cores(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    return [0, 1, 2].flatMap((shift) => {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
        const core = encoded.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6));
        return [core, core.replace(/\+/g, '-').replace(/\//g, '_')];
    });
}


/***/ }),

/***/ 8991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ logLine),
/* harmony export */   IL: () => (/* binding */ deferredLog),
/* harmony export */   Rn: () => (/* binding */ retryLine),
/* harmony export */   oz: () => (/* binding */ progressLine)
/* harmony export */ });
/**
 * Text from manifests and from the server made safe for one plain log line (`core.info`): the
 * runner reads a workflow command from any line that starts with `::` after spaces, or that holds
 * `##[` (the older syntax), so line breaks become a visible `\n` and both openings get a space.
 * Other control characters (ESC, BEL, NUL…) become visible `\u001b` escapes, so a value cannot
 * rewrite a terminal or a log viewer's earlier lines. Annotations need none of this:
 * `@actions/core` escapes their properties and messages.
 */
function logLine(text) {
    return text
        .replace(/\r\n|\r|\n/g, '\\n')
        .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/^(\s*):(?=:)/, '$1: ')
        .replace(/##\[/g, '# #[');
}
// C0 (but tab) and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
/** The log line for one manifest as it is done: `[3/40] created luigisbox/a.yml#1 (…) → id`. */
function progressLine(outcome, done, total) {
    const id = outcome.id ? ` → ${outcome.id}` : '';
    const error = outcome.error ? `: ${outcome.error}` : '';
    const where = outcome.file === undefined ? '' : `${outcome.file}#${(outcome.document ?? 0) + 1} `;
    return logLine(`[${done}/${total}] ${outcome.action} ${where}(${outcome.scope})${id}${error}`);
}
/** The log line for a request about to be retried. */
function retryLine(retry) {
    return logLine(`  retrying ${retry.method} ${retry.path} in ${retry.delayMs} ms: ${retry.error.message}`);
}
/**
 * Progress lines written once the current turn of the event loop is over instead of at once,
 * in the order they were made. A write to the runner's pipe costs about as much as sending a
 * request; deferred, it no longer holds back the request that the same answer lets go out (at
 * concurrency 1, every request), and the lines of one turn are written one after another.
 */
function deferredLog(io) {
    let waiting = [];
    const flush = () => {
        const lines = waiting;
        waiting = [];
        for (const { debug, text } of lines) {
            if (debug)
                io.debug?.(text);
            else
                io.info(text);
        }
    };
    const add = (debug, text) => {
        if (waiting.length === 0)
            setImmediate(flush);
        waiting.push({ debug, text });
    };
    return { info: (text) => add(false, text), debug: (text) => add(true, text), flush };
}


/***/ }),

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ checkFiles),
  O: () => (/* binding */ serveCheckWorker)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/manifest/problems.ts
var manifest_problems = __webpack_require__(1905);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/manifest/position.ts
/** Maps character ranges of `text` to lines and columns; CRLF counts as one line break. */
function lineIndex(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    const at = (offset) => {
        const clamped = Math.min(Math.max(offset, 0), text.length);
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if ((starts[middle] ?? 0) <= clamped)
                low = middle;
            else
                high = middle - 1;
        }
        return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
    };
    return (range) => {
        const start = at(range.start);
        const end = at(Math.max(range.end, range.start));
        return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    };
}
/**
 * The text without a leading UTF-8 BOM: ranges are offsets into the text as parsed, and without
 * the BOM line 1's columns count as editors count them.
 */
function stripBom(text) {
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(6587);
;// CONCATENATED MODULE: ./src/workspace/read.ts





const MAX_FILE_BYTES = 1024 * 1024;
/**
 * A reader of manifests (paths relative to the workspace, `/`-separated) as UTF-8 text. Manifests
 * in a pull request are untrusted: a symlink that leads out of the workspace is refused without
 * being read, an oversized file is refused from its size alone, and bytes that are not UTF-8 text
 * become a problem at the offending position.
 *
 * Synchronous on purpose: thousands of small files read one after the other beat the same reads
 * queued on libuv's thread pool, and directories are resolved once each, not once per file.
 */
function manifestReader(workspace) {
    const root = (0,external_node_fs_.realpathSync)(workspace);
    const directories = new Map();
    const realDirectory = (dir) => {
        let real = directories.get(dir);
        if (real === undefined) {
            real = (0,external_node_fs_.realpathSync)(dir);
            directories.set(dir, real);
        }
        return real;
    };
    // Where a directory named in manifest paths really is, if it may hold manifests (inside the
    // workspace, outside .git): worked out once for all the files in it.
    const vetted = new Map();
    const vettedDirectory = (directory) => {
        if (vetted.has(directory))
            return vetted.get(directory);
        let real;
        try {
            real = realDirectory(external_node_path_default().resolve(workspace, directory));
            const inside = real === root || real.startsWith(root + (external_node_path_default()).sep);
            if (!inside || external_node_path_default().relative(root, real).split((external_node_path_default()).sep).includes('.git'))
                real = undefined;
        }
        catch {
            real = undefined;
        }
        vetted.set(directory, real);
        return real;
    };
    return (file) => {
        // The common case in two system calls: a regular file, by a plain name, in a directory
        // already vetted. Anything else goes through every check below.
        const slash = file.lastIndexOf('/');
        const name = file.slice(slash + 1);
        if (!SPECIAL_NAME.test(name)) {
            const directory = vettedDirectory(file.slice(0, slash + 1));
            const loaded = directory === undefined ? undefined : readPlainFile(file, directory + (external_node_path_default()).sep + name);
            if (loaded)
                return loaded;
        }
        const absolute = external_node_path_default().resolve(workspace, file);
        let real;
        let stats;
        let isLink = false;
        try {
            const link = (0,external_node_fs_.lstatSync)(absolute, { throwIfNoEntry: false });
            if (!link)
                return { kind: 'missing', file };
            isLink = link.isSymbolicLink();
            real = isLink
                ? (0,external_node_fs_.realpathSync)(absolute)
                : external_node_path_default().join(realDirectory(external_node_path_default().dirname(absolute)), external_node_path_default().basename(absolute));
            stats = isLink ? (0,external_node_fs_.statSync)(real) : link;
        }
        catch (error) {
            if (isLink && (isCode(error, 'ENOENT') || isCode(error, 'ELOOP'))) {
                return problemAtStart(file, 'file/unreadable', 'This path is a symbolic link to something that does not exist (a dangling link); it was not read. Commit the manifest itself, or remove the link.');
            }
            if (isCode(error, 'ENOENT'))
                return { kind: 'missing', file };
            return problemAtStart(file, 'file/unreadable', `The file cannot be read: ${(0,error_message/* errorMessage */.g)(error)}.`);
        }
        if (real !== root && !real.startsWith(root + (external_node_path_default()).sep)) {
            return problemAtStart(file, 'file/outside-workspace', 'This path is a symbolic link that resolves outside the workspace; it was not read. Commit the manifest itself instead of a link to it.');
        }
        // .git holds the checkout's token (in .git/config): a manifest read from there would quote
        // it in a parse error.
        if (external_node_path_default().relative(root, real).split((external_node_path_default()).sep).includes('.git')) {
            return problemAtStart(file, 'file/outside-workspace', "This path resolves into a .git directory, which holds git's own files and the checkout's credentials; it was not read. Commit the manifest itself instead of a link to it.");
        }
        if (!stats.isFile()) {
            return problemAtStart(file, 'file/unreadable', 'This path is not a regular file.');
        }
        if (stats.size > MAX_FILE_BYTES) {
            return problemAtStart(file, 'file/too-large', `The file is ${formatBytes(stats.size)}; manifests may be at most ${formatBytes(MAX_FILE_BYTES)}. Split it into several files.`);
        }
        try {
            return decodeManifest(file, (0,external_node_fs_.readFileSync)(real));
        }
        catch (error) {
            return problemAtStart(file, 'file/unreadable', `The file cannot be read: ${(0,error_message/* errorMessage */.g)(error)}.`);
        }
    };
}
/** Names the shortcut leaves to the full checks: `.`, `..`, `.git`, and any with a backslash. */
const SPECIAL_NAME = /^(?:\.\.?|\.git|)$|\\/;
/**
 * A regular file of at most `MAX_FILE_BYTES` that is plain UTF-8 text; `undefined` for anything
 * else (a symbolic link, another kind of file, too large, bytes that are not text, an error),
 * which the caller then reads through the full sequence of checks.
 */
function readPlainFile(file, real) {
    try {
        const stats = (0,external_node_fs_.lstatSync)(real, { throwIfNoEntry: false });
        if (!stats?.isFile() || stats.size > MAX_FILE_BYTES)
            return undefined;
        // Node decodes natively, writing U+FFFD for what is not UTF-8: a text without it (or a NUL)
        // is exactly what `decodeManifest` would make of the bytes, BOM aside.
        const text = (0,external_node_fs_.readFileSync)(real, 'utf8');
        if (text.includes('\uFFFD') || text.includes('\0'))
            return undefined;
        return { kind: 'text', file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    }
    catch {
        return undefined;
    }
}
const UTF8 = new TextDecoder('utf-8');
/** UTF-8 decoding that reports where the text stops being text instead of inventing U+FFFD. */
function decodeManifest(file, bytes) {
    const nul = bytes.indexOf(0);
    const head = nul === -1 ? bytes : bytes.subarray(0, nul);
    // The native check is fast; the byte-by-byte scan runs only to find where the text breaks.
    const invalid = (0,external_node_buffer_.isUtf8)(head) ? -1 : firstInvalidUtf8(head);
    const bad = invalid !== -1 ? invalid : nul;
    if (bad === -1)
        return { kind: 'text', file, text: UTF8.decode(bytes) };
    const before = UTF8.decode(bytes.subarray(0, bad));
    const position = lineIndex(before)({ start: before.length, end: before.length + 1 });
    const what = bad === nul
        ? 'a NUL byte: this looks like a binary file'
        : `the byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}, which is not valid UTF-8`;
    return problemAt(file, {
        line: position.line,
        column: position.column,
        endLine: position.line,
        endColumn: position.column + 1,
    }, 'file/encoding', `The file contains ${what}. Save manifests as UTF-8 text.`);
}
/** Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i] ?? 0;
        if (b < 0x80) {
            i++;
            continue;
        }
        let length;
        let min;
        if (b >= 0xc2 && b <= 0xdf)
            [length, min] = [2, 0x80];
        else if (b >= 0xe0 && b <= 0xef)
            [length, min] = [3, 0x800];
        else if (b >= 0xf0 && b <= 0xf4)
            [length, min] = [4, 0x10000];
        else
            return i;
        let code = b & (0xff >> (length + 1));
        for (let k = 1; k < length; k++) {
            const next = bytes[i + k];
            if (next === undefined || (next & 0xc0) !== 0x80)
                return i;
            code = (code << 6) | (next & 0x3f);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not text.
        if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
            return i;
        i += length;
    }
    return -1;
}
function problemAtStart(file, code, text) {
    return problemAt(file, { line: 1, column: 1, endLine: 1, endColumn: 1 }, code, text);
}
function problemAt(file, position, code, message) {
    return { kind: 'problem', file, problem: { file, ...position, severity: 'error', code, message } };
}
function formatBytes(bytes) {
    return bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
        : `${Math.ceil(bytes / 1024)} KiB`;
}
function isCode(error, code) {
    return typeof error === 'object' && error !== null && error.code === code;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(6921);
// EXTERNAL MODULE: ./src/manifest/findings.ts
var manifest_findings = __webpack_require__(1647);
;// CONCATENATED MODULE: ./src/manifest/suggest.ts
/** For each candidate: the positions of each of its characters, as bits (ASCII by code). */
const positions = new Map();
/**
 * Damerau-free Levenshtein distance. The candidates are short known keys and values, so it is
 * computed a column of the table at a time, in the bits of one integer (Myers' algorithm, as
 * Hyyrö gives it for whole strings): a hostile file can hold 100,000 unknown keys, each
 * compared with every known key.
 */
function editDistance(a, b) {
    if (b.length === 0)
        return a.length;
    if (b.length > 31)
        return tableDistance(a, b);
    let bits = positions.get(b);
    if (!bits) {
        bits = { ascii: new Int32Array(128), other: new Map() };
        for (let j = 0; j < b.length; j++) {
            const code = b.charCodeAt(j);
            if (code < 128)
                bits.ascii[code] = (bits.ascii[code] ?? 0) | (1 << j);
            else
                bits.other.set(b[j], (bits.other.get(b[j]) ?? 0) | (1 << j));
        }
        positions.set(b, bits);
    }
    const last = 1 << (b.length - 1);
    let plus = -1;
    let minus = 0;
    let distance = b.length;
    for (let i = 0; i < a.length; i++) {
        const code = a.charCodeAt(i);
        const equal = code < 128 ? (bits.ascii[code] ?? 0) : (bits.other.get(a[i]) ?? 0);
        const vertical = equal | minus;
        const horizontal = (((equal & plus) + plus) ^ plus) | equal;
        let up = minus | ~(horizontal | plus);
        let down = plus & horizontal;
        if (up & last)
            distance++;
        else if (down & last)
            distance--;
        up = (up << 1) | 1;
        down <<= 1;
        plus = down | ~(vertical | up);
        minus = up & vertical;
    }
    return distance;
}
function tableDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/** The closest candidate, if it is close enough to be a plausible typo. */
function closest(word, candidates) {
    const lowered = word.toLowerCase().replace(/-/g, '_');
    const tolerance = Math.max(2, Math.floor(word.length / 3));
    let best;
    let bestDistance = tolerance + 1;
    for (const candidate of candidates) {
        // The distance is at least the difference in length: such a candidate cannot be closer.
        if (Math.abs(lowered.length - candidate.length) >= bestDistance)
            continue;
        const distance = editDistance(lowered, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

;// CONCATENATED MODULE: ./src/manifest/accepts.ts
const UNSURE = () => false;
/**
 * A check compiled from a zod schema's definition that answers, in one plain walk, whether
 * `schema.safeParse(value)` would succeed: for a valid manifest, zod's issue machinery (one
 * parse per pin, contexts, wrappers) costs several times the walk. It knows the kinds of schema
 * and check the manifest schema is made of, exactly as zod applies them; for anything else
 * (another kind, a refinement, coercion, a transform) it is never sure, and zod decides. So a
 * field added to the schema is checked by zod until this knows its kind, and a value this
 * accepts is one zod accepts. Checks apply here unconditionally: zod's `when` can only skip one.
 */
function compileAccepts(schema) {
    const def = schema._zod.def;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    // A schema that is its own check (a string format, a number format) lists it in its definition.
    if ('check' in def && def.type !== 'number')
        return UNSURE;
    switch (def.type) {
        case 'optional': {
            const inner = compileAccepts(def.innerType);
            return checks.length > 0 ? UNSURE : (value) => value === undefined || inner(value);
        }
        case 'nullable': {
            const inner = compileAccepts(def.innerType);
            return checks.length > 0 ? UNSURE : (value) => value === null || inner(value);
        }
        case 'unknown':
        case 'any':
            return checks.length > 0 ? UNSURE : () => true;
        case 'boolean':
            return checks.length > 0 || def.coerce
                ? UNSURE
                : (value) => typeof value === 'boolean';
        case 'enum': {
            // String options only: zod reads a numeric enum's entries its own way.
            const options = Object.values(def.entries);
            if (checks.length > 0 || !options.every((o) => typeof o === 'string'))
                return UNSURE;
            const values = new Set(options);
            return (value) => values.has(value);
        }
        case 'string': {
            const length = lengthBounds(checks);
            if (!length || def.coerce)
                return UNSURE;
            return (value) => typeof value === 'string' && value.length >= length.min && value.length <= length.max;
        }
        case 'number':
            return numberAccepts(def, checks);
        case 'array': {
            const length = lengthBounds(checks);
            const element = compileAccepts(def.element);
            if (!length)
                return UNSURE;
            return (value) => {
                if (!Array.isArray(value) || value.length < length.min || value.length > length.max)
                    return false;
                for (const item of value)
                    if (!element(item))
                        return false;
                return true;
            };
        }
        case 'record': {
            const { keyType, valueType, mode } = def;
            const key = keyType._zod.def;
            if (checks.length > 0 || mode === 'loose' || key.type !== 'string' || key.checks?.length)
                return UNSURE;
            const item = compileAccepts(valueType);
            return (value) => {
                // zod reads symbol keys too, and a string key schema refuses them.
                if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0)
                    return false;
                for (const name of Object.keys(value))
                    if (!item(value[name]))
                        return false;
                return true;
            };
        }
        case 'object': {
            const { shape, catchall } = def;
            // Only a strict object: every key known, none stripped or passed through.
            if (checks.length > 0 || catchall?._zod.def.type !== 'never')
                return UNSURE;
            const fields = new Map(Object.entries(shape).map(([name, field]) => [name, compileAccepts(field)]));
            const required = Object.keys(shape).filter((name) => shape[name]?._zod.def.type !== 'optional');
            return (value) => {
                if (!isPlainObject(value))
                    return false;
                for (const name of Object.keys(value)) {
                    const accepts = fields.get(name);
                    if (accepts === undefined || !accepts(value[name]))
                        return false;
                }
                for (const name of required)
                    if (!Object.hasOwn(value, name))
                        return false;
                return true;
            };
        }
        default:
            return UNSURE;
    }
}
function numberAccepts(def, checks) {
    if (def.coerce)
        return UNSURE;
    // `z.int()` is a number that is its own format check; `.int()` adds one to `checks`.
    const all = 'check' in def ? [def, ...checks] : checks;
    let integer = false;
    let min = -Infinity;
    let max = Infinity;
    for (const check of all) {
        if (check.check === 'number_format') {
            const { format } = check;
            if (format !== 'safeint')
                return UNSURE;
            integer = true;
        }
        else if (check.check === 'greater_than') {
            const { value, inclusive } = check;
            if (typeof value !== 'number')
                return UNSURE;
            // Exclusive bounds are kept out of the comparison below: not sure, zod decides.
            if (!inclusive)
                return UNSURE;
            min = Math.max(min, value);
        }
        else if (check.check === 'less_than') {
            const { value, inclusive } = check;
            if (typeof value !== 'number' || !inclusive)
                return UNSURE;
            max = Math.min(max, value);
        }
        else
            return UNSURE;
    }
    return (value) => typeof value === 'number' &&
        Number.isFinite(value) &&
        (!integer || Number.isSafeInteger(value)) &&
        value >= min &&
        value <= max;
}
/** Length bounds from `min_length` and `max_length` checks; `undefined` for any other check. */
function lengthBounds(checks) {
    let min = 0;
    let max = Infinity;
    for (const check of checks) {
        if (check.check === 'min_length')
            min = Math.max(min, check.minimum);
        else if (check.check === 'max_length')
            max = Math.min(max, check.maximum);
        else
            return undefined;
    }
    return { min, max };
}
/** An object with the plain prototype, as parsers make them, which zod takes for a record. */
function isPlainObject(value) {
    return (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.getPrototypeOf(value) === Object.prototype);
}

// EXTERNAL MODULE: ./src/manifest/codes.ts
var codes = __webpack_require__(7439);
// EXTERNAL MODULE: ./src/manifest/schema.ts
var schema = __webpack_require__(6470);
;// CONCATENATED MODULE: ./src/manifest/check-schema.ts






/** What each field is, so a "missing" or "wrong type" message can say what to write. */
const FIELD_HINTS = {
    model: 'the recommender model name, e.g. basket',
    target_type: 'one of item, criteria, all',
    target_identity: "the target item's id",
    target_criteria: 'a non-empty criteria object',
    target_metadata: 'a mapping such as {title: ..., image: ...}',
    tags: 'a list of strings',
    pin_definitions: 'a non-empty list of pins',
    position: 'an integer: -1 for every position, 0 to block, 1 or more for that position',
    pin_type: 'item or criteria',
    pin_identity: 'the id of the item to pin',
    pin_criteria: 'a non-empty criteria object',
    widget_id: 'a widget id string',
    is_block_pin: 'true or false',
    is_bundle_pin: 'true or false',
    active_from: 'an ISO 8601 date-time with offset, e.g. 2026-01-31T00:00:00Z',
    active_to: 'an ISO 8601 date-time with offset, e.g. 2026-02-28T23:59:59Z',
    $schema: 'a string (a URL or path of the JSON Schema)',
};
/** Structural checks (types, required keys, unknown keys, enums) from the zod schema. */
function checkSchema(value) {
    if (DOCUMENT.certainlyValid(value))
        return [];
    const findings = issuesOf(OUTSIDE_LISTS, value, [], value);
    for (const [key, itemPart] of LISTS) {
        const items = (0,manifest_findings/* isRecord */.u4)(value) && Array.isArray(value[key]) ? value[key] : [];
        // Item by item, and no further than a file's worth of problems: a hostile file of 100,000
        // broken pins or tags must not cost 100,000 problems' time and memory. The items come in
        // reading order, so the problems left out would not be listed anyway. (An item's echoes are
        // its own, so they are dropped before counting.)
        let listed = 0;
        for (let i = 0; i < items.length && listed <= codes/* MAX_PROBLEMS_PER_FILE */.JG; i++) {
            const item = issuesOf(itemPart, items[i], [key, i], value);
            for (const finding of item)
                findings.push(finding);
            listed += (0,manifest_findings/* withoutEchoes */.Kx)(item).length;
        }
    }
    return findings;
}
const part = (schema) => ({ schema, certainlyValid: compileAccepts(schema) });
/** The lists checked item by item in `checkSchema`, and the schema of their items. */
const LISTS = [
    ['pin_definitions', part(schema/* manifestPinSchema */.c3)],
    ['tags', part(schema/* customizationSchema */.BK.shape.tags.unwrap().element)],
];
/** The document with its lists' items only counted; they are checked one by one in `checkSchema`. */
const OUTSIDE_LISTS = part(schema/* manifestSchema */.rc.extend({
    pin_definitions: schemas/* array */.YOg(schemas/* unknown */.L5J()).min(1),
    tags: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullable().optional(),
}));
const DOCUMENT = part(schema/* manifestSchema */.rc);
function issuesOf(part, value, base, document) {
    if (part.certainlyValid(value))
        return [];
    const result = part.schema.safeParse(value);
    if (result.success)
        return [];
    return result.error.issues.flatMap((issue) => toFindings({ ...issue, path: [...base, ...issue.path] }, document));
}
function toFindings(issue, document) {
    const path = issue.path.filter((s) => typeof s !== 'symbol');
    const field = lastKey(path);
    const hint = FIELD_HINTS[field];
    const at = (0,manifest_findings/* formatPath */.jV)(path);
    const actual = valueAt(document, path);
    // zod reports a missing key as a wrong type, or for an enum as a wrong value.
    if (actual === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
        const parent = path.slice(0, -1);
        return [
            {
                path: parent,
                code: 'schema/required',
                missing: field,
                message: `Missing required key "${field}" in ${(0,manifest_findings/* formatPath */.jV)(parent)}: add ${hint ?? 'it'}.`,
            },
        ];
    }
    // Optional fields may be null; a required one may not, and that is one problem, not a type.
    if (actual === null && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
        return [
            {
                path,
                code: 'schema/required',
                missing: field,
                message: `${at} is null, but it is required: write ${hint ?? 'a value'}.`,
            },
        ];
    }
    switch (issue.code) {
        case 'unrecognized_keys': {
            const inPin = path.length > 0;
            return issue.keys.map((key) => new UnknownKey([...path, key], inPin));
        }
        case 'invalid_type': {
            if (field === 'position')
                return [positionFinding(path, actual)];
            return [
                {
                    path,
                    code: 'schema/type',
                    message: `${at} must be ${hint ?? issue.expected}, not ${describeType(actual)} ${(0,manifest_findings/* quote */.hD)(actual)}${typeAdvice(issue.expected, actual)}`,
                },
            ];
        }
        case 'invalid_value': {
            const options = issue.values.map(String);
            const suggestion = typeof actual === 'string' ? closest(actual, options) : undefined;
            return [
                {
                    path,
                    code: 'schema/enum',
                    message: `${at} must be one of ${options.join(', ')}, not ${(0,manifest_findings/* quote */.hD)(actual)}` +
                        (suggestion ? `: did you mean "${suggestion}"?` : '.'),
                },
            ];
        }
        case 'too_small': {
            if (field === 'position')
                return [positionFinding(path, actual)];
            if (field === 'pin_definitions') {
                return [
                    {
                        path,
                        code: 'pins/empty',
                        message: 'pin_definitions is empty: add at least one pin. To remove a customization, delete its document.',
                    },
                ];
            }
            return [
                {
                    path,
                    code: 'schema/empty-string',
                    message: `${at} is empty: write ${hint ?? 'a value'}.`,
                },
            ];
        }
        case 'invalid_format':
            return [
                {
                    path,
                    code: 'pin/date-format',
                    message: `${at} is ${(0,manifest_findings/* quote */.hD)(actual)}, not an ISO 8601 date-time with a time zone: write e.g. 2026-01-31T00:00:00Z or 2026-01-31T00:00:00+01:00.`,
                },
            ];
        default:
            return [
                {
                    path,
                    code: 'schema/type',
                    message: `${at}: ${issue.message}${hint ? ` (expected ${hint})` : ''}.`,
                },
            ];
    }
}
function positionFinding(path, actual) {
    return {
        path,
        code: 'pin/position',
        message: `position is ${(0,manifest_findings/* quote */.hD)(actual)}: it must be ${FIELD_HINTS.position}.`,
    };
}
/** What to write instead, where YAML read a value as another type than was meant. */
function typeAdvice(expected, actual) {
    if (expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
        return ': quote it as written, so YAML reads it as text (unquoted digits are a number, and lose leading zeros).';
    }
    if (expected === 'boolean' &&
        typeof actual === 'string' &&
        /^(?:y|yes|n|no|on|off)$/i.test(actual)) {
        return `: YAML 1.2 reads ${actual} as text. Write true or false.`;
    }
    return '.';
}
function lastKey(path) {
    for (let i = path.length - 1; i >= 0; i--) {
        const segment = path[i];
        if (typeof segment === 'string')
            return segment;
    }
    return '';
}
function valueAt(document, path) {
    let current = document;
    for (const segment of path) {
        if (Array.isArray(current) && typeof segment === 'number')
            current = current[segment];
        else if ((0,manifest_findings/* isRecord */.u4)(current) && typeof segment === 'string' && Object.hasOwn(current, segment))
            current = current[segment];
        else
            return undefined;
    }
    return current;
}
function describeType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'the integer' : 'the number';
    return `the ${typeof value}`;
}
/**
 * An unknown key. Its suggestion and message are worked out only when read, and on a prototype,
 * not per object: a hostile file can hold 100,000 unknown keys, of which only a file's worth are
 * listed (see `listed` in validate.ts), and a suggestion is read besides only where a required
 * key is missing (see `withoutEchoes`).
 */
class UnknownKey {
    path;
    inPin;
    part = 'key';
    code = 'schema/unknown-key';
    #near;
    constructor(path, inPin) {
        this.path = path;
        this.inPin = inPin;
    }
    get key() {
        return String(this.path.at(-1));
    }
    get known() {
        return this.inPin ? schema/* PIN_KEYS */.RS : schema/* CUSTOMIZATION_KEYS */.be;
    }
    get suggestion() {
        this.#near ??= { key: closest(this.key, this.known) };
        return this.#near.key;
    }
    get message() {
        const near = this.suggestion;
        const elsewhere = near
            ? undefined
            : closest(this.key, this.inPin ? schema/* CUSTOMIZATION_KEYS */.be : schema/* PIN_KEYS */.RS);
        const advice = near
            ? `did you mean "${near}"?`
            : elsewhere
                ? `did you mean "${elsewhere}"? It belongs ${this.inPin ? 'at the top level of the document' : 'inside a pin, under pin_definitions'}.`
                : `allowed keys are ${this.known.join(', ')}.`;
        return `Unknown key ${(0,manifest_findings/* quote */.hD)(this.key)} in ${this.inPin ? 'a pin' : 'a customization'}: ${advice}`;
    }
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/manifest/nesting.ts
/**
 * A cheap estimate of how deeply a YAML/JSON text nests, computed without parsing, so that a
 * hostile file thousands of levels deep is refused before a parser spends seconds and hundreds
 * of megabytes on it. It counts structure, whatever stands before it: block nesting from the
 * stack of indentation levels plus the compact indicators (`- `, `? `, `: `) that open a level on
 * one line; flow nesting from brackets, outside quotes and comments, that open a collection even
 * after tabs, tags (`!t`) or anchors (`&a`). It may count a level twice (a `- key:` line opens
 * two and counts as one at worst) but never misses a run of levels, so callers give it a
 * generous limit and count exactly on the parsed data.
 */
function nestingDepth(text, limit) {
    const indents = [];
    let flow = 0;
    /** The quote a flow scalar is open in, as a character code, or NONE. */
    let quote = NONE;
    let lineStart = 0;
    const loneCr = /\r(?!\n)/.test(text);
    while (lineStart <= text.length) {
        const lineEnd = loneCr ? endOfLine(text, lineStart) : newline(text, lineStart);
        let i = lineStart;
        if (flow === 0 && quote === NONE) {
            while (i < lineEnd && text[i] === ' ')
                i++;
            const blank = i >= lineEnd || text[i] === '#';
            if (!blank) {
                const indent = i - lineStart;
                while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent)
                    indents.pop();
                indents.push(indent);
                let compact = 0;
                while (isIndicator(text[i]) && isBlank(text[i + 1])) {
                    if (indents.length + ++compact > limit)
                        return { exceeded: true, offset: i };
                    i += 2;
                    while (isBlank(text[i]))
                        i++;
                }
                if (indents.length + compact > limit)
                    return { exceeded: true, offset: i };
            }
        }
        for (; i < lineEnd; i++) {
            const c = text.charCodeAt(i);
            if (quote !== NONE) {
                if (c === BACKSLASH && quote === DOUBLE)
                    i++;
                else if (c === quote)
                    quote = NONE;
                continue;
            }
            // Most characters change nothing: the rest are all below `~`.
            if (c > CLOSE_BRACE || !MEANINGFUL[c])
                continue;
            if (c === HASH && (i === lineStart || isBlank(text[i - 1])))
                break;
            if (flow > 0 && (c === DOUBLE || c === SINGLE) && startsValue(text, lineStart, i, true))
                quote = c;
            else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
                if (flow > 0 || startsValue(text, lineStart, i, false))
                    flow++;
                if (flow + indents.length > limit)
                    return { exceeded: true, offset: i };
            }
            else if (flow > 0 && (c === CLOSE_BRACKET || c === CLOSE_BRACE))
                flow--;
        }
        lineStart = lineEnd + 1;
    }
    return { exceeded: false, offset: 0 };
}
const NONE = -1;
const DOUBLE = 0x22;
const SINGLE = 0x27;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const MEANINGFUL = new Uint8Array(CLOSE_BRACE + 1);
for (const c of [DOUBLE, SINGLE, HASH, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE])
    MEANINGFUL[c] = 1;
/** Where a line ends in a text with no lone CR: at its LF (a CRLF's CR is read as a blank). */
function newline(text, from) {
    const end = text.indexOf('\n', from);
    return end === -1 ? text.length : end;
}
/** CR, LF and CRLF all end a line in YAML. */
function endOfLine(text, from) {
    for (let i = from; i < text.length; i++) {
        if (text[i] === '\n')
            return i;
        if (text[i] === '\r')
            return text[i + 1] === '\n' ? i + 1 : i;
    }
    return text.length;
}
const isBlank = (c) => c === ' ' || c === '\t' || c === '\r';
const isIndicator = (c) => c === '-' || c === '?' || c === ':';
/**
 * Whether the character at `at` begins a value: at the start of the line or after an indicator
 * (`:`, `-`, `?`, `,`, and in flow `[` and `{`), with blanks and node properties (a tag `!t`, an
 * anchor `&a`) in between. Inside a plain scalar (`Guitars [new]`, `rock 'n' roll`) it does not.
 */
function startsValue(text, lineStart, at, inFlow) {
    let j = at - 1;
    for (;;) {
        while (j >= lineStart && isBlank(text[j]))
            j--;
        if (j < lineStart)
            return true;
        const before = text[j] ?? '';
        if (':-?,'.includes(before) || (inFlow && (before === '[' || before === '{')))
            return true;
        // A node property (`!tag`, `&anchor`) may stand between; a plain word may not. Properties
        // are short: looking back at most PROPERTY_LENGTH characters keeps this linear, and a
        // longer one can hide only a few levels in a file of bounded size.
        let word = j;
        const stop = Math.max(lineStart, j - PROPERTY_LENGTH);
        while (word > stop && !isBlank(text[word - 1]) && !',[]{}'.includes(text[word - 1] ?? '')) {
            word--;
        }
        if (text[word] !== '!' && text[word] !== '&')
            return false;
        j = word - 1;
    }
}
const PROPERTY_LENGTH = 1024;

;// CONCATENATED MODULE: ./src/manifest/node-events.ts
/** A js-yaml `listener` and the events it records. */
function recordNodes() {
    const events = { open: [], close: [], kind: [], result: [], parent: [] };
    const { open, close, kind, result, parent } = events;
    const stack = [];
    const listener = (event, state) => {
        if (event === 'open') {
            parent.push(stack.length === 0 ? -1 : stack[stack.length - 1]);
            stack.push(open.length);
            open.push(state.position);
            close.push(-1);
            kind.push(null);
            result.push(undefined);
            return;
        }
        const node = stack.pop();
        close[node] = state.position;
        kind[node] = state.kind;
        result[node] = state.result;
    };
    return { events, listener };
}
/** Records how js-yaml's read ended: whole, or with `error`, where js-yaml refused the text. */
function endRead(events, text, error) {
    if (error === undefined) {
        events.end = {};
        return;
    }
    const { mark, reason } = error;
    events.end = {
        refusedAt: mark?.position ?? text.length,
        duplicateKey: reason === 'duplicated mapping key',
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/manifest/dense.ts



const dense_NONE = [];
/** Thrown from js-yaml's events once the documents past the limit are reached. */
class Enough extends Error {
}
/** Thrown inside the reader where it cannot be sure; the text is then left to `yaml`. */
class Unsure extends Error {
}
/**
 * A directive, a line that starts like a document marker but is none (`----`: js-yaml reads a
 * marker), a lone CR, a tab in a line's indentation (`yaml` refuses more of those than
 * js-yaml), a byte order mark (js-yaml drops one, `yaml` reads one differently mid-text), a comment
 * right after a quote, bracket, comma or colon (an error to `yaml`), or an
 * explicit key (`? `, in block or flow style).
 */
const LEFT_TO_YAML = /^%|^(?:---|\.\.\.)[^\s]|\r(?!\n)|^ *\t|\uFEFF|["'[\]{},:]#|^[ \t-]*\?(?:[ \t]|$)|[[{,][ \t]*\?(?:[ \t]|$)/m;
/** Keys this long may pass `yaml`'s limit of 1024 characters from a key's start to its colon. */
const LONG_KEY = 1000;
function readDense(text, maxDocuments, maxAliasCount, recorded) {
    if (LEFT_TO_YAML.test(text))
        return undefined;
    // A read that refused a repeated key stopped short of where this reader, which takes them, goes on.
    const read = recorded?.end && !recorded.end.duplicateKey
        ? replay(recorded, text.length, maxDocuments)
        : readAgain(text, maxDocuments);
    const { roots, stack } = read;
    const { refused, refusedAt } = read;
    const reader = new Reader(text);
    try {
        const documents = roots.slice(0, maxDocuments).map((frame) => {
            const root = reader.document(frame);
            return { root, value: frame.result, aliasLimit: aliasLimitPassed(root, maxAliasCount) };
        });
        if (refused) {
            const open = stack[0];
            if (!open)
                return undefined;
            const resume = roots.length === 0 ? 0 : reader.documentStart(open);
            // Where the trouble may begin: the nodes open at the mistake, or the last one read whole.
            const starts = stack.slice(1).map((frame) => frame.open);
            const last = stack[stack.length - 1]?.children?.at(-1);
            if (last)
                starts.push(last.open);
            const tails = reader.tails(open, [...starts, refusedAt]);
            return { documents, resume, ...reader.cut(stack), tails };
        }
        const overflow = roots[maxDocuments];
        return overflow === undefined
            ? { documents }
            : { documents, overflowAt: reader.documentStart(overflow) };
    }
    catch (error) {
        if (error instanceof Unsure)
            return undefined;
        throw error;
    }
}
function readAgain(text, maxDocuments) {
    const roots = [];
    const stack = [];
    const listener = (event, state) => {
        if (event === 'open') {
            stack.push({ open: state.position, close: 0, kind: null, result: null });
            return;
        }
        const frame = stack.pop();
        frame.close = state.position;
        frame.kind = state.kind;
        frame.result = state.result;
        const node = itself(frame);
        const parent = stack[stack.length - 1];
        if (parent)
            (parent.children ??= []).push(node);
        else
            roots.push(node);
        // `yaml` composes no further than one document past the limit: neither does this reader.
        if (roots.length > maxDocuments)
            throw new Enough();
    };
    let refused = false;
    let refusedAt = 0;
    try {
        (0,js_yaml/* loadAll */.gh)(text, null, { schema: yaml12Core, json: true, listener });
    }
    catch (error) {
        refused = !(error instanceof Enough);
        refusedAt = error.mark?.position ?? text.length;
    }
    return { roots, stack, refused, refusedAt };
}
/**
 * The frames `readAgain` would make, from the events of a read that ended other than at a
 * repeated key (the one place where this reader's js-yaml options read on where the fast
 * pass's refuse). Children close before their parent: the nodes are closed last opened first.
 */
function replay(events, length, maxDocuments) {
    const { open, close, kind, result, parent } = events;
    const frames = open.map((at) => ({ open: at, close: 0, kind: null, result: null }));
    const roots = [];
    const stack = [];
    for (let i = frames.length - 1; i >= 0; i--) {
        const frame = frames[i];
        frame.children?.reverse();
        const closed = close[i];
        if (closed < 0) {
            stack.push(frame);
            continue;
        }
        frame.close = closed;
        frame.kind = kind[i] ?? null;
        frame.result = result[i];
        const node = itself(frame);
        const up = parent[i];
        if (up === -1)
            roots.push(node);
        else
            (frames[up].children ??= []).push(node);
    }
    roots.reverse();
    stack.reverse();
    // Past the limit the reader stops, before anything js-yaml refused after it.
    if (roots.length > maxDocuments)
        return { roots: roots.slice(0, maxDocuments + 1), stack: [], refused: false, refusedAt: 0 };
    const refusedAt = events.end?.refusedAt;
    return { roots, stack, refused: refusedAt !== undefined, refusedAt: refusedAt ?? length };
}
class Reader {
    text;
    constructor(text) {
        this.text = text;
    }
    /** A document's root: always placed, as `yaml` starts the document there. */
    document(frame) {
        const node = this.place(frame, true);
        if (node.start < 0)
            throw new Unsure();
        return node;
    }
    /** Where `yaml` starts a document: at its `---`. */
    documentStart(frame) {
        const close = frame.close || this.text.length;
        if (frame.kind === null &&
            frame.close > 0 &&
            this.text[skipSpace(this.text, frame.open, close)] !== '*')
            return this.marker(frame.open - 1);
        return this.marker(this.contentStart(frame.open, close));
    }
    /**
     * The longest run of lines to leave out of the document js-yaml stopped in: of the open
     * collections (`open`, outermost first) and the whole ones in them, the one with the most text
     * in whole entries or items, without its first one and its last two (a mistake may be read
     * against them).
     */
    cut(open) {
        const size = (frame) => (frame.close || this.text.length) - frame.open;
        const length = (run) => run.end - run.start;
        // A run lies inside its frame: once a run fit to leave out is found, frames smaller than it
        // (most are the small entries of a long list) cannot hold a run that would come first.
        const frames = open
            .flatMap((frame) => [frame, ...(frame.children ?? dense_NONE)])
            .map((frame, order) => ({ frame, order }))
            .sort((a, b) => size(b.frame) - size(a.frame));
        const found = [];
        const fits = new Map();
        let best;
        for (const { frame, order } of frames) {
            if (best && size(frame) < length(best))
                break;
            for (const run of this.runs(frame))
                found.push({ run, order });
            found.sort((a, b) => length(b.run) - length(a.run) || a.order - b.order);
            best = found.find(({ run }) => this.fits(run, fits))?.run;
        }
        return best ? { cut: { start: best.start, end: best.end } } : {};
    }
    /** Whether each unit of the run is placed, with no anchor or alias (remembered in `fits`). */
    fits(run, fits) {
        let fit = fits.get(run);
        if (fit === undefined) {
            try {
                for (const unit of run.units)
                    this.plain(unit);
                fit = true;
            }
            catch (error) {
                if (!(error instanceof Unsure))
                    throw error;
                fit = false;
            }
            fits.set(run, fit);
        }
        return fit;
    }
    tails(root, after) {
        const text = this.text;
        const mistake = Math.max(...after);
        const first = root.children?.[0];
        if (!first ||
            first.kind !== 'scalar' ||
            '-[{'.includes(text[this.contentStart(root.open, text.length)] ?? '[') ||
            /^(?:---|\.\.\.)(?:\s|$)/m.test(text.slice(this.lineStart(mistake))))
            return [];
        const trouble = this.lineStart(Math.min(...after));
        const ends = after.flatMap((from) => {
            // A plain key of the root mapping: a line at column 0 that starts with an indicator, or
            // holds no key, may go on with what is before it.
            const line = /\n[\w$][^\n#:]*:(?:[ \t]|\r?\n|$)/g;
            line.lastIndex = from;
            const found = line.exec(text);
            if (!found)
                return [];
            const end = text.indexOf('\n', found.index + 1);
            // Only a plain key may start at column 0 before it: a quote or a bracket there opens a
            // node that lines at column 0 do not end.
            const before = text.slice(trouble, found.index + 1);
            if (/(?:^|\n)[^\s\w$#-]/.test(before))
                return [];
            return end === -1 || text.includes('!', end) ? [] : [end + 1];
        });
        return [...new Set(ends)].sort((a, b) => a - b);
    }
    /** The run of whole entries or items of a block collection that may be left out, if any. */
    runs(frame) {
        const children = frame.children ?? dense_NONE;
        const first = children[0];
        if (!first || '[{'.includes(this.text[this.contentStart(frame.open, first.open)] ?? '['))
            return [];
        const starts = children.map((child) => this.contentStart(child.open, child.close || this.text.length));
        const column = (at) => at - this.lineStart(at);
        const prefix = (at) => this.text.slice(this.lineStart(at), at);
        // Items of a block list each start after a `- ` at the first one's column; keys of a block
        // mapping each start a line at the first key's column (the first may follow a `- `).
        const items = starts.map((_, i) => [i]);
        const pairs = starts.flatMap((_, i) => i % 2 === 0 && i + 1 < starts.length ? [[i, i + 1]] : []);
        for (const [units, lead] of [
            [items, /^ *- +$/],
            [pairs, /^ *$/],
        ]) {
            const heads = units.map((unit) => starts[unit[0]]);
            const at = column(heads[0]);
            const lined = heads.every((head, i) => (i === 0 || lead.test(prefix(head))) && column(head) === at);
            if (!lined || units.length < 5)
                continue;
            return [
                {
                    start: this.lineStart(heads[1]),
                    end: this.lineStart(heads[units.length - 2]),
                    units: units.slice(1, -2).flatMap((unit) => unit.map((i) => children[i])),
                },
            ];
        }
        return [];
    }
    lineStart(offset) {
        // (lastIndexOf reads a negative position as 0.)
        return offset <= 0 ? 0 : this.text.lastIndexOf('\n', offset - 1) + 1;
    }
    /** Throws unless the node is placed, with no anchor or alias (a later alias may name it). */
    plain(frame) {
        const stack = [this.place(frame)];
        for (let node = stack.pop(); node; node = stack.pop()) {
            if (node.anchor !== undefined || node.alias !== undefined)
                throw new Unsure();
            for (const entry of node.entries ?? [])
                stack.push(entry.key, entry.value);
            for (const item of node.items ?? [])
                stack.push(item);
        }
    }
    /**
     * The `---` on the line of `from` or above it, with only blank lines and comments between; a
     * document that starts otherwise (a file's first, or one after `...`) is `yaml`'s to place.
     */
    marker(from) {
        const text = this.text;
        for (let line = this.lineStart(from), own = true;; line = this.lineStart(line - 1), own = false) {
            const end = text.indexOf('\n', line);
            const content = text.slice(line, end === -1 ? text.length : end);
            if (/^---(?:[ \t\r#]|$)/.test(content))
                return line;
            const blank = content.trim() === '' || content.trimStart().startsWith('#');
            if (line === 0 || (!own && !blank))
                throw new Unsure();
        }
    }
    place(frame, root = false) {
        const text = this.text;
        const start = this.contentStart(frame.open, frame.close);
        const node = { kind: 'scalar', start, end: start };
        const first = text[start];
        if (text[skipSpace(this.text, frame.open, frame.close)] === '&')
            node.anchor = this.anchor(frame.open);
        if (frame.kind === 'mapping') {
            node.kind = 'map';
            node.entries = this.entries(frame, first === '{');
            // An anchor on the line of the first key is that key's (`&a key: value`), as it is to `yaml`.
            if (first !== '{' && !this.onNewLine(frame.open, start))
                delete node.anchor;
        }
        else if (frame.kind === 'sequence') {
            node.kind = 'list';
            node.items = (frame.children ?? dense_NONE).map((child) => this.place(child));
            if (first !== '[')
                this.aligned(start, node.items);
            // js-yaml opens no node for an empty item (`-` alone): items no longer line up with data.
            if (!Array.isArray(frame.result) || node.items.length !== frame.result.length) {
                if (first === '[')
                    throw new Unsure();
                node.lost = true;
            }
        }
        else if (first === '*') {
            node.alias = this.name(start + 1);
            node.end = start + 1 + node.alias.length;
        }
        else if (frame.kind === null) {
            // An empty document is placed after its `---`, which js-yaml has passed before the node.
            node.start = node.end = this.empty(root ? this.marker(frame.open - 1) + 3 : frame.open, frame.close);
        }
        else if (first === '"' || first === "'") {
            node.end = Math.min(frame.close, text.length);
            // js-yaml takes any indentation for the lines of a quoted scalar; `yaml` checks it.
            if (text.lastIndexOf('\n', node.end) > start)
                throw new Unsure();
        }
        else if (first === '|' || first === '>') {
            node.start = node.end = -1;
        }
        else {
            node.end = this.plainEnd(start, frame.close);
        }
        return node;
    }
    entries(frame, flow) {
        const children = frame.children ?? dense_NONE;
        let pairs = children.length;
        // A block mapping's last attempt at another key, which finds none, is an empty frame.
        if (pairs % 2 === 1) {
            const last = children[--pairs];
            if (last.kind !== null ||
                last.result !== null ||
                skipSpace(this.text, last.open, last.close) < last.close)
                throw new Unsure();
        }
        const entries = [];
        for (let i = 0; i < pairs; i += 2) {
            const keyFrame = children[i];
            const valueFrame = children[i + 1];
            const key = this.place(keyFrame);
            // `yaml` makes '' of a null key where js-yaml makes 'null'; a collection or an alias as a
            // key is `yaml`'s to report.
            if (keyFrame.kind !== 'scalar' ||
                keyFrame.result === null ||
                key.start < 0 ||
                key.alias !== undefined ||
                valueFrame.open - key.start > LONG_KEY)
                throw new Unsure();
            const name = String(keyFrame.result);
            const value = this.place(valueFrame);
            // In flow style js-yaml opens an empty value past the comments after its colon.
            if (flow && valueFrame.kind === null && value.alias === undefined)
                throw new Unsure();
            // A block mapping on its key's line (`a: b: c`) is an error to `yaml`, not to js-yaml.
            if (value.kind === 'map' &&
                !this.onNewLine(valueFrame.open, value.start) &&
                this.text[value.start] !== '{')
                throw new Unsure();
            entries.push({ name, key, value });
        }
        // The entries must be the data's: each of its keys, and no other.
        const result = frame.result;
        if (typeof result !== 'object' || result === null)
            throw new Unsure();
        let size = 0;
        for (const key in result)
            if (Object.hasOwn(result, key))
                size++;
        const distinct = size === entries.length ? size : new Set(entries.map((entry) => entry.name)).size;
        if (size !== distinct || !entries.every((entry) => Object.hasOwn(result, entry.name)))
            throw new Unsure();
        return entries;
    }
    /**
     * Throws unless each item of the block list at `start` follows a `-` at its column, on the
     * item's line: js-yaml reads items of an outer list into an inner one in places.
     */
    aligned(start, items) {
        const text = this.text;
        const column = start - this.lineStart(start);
        for (const item of items) {
            if (item.start < 0)
                continue;
            let dash = item.start - 1;
            for (;;) {
                while (text[dash] === ' ' || text[dash] === '\t')
                    dash--;
                if (text[dash] === '-')
                    break;
                // Back over the item's anchor, if that is what stands between.
                let token = dash;
                while (token > 0 && !/[\s]/.test(text[token - 1]))
                    token--;
                if (text[token] !== '&')
                    throw new Unsure();
                dash = token - 1;
            }
            if (dash - this.lineStart(dash) !== column)
                throw new Unsure();
        }
    }
    /** Where the node's own text begins, past spaces, comments and its anchor; a tag is `yaml`'s. */
    contentStart(from, to) {
        let start = skipSpace(this.text, from, to);
        while (start < to && (this.text[start] === '&' || this.text[start] === '!')) {
            if (this.text[start] === '!')
                throw new Unsure();
            start = skipSpace(this.text, start + 1 + this.name(start + 1).length, to);
        }
        return start;
    }
    /** The last of the anchors before a node's text (js-yaml takes one only). */
    anchor(from) {
        let at = skipSpace(this.text, from, this.text.length);
        let name = '';
        while (this.text[at] === '&') {
            name = this.name(at + 1);
            at = skipSpace(this.text, at + 1 + name.length, this.text.length);
        }
        return name;
    }
    /**
     * Where `yaml` places an empty value: after its indicator (or its anchor) and the spaces that
     * follow on that line. js-yaml opens the node right after the indicator.
     */
    empty(from, close) {
        let at = this.blanks(from);
        for (;;) {
            const next = skipSpace(this.text, at, close);
            if (next < close && this.text[next] === '!')
                throw new Unsure();
            if (next >= close || this.text[next] !== '&')
                break;
            at = this.blanks(next + 1 + this.name(next + 1).length);
        }
        return at;
    }
    /**
     * Where a plain scalar's text ends: js-yaml may close the node past the blank lines and
     * comments after it, and in flow style past the spaces before a comma.
     */
    plainEnd(start, close) {
        const text = this.text;
        const to = Math.min(close, text.length);
        let end = start;
        // Each line's text up to a comment (a `#` after a space or at the line's start), spaces off.
        for (let i = start, lineStart = start; i < to; i++) {
            const c = text[i];
            if (c === '\n')
                lineStart = i + 1;
            else if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t'))
                break;
            else if (c !== ' ' && c !== '\t' && c !== '\r')
                end = i + 1;
        }
        return end;
    }
    onNewLine(from, to) {
        const newline = this.text.indexOf('\n', from);
        return newline !== -1 && newline < to;
    }
    /** An anchor's or alias's name: up to a space, a line break or a flow indicator. */
    name(from) {
        const text = this.text;
        let end = from;
        for (; end < text.length; end++) {
            const c = text.charCodeAt(end);
            // Up to a space, a line break or a flow indicator, as both parsers read names.
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c)
                break;
            if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d)
                break;
        }
        // `yaml` warns of a name ending in a colon.
        if (end === from || text[end - 1] === ':')
            throw new Unsure();
        return text.slice(from, end);
    }
    blanks(from) {
        let i = from;
        while (this.text[i] === ' ' || this.text[i] === '\t')
            i++;
        return i;
    }
}
/**
 * The frame of the node itself: js-yaml opens a frame for each attempt to read a node, and an
 * attempt that finds a whole node where it looked for a key nests that node in itself. The
 * node keeps the outer frame's start, which is before the node's properties.
 */
function itself(frame) {
    const inner = frame.children?.length === 1 ? frame.children[0] : undefined;
    if (!inner || inner.kind !== frame.kind || !Object.is(inner.result, frame.result))
        return frame;
    inner.open = frame.open;
    return inner;
}
/**
 * Whether `yaml` would stop expanding this document's aliases (`maxAliasCount`): it counts, in
 * reading order, each alias against its anchor, weighted by the aliases inside that anchor.
 */
function aliasLimitPassed(root, maxAliasCount) {
    const latest = new Map();
    const counts = new Map();
    const targets = new Map();
    const weight = (node) => {
        if (node.alias !== undefined) {
            const target = counts.get(targets.get(node));
            return target ? target.count * target.aliasCount : 0;
        }
        let most = node.kind === 'scalar' ? 1 : 0;
        for (const entry of node.entries ?? [])
            most = Math.max(most, weight(entry.key), weight(entry.value));
        for (const item of node.items ?? [])
            most = Math.max(most, weight(item));
        return most;
    };
    const visit = (node) => {
        if (node.anchor !== undefined) {
            latest.set(node.anchor, node);
            counts.set(node, { count: 1, aliasCount: 0 });
        }
        if (node.alias !== undefined) {
            const target = latest.get(node.alias);
            const count = target && counts.get(target);
            if (!target || !count)
                throw new Unsure();
            targets.set(node, target);
            count.count++;
            if (count.aliasCount === 0)
                count.aliasCount = weight(target);
            if (count.count * count.aliasCount > maxAliasCount)
                return true;
        }
        for (const entry of node.entries ?? [])
            if (visit(entry.key) || visit(entry.value))
                return true;
        for (const item of node.items ?? [])
            if (visit(item))
                return true;
        return false;
    };
    return visit(root);
}

;// CONCATENATED MODULE: ./src/manifest/json-syntax.ts
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
function jsonSyntaxError(text, events) {
    /** The open containers: `]` or `}`, the character that closes each. */
    const open = [];
    let expect = 'value';
    let afterComma = false;
    let i = 0;
    const fail = (message, at = i) => ({ offset: at, message });
    for (;;) {
        while (i < text.length && WHITESPACE.has(text[i] ?? ''))
            i++;
        const c = text[i];
        if (c === undefined) {
            if (open.length === 0 && expect === 'after-value')
                return undefined;
            if (open.length === 0 && expect === 'value' && i === 0)
                return fail('the file is empty');
            return fail(open.length > 0
                ? `the file ends before this ${open.at(-1) === ']' ? 'list' : 'object'} is closed: a ${open.at(-1)} is missing`
                : 'the file ends in the middle of a value');
        }
        if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
            return fail('JSON has no comments: remove it');
        }
        if (expect === 'after-value') {
            const closer = open.at(-1);
            if (closer === undefined)
                return fail('there is more after the end of the JSON value: remove it');
            if (c === ',') {
                i++;
                expect = closer === '}' ? 'key' : 'value';
                afterComma = true;
                continue;
            }
            if (c === closer) {
                open.pop();
                events?.close();
                i++;
                continue;
            }
            return fail(`expected , or ${closer} here${c === ']' || c === '}' ? `, not ${c}: the brackets do not match` : ': a comma is missing'}`);
        }
        if (expect === 'colon') {
            if (c !== ':')
                return fail('expected : after the property name');
            i++;
            expect = 'value';
            continue;
        }
        if ((c === '}' && expect === 'key') ||
            (c === ']' && expect === 'value' && open.at(-1) === ']')) {
            if (afterComma)
                return fail(`a comma before ${c}: JSON allows no trailing comma, remove it`, lastComma(text, i));
            open.pop();
            events?.close();
            i++;
            expect = 'after-value';
            continue;
        }
        afterComma = false;
        if (expect === 'key') {
            if (c !== '"') {
                return fail(c === "'"
                    ? 'property names are in double quotes in JSON, not single quotes'
                    : 'expected a property name in double quotes');
            }
            const end = stringEnd(text, i);
            if (typeof end !== 'number')
                return end;
            events?.key(i, end);
            i = end;
            expect = 'colon';
            continue;
        }
        // A value.
        if (c === '{' || c === '[') {
            open.push(c === '{' ? '}' : ']');
            events?.open(c === '{' ? 'object' : 'list', i);
            i++;
            expect = c === '{' ? 'key' : 'value';
            if (c === '{') {
                while (i < text.length && WHITESPACE.has(text[i] ?? ''))
                    i++;
                if (text[i] === '}') {
                    open.pop();
                    events?.close();
                    i++;
                    expect = 'after-value';
                }
            }
            continue;
        }
        const start = i;
        if (c === '"') {
            const end = stringEnd(text, i);
            if (typeof end !== 'number')
                return end;
            i = end;
        }
        else if (c === '-' || (c >= '0' && c <= '9')) {
            const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
            match.lastIndex = i;
            if (!match.exec(text))
                return fail('not a valid JSON number');
            i = match.lastIndex;
        }
        else {
            const word = /true|false|null/y;
            word.lastIndex = i;
            if (!word.exec(text)) {
                return fail(c === "'"
                    ? 'strings are in double quotes in JSON, not single quotes'
                    : 'expected a value here (a string in double quotes, a number, true, false, null, an object or a list)');
            }
            i = word.lastIndex;
        }
        events?.scalar(start, i);
        expect = 'after-value';
    }
}
/** The offset after a string's closing quote, or what is wrong with it. */
function stringEnd(text, start) {
    for (let i = start + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22)
            return i + 1;
        if (c === 0x5c) {
            const escape = text[i + 1] ?? '';
            if ('"\\/bfnrt'.includes(escape) && escape !== '')
                i++;
            else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                i += 5;
            else
                return { offset: i, message: 'not a valid escape in a JSON string' };
        }
        else if (c < 0x20) {
            return {
                offset: i,
                message: c === 0x0a || c === 0x0d
                    ? 'a JSON string cannot span lines: a closing " is missing, or write \\n'
                    : 'a control character in a JSON string: write it as an escape',
            };
        }
    }
    return { offset: start, message: 'this string has no closing "' };
}
/** The comma a trailing-comma error points at. */
function lastComma(text, before) {
    const at = text.lastIndexOf(',', before);
    return at === -1 ? before : at;
}

;// CONCATENATED MODULE: ./src/manifest/json-source.ts

/**
 * A text that is strict JSON, read without `yaml`: its value from JSON.parse and the place of
 * each node from one scan. JSON is YAML 1.2, and for strict JSON `yaml` reads the same value
 * (its only objection, a repeated key, is found from the scan) and gives the same ranges: a
 * string with its quotes, a number or word whole, a collection at its bracket.
 */
function readJson(text) {
    let root;
    const open = [];
    let key;
    let name = '';
    const add = (node) => {
        const parent = open[open.length - 1];
        if (!parent)
            root = node;
        else if (parent.entries && key)
            parent.entries.push({ name, key, value: node });
        else
            parent.items?.push(node);
    };
    const events = {
        open(kind, at) {
            const node = kind === 'object'
                ? { kind: 'map', start: at, end: at, entries: [] }
                : { kind: 'list', start: at, end: at, items: [] };
            add(node);
            open.push(node);
        },
        key(start, end) {
            key = { kind: 'scalar', start, end };
            const inner = text.slice(start + 1, end - 1);
            name = inner.includes('\\') ? JSON.parse(text.slice(start, end)) : inner;
        },
        scalar(start, end) {
            add({ kind: 'scalar', start, end });
        },
        close() {
            open.pop();
        },
    };
    // A lone scalar is no customization, and `yaml` refuses a tab before one: left to `yaml`.
    if (jsonSyntaxError(text, events) || (root?.kind !== 'map' && root?.kind !== 'list'))
        return undefined;
    return { root, value: JSON.parse(text) };
}

;// CONCATENATED MODULE: ./src/manifest/placed.ts
/** Mappings with more keys than this are looked up through an index, so locating stays linear. */
const SCAN_LIMIT = 16;
/**
 * The range of the key or value at `path`, or of the nearest ancestor that exists, exactly as
 * `ParsedDocument.locate` finds it in `yaml`'s tree; undefined where a node on the way is unsure.
 */
function locatePlaced(root, path, part) {
    let node = root;
    for (let i = 0; i < path.length && node.start >= 0; i++) {
        const segment = path[i];
        if (node.kind === 'map') {
            if (!node.entries)
                return undefined;
            const entry = entryOf(node, node.entries, String(segment));
            if (!entry)
                break;
            if (i === path.length - 1 && part === 'key')
                return rangeOf(entry.key);
            node = entry.value;
        }
        else if (node.kind === 'list' && typeof segment === 'number') {
            if (!node.items || node.lost)
                return undefined;
            const item = node.items[segment];
            if (!item)
                break;
            node = item;
        }
        else {
            break;
        }
    }
    return rangeOf(node);
}
const rangeOf = (node) => node.start < 0 ? undefined : { start: node.start, end: node.end };
function entryOf(node, entries, name) {
    if (entries.length <= SCAN_LIMIT)
        return entries.find((entry) => entry.name === name);
    if (!node.index) {
        node.index = new Map();
        for (const entry of entries)
            if (!node.index.has(entry.name))
                node.index.set(entry.name, entry);
    }
    return node.index.get(name);
}
/** Where each key that repeats an earlier key of its mapping starts, in every mapping of the tree. */
function repeatedKeys(root) {
    const starts = [];
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
        if (node.entries) {
            const seen = new Set();
            for (const entry of node.entries) {
                if (seen.has(entry.name))
                    starts.push(entry.key.start);
                seen.add(entry.name);
                stack.push(entry.value);
            }
        }
        for (const item of node.items ?? [])
            stack.push(item);
    }
    return starts;
}

;// CONCATENATED MODULE: ./src/manifest/parse.ts








const MAX_DOCUMENTS = 100;
const MAX_NESTING = 64;
/**
 * The text estimate may count a level twice where a block scalar or a quoted string looks like
 * structure, so it refuses only what is far too deep; the data is then counted exactly.
 */
const ESTIMATED_NESTING_LIMIT = MAX_NESTING * 2;
/** `yaml`'s own default: more aliases than this in one document is treated as a resource attack. */
const MAX_ALIAS_COUNT = 100;
/**
 * Parse YAML (any number of documents) or JSON (JSON is YAML 1.2) keeping node ranges, so every
 * problem can point at its exact line and column. Never throws: bad input becomes issues.
 * Problems and their places are `yaml`'s, but `yaml` takes about a microsecond a character to
 * build its tree: strict JSON is read by a JSON scan instead, which gives the same places.
 * `recorded`: js-yaml's node events from a read of this text, if it has had one (node-events.ts).
 */
function parseSource(raw, recorded) {
    const text = stripBom(raw);
    const position = lineIndex(text);
    const issues = [];
    const depth = nestingDepth(text, ESTIMATED_NESTING_LIMIT);
    if (depth.exceeded) {
        // Deep nesting can exhaust the stack inside the parser, at times fatally: refuse it unparsed.
        issues.push({
            range: { start: depth.offset, end: depth.offset + 1 },
            code: 'yaml/too-deep',
            message: `Nesting is deeper than ${MAX_NESTING} levels here. A customization needs only a few levels; flatten this data.`,
        });
        return { documents: [], issues, position };
    }
    const json = readJson(text);
    if (json) {
        const document = placedDocument(text, 0, json.root, () => json.value, issues);
        return { documents: [document], issues, position };
    }
    if (text.length >= DENSE_FROM) {
        const dense = parseDense(text, recorded);
        if (dense)
            return { ...dense, position };
    }
    return { ...parseWithYaml(text), position };
}
/** From this many characters on, a YAML text is read by js-yaml where it can (see dense.ts). */
const DENSE_FROM = 32 * 1024;
/**
 * A YAML text as `parseWithYaml` reads it, read by js-yaml (see dense.ts); undefined where that
 * reader cannot be sure. A problem the reader cannot place is placed by `yaml` after all.
 */
function parseDense(text, recorded) {
    const reading = readDense(text, MAX_DOCUMENTS, MAX_ALIAS_COUNT, recorded);
    if (!reading)
        return undefined;
    const issues = [];
    if (!('resume' in reading) && (text.trim() === '' || reading.documents.length === 0)) {
        issues.push(emptyFile());
        return { documents: [], issues };
    }
    if ('overflowAt' in reading && reading.overflowAt !== undefined)
        issues.push(tooManyDocuments(reading.overflowAt));
    let full;
    const documents = reading.documents.map((document, index) => placedDocument(text, index, document.root, () => {
        if (document.aliasLimit)
            throw new ReferenceError(ALIAS_LIMIT_MESSAGE);
        return document.value;
    }, issues, (path, part) => (full ??= parseWithYaml(text)).documents[index]?.locate(path, part)));
    if (!('resume' in reading))
        return { documents, issues };
    // js-yaml refused a document: `yaml` reads the rest, from that document on, without the run
    // of lines the reader found it may leave out.
    const { resume, cut, tails } = reading;
    if (resume === 0 && !cut && tails.length === 0)
        return undefined;
    const split = cut ? cut.start - resume : Infinity;
    const skipped = cut ? cut.end - cut.start : 0;
    const upTo = (end) => ({
        source: cut && end >= cut.end
            ? text.slice(resume, cut.start) + text.slice(cut.end, end)
            : text.slice(resume, end),
        at: (offset) => offset + resume + (offset < split ? 0 : skipped),
        before: documents.length,
    });
    const combined = (rest) => ({
        documents: [...documents, ...rest.documents],
        issues: [...issues, ...rest.issues],
    });
    // First up to the end of a line at column 0: whatever began before that line ends at its
    // start, in the excerpt as in the whole text, and whatever begins on it or after is reported
    // there or later. So a mistake reported before it is the whole text's first.
    for (const tail of tails) {
        if (cut && tail > cut.start && tail < cut.end)
            continue;
        const first = parseWithYaml(text, upTo(tail));
        const line = text.lastIndexOf('\n', tail - 2) + 1;
        if (first.refusal && first.refusal.range.start < line)
            return combined(first);
    }
    const rest = parseWithYaml(text, upTo(text.length));
    // Unless `yaml` refuses that document too, it would check the tree, and miss the lines left out.
    if (cut && !rest.refusal)
        return undefined;
    return combined(rest);
}
/** `yaml`'s own words when a document expands its aliases past `maxAliasCount`. */
const ALIAS_LIMIT_MESSAGE = 'Excessive alias count indicates a resource exhaustion attack';
/**
 * `yaml`'s reading of a text whose nesting is already checked: the reference the other readers
 * agree with. With an excerpt, `yaml` reads only that part of the text (see `parseDense`), and
 * places are given in the whole text.
 */
function parseWithYaml(text, excerpt) {
    const { source, at, before } = excerpt ?? {
        source: text,
        at: (offset) => offset,
        before: 0,
    };
    const issues = [];
    let parsed;
    try {
        parsed = parseDocuments(source, MAX_DOCUMENTS - before);
    }
    catch (error) {
        issues.push({
            range: { start: 0, end: 0 },
            code: 'yaml/syntax',
            message: `The parser gave up on this file: ${(0,error_message/* errorMessage */.g)(error)}`,
        });
        return { documents: [], issues };
    }
    if (before === 0 && (text.trim() === '' || parsed.length === 0)) {
        issues.push(emptyFile());
        return { documents: [], issues };
    }
    if (before + parsed.length > MAX_DOCUMENTS) {
        issues.push(tooManyDocuments(at(parsed[MAX_DOCUMENTS - before]?.range[0] ?? 0)));
        parsed = parsed.slice(0, MAX_DOCUMENTS - before);
    }
    let refusal;
    const documents = parsed.map((doc, index) => {
        const read = toParsedDocument(text, doc, before + index, issues, at);
        if (index === 0)
            refusal = read.refusal;
        return read.document;
    });
    return { documents, issues, refusal };
}
function emptyFile() {
    return {
        range: { start: 0, end: 0 },
        code: 'file/empty',
        message: 'The file holds no customization. Add one, or delete the file.',
    };
}
/** At `first`, the start of the first document past the limit. */
function tooManyDocuments(first) {
    return {
        range: { start: first, end: first },
        code: 'file/too-many-documents',
        message: `The file holds more than ${MAX_DOCUMENTS} documents, the most allowed: this is document ${MAX_DOCUMENTS + 1}. Split the file into several.`,
    };
}
/**
 * The documents, composed one at a time and no further than one past the limit, so a file of
 * thousands of tiny documents costs no more than the limit. Duplicate keys are found in
 * `checkTree`, in linear time (`yaml`'s own check compares each key with every earlier one).
 */
function parseDocuments(text, most) {
    // logLevel: `yaml` would otherwise print Node warnings into the log (a list as a key).
    const composer = new dist/* Composer */.Dk({ prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    const documents = [];
    for (const token of new dist/* Parser */.iX().parse(text)) {
        documents.push(...composer.next(token));
        if (documents.length > most)
            return documents;
    }
    documents.push(...composer.end(false, text.length));
    return documents;
}
function toParsedDocument(text, doc, index, issues, at) {
    const start = at(doc.contents?.range[0] ?? doc.range[0]);
    const endAt = (range) => (range.end > range.start ? at(range.end - 1) + 1 : at(range.end));
    const locate = (path, part = 'value') => {
        const range = locateIn(doc.contents, path, part);
        return range ? { start: at(range.start), end: endAt(range) } : { start, end: start };
    };
    const result = { index, start, locate, value: undefined };
    const before = issues.length;
    const moved = (problems) => problems.map(({ code, message, pos }) => ({
        code,
        message,
        pos: [at(pos[0]), endAt({ start: pos[0], end: pos[1] })],
    }));
    const reported = syntaxIssues(text, moved(doc.errors), moved(doc.warnings), issues);
    // A tree the parser gave up on is not walked: its later "mistakes" are echoes.
    if (doc.errors.length > 0)
        return { document: result, refusal: reported };
    checkTree(text, doc, issues, at);
    // Only data that means what it says is checked further; one problem per mistake.
    if (issues.length > before)
        return { document: result };
    return {
        document: withValue(result, () => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issues),
    };
}
/** A document read without `yaml`, from its placed tree, with the same issues `yaml` would give. */
function placedDocument(text, index, root, read, issues, unsure) {
    const start = Math.max(root.start, 0);
    const locate = (path, part = 'value') => locatePlaced(root, path, part) ?? unsure?.(path, part) ?? { start, end: start };
    const result = { index, start, locate, value: undefined };
    const repeated = repeatedKeys(root);
    // A file lists its first problems only (see codes.ts): the keys repeated later go uncounted.
    repeated.sort((a, b) => a - b);
    for (const at of repeated.slice(0, codes/* MAX_PROBLEMS_PER_FILE */.JG + 1))
        issues.push(duplicateKey(text, at));
    if (repeated.length > 0)
        return result;
    return withValue(result, read, issues);
}
/**
 * The document's value, for a tree without issues: unless reading it expands aliases past the
 * limit, or it holds something JSON cannot carry, which become the document's one issue.
 */
function withValue(result, read, issues) {
    let value;
    try {
        value = read();
    }
    catch (error) {
        issues.push({
            range: { start: result.start, end: result.start + 1 },
            code: 'yaml/alias-limit',
            message: `Too many alias expansions (${(0,error_message/* errorMessage */.g)(error)}). Write the values out instead of using anchors and aliases.`,
        });
        return result;
    }
    const foreign = findNonJson(value);
    if (foreign) {
        issues.push({
            range: result.locate(foreign.path),
            code: foreign.code,
            message: foreign.message,
        });
        return result;
    }
    result.value = value;
    return result;
}
function locateIn(root, path, part) {
    let node = root;
    let found = parse_rangeOf(node);
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const last = i === path.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(segment));
            if (!pair)
                return found;
            if (last && part === 'key')
                return parse_rangeOf(pair.key) ?? found;
            node = pair.value;
            // A key with no value (`model:`) has no value node: the key is the best place to point at.
            found = parse_rangeOf(node) ?? parse_rangeOf(pair.key) ?? found;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (!item)
                return found;
            node = item;
            found = parse_rangeOf(node) ?? found;
        }
        else {
            return found;
        }
    }
    return found;
}
/** Scalars are pointed at whole; collections only at their first character, so one line is marked. */
function parse_rangeOf(node) {
    if (!node?.range)
        return undefined;
    const [start, valueEnd] = node.range;
    if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node))
        return { start, end: start };
    return { start, end: valueEnd };
}
/**
 * The first value JSON cannot carry (custom tags, binary, .inf, .nan, a cycle), or the first
 * collection nested deeper than `MAX_NESTING`: the text's estimate may miss a level, the data
 * does not.
 */
function findNonJson(value, path = [], ancestors = new Set()) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean')
        return undefined;
    const notJson = (what) => ({
        path,
        code: 'yaml/not-json',
        message: `${what} cannot be sent as JSON. Use plain strings, numbers, booleans, lists and mappings.`,
    });
    if (typeof value === 'number') {
        return Number.isFinite(value) ? undefined : notJson(`The number ${String(value)}`);
    }
    // An alias inside its own anchor makes a value that contains itself.
    if (ancestors.has(value))
        return notJson('An alias that refers to its own anchor');
    const plainObject = typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
    if (!Array.isArray(value) && !plainObject)
        return notJson('A value of a custom or binary tag');
    if (ancestors.size >= MAX_NESTING) {
        return {
            path,
            code: 'yaml/too-deep',
            message: `Nesting is deeper than ${MAX_NESTING} levels here. A customization needs only a few levels; flatten this data.`,
        };
    }
    ancestors.add(value);
    const entries = Array.isArray(value)
        ? value.map((item, i) => [i, item])
        : Object.entries(value);
    for (const [key, item] of entries) {
        path.push(key);
        const found = findNonJson(item, path, ancestors);
        if (found)
            return { ...found, path: [...found.path] };
        path.pop();
    }
    ancestors.delete(value);
    return undefined;
}
/**
 * One walk over a document's tree for what the parser lets through: the same key twice in a
 * mapping (compared as JSON will see it, so `1` and `"1"` are the same key) and a list or mapping
 * used as a key, which JSON cannot carry.
 */
function checkTree(text, doc, issues, at) {
    (0,dist/* visit */.YR)(doc, {
        Map(_, map) {
            const seen = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                if (key?.range?.[0] === undefined)
                    continue;
                const start = at(key.range[0]);
                if ((0,dist/* isCollection */.P3)(key)) {
                    issues.push({
                        range: { start, end: start + 1 },
                        code: 'yaml/not-json',
                        message: 'A list or mapping used as a key cannot be a JSON key: it would be sent as text. Use a plain key such as brand.',
                    });
                }
                else if ((0,dist/* isScalar */.jn)(key)) {
                    const name = String(key.value);
                    if (seen.has(name))
                        issues.push(duplicateKey(text, start));
                    seen.add(name);
                }
            }
        },
    });
}
function duplicateKey(text, start) {
    return {
        range: { start, end: keyEnd(text, start) },
        code: 'yaml/duplicate-key',
        message: 'This key appears twice in the same mapping; the API would see only one of them. Keep one.',
    };
}
/**
 * The parser's errors as problems people can act on; returns the syntax problem. Only the first syntax error is reported, as what follows it is read differently and
 * its "errors" are echoes. Unknown tags, which the parser only warns about, are errors: their
 * values would be sent as plain strings.
 */
function syntaxIssues(text, errors, warnings, issues) {
    let syntax;
    for (const problem of errors.concat(warnings)) {
        if (problem.code === 'TAG_RESOLVE_FAILED' || problem.code === 'BAD_COLLECTION_TYPE') {
            const tag = /^!\S*/.exec(text.slice(problem.pos[0], problem.pos[0] + 200))?.[0] ?? 'This tag';
            issues.push({
                range: { start: problem.pos[0], end: problem.pos[0] + tag.length },
                code: 'yaml/not-json',
                message: `${tag} is a tag JSON cannot carry: the value would be sent as a plain string. Remove the tag.`,
            });
        }
        else {
            const candidate = describeSyntax(text, problem);
            if (!syntax || candidate.range.start < syntax.range.start)
                syntax = candidate;
        }
    }
    if (syntax)
        issues.push(syntax);
    return syntax;
}
/** A syntax error in plain words, at the line to change. */
function describeSyntax(text, error) {
    const [start, end] = error.pos;
    const at = (offset) => ({
        start: offset,
        end: Math.max(lineEndAt(text, offset), offset + 1),
    });
    const indentMessage = 'This line is indented differently from the keys it belongs with, so YAML reads it as part of another value. Indent it exactly like those keys (spaces only).';
    switch (error.code) {
        case 'BLOCK_AS_IMPLICIT_KEY':
        case 'MULTILINE_IMPLICIT_KEY': {
            // `model: x: y`: a plain value holding ": " on the key's own line.
            if (error.code === 'BLOCK_AS_IMPLICIT_KEY' &&
                /:(\s|$)/.test(text.slice(start, lineEndAt(text, start)))) {
                return {
                    range: at(start),
                    code: 'yaml/syntax',
                    message: 'This value holds ": ", so YAML reads it as a key of its own. Put the value in quotes.',
                };
            }
            // The parser marks the value the line was read into; the line to fix is the next one.
            const next = firstCharOfNextLine(text, start);
            return {
                range: at(next),
                code: 'yaml/syntax',
                message: 'This line is indented further than the key above it, so YAML reads it as the continuation of that value. Indent it like the key above (spaces only).',
            };
        }
        case 'MISSING_CHAR': {
            // The parser reports an unclosed quote where the file ends; the quote to close is earlier.
            const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
            if (quote) {
                const opened = text.lastIndexOf(quote, start - 1);
                return {
                    range: at(opened < 0 ? start : opened),
                    code: 'yaml/syntax',
                    message: `This ${quote} is never closed: end the value with ${quote} on the same line, or remove the quote.`,
                };
            }
            if (/without - indicator/.test(error.message)) {
                return {
                    range: at(firstCharOfLine(text, start)),
                    code: 'yaml/syntax',
                    message: indentMessage,
                };
            }
            break;
        }
        case 'BAD_INDENT': {
            const flow = /^Flow (sequence|map)/.exec(error.message);
            if (flow) {
                const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
                const opened = text.lastIndexOf(open, start);
                return {
                    range: at(opened < 0 ? start : opened),
                    code: 'yaml/syntax',
                    message: `This ${open} is never closed: end the ${flow[1] === 'sequence' ? 'list' : 'mapping'} with ${close} before the next key.`,
                };
            }
            return {
                range: at(firstCharOfLine(text, start)),
                code: 'yaml/syntax',
                message: /sequence items/.test(error.message)
                    ? 'This list item starts at another column than the items before it: line up its "-" with theirs.'
                    : indentMessage,
            };
        }
        case 'TAB_AS_INDENT':
            return {
                range: at(start),
                code: 'yaml/syntax',
                message: 'A tab indents this line; YAML indents with spaces only. Replace the tab with spaces.',
            };
    }
    return {
        range: { start, end: Math.max(end, start + 1) },
        code: 'yaml/syntax',
        message: `${sentence(error.message)}.`,
    };
}
function lineEndAt(text, offset) {
    const end = text.indexOf('\n', offset);
    return (end === -1 ? text.length : end) - (text[end - 1] === '\r' ? 1 : 0);
}
function firstCharOfLine(text, offset) {
    let i = text.lastIndexOf('\n', offset - 1) + 1;
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    return i;
}
function firstCharOfNextLine(text, offset) {
    let line = text.indexOf('\n', offset);
    while (line !== -1) {
        const start = firstCharOfLine(text, line + 1);
        if (start < text.length && text[start] !== '\n' && text[start] !== '\r' && text[start] !== '#')
            return start;
        line = text.indexOf('\n', line + 1);
    }
    return offset;
}
/** The parser marks a duplicate key by its first character; mark the whole key. */
function keyEnd(text, start) {
    const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]*?)\s*:/.exec(text.slice(start, start + 1024));
    return match?.[1] ? start + match[1].length : start + 1;
}
function sentence(message) {
    const trimmed = message.trim().replace(/\.$/, '');
    return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

;// CONCATENATED MODULE: ./src/manifest/fast-parse.ts




/**
 * A fast first pass over manifests. `yaml` keeps the node ranges that exact positions need, but
 * spends ten times longer than js-yaml to get there; most manifests are valid and need no
 * position at all. So js-yaml reads first, and a file goes through `yaml` only when something in
 * it must be located (see validate.ts).
 *
 * Both must give identical values, so js-yaml gets exactly YAML 1.2's core schema below (the
 * resolution rules of `yaml`'s default schema; no timestamps, no YAML 1.1 `yes`/`no`, no `0b`,
 * no `_` in numbers), and texts that could be read differently are left to `yaml` alone:
 * anchors and aliases (`yaml` limits their expansion), tags and directives.
 */
/** js-yaml keeps one implicit type per tag, so each tag's forms are tried in one type. */
const scalar = (tag, 
/** Characters a match can start with: most scalars are ruled out without a regex. */
first, forms) => {
    // js-yaml constructs right after a successful resolve: the form found is kept for it.
    let found;
    return new js_yaml/* Type */.ZU(`tag:yaml.org,2002:${tag}`, {
        kind: 'scalar',
        resolve: (text) => {
            found = undefined;
            if (text === null || (text !== '' && !first.includes(text.charAt(0))))
                return false;
            for (const [pattern, construct] of forms) {
                if (pattern.test(text)) {
                    found = construct;
                    return true;
                }
            }
            return false;
        },
        construct: (text) => (found ? found(text ?? '') : text),
    });
};
const yaml12Core = js_yaml/* FAILSAFE_SCHEMA */.uH.extend({
    implicit: [
        scalar('null', '~nN', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
        scalar('bool', 'tTfF', [
            [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T'],
        ]),
        scalar('int', '-+0123456789', [
            [/^0o[0-7]+$/, (t) => parseInt(t.slice(2), 8)],
            [/^[-+]?[0-9]+$/, (t) => parseInt(t, 10)],
            [/^0x[0-9a-fA-F]+$/, (t) => parseInt(t.slice(2), 16)],
        ]),
        scalar('float', '-+.0123456789', [
            [
                /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
                (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity),
            ],
            [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
            [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
        ]),
    ],
});
/**
 * The documents' values and lines, or `undefined` when this text must be read by the full parser:
 * text the two parsers could read differently (see `NOT_FOR_FAST_PASS`), text nested too deep for a
 * parser to be safe on it, no document or more than `MAX_DOCUMENTS`, or data that JSON cannot
 * carry (such data is reported, with its position, by the full parser).
 */
function fastRead(text, 
/** To record where nodes are while reading (see `recordNodes`). */
recording) {
    if (NOT_FOR_FAST_PASS.test(text))
        return undefined;
    const scan = scanLines(text);
    // Each `---` marker begins a document to `yaml`: past the limit, the full parser reports it,
    // and reading every document here first would be wasted.
    if (!scan || scan.markers > MAX_DOCUMENTS || mayNestTooDeep(text, scan.longestPrefix))
        return undefined;
    let values;
    try {
        values = (0,js_yaml/* loadAll */.gh)(text, null, {
            schema: yaml12Core,
            listener: recording?.listener,
        });
    }
    catch (error) {
        if (recording)
            endRead(recording.events, text, error);
        return undefined;
    }
    if (recording)
        endRead(recording.events, text);
    const { lines } = scan;
    if (values.length === 0 || values.length > MAX_DOCUMENTS || lines.length !== values.length)
        return undefined;
    for (const value of values)
        if (!isPlainData(value, 0))
            return undefined;
    return { values, lines };
}
/**
 * Texts the two parsers could read differently go to `yaml` alone: anchors, aliases, tags and
 * directives (`&*!%`); explicit (`? `) and flow-collection keys, which js-yaml flattens into
 * strings; and line breaks that are a lone CR. (So are lines long enough for `yaml`'s
 * 1024-character limit on implicit keys: see `scanLines`.)
 */
const NOT_FOR_FAST_PASS = /[&*!%]|^[ \t-]*\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t]|$)|\r(?!\n)/m;
const LONGEST_LINE = 1000;
/**
 * Whether `nestingDepth` might find the text too deep, from a bound on its estimate that costs a
 * fraction of it: the estimate counts, on one line, at most its indentation plus one level per
 * compact indicator (`- `, `? `, `: `) ahead of the content, which is at most the length of that
 * prefix plus one, and one level per `[` or `{` in the text. Only a text that could exceed the
 * limit pays for the estimate itself.
 */
function mayNestTooDeep(text, longestPrefix) {
    const limit = ESTIMATED_NESTING_LIMIT;
    const room = limit - longestPrefix - 1;
    if (room > 0 && countUpTo(text, '[', room) + countUpTo(text, '{', room) < room)
        return false;
    return nestingDepth(text, limit).exceeded;
}
function countUpTo(text, char, limit) {
    let count = 0;
    for (let i = text.indexOf(char); i !== -1 && count < limit; i = text.indexOf(char, i + 1))
        count++;
    return count;
}
/** Keys that YAML's core schema reads as null, a boolean or a number, each parser stringifying its own way. */
const NON_STRING_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+.0-9].*|)$/;
/**
 * Data both parsers read alike and JSON can carry: plain mappings with keys that are strings in
 * YAML too, lists, strings, booleans, null, finite numbers, no deeper than `MAX_NESTING`
 * collections (the limit `findNonJson` applies).
 */
function isPlainData(value, depth) {
    if (typeof value !== 'object' || value === null) {
        return typeof value !== 'number' || Number.isFinite(value);
    }
    if (depth >= MAX_NESTING)
        return false;
    if (Array.isArray(value)) {
        for (const item of value)
            if (!isPlainData(item, depth + 1))
                return false;
        return true;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype)
        return false;
    const record = value;
    for (const key of Object.keys(record)) {
        if (NON_STRING_KEY.test(key) || !isPlainData(record[key], depth + 1))
            return false;
    }
    return true;
}
/**
 * One pass over the lines: the line each document's content starts on (1-based: after each
 * `---` marker, the first line that is not blank, a comment, a `...` end marker or a directive;
 * the marker line itself when content follows the marker), how many markers there are, and the
 * longest run of blanks and indicators (`-`, `?`, `:`) a line starts with. `undefined` when a line is long enough for
 * `yaml`'s limit of 1024 characters on implicit keys, which js-yaml does not have.
 */
function scanLines(text) {
    const lines = [];
    let longestPrefix = 0;
    let markers = 0;
    let awaiting = true;
    let lineNumber = 1;
    for (let start = 0; start <= text.length; lineNumber++) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        if (end - start > LONGEST_LINE)
            return undefined;
        let prefix = start;
        while (prefix < end && isBlankOrIndicator(text.charCodeAt(prefix)))
            prefix++;
        if (prefix - start > longestPrefix)
            longestPrefix = prefix - start;
        // Past a document's first line, only a `---` marker can start another.
        if (awaiting || text.startsWith('---', start)) {
            const line = text.slice(start, text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
            const marker = /^---(?:\s|$)/.test(line);
            const content = marker ? line.slice(3).trim() : line.trim();
            if (marker) {
                awaiting = true;
                markers++;
            }
            if (awaiting &&
                content !== '' &&
                !content.startsWith('#') &&
                (marker || !/^(?:\.\.\.|%)/.test(line))) {
                lines.push(lineNumber);
                awaiting = false;
            }
        }
        start = end + 1;
    }
    return { lines, markers, longestPrefix };
}
/** Space, tab, CR, `-`, `?` and `:`: what may stand ahead of a line's content. */
function isBlankOrIndicator(c) {
    return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x2d || c === 0x3f || c === 0x3a;
}

;// CONCATENATED MODULE: ./src/manifest/fast-locate.ts



/**
 * Locators for the documents of a text the fast pass accepted, from the nodes it recorded (or,
 * without them, a second js-yaml pass that records them): several times cheaper than the parser
 * that keeps ranges, which a file with a schema or rule problem would otherwise need.
 * A locator answers `undefined` where it cannot be sure to agree with that parser (empty nodes,
 * block scalars, a tree whose shape does not match its data); the caller then uses that parser.
 */
function fastLocators(text, documents, recorded) {
    let events = recorded;
    if (!events) {
        const recording = recordNodes();
        try {
            (0,js_yaml/* loadAll */.gh)(text, null, { schema: yaml12Core, listener: recording.listener });
        }
        catch {
            return undefined;
        }
        events = recording.events;
    }
    const roots = treeOf(events);
    if (roots.length !== documents)
        return undefined;
    return roots.map((root) => (path, part = 'value') => fast_locate_locateIn(text, root, path, part));
}
const fast_locate_NONE = [];
/** The documents' trees: siblings never overlap, so children in opening order are in reading order. */
function treeOf({ open, close, kind, result, parent }) {
    const roots = [];
    const frames = [];
    for (let i = 0; i < open.length; i++) {
        const frame = {
            open: open[i],
            close: close[i],
            kind: kind[i] ?? null,
            result: result[i],
        };
        frames.push(frame);
        const up = parent[i];
        if (up === -1)
            roots.push(frame);
        else
            (frames[up].children ??= []).push(frame);
    }
    return roots;
}
function fast_locate_locateIn(text, root, path, part) {
    let node = root;
    let found = fast_locate_rangeOf(text, node);
    for (let i = 0; i < path.length; i++) {
        if (!found)
            return undefined;
        const segment = path[i];
        const last = i === path.length - 1;
        if (node.kind !== 'mapping' && node.kind !== 'sequence')
            return found;
        const children = (node.matched ??= childrenOf(node) ?? null);
        if (!children)
            return undefined;
        if (node.kind === 'mapping') {
            // Duplicate keys never reach here: js-yaml refuses them.
            node.keys ??= new Map(children.flatMap((child, k) => (k % 2 === 0 ? [[String(child.result), k]] : [])));
            const index = node.keys.get(String(segment)) ?? -1;
            if (index === -1)
                return found;
            const key = children[index];
            if (last && part === 'key')
                return fast_locate_rangeOf(text, key);
            node = children[index + 1];
            found = fast_locate_rangeOf(text, node);
        }
        else if (node.kind === 'sequence' && typeof segment === 'number') {
            const item = children[segment];
            if (!item)
                return found;
            node = item;
            found = fast_locate_rangeOf(text, node);
        }
        else {
            return found;
        }
    }
    return found;
}
/** A collection's children, only where their shape matches its data: key and value per pair. */
function childrenOf(frame) {
    // Decided once: counting a mapping's keys on every lookup made locating each of its many
    // keys quadratic.
    frame.matches ??= childrenMatch(frame);
    return frame.matches ? (frame.children ?? fast_locate_NONE) : undefined;
}
function childrenMatch({ kind, result, children = fast_locate_NONE }) {
    if (kind === 'sequence')
        return Array.isArray(result) && children.length === result.length;
    return (kind === 'mapping' &&
        typeof result === 'object' &&
        result !== null &&
        children.length === 2 * Object.keys(result).length);
}
/**
 * Scalars whole, collections at their first character, as the full parser reports them; nodes
 * whose extent the two parsers might count differently give `undefined`.
 */
function fast_locate_rangeOf(text, frame) {
    const start = skipSpace(text, frame.open, frame.close);
    if (start >= frame.close)
        return undefined;
    if (frame.kind === 'mapping' || frame.kind === 'sequence')
        return { start, end: start };
    const first = text.charCodeAt(start);
    // Block scalars (`|`, `>`) end where their indentation does; leave them to the full parser.
    if (first === 0x7c || first === 0x3e)
        return undefined;
    // In a flow collection js-yaml reads a plain scalar up to the comma, spaces included.
    let end = frame.close;
    while (end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09))
        end--;
    return { start, end };
}
/** Past spaces, line breaks and comments: where the node's own text begins. */
function skipSpace(text, from, to) {
    let i = from;
    while (i < to) {
        const c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
            i++;
        else if (c === 0x23) {
            const end = text.indexOf('\n', i);
            i = end === -1 ? to : end;
        }
        else
            break;
    }
    return i;
}

// EXTERNAL MODULE: ./src/manifest/date-time.ts
var date_time = __webpack_require__(7151);
;// CONCATENATED MODULE: ./src/manifest/rules.ts




/**
 * The rules the API implies beyond the shape of a customization. Each rule looks only at fields
 * that have the right type, so a wrong type is reported once, by the schema, and not again here.
 * A null means "not set", as in what the API returns: rules read it as absent.
 */
function checkRules(document, now) {
    const findings = [];
    checkUnsent(document, [], 'target_type', findings);
    checkTarget(document, findings);
    checkPins(document, now, findings);
    return findings;
}
const present = (value) => value !== undefined && value !== null;
const CONDITIONALS = [
    {
        typeKey: 'target_type',
        field: 'target_identity',
        when: 'item',
        code: 'target',
        kind: 'identity',
    },
    {
        typeKey: 'target_type',
        field: 'target_criteria',
        when: 'criteria',
        code: 'target',
        kind: 'criteria',
    },
    { typeKey: 'pin_type', field: 'pin_identity', when: 'item', code: 'pin', kind: 'identity' },
    { typeKey: 'pin_type', field: 'pin_criteria', when: 'criteria', code: 'pin', kind: 'criteria' },
];
/**
 * Keys that are never sent: nulls and server-owned keys (an exported customization has both).
 * A null where its field is required is reported once, as missing, by `conditionalField`.
 */
function checkUnsent(object, base, typeKey, findings) {
    for (const key of Object.keys(object)) {
        const value = object[key];
        if (base.length === 0 && schema/* SERVER_OWNED_KEYS */.ZA.includes(key)) {
            findings.push({
                path: [key],
                part: 'key',
                code: 'schema/server-owned',
                message: `${key} is set by the server (an exported customization has it); it is never sent, so it changes nothing: you may remove it.`,
            });
            continue;
        }
        if (value !== null || !schema/* NULLABLE_KEYS */.bV.has(key))
            continue;
        const required = CONDITIONALS.some((rule) => rule.typeKey === typeKey && rule.field === key && object[typeKey] === rule.when);
        if (required)
            continue;
        findings.push({
            path: [...base, key],
            part: 'key',
            code: 'schema/null',
            message: `${key} is null, which means not set: it is not sent. Remove the line, or give it a value.`,
        });
    }
}
const TARGET_CONDITIONALS = CONDITIONALS.filter((rule) => rule.typeKey === 'target_type');
const PIN_CONDITIONALS = CONDITIONALS.filter((rule) => rule.typeKey === 'pin_type');
function checkTarget(doc, findings) {
    const type = doc.target_type;
    if (!isOneOf(type, schema/* TARGET_TYPES */.oG))
        return;
    for (const rule of TARGET_CONDITIONALS)
        conditionalField(doc, [], type, rule, findings);
    emptyCriteria(doc, [], 'target_criteria', findings);
    if (present(doc.target_metadata) && type !== 'item') {
        findings.push({
            path: ['target_metadata'],
            part: 'key',
            code: 'target/metadata-ignored',
            message: `target_metadata describes a target item, but target_type is ${type}: remove it.`,
        });
    }
}
function conditionalField(object, base, type, rule, findings) {
    const value = object[rule.field];
    if (type === rule.when && !present(value)) {
        const what = rule.kind === 'identity' ? "the item's id" : 'a criteria object';
        findings.push({
            // A null is pointed at; a key that is absent, at the type that needs it.
            path: value === null ? [...base, rule.field] : [...base, rule.typeKey],
            code: `${rule.code}/missing-${rule.kind}`,
            missing: rule.field,
            message: value === null
                ? `${rule.field} is null, but ${rule.typeKey} is ${rule.when}, so it is required: write ${what}.`
                : `${rule.typeKey} is ${rule.when}, so ${rule.field} is required: add ${what}.`,
        });
    }
    else if (type !== rule.when && present(value)) {
        findings.push({
            path: [...base, rule.field],
            part: 'key',
            code: `${rule.code}/unexpected-${rule.kind}`,
            message: `${rule.field} is for ${rule.typeKey} ${rule.when}, and this is ${type}: it is sent as written, but probably ignored. Remove it, or change ${rule.typeKey}.`,
        });
    }
}
function emptyCriteria(object, base, key, findings) {
    const value = object[key];
    if (!(0,manifest_findings/* isRecord */.u4)(value) || Object.keys(value).length > 0)
        return;
    findings.push({
        path: [...base, key],
        code: 'criteria/empty',
        message: `${key} is an empty object: it would match nothing, or everything. Describe the items, e.g. {brand: Fender}.`,
    });
}
function checkPins(doc, now, all) {
    const pins = doc.pin_definitions;
    if (!Array.isArray(pins))
        return;
    const views = [];
    let listed = 0;
    for (let index = 0; index < pins.length; index++) {
        const pin = pins[index];
        if (!(0,manifest_findings/* isRecord */.u4)(pin))
            continue;
        const base = ['pin_definitions', index];
        // Pins come in reading order: past a file's worth of problems (see codes.ts), those of later
        // pins would not be listed, so they are not kept; each pin is still read for the collisions.
        // A "missing" problem is counted only where the pin has no unknown key, which could make it
        // an echo (see `withoutEchoes`).
        const findings = listed > codes/* MAX_PROBLEMS_PER_FILE */.JG ? [] : all;
        const before = all.length;
        const known = Object.keys(pin).every((key) => schema/* PIN_KEYS */.RS.includes(key));
        checkUnsent(pin, base, 'pin_type', findings);
        if (isOneOf(pin.pin_type, schema/* PIN_TYPES */.a$)) {
            for (const rule of PIN_CONDITIONALS)
                conditionalField(pin, base, pin.pin_type, rule, findings);
        }
        emptyCriteria(pin, base, 'pin_criteria', findings);
        checkBlock(pin, base, findings);
        const from = checkDate(pin, base, 'active_from', findings);
        const to = checkDate(pin, base, 'active_to', findings);
        checkWindow(pin, base, from, to, now, findings);
        views.push({
            index,
            position: Number.isInteger(pin.position) ? pin.position : undefined,
            widget: typeof pin.widget_id === 'string' ? pin.widget_id : undefined,
            identity: typeof pin.pin_identity === 'string' ? pin.pin_identity : undefined,
            from,
            to,
        });
        for (let i = before; i < all.length; i++)
            if (known || all[i]?.missing === undefined)
                listed++;
    }
    checkCollisions(views, all);
}
/** The docs pair a block pin with position 0; anything else is legal but probably a slip. */
function checkBlock(pin, base, findings) {
    const block = pin.is_block_pin;
    const position = pin.position;
    // A block flag of the wrong type is the schema's to report, once.
    if (!Number.isInteger(position) || (present(block) && typeof block !== 'boolean'))
        return;
    if (block === true && position !== 0) {
        findings.push({
            path: [...base, 'position'],
            code: 'pin/block-position',
            message: `is_block_pin: true with position ${(0,manifest_findings/* quote */.hD)(position)}: the docs give block pins position 0. Set position: 0 to block the item, or remove is_block_pin to pin it at ${(0,manifest_findings/* quote */.hD)(position)}.`,
        });
    }
    else if (position === 0 && block !== true) {
        findings.push({
            path: [...base, 'position'],
            code: 'pin/block-position',
            message: 'position 0 without is_block_pin: true: the docs use 0 for block pins. Add is_block_pin: true to block the item, or use 1 or more to pin it at that position (-1 for every position).',
        });
    }
}
/** A window that ends before it starts, or has ended. */
function checkWindow(pin, base, from, to, now, findings) {
    if (from !== undefined && to !== undefined && from >= to) {
        findings.push({
            path: [...base, 'active_to'],
            code: 'pin/date-order',
            message: `active_to (${String(pin.active_to)}) is not after active_from (${String(pin.active_from)}): the pin would never be active. Swap or correct them.`,
        });
    }
    else if (to !== undefined && to <= now.getTime()) {
        findings.push({
            path: [...base, 'active_to'],
            code: 'pin/expired',
            message: `This pin expired at ${String(pin.active_to)} and no longer has any effect: remove it, or move active_to into the future.`,
        });
    }
}
/** The instant a date field names, for the checks that compare them; a wrong type is the schema's. */
function checkDate(pin, base, key, findings) {
    const value = pin[key];
    if (typeof value !== 'string')
        return undefined;
    const reading = (0,date_time/* readDateTime */._)(value);
    if (reading.kind === 'invalid') {
        findings.push({
            path: [...base, key],
            code: 'pin/date-format',
            message: `${key} is ${(0,manifest_findings/* quote */.hD)(value)}, which is not ${/^\d{4}-(?:\d{2}-\d{2}|W\d{2}-\d|\d{3})T\d/.test(value) ? 'a real date and time' : 'an ISO 8601 date-time'}: write e.g. 2026-01-31T00:00:00+01:00.`,
        });
        return undefined;
    }
    if (reading.unusual) {
        const { missingOffset, usual } = reading.unusual;
        findings.push({
            path: [...base, key],
            code: 'pin/date-unusual',
            message: missingOffset
                ? `${key} ${(0,manifest_findings/* quote */.hD)(value)} has no UTC offset, so the server decides which time zone it is in: add Z or +01:00 to say which time zone (e.g. ${usual}Z).`
                : `${key} ${(0,manifest_findings/* quote */.hD)(value)} is ISO 8601 in a short form that some parsers refuse: write ${usual}.`,
        });
    }
    return reading.time;
}
/**
 * Pins collide only for the same widget at overlapping times. Grouped by widget and position
 * (or item), each group is swept once, so a document with tens of thousands of pins stays fast.
 */
function checkCollisions(pins, findings) {
    // Most documents repeat no position and no item: then there is nothing to group.
    const positions = new Set();
    const items = new Set();
    let repeats = false;
    for (const pin of pins) {
        if (pin.position !== undefined && pin.position >= 1) {
            repeats ||= positions.has(pin.position);
            positions.add(pin.position);
        }
        if (pin.identity !== undefined) {
            repeats ||= items.has(pin.identity);
            items.add(pin.identity);
        }
    }
    if (!repeats)
        return;
    const groups = new Map();
    const add = (kind, value, pin) => {
        const key = JSON.stringify([kind, pin.widget ?? null, value]);
        const group = groups.get(key);
        if (group)
            group.pins.push(pin);
        else
            groups.set(key, { kind, pins: [pin] });
    };
    for (const pin of pins) {
        if (pin.position !== undefined && pin.position >= 1)
            add('position', pin.position, pin);
        if (pin.identity !== undefined)
            add('item', pin.identity, pin);
    }
    const collisions = [];
    for (const { kind, pins: group } of groups.values()) {
        if (group.length < 2)
            continue;
        const earlier = earlierOverlapping(group);
        group.forEach((pin, i) => {
            const other = earlier[i];
            if (other)
                collisions.push({ kind, pin, other });
        });
    }
    // In reading order, and no further than a file's worth of pins (see checkPins).
    collisions.sort((a, b) => a.pin.index - b.pin.index);
    const last = collisions[codes/* MAX_PROBLEMS_PER_FILE */.JG]?.pin.index ?? Infinity;
    for (const { kind, pin, other } of collisions) {
        if (pin.index > last)
            break;
        const widget = pin.widget === undefined ? 'without a widget_id' : `for widget ${(0,manifest_findings/* quote */.hD)(pin.widget)}`;
        findings.push(kind === 'position'
            ? {
                path: ['pin_definitions', pin.index, 'position'],
                code: 'pin/position-collision',
                message: `Pin ${pin.index + 1} takes position ${pin.position} ${widget}, as pin ${other.index + 1} does: only one item can be shown there. Move one of them.`,
            }
            : {
                path: ['pin_definitions', pin.index, 'pin_identity'],
                code: 'pin/duplicate-item',
                message: `Item ${(0,manifest_findings/* quote */.hD)(pin.identity)} is already pinned by pin ${other.index + 1} ${widget}: keep one of the two pins.`,
            });
    }
}
/**
 * For each pin, an earlier one whose time window overlaps its own, in O(n log n): a Fenwick tree
 * over the windows' starts keeps, for every prefix of starts, the earlier window ending last.
 */
function earlierOverlapping(pins) {
    const start = (pin) => pin.from ?? -Infinity;
    const end = (pin) => pin.to ?? Infinity;
    const starts = [...new Set(pins.map(start))].sort((a, b) => a - b);
    const tree = new Array(starts.length + 1);
    return pins.map((pin) => {
        let latest;
        for (let i = countBelow(starts, end(pin)); i > 0; i -= i & -i) {
            const candidate = tree[i];
            if (candidate && (!latest || end(candidate) > end(latest)))
                latest = candidate;
        }
        for (let i = countBelow(starts, start(pin)) + 1; i <= starts.length; i += i & -i) {
            const held = tree[i];
            if (!held || end(pin) > end(held))
                tree[i] = pin;
        }
        return latest && end(latest) > start(pin) ? latest : undefined;
    });
}
/** How many of the sorted `values` are below `limit`. */
function countBelow(values, limit) {
    let low = 0;
    let high = values.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if ((values[middle] ?? 0) < limit)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}
function isOneOf(value, options) {
    return typeof value === 'string' && options.includes(value);
}

// EXTERNAL MODULE: ./src/manifest/scope.ts
var manifest_scope = __webpack_require__(4817);
;// CONCATENATED MODULE: ./src/manifest/validate.ts













const KEEP_VALUES = { values: true };
/**
 * Validate manifests: syntax, schema and rules per document, then the scopes across all of them.
 * Pure: the same sources and clock give the same problems.
 */
function validateSources(sources, now) {
    const texts = new Map(sources.map((source) => [source.file, source.text]));
    return crossCheck(sources.map((source) => checkSource(source, now)), (file) => texts.get(file) ?? '');
}
/** One file on its own: everything but the checks across files. */
function checkSource(source, now, options = KEEP_VALUES) {
    if (/\.json$/i.test(source.file)) {
        const problem = checkJsonSyntax(source);
        if (problem)
            return { file: source.file, problems: [problem], documents: [] };
    }
    // A large text records where its nodes are while the fast pass reads it: its problems are then
    // located, and a text that pass refuses is read for places, without reading it again. Most
    // small files have nothing to locate, and a second read of one costs little.
    const recording = source.text.length >= DENSE_FROM ? recordNodes() : undefined;
    return (checkFast(source, now, options, recording) ??
        checkFully(source, now, options, recording?.events));
}
/**
 * A `.json` manifest must be JSON, not YAML in a JSON-named file: the YAML parser would accept
 * comments, trailing commas and several documents that JSON tools reject.
 */
function checkJsonSyntax(source) {
    const text = stripBom(source.text);
    const error = jsonSyntaxError(text);
    if (!error)
        return undefined;
    return {
        file: source.file,
        ...lineIndex(text)({ start: error.offset, end: error.offset + 1 }),
        severity: (0,codes/* severityOf */.xJ)('json/syntax'),
        code: 'json/syntax',
        message: `This .json file is not valid JSON: ${error.message}. Fix the JSON, or rename the file to .yml if it is meant to be YAML.`,
    };
}
/**
 * The checks across files (one customization per scope), then the documents to submit.
 * `textOf` gives a file's text again, to position the rare problem found only here.
 */
function crossCheck(reports, textOf) {
    const problems = reports.flatMap((report) => report.problems);
    const entries = reports.flatMap((report) => report.documents.map((document) => ({ file: report.file, document, errors: document.errors })));
    const parsed = new Map();
    const locate = (file, index, finding) => {
        let source = parsed.get(file);
        if (!source) {
            source = parseSource(textOf(file));
            parsed.set(file, source);
        }
        const range = source.documents[index]?.locate(finding.path, finding.part) ?? {
            start: 0,
            end: 0,
        };
        return toProblem(file, source.position, range, finding);
    };
    for (const duplicate of duplicateScopes(entries)) {
        problems.push(locate(duplicate.entry.file, duplicate.entry.document.index, duplicate.finding));
        duplicate.entry.errors++;
    }
    const documents = entries.map(({ file, document, errors }) => ({
        file,
        index: document.index,
        line: document.line,
        scope: document.scope,
        customization: errors === 0 && document.value !== undefined ? toCustomization(document.value) : undefined,
    }));
    return { problems: problems.sort(manifest_problems/* compareProblems */.i), documents };
}
/**
 * The common case: a file read by the fast parser. Its schema and rule problems are positioned
 * by a second js-yaml pass that records where nodes are; anything else to report, or anything
 * that pass cannot place for sure, returns `undefined`, and the file is checked again by
 * `checkFully` with the parser that keeps ranges.
 */
function checkFast(source, now, options, recording) {
    const text = stripBom(source.text);
    const read = fastRead(text, recording);
    if (!read)
        return undefined;
    const { values, lines } = read;
    const found = [];
    const documents = [];
    let locators;
    for (const [index, value] of values.entries()) {
        let errors = 0;
        for (const finding of checkDocument(value, now)) {
            locators ??= fastLocators(text, values.length, recording?.events);
            const range = locators?.[index]?.(finding.path, finding.part);
            if (!range)
                return undefined;
            found.push({ range, finding });
            if ((0,codes/* severityOf */.xJ)(finding.code) === 'error')
                errors++;
        }
        documents.push(checkedDocument(index, lines[index] ?? 1, value, errors, options));
    }
    return { file: source.file, problems: listed(source.file, text, found), documents };
}
function checkedDocument(index, line, value, errors, options) {
    const scope = (0,manifest_scope/* scopeOf */.Od)(value);
    return options.values ? { index, line, value, scope, errors } : { index, line, scope, errors };
}
function checkFully(source, now, options, recorded) {
    const parsed = parseSource(source.text, recorded);
    const found = parsed.issues.map((issue) => ({ range: issue.range, finding: issue }));
    const documents = [];
    for (const document of parsed.documents) {
        if (document.value === undefined)
            continue;
        let errors = 0;
        for (const finding of checkDocument(document.value, now)) {
            found.push({ range: document.locate(finding.path, finding.part), finding });
            if ((0,codes/* severityOf */.xJ)(finding.code) === 'error')
                errors++;
        }
        documents.push(checkedDocument(document.index, parsed.position({ start: document.start, end: document.start }).line, document.value, errors, options));
    }
    const text = stripBom(source.text);
    return {
        file: source.file,
        problems: listed(source.file, text, found, parsed.position),
        documents,
    };
}
/**
 * The problems a file's findings make, capped: only those that can be listed (the first
 * `MAX_PROBLEMS_PER_FILE` in reading order and the one after, where the rest are counted) are
 * turned into problems. A hostile file can hold 100,000 findings; only their number is shown.
 */
function listed(file, text, found, position) {
    if (found.length === 0)
        return [];
    // A finding that starts later in the text is later in reading order (`compareProblems`):
    // past the first MAX_PROBLEMS_PER_FILE + 1 places, each has that many problems before it.
    const at = (found) => Math.min(Math.max(found.range.start, 0), text.length);
    let shown = found;
    if (found.length > codes/* MAX_PROBLEMS_PER_FILE */.JG + 1) {
        const starts = Float64Array.from(found, at).sort();
        const last = starts[codes/* MAX_PROBLEMS_PER_FILE */.JG];
        shown = found.filter((item) => at(item) <= last);
    }
    const place = position ?? lineIndex(text);
    const problems = shown.map(({ range, finding }) => toProblem(file, place, range, finding));
    return capped(problems, found.length - shown.length);
}
/** The first problems in reading order, and one more that counts the rest (and `unlisted`). */
function capped(problems, unlisted) {
    if (problems.length + unlisted <= codes/* MAX_PROBLEMS_PER_FILE */.JG)
        return problems;
    const sorted = problems.sort(manifest_problems/* compareProblems */.i);
    const first = sorted[codes/* MAX_PROBLEMS_PER_FILE */.JG];
    const rest = sorted.length + unlisted - codes/* MAX_PROBLEMS_PER_FILE */.JG;
    return [
        ...sorted.slice(0, codes/* MAX_PROBLEMS_PER_FILE */.JG),
        {
            ...first,
            severity: (0,codes/* severityOf */.xJ)('file/too-many-problems'),
            code: 'file/too-many-problems',
            message: `${rest} or more problems from here on are not listed (at most ${codes/* MAX_PROBLEMS_PER_FILE */.JG} per file). Fix the ones above and check again.`,
        },
    ];
}
function checkDocument(value, now) {
    if (value === null) {
        return [
            {
                path: [],
                code: 'document/empty',
                message: 'This document is empty. Remove the stray `---`, or write a customization here.',
            },
        ];
    }
    if (!(0,manifest_findings/* isRecord */.u4)(value)) {
        return [
            {
                path: [],
                code: 'document/not-mapping',
                message: `A customization is a mapping of keys (model, target_type, pin_definitions, ...), not ${Array.isArray(value) ? 'a list' : 'a single value'}.`,
            },
        ];
    }
    return (0,manifest_findings/* withoutEchoes */.Kx)([...checkSchema(value), ...checkRules(value, now)]);
}
function toProblem(file, position, range, finding) {
    return {
        file,
        ...position(range),
        severity: (0,codes/* severityOf */.xJ)(finding.code),
        code: finding.code,
        message: finding.message,
    };
}
function* duplicateScopes(entries) {
    const byScope = new Map();
    for (const entry of entries) {
        if (!entry.document.scope)
            continue;
        const key = (0,manifest_scope/* scopeKey */.OD)(entry.document.scope);
        const group = byScope.get(key);
        if (group)
            group.push(entry);
        else
            byScope.set(key, [entry]);
    }
    for (const group of byScope.values()) {
        if (group.length < 2)
            continue;
        const places = group.map((entry) => `${entry.file}:${entry.document.line}`);
        for (const [i, entry] of group.entries()) {
            const scope = entry.document.scope;
            // At most five others are named: a group can be large, and the message stays linear.
            const named = places
                .slice(0, 6)
                .filter((_, j) => j !== i)
                .slice(0, 5);
            const others = named.join(', ') + (group.length - 1 > 5 ? ` and ${group.length - 6} more` : '');
            const field = scope.target_type === 'item'
                ? 'target_identity'
                : scope.target_type === 'criteria'
                    ? 'target_criteria'
                    : 'target_type';
            yield {
                entry,
                finding: {
                    path: [field],
                    code: 'scope/duplicate',
                    message: `Another document has the same scope (${(0,manifest_scope/* describeScope */.OI)(scope)}): ${others}. One customization per model and target: merge their pins into one document.`,
                },
            };
        }
    }
}
/**
 * What is sent: the manifest without the editor-only `$schema`, the server-owned keys and the
 * nulls of optional fields (all warned about), so an exported customization sends only what a
 * hand-written one would.
 */
function toCustomization(value) {
    const body = withoutUnsent(value);
    delete body.$schema;
    for (const key of schema/* SERVER_OWNED_KEYS */.ZA)
        delete body[key];
    if (Array.isArray(body.pin_definitions)) {
        body.pin_definitions = body.pin_definitions.map((pin) => withoutUnsent(pin));
    }
    return body;
}
function withoutUnsent(object) {
    return Object.fromEntries(Object.entries(object).filter(([key, item]) => item !== null || !schema/* NULLABLE_KEYS */.bV.has(key)));
}

;// CONCATENATED MODULE: ./src/workspace/check-files.ts




/**
 * A worker thread takes 0.3-0.4 s (of CPU, and more under load) to start: Node's internals and
 * this bundle, compiled again. Meanwhile this thread checks some 1,500 files, and the worker
 * then starts cold: below this many files for each worker, it would not finish any sooner.
 */
const FILES_PER_WORKER = 4000;
/** Measured on Node 24 at 10,000 manifests: peak memory 490 MB with the default, 277 MB with this. */
const WORKER_YOUNG_GENERATION_MB = 24;
/** Files taken at a time: small enough to balance the threads, large enough to cost nothing. */
const MAX_BATCH = 50;
/**
 * Read and validate manifests. Parsing dominates and each file stands alone, so large sets are
 * shared with worker threads (up to one per core) when `workerEntry` names a script that calls
 * `serveCheckWorker()`: this thread and the workers take batches of files as they are free, so
 * this one starts at once and none waits for another. The checks across files then run here.
 */
async function checkFiles(workspace, files, now, workerEntry, { values = true, filesPerThread = FILES_PER_WORKER, checkHere = true } = {}) {
    const workers = workerEntry
        ? Math.max(0, Math.min((0,external_node_os_.availableParallelism)() - 1, Math.floor(files.length / filesPerThread)))
        : 0;
    const batch = Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / ((workers + 1) * 8))));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const job = { workspace, files, now: now.getTime(), options: { values }, batch, next };
    const batches = Math.ceil(files.length / batch);
    const results = [];
    let complete = () => { };
    const allIn = new Promise((resolve) => (complete = resolve));
    const collect = (result) => {
        results.push(result);
        if (results.length === batches)
            complete();
    };
    if (batches === 0)
        complete();
    const started = [];
    if (workers > 0) {
        const { Worker } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5919, 23));
        for (let i = 0; i < workers; i++) {
            started.push(startWorker(new Worker(workerEntry, workerOptions(job)), collect));
        }
    }
    try {
        // Batches a worker took are awaited; a worker still starting when all are taken is stopped.
        if (checkHere || workers === 0)
            checkBatches(job, collect);
        await Promise.race([allIn, failure(started)]);
    }
    finally {
        for (const worker of started)
            void worker.terminate();
    }
    results.sort((a, b) => a.start - b.start);
    // Read again, through the same guards, only to position a problem found across files.
    const read = manifestReader(workspace);
    const validation = crossCheck(results.flatMap((r) => r.reports), (file) => {
        const loaded = read(file);
        return loaded.kind === 'text' ? loaded.text : '';
    });
    return {
        problems: [...results.flatMap((r) => r.problems), ...validation.problems].sort(manifest_problems/* compareProblems */.i),
        documents: validation.documents,
        missing: results.flatMap((r) => r.missing),
    };
}
/**
 * Check batches of the job's files until none is left, one file at a time so that no more than
 * one file's text is held at once.
 */
function checkBatches(job, done) {
    const read = manifestReader(job.workspace);
    const now = new Date(job.now);
    for (let start = Atomics.add(job.next, 0, job.batch); start < job.files.length; start = Atomics.add(job.next, 0, job.batch)) {
        const result = { start, reports: [], problems: [], missing: [] };
        for (const file of job.files.slice(start, start + job.batch)) {
            const loaded = read(file);
            if (loaded.kind === 'text')
                result.reports.push(checkSource(loaded, now, job.options));
            else if (loaded.kind === 'problem')
                result.problems.push(loaded.problem);
            else
                result.missing.push(file);
        }
        done(result);
    }
}
// The flag that tells an entry script it runs as a check worker. Only workers load
// node:worker_threads: for everyone else it would be a tenth of a bare Node's start-up.
const WORKER_ARG = '--luigisbox-pins-check-worker';
function workerOptions(job) {
    return {
        argv: [WORKER_ARG],
        workerData: { luigisboxPinsCheck: job },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    };
}
function startWorker(worker, done) {
    worker.on('message', done);
    const exited = new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('exit', (code) => {
            if (code === 0)
                resolve();
            else
                reject(new Error(`A validation worker stopped with exit code ${code}.`));
        });
    });
    // Handled here too: once every batch is in, nobody awaits a worker that is still starting.
    exited.catch(() => undefined);
    return { exited, terminate: () => worker.terminate() };
}
/** Rejects when a worker fails, or when all have stopped with batches still missing. */
function failure(workers) {
    return new Promise((_, reject) => {
        for (const worker of workers)
            worker.exited.catch(reject);
        void Promise.allSettled(workers.map((worker) => worker.exited)).then(() => 
        // Their last messages arrive before this runs.
        setImmediate(() => reject(new Error('A validation worker stopped before it answered.'))));
    });
}
/**
 * Entry scripts call this first: in a worker started by `checkFiles` it checks batches of files
 * until none is left and returns true, so the script does nothing else.
 */
async function serveCheckWorker() {
    if (!process.argv.includes(WORKER_ARG))
        return false;
    const { parentPort, workerData } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5919, 23));
    const job = workerData?.luigisboxPinsCheck;
    if (!parentPort || !job)
        return false;
    const port = parentPort;
    checkBatches(job, (result) => port.postMessage(result));
    return true;
}


/***/ }),

/***/ 4714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OD: () => (/* binding */ DEFAULT_MANIFEST_GLOBS),
/* harmony export */   kD: () => (/* binding */ findManifests),
/* harmony export */   nS: () => (/* binding */ parseGlobs)
/* harmony export */ });
/* unused harmony exports manifestMatcher, whyMatched */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);



const DEFAULT_MANIFEST_GLOBS = ['luigisbox/**/*.{yml,yaml,json}'];
/** Globs as users write them: one per line, `!` to exclude, `./` optional, blank lines ignored. */
function parseGlobs(text) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
    const clean = (glob) => glob.replace(/^\.\//, '');
    return {
        include: lines.filter((l) => !l.startsWith('!')).map(clean),
        exclude: lines.filter((l) => l.startsWith('!')).map((l) => clean(l.slice(1))),
    };
}
/**
 * Whether a workspace-relative path is a manifest the globs select. Extensions match in any case
 * (`A.YML` as `a.yml`): editors on case-insensitive file systems save either, and a skipped file
 * is a check that silently passes. The rest of the path matches as written.
 */
function manifestMatcher(globs) {
    if (globs.include.length === 0)
        return () => false;
    const matches = picomatch__WEBPACK_IMPORTED_MODULE_2___default()(globs.include, { dot: true, ignore: globs.exclude });
    return (file) => matches(file) || matches(file.replace(/\.[^./]+$/, (ext) => ext.toLowerCase()));
}
/** Directories no walk enters: version control, and installed packages (never manifests). */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/**
 * Every manifest in the workspace, as sorted `/`-separated relative paths. Walks only the static
 * base directory of each glob, skips `.git` and `node_modules`, and does not descend into symlinked directories (they
 * may loop or lead out of the workspace); symlinked files are listed and vetted when read.
 */
async function findManifests(workspace, globs, 
/** Told why each file walked is or is not a manifest (the Action's debug log). */
debug) {
    const matches = manifestMatcher(globs);
    const bases = new Set(globs.include
        .map((glob) => picomatch__WEBPACK_IMPORTED_MODULE_2___default().scan(glob).base)
        .filter((base) => isInside(workspace, base)));
    const found = new Set();
    for (const base of bases) {
        for (const file of await walk(workspace, base)) {
            if (matches(file))
                found.add(file);
            debug?.(whyMatched(file, globs));
        }
    }
    return [...found].sort();
}
/** For the debug log: which glob made a file a manifest, or why none did. */
function whyMatched(file, globs) {
    const first = (list) => list.find((glob) => picomatch__WEBPACK_IMPORTED_MODULE_2___default()(glob, { dot: true })(file));
    const include = first(globs.include);
    if (include === undefined)
        return `${file}: not a manifest, matches none of ${globs.include.join(', ')}`;
    const exclude = first(globs.exclude);
    if (exclude !== undefined)
        return `${file}: not a manifest, matches ${include} but !${exclude} excludes it`;
    return `${file}: a manifest, matches ${include}`;
}
async function walk(workspace, relativeDir) {
    const files = [];
    const pending = [relativeDir];
    while (pending.length > 0) {
        const dir = pending.pop();
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, dir), { withFileTypes: true });
        }
        catch (error) {
            // A glob without wildcards names a file, and its "base" is that file.
            if (error.code === 'ENOTDIR')
                files.push(dir);
            continue;
        }
        for (const entry of entries) {
            const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.has(entry.name))
                    pending.push(relative);
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                files.push(relative);
            }
        }
    }
    return files;
}
function isInside(workspace, relative) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, relative);
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace);
    return resolved === root || resolved.startsWith(root + (node_path__WEBPACK_IMPORTED_MODULE_1___default().sep));
}


/***/ })

};
