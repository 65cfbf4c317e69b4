export const id = 26;
export const ids = [26,446];
export const modules = {

/***/ 9435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ jsonText)
/* harmony export */ });
/**
 * A value as indented JSON for stdout. A runner reads the older workflow-command syntax `##[`
 * anywhere in any line, so it is written `#\u0023[`: the same JSON value, nothing to act on.
 */
function jsonText(value) {
    return `${JSON.stringify(value, null, 2).replace(/##\[/g, '#\\u0023[')}\n`;
}


/***/ }),

/***/ 109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ textLine),
  A: () => (/* binding */ writeProblems)
});

// EXTERNAL MODULE: ./src/manifest/problems.ts
var manifest_problems = __webpack_require__(1905);
// EXTERNAL MODULE: ./src/manifest/codes.ts
var codes = __webpack_require__(7439);
;// CONCATENATED MODULE: ./src/report/plural.ts
/** `1 error`, `2 errors`: English plurals of the nouns this Action counts. */
function plural(count, word) {
    return count === 1 ? word : `${word}s`;
}

;// CONCATENATED MODULE: ./src/report/annotations.ts



/** GitHub shows this many annotations of each level per step and drops the rest silently. */
const ANNOTATIONS_PER_LEVEL = 10;
/**
 * The first problems of each level in reading order, and how many do not fit beside the
 * annotations of that level the step has written already (run-level warnings, for instance).
 */
function selectAnnotations(problems, alreadyWritten = { error: 0, warning: 0 }) {
    const sorted = [...problems].sort(manifest_problems/* compareProblems */.i);
    const shown = [];
    const counts = { ...alreadyWritten };
    const hidden = { error: 0, warning: 0 };
    for (const problem of sorted) {
        if (counts[problem.severity] < ANNOTATIONS_PER_LEVEL) {
            counts[problem.severity]++;
            shown.push(problem);
        }
        else {
            hidden[problem.severity]++;
        }
    }
    return { shown, hidden };
}
function annotate(problems, sink, alreadyWritten) {
    const { shown, hidden } = selectAnnotations(problems, alreadyWritten);
    for (const problem of shown)
        sink[problem.severity](problem.message, toProperties(problem));
    const more = [
        hidden.error > 0 ? `${hidden.error} more ${plural(hidden.error, 'error')}` : '',
        hidden.warning > 0 ? `${hidden.warning} more ${plural(hidden.warning, 'warning')}` : '',
    ].filter(Boolean);
    if (more.length > 0) {
        sink.notice(`${more.join(' and ')} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} of each per step); the job summary lists every problem.`);
    }
}
function toProperties(problem) {
    const properties = {
        title: problem.code,
        file: problem.file,
        startLine: problem.line,
        endLine: problem.endLine,
    };
    // GitHub accepts columns only on single-line annotations.
    if (problem.line === problem.endLine) {
        properties.startColumn = problem.column;
        properties.endColumn = Math.max(problem.endColumn, problem.column);
    }
    return properties;
}
/**
 * A manifest that failed to submit becomes an error on its first line, annotated like a
 * validation error (a 400/422 carries the server's own reason); one that succeeded with a note
 * (the server rewrote its scope) becomes a warning there. Deletions have no manifest to point at.
 */
function submissionProblems(outcomes) {
    return outcomes.flatMap((outcome) => {
        const { file, line = 1 } = outcome;
        if (file === undefined)
            return [];
        const at = { file, line, column: 1, endLine: line, endColumn: 1 };
        if (outcome.action === 'failed' && outcome.error) {
            const code = outcome.rejected ? 'luigisbox/rejected' : 'luigisbox/failed';
            return [{ ...at, severity: severityOf(code), code, message: outcome.error }];
        }
        if (outcome.note) {
            return [
                {
                    ...at,
                    severity: severityOf('luigisbox/scope-rewritten'),
                    code: 'luigisbox/scope-rewritten',
                    message: outcome.note,
                },
            ];
        }
        return [];
    });
}

// EXTERNAL MODULE: ./src/report/progress.ts
var progress = __webpack_require__(8991);
// EXTERNAL MODULE: ./src/cli/formats/json.ts
var json = __webpack_require__(9435);
// EXTERNAL MODULE: ./src/cli/usage.ts + 1 modules
var usage = __webpack_require__(2973);
;// CONCATENATED MODULE: ./src/cli/formats/sarif.ts


const INFORMATION_URI = 'https://github.com/luigisbox-pins/luigisbox-pins-action';
/**
 * A SARIF 2.1.0 log for code scanning (`github/codeql-action/upload-sarif`): one run, every rule
 * of the codes table, one result per problem. Regions use SARIF's convention, which is the
 * problems' own: 1-based lines and columns, the end column just past the last character. URIs
 * are relative to the directory the command ran in, the checkout's root in a workflow.
 */
function sarifLog(problems) {
    const index = new Map(codes/* RULES */.y0.map((rule, i) => [rule.code, i]));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'luigisbox-pins',
                        version: usage/* VERSION */.xv,
                        informationUri: INFORMATION_URI,
                        rules: codes/* RULES */.y0.map((rule) => ({
                            id: rule.code,
                            shortDescription: { text: rule.summary },
                            helpUri: `${INFORMATION_URI}#${rule.code.replace(/\//g, '')}-${rule.severity}`,
                            defaultConfiguration: { level: rule.severity },
                        })),
                    },
                },
                // Columns count UTF-16 code units, as JavaScript strings and the problems do.
                columnKind: 'utf16CodeUnits',
                results: problems.map((problem) => ({
                    ruleId: problem.code,
                    ...(index.has(problem.code) ? { ruleIndex: index.get(problem.code) } : {}),
                    level: problem.severity,
                    message: { text: problem.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: fileUri(problem.file), uriBaseId: '%SRCROOT%' },
                                region: region(problem),
                            },
                        },
                    ],
                })),
            },
        ],
    };
}
function fileUri(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}
function region(problem) {
    const endLine = Math.max(problem.endLine, problem.line);
    const endColumn = endLine === problem.line ? Math.max(problem.endColumn, problem.column) : problem.endColumn;
    return {
        startLine: problem.line,
        startColumn: problem.column,
        endLine,
        endColumn: Math.max(1, endColumn),
    };
}

;// CONCATENATED MODULE: ./src/cli/formats/problems.ts





/** Validation problems in the format asked for: stdout holds only them, stderr the count. */
async function writeProblems(problems, files, format, output) {
    const counts = (0,manifest_problems/* countBySeverity */.O)(problems);
    switch (format) {
        case 'json': {
            const summary = { files, errors: counts.error, warnings: counts.warning };
            output.out((0,json/* jsonText */.s)({ summary, problems }));
            return;
        }
        case 'sarif':
            output.out((0,json/* jsonText */.s)(sarifLog(problems)));
            return;
        case 'github':
            // The Action's own annotations: workflow commands, escaped, within GitHub's limits.
            // @actions/core loads an HTTP client on import: only this format pays for it.
            annotate(problems, await __webpack_require__.e(/* import() */ 421).then(__webpack_require__.bind(__webpack_require__, 6421)));
            break;
        case 'text':
            output.out(problems.map(textLine).join(''));
            break;
    }
    output.err(`${files} manifest file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s).\n`);
}
/** `file:line:col severity code message`: one problem per line, whatever a manifest holds. */
function textLine(p) {
    return `${(0,progress/* logLine */.BP)(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`)}\n`;
}


/***/ }),

/***/ 5450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ selectManifests)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _workspace_discover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4714);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);





/** What a directory stands for. */
const DIRECTORY_MANIFESTS = '**/*.{yml,yaml,json}';
/**
 * Every path, directory and glob given, wherever it is: relative, `../`, absolute, through a
 * symlinked directory (as lint-staged and editors pass them). A named path that does not exist,
 * or an argument that matches no manifest, is a usage error: a check of nothing must not pass.
 * Without arguments, the default globs in the current directory.
 */
async function selectManifests(args, cwd) {
    const realCwd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(cwd);
    const resolved = (args.length > 0 ? args : _workspace_discover_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_MANIFEST_GLOBS */ .OD).map((arg) => resolve(arg, realCwd));
    const root = commonDirectory([
        realCwd,
        ...resolved.map((r) => (r.kind === 'file' ? node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(r.real) : r.base)),
    ]);
    const found = new Set();
    const empty = [];
    for (const entry of resolved) {
        const files = entry.kind === 'file' ? [relative(root, entry.real)] : await manifestsBelow(root, entry);
        if (files.length === 0)
            empty.push(entry.arg);
        for (const file of files)
            found.add(file);
    }
    if (empty.length > 0) {
        const list = empty.map((arg) => `"${arg}"`).join(', ');
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(args.length > 0
            ? `No manifest matches ${list}.`
            : `No manifests matched ${list} in ${cwd}: name the files, directories or globs to check.`);
    }
    return {
        root,
        files: [...found].sort(),
        display: (file) => relative(realCwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, file)),
        named: resolved.filter((r) => r.kind === 'file').map((r) => r.arg),
    };
}
function resolve(arg, cwd) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, arg);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(absolute, { throwIfNoEntry: false })) {
        const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(absolute, { throwIfNoEntry: false });
        if (!target)
            throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`No such file or directory: ${arg} (a broken symbolic link)`);
        if (target.isDirectory()) {
            return {
                arg,
                kind: 'glob',
                base: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(absolute),
                glob: DIRECTORY_MANIFESTS,
                skipHidden: true,
            };
        }
        // The directory through its links; a link to a file stays a link, for the reader to vet.
        return {
            arg,
            kind: 'file',
            real: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(realDirectory(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(absolute)), node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(absolute)),
        };
    }
    const scanned = picomatch__WEBPACK_IMPORTED_MODULE_4___default().scan(arg);
    if (!scanned.isGlob)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`No such file or directory: ${arg}`);
    const base = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, scanned.base);
    return { arg, kind: 'glob', base: realDirectory(base), glob: scanned.glob, skipHidden: false };
}
/** A directory's real path; a directory that does not exist stays as written (it matches nothing). */
function realDirectory(directory) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(directory);
    }
    catch {
        return directory;
    }
}
/** A glob's matches, walked from its base (so no part of the base is read as a pattern). */
async function manifestsBelow(root, entry) {
    const exclude = entry.skipHidden ? ['**/.*/**'] : [];
    const found = await (0,_workspace_discover_js__WEBPACK_IMPORTED_MODULE_2__/* .findManifests */ .kD)(entry.base, { include: [entry.glob], exclude });
    const base = relative(root, entry.base);
    return found.map((file) => (base === '' ? file : `${base}/${file}`));
}
function relative(from, to) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(from, to).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
function commonDirectory(directories) {
    const split = directories.map((d) => d.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)));
    const first = split[0] ?? [];
    let length = first.length;
    for (const parts of split) {
        let i = 0;
        while (i < length && parts[i] === first[i])
            i++;
        length = i;
    }
    return first.slice(0, length).join((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)) || (node_path__WEBPACK_IMPORTED_MODULE_1___default().sep);
}


/***/ }),

/***/ 5026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planOrApply: () => (/* binding */ planOrApply)
});

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/manifest/problems.ts
var manifest_problems = __webpack_require__(1905);
// EXTERNAL MODULE: ./src/report/progress.ts
var report_progress = __webpack_require__(8991);
// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(6587);
// EXTERNAL MODULE: ./src/luigisbox/client.ts + 4 modules
var luigisbox_client = __webpack_require__(7001);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/deadline.ts
var src_deadline = __webpack_require__(6683);
// EXTERNAL MODULE: ./src/luigisbox/errors.ts
var errors = __webpack_require__(3254);
// EXTERNAL MODULE: ./src/manifest/scope.ts
var manifest_scope = __webpack_require__(4817);
;// CONCATENATED MODULE: ./src/sync/outcome.ts

/** The actions that write to Luigi's Box, or would on a dry run: the `changes` output counts them. */
const WRITES = new Set([
    'created',
    'updated',
    'deleted',
    'planned-create',
    'planned-update',
    'planned-delete',
]);
function outcomeOf(where, action, extra = {}) {
    return {
        file: where.file,
        document: where.index,
        line: where.line,
        scope: where.scope ? (0,manifest_scope/* describeScope */.OI)(where.scope) : '',
        action,
        ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
    };
}
/** A `skipped` row: nothing was sent for this document. */
function notSubmitted(where, why) {
    return outcomeOf(where, 'skipped', { error: `Not submitted: ${why}.` });
}
/** Reading order: by file, then by document; deletions (no file) last, by scope. */
function sortOutcomes(outcomes) {
    const key = (o) => [
        o.file === undefined ? '\uffff' : o.file,
        o.document ?? 0,
        o.scope,
    ];
    return [...outcomes].sort((a, b) => {
        const [fa, da, sa] = key(a);
        const [fb, db, sb] = key(b);
        return fa !== fb ? (fa < fb ? -1 : 1) : da !== db ? da - db : sa < sb ? -1 : sa > sb ? 1 : 0;
    });
}

// EXTERNAL MODULE: ./src/sync/compare.ts
var compare = __webpack_require__(5856);
// EXTERNAL MODULE: ./src/sync/ownership.ts
var ownership = __webpack_require__(7806);
;// CONCATENATED MODULE: ./src/sync/diff.ts



/**
 * What an update changes, field by field, live → git, as lines for people: the job summary and
 * the pull request comment show the same text. Pins are matched by position and widget, so a pin moved
 * or edited shows as one change rather than a list rewritten; the Action's own tags are left out.
 */
function describeUpdate(desired, live, options) {
    const want = (0,compare/* normalise */.j7)(desired, options.ownershipTag);
    const have = (0,compare/* normalise */.j7)(live, options.ownershipTag);
    const lines = [];
    for (const field of Object.keys(want)) {
        if (field === 'pin_definitions' || field === 'tags')
            continue;
        if ((0,manifest_scope/* canonicalJson */.dj)(want[field]) === (0,manifest_scope/* canonicalJson */.dj)(have[field]))
            continue;
        if (have[field] === undefined && field === 'target_metadata' && options.lastAppliedIsDesired) {
            continue;
        }
        const was = have[field] === undefined && field === 'target_metadata'
            ? '(not returned by the API)'
            : show(fieldOf(live, field));
        lines.push(`${field}: ${was} → ${show(fieldOf(desired, field))}`);
    }
    const tags = tagChanges(desired.tags, live.tags, options.ownershipTag);
    if (tags)
        lines.push(tags);
    lines.push(...pinChanges(desired.pin_definitions, live.pin_definitions));
    if (lines.length === 0) {
        lines.push(options.adopt
            ? `adopted: the ownership tag ${options.ownershipTag} is added`
            : 'pins that share a position are in another order');
    }
    return lines;
}
/** What a create sends, for people. */
function describeCreate(desired) {
    const lines = Object.entries(desired)
        .filter(([field, value]) => field !== 'pin_definitions' && value !== undefined)
        .map(([field, value]) => `${field}: ${show(value)}`);
    for (const pin of desired.pin_definitions)
        lines.push(`+ ${pinKey(pin)}: ${show(pin)}`);
    return lines;
}
/** What a delete removes, for people: the pins it held. */
function describeDelete(live) {
    return pinChanges([], live.pin_definitions);
}
function tagChanges(git, live, tag) {
    const own = (tags) => new Set((Array.isArray(tags) ? tags : []).filter((t) => typeof t === 'string' && !(0,ownership/* isOwnershipTag */.GN)(tag, t)));
    const want = own(git);
    const have = own(live);
    const added = [...want].filter((t) => !have.has(t));
    const removed = [...have].filter((t) => !want.has(t));
    if (added.length === 0 && removed.length === 0)
        return undefined;
    const parts = [
        added.length > 0 && `added ${added.map(show).join(', ')}`,
        removed.length > 0 && `removed ${removed.map(show).join(', ')}`,
    ].filter(Boolean);
    return `tags: ${parts.join('; ')}`;
}
function pinChanges(git, live) {
    const want = byKey(git);
    const have = byKey(live);
    const lines = [];
    for (const [key, pin] of have) {
        const wanted = want.get(key);
        if (wanted === undefined)
            lines.push(`- ${key}: ${show(pin)}`);
        else {
            const changed = pinFieldChanges(pin, wanted);
            if (changed.length > 0)
                lines.push(`~ ${key}: ${changed.join('; ')}`);
        }
    }
    for (const [key, pin] of want)
        if (!have.has(key))
            lines.push(`+ ${key}: ${show(pin)}`);
    return lines;
}
/** Pins by position and widget; a second pin with the same key is numbered. */
function byKey(pins) {
    const keyed = new Map();
    for (const pin of Array.isArray(pins) ? pins : []) {
        const base = pinKey(pin);
        let key = base;
        for (let n = 2; keyed.has(key); n++)
            key = `${base} #${n}`;
        keyed.set(key, pin);
    }
    return keyed;
}
function pinKey(pin) {
    const { position, widget_id } = (pin ?? {});
    const widget = typeof widget_id === 'string' && widget_id !== '' ? `, widget ${widget_id}` : '';
    return `pin at position ${String(position)}${widget}`;
}
/** The fields of a pin that differ, as compared (server defaults and spellings aside). */
function pinFieldChanges(live, git) {
    const was = (0,compare/* normalisePin */.Af)(live);
    const now = (0,compare/* normalisePin */.Af)(git);
    return [...new Set([...Object.keys(was), ...Object.keys(now)])]
        .filter((field) => (0,manifest_scope/* canonicalJson */.dj)(was[field]) !== (0,manifest_scope/* canonicalJson */.dj)(now[field]))
        .map((field) => `${field} ${show(rawField(live, field))} → ${show(rawField(git, field))}`);
}
function rawField(pin, field) {
    return typeof pin === 'object' && pin !== null
        ? pin[field]
        : undefined;
}
function fieldOf(customization, field) {
    return customization[field];
}
const SHOWN_CHARS = 300;
/** A value in one line of JSON, cut where it would make a diff unreadable. */
function show(value) {
    const text = value === undefined ? '(none)' : (JSON.stringify(value) ?? String(value));
    return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
}

// EXTERNAL MODULE: ./src/sync/live.ts
var sync_live = __webpack_require__(4153);
;// CONCATENATED MODULE: ./src/sync/plan.ts





/**
 * Desired state against live state, per scope: nothing live → create; one live → update it in
 * place unless it is the same and marked as the Action's; several live → refuse to guess; owned
 * and declared by no manifest → delete (with prune). Pure, so every case is tested without a server.
 */
function planChanges(input) {
    const { ownershipTag: tag } = input;
    const listings = new Map(input.listings.map((listing) => [
        listing.model,
        { listing, index: scopeIndex(listing.records, tag) },
    ]));
    const matched = new Set();
    const steps = input.desired.map((desired) => {
        const { listing, index } = listings.get(desired.scope.model) ?? {};
        const candidates = index ? index(desired.scope) : [];
        for (const candidate of candidates)
            matched.add(candidate.id);
        const copies = candidates.filter((candidate) => !targets(candidate, desired.scope));
        if (copies.length > 0) {
            return {
                kind: 'blocked',
                desired,
                reason: `${copies.map(describeLive).join(', ')} ${copies.length === 1 ? 'carries' : 'carry'} this manifest's ownership tag but ${copies.length === 1 ? 'targets' : 'target'} something else, like a copy made in the app; remove the ${tag} tags from it there, then run again`,
            };
        }
        if (candidates.length > 0)
            return stepFor(desired, candidates, tag);
        if (listing?.incomplete) {
            return {
                kind: 'blocked',
                desired,
                reason: `the listing of model ${desired.scope.model} cannot be trusted (${listing.incomplete}), so nothing is created in it`,
            };
        }
        const blocker = listing?.malformed.find((m) => mayHoldScope(m, desired.scope, tag));
        if (blocker) {
            return {
                kind: 'blocked',
                desired,
                reason: `live customization ${blocker.id} may hold this scope but cannot be read (${blocker.reason}); fix or delete it in the Luigi's Box app`,
            };
        }
        return stepFor(desired, [], tag);
    });
    if (!input.prune)
        return steps;
    const declared = [...input.desired.map((d) => d.scope), ...input.prune.keep];
    const orphans = deletions(input.prune.owned, declared, matched, tag);
    return [
        ...steps,
        ...(input.prune.remove
            ? orphans
            : orphans.map((step) => ({ ...step, kind: 'orphan' }))),
    ];
}
/** The step for a desired customization given the live ones that hold its scope. */
function stepFor(desired, candidates, tag) {
    const [live] = candidates;
    if (live === undefined) {
        return {
            kind: 'create',
            desired,
            send: bodyToSend(desired, tag),
            changes: describeCreate(desired.body),
        };
    }
    if (candidates.length > 1) {
        return { kind: 'conflict', desired, ids: candidates.map((c) => c.id) };
    }
    const { owned, mark } = (0,ownership/* readMark */.Mp)(tag, live.tags);
    const lastAppliedIsDesired = mark?.body === bodyFingerprint(desired.body, tag);
    const same = (0,compare/* sameCustomization */.mw)(desired.body, live, { ownershipTag: tag, lastAppliedIsDesired });
    if (owned && same)
        return { kind: 'unchanged', desired, id: live.id };
    return {
        kind: 'update',
        desired,
        id: live.id,
        send: bodyToSend(desired, tag),
        live,
        adopt: !owned && same,
        changes: describeUpdate(desired.body, live, {
            ownershipTag: tag,
            lastAppliedIsDesired,
            adopt: !owned && same,
        }),
    };
}
/**
 * Owned customizations that no manifest declares any more. Whatever could still be a declared
 * one is kept: a record matched in planning, one marked with or targeting a declared scope (a
 * model listing may have set it aside), and one that cannot be read.
 */
function deletions(owned, declared, matched, tag) {
    const fingerprints = new Set(declared.map(ownership/* scopeFingerprint */.Fu));
    const keys = new Set(declared.map(manifest_scope/* scopeKey */.OD));
    const seen = new Set();
    const steps = [];
    for (const live of owned) {
        if (matched.has(live.id) || seen.has(live.id))
            continue;
        seen.add(live.id);
        const { owned: isOwned, mark } = (0,ownership/* readMark */.Mp)(tag, live.tags);
        const scope = (0,manifest_scope/* scopeOf */.Od)(live);
        if (!isOwned || (0,sync_live/* malformation */.Ej)(live) !== undefined || scope === undefined)
            continue;
        if ((mark && fingerprints.has(mark.scope)) || keys.has((0,manifest_scope/* scopeKey */.OD)(scope)))
            continue;
        const changes = describeDelete(live);
        steps.push({ kind: 'delete', id: live.id, scope: (0,manifest_scope/* describeScope */.OI)(scope), live, changes });
    }
    return steps;
}
/** Whether a live customization's own target fields are this scope's. */
function targets(live, scope) {
    const own = (0,manifest_scope/* scopeOf */.Od)(live);
    return own !== undefined && (0,manifest_scope/* scopeKey */.OD)(own) === (0,manifest_scope/* scopeKey */.OD)(scope);
}
function describeLive(live) {
    const scope = (0,manifest_scope/* scopeOf */.Od)(live);
    return `live customization ${live.id}${scope ? ` (${(0,manifest_scope/* describeScope */.OI)(scope)})` : ''}`;
}
/**
 * The live customizations that hold a scope, found by the scope fingerprint they were marked
 * with, or by their target fields read the way a server may have rewritten them. Indexed once,
 * so planning costs one hash per record and per manifest, not one per pair.
 */
function scopeIndex(records, tag) {
    const byMark = new Map();
    const byTarget = new Map();
    const add = (map, key, record) => {
        const group = map.get(key);
        if (group)
            group.push(record);
        else
            map.set(key, [record]);
    };
    const position = new Map(records.map((record, i) => [record, i]));
    for (const record of records) {
        const mark = (0,ownership/* readMark */.Mp)(tag, record.tags).mark;
        if (mark)
            add(byMark, mark.scope, record);
        const scope = (0,manifest_scope/* scopeOf */.Od)(record);
        if (scope)
            add(byTarget, (0,manifest_scope/* scopeKey */.OD)(scope), record);
    }
    return (scope) => {
        const found = new Set([
            ...(byMark.get((0,ownership/* scopeFingerprint */.Fu)(scope)) ?? []),
            ...(byTarget.get((0,manifest_scope/* scopeKey */.OD)(scope)) ?? []),
        ]);
        // In listing order, so conflicts name their ids the same way on every run.
        return [...found].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    };
}
function mayHoldScope(malformed, scope, tag) {
    const { record } = malformed;
    if ((0,ownership/* readMark */.Mp)(tag, record.tags).mark?.scope === (0,ownership/* scopeFingerprint */.Fu)(scope))
        return true;
    const readable = (0,manifest_scope/* scopeOf */.Od)(record);
    // A record whose target cannot be read could hold any scope of its model.
    return readable === undefined || (0,manifest_scope/* scopeKey */.OD)(readable) === (0,manifest_scope/* scopeKey */.OD)(scope);
}
function bodyFingerprint(body, tag) {
    return (0,ownership/* fingerprint */.Rj)((0,compare/* normalise */.j7)(body, tag));
}
/** The manifest's body with the ownership tags added; its own tags as written. */
function bodyToSend(desired, tag) {
    const own = (desired.body.tags ?? []).filter((t) => !(0,ownership/* isOwnershipTag */.GN)(tag, t));
    const mark = { scope: (0,ownership/* scopeFingerprint */.Fu)(desired.scope), body: bodyFingerprint(desired.body, tag) };
    return { ...desired.body, tags: [...own, ...(0,ownership/* ownershipTags */.dt)(tag, mark)] };
}
/** Live customizations whose scope is `scope`, by the same rules as planning. */
function matchingScope(live, scope, tag) {
    return scopeIndex(live, tag)(scope);
}

;// CONCATENATED MODULE: ./src/sync/apply.ts








/**
 * Each lost create costs up to a landing window of lookups; after this many in a row the rest
 * are not sent, so a failing API cannot hold the job for hours.
 */
const MAX_LOST_CREATES = 5;
/** How many times a create whose outcome stayed unknown is sent, the first included. */
const MAX_CREATE_ATTEMPTS = 5;
const DEFAULT_LANDING_WINDOW_MS = 60_000;
const SERVICE_UNAVAILABLE_WINDOW_MS = 5_000;
/** First wait before looking a lost create up; doubles up to the cap. */
const FIRST_LOOKUP_DELAY_MS = 500;
const MAX_LOOKUP_DELAY_MS = 8_000;
/**
 * Carry out a plan with at most `concurrency` steps in progress. A failing step does not stop
 * the others; wrong credentials, an unknown tracker or the run's deadline stop everything at once.
 */
async function applyPlan(client, steps, options) {
    const outcomes = [];
    const health = { lostCreates: 0 };
    let stopped;
    const record = (outcome) => {
        outcomes.push(outcome);
        options.onOutcome?.(outcome, outcomes.length, steps.length);
    };
    // The client bounds requests in flight; this bounds steps in progress, so that after a 401
    // the queued ones are skipped instead of each sending a request that is bound to fail.
    const limit = (0,p_limit/* default */.A)(options.concurrency);
    await Promise.all(steps.map((step) => limit(async () => {
        if (stopped) {
            record(notDone(step, 'the run stopped before this manifest'));
            return;
        }
        try {
            record(await applyStep(client, step, options, health));
        }
        catch (error) {
            const failure = asApiError(error);
            // Wrong credentials fail every request alike; past the deadline none may be sent.
            if (failure.kind === 'auth' || failure.kind === 'deadline')
                stopped ??= failure;
            record({
                ...outcomeFor(step, 'failed'),
                error: failure.message,
                ...(failure.kind === 'invalid' ? { rejected: true } : {}),
            });
        }
    })));
    return { outcomes: sortOutcomes(outcomes), stopped };
}
function notDone(step, why) {
    return { ...outcomeFor(step, 'skipped'), error: `Not submitted: ${why}.` };
}
/** The row of a step, before its action is known. */
function outcomeFor(step, action) {
    if (step.kind === 'delete' || step.kind === 'orphan')
        return { scope: step.scope, action, id: step.id };
    return outcomeOf(step.desired, action, { id: 'id' in step ? step.id : undefined });
}
async function applyStep(client, step, options, health) {
    const { dryRun } = options;
    switch (step.kind) {
        case 'unchanged':
            return outcomeOf(step.desired, 'unchanged', { id: step.id });
        case 'conflict':
            return outcomeOf(step.desired, 'failed', { error: conflictMessage(step.ids) });
        case 'blocked':
            return outcomeOf(step.desired, 'failed', { error: `Not created: ${step.reason}.` });
        case 'update': {
            const extra = { id: step.id, changes: step.changes };
            if (dryRun)
                return outcomeOf(step.desired, 'planned-update', extra);
            await client.update(step.id, step.send);
            return outcomeOf(step.desired, 'updated', extra);
        }
        case 'create':
            if (dryRun)
                return outcomeOf(step.desired, 'planned-create', { changes: step.changes });
            return createOnce(client, step, options, health);
        case 'orphan':
            return { scope: step.scope, id: step.id, action: 'not-in-git' };
        case 'delete': {
            const row = { scope: step.scope, id: step.id, changes: step.changes };
            if (dryRun)
                return { ...row, action: 'planned-delete' };
            await deleteOnce(client, step.id);
            return { ...row, action: 'deleted' };
        }
    }
}
/** DELETE; a 404 means someone (or an earlier, lost attempt) already deleted it. */
async function deleteOnce(client, id) {
    try {
        await client.delete(id);
    }
    catch (error) {
        if (!(error instanceof errors/* ApiError */.hD && error.kind === 'not-found'))
            throw error;
    }
}
/**
 * POST is not idempotent and the API has no idempotency key. When a create's outcome is unknown,
 * its write may land at any time until the request could no longer be in progress anywhere: the
 * scope is looked up until then (`landingWindowMs` after it was sent), and only a create that
 * never showed up is sent again. A create the server answered (a 2xx without a readable id)
 * surely happened and is never sent again.
 */
async function createOnce(client, step, options, health) {
    const { desired } = step;
    const now = options.now ?? Date.now;
    const window = options.landingWindowMs ?? DEFAULT_LANDING_WINDOW_MS;
    for (let attempt = 1;; attempt++) {
        if (health.lostCreates >= MAX_LOST_CREATES) {
            return notDone(step, `${health.lostCreates} creates in a row lost their answers and never appeared; the API looks unhealthy, so no more are sent. Run again later`);
        }
        let lost;
        try {
            const created = await client.create(step.send);
            health.lostCreates = 0;
            return outcomeOf(desired, 'created', {
                id: created.id,
                note: scopeRewritten(desired, created),
            });
        }
        catch (error) {
            if (!(error instanceof errors/* OutcomeUnknownError */.Do))
                throw error;
            lost = error;
        }
        const answered = lost.kind === 'unexpected';
        // From now, not from the first send: the client's own retries (a 429's Retry-After, a refused
        // connection) may have taken a while before the attempt whose answer was lost.
        const deadline = now() + landingWindow(lost, window);
        const found = await awaitLanding(client, desired, deadline, options);
        if (found.length > 0) {
            health.lostCreates = 0;
            const next = stepFor(desired, found, options.ownershipTag);
            if (next.kind === 'conflict') {
                return outcomeOf(desired, 'failed', { error: conflictMessage(next.ids) });
            }
            if (next.kind === 'update')
                await client.update(next.id, next.send);
            if (next.kind === 'update' || next.kind === 'unchanged') {
                return outcomeOf(desired, 'created', { id: next.id });
            }
        }
        health.lostCreates += 1;
        if (answered || attempt >= MAX_CREATE_ATTEMPTS) {
            return outcomeOf(desired, 'failed', {
                error: answered
                    ? `Luigi's Box accepted the create but the customization did not appear in its listing within ${Math.round(window / 1000)} s; it was not sent again, to avoid a duplicate. The next run finds it by its ownership tag, or creates it.`
                    : `The create's answer was lost ${attempt} times and the customization never appeared within ${Math.round(window / 1000)} s of each; not sent again. Run again later.`,
            });
        }
    }
}
/**
 * How long after sending a lost create's write may land. A 503 says the server did not take the
 * request (RFC 9110 §15.6.4), so a short look covers a proxy that says so wrongly; after a
 * timeout, a dropped connection or another 5xx the server may still be at work.
 */
function landingWindow(error, window) {
    return error.status === 503 ? Math.min(window, SERVICE_UNAVAILABLE_WINDOW_MS) : window;
}
/**
 * Looks the scope up, with growing pauses, until it shows or `deadline` passes. A listing that
 * cannot be trusted counts as "not seen yet".
 */
async function awaitLanding(client, desired, deadline, options) {
    const sleep = options.sleep ?? promises_.setTimeout;
    const now = options.now ?? Date.now;
    let delay = FIRST_LOOKUP_DELAY_MS;
    for (;;) {
        const found = matchingScope(await lookUp(client, desired), desired.scope, options.ownershipTag);
        if (found.length > 0)
            return found;
        const left = deadline - now();
        if (left <= 0)
            return [];
        await (0,src_deadline/* pauseUnlessPast */.d)(sleep(Math.min(delay, left)), options.deadline);
        delay = Math.min(delay * 2, MAX_LOOKUP_DELAY_MS);
    }
}
/**
 * The whole model, matched here: filtering by target on the server would miss a customization
 * whose target the server stored rewritten, which its ownership mark still finds.
 */
async function lookUp(client, desired) {
    try {
        return await client.listAll({ model: desired.scope.model });
    }
    catch (error) {
        if (error instanceof errors/* IncompleteListingError */.dV)
            return error.results;
        throw error;
    }
}
/** The server's form of the scope, when its answer to a create shows another than was sent. */
function scopeRewritten(desired, created) {
    const stored = (0,manifest_scope/* scopeOf */.Od)(created);
    if (stored === undefined || (0,manifest_scope/* canonicalJson */.dj)(stored) === (0,manifest_scope/* canonicalJson */.dj)(desired.scope))
        return undefined;
    return `Luigi's Box stored this customization's scope as ${(0,manifest_scope/* describeScope */.OI)(stored)}, not as sent (${(0,manifest_scope/* describeScope */.OI)(desired.scope)}); the Action recognises it by its ownership tag.`;
}
function conflictMessage(ids) {
    return `${ids.length} live customizations share this scope (${ids.join(', ')}); delete all but one in Luigi's Box, then run again.`;
}
/** Any failure as an ApiError, so a run's stop is reported the same way whatever caused it. */
function asApiError(error) {
    if (error instanceof errors/* ApiError */.hD)
        return error;
    return new errors/* ApiError */.hD((0,error_message/* errorMessage */.g)(error), {
        kind: 'unexpected',
        operation: 'list',
        method: '',
        path: '',
        attempts: 1,
    });
}

;// CONCATENATED MODULE: ./src/sync/desired.ts

/**
 * The documents to make live, and a `skipped` row for each document with validation errors:
 * those are never sent.
 */
function desiredState(documents) {
    const desired = [];
    const invalid = [];
    for (const document of documents) {
        if (document.customization && document.scope) {
            desired.push({
                file: document.file,
                index: document.index,
                line: document.line,
                scope: document.scope,
                body: document.customization,
            });
        }
        else {
            invalid.push(notSubmitted(document, 'the document has validation errors'));
        }
    }
    return { desired, invalid };
}
/**
 * Scopes of documents that will not be applied (validation errors) but whose scope is known: their
 * live customizations are not orphans, so prune keeps them.
 */
function keptScopes(documents, desired) {
    const applied = new Set(desired.map((d) => `${d.file}#${d.index}`));
    return documents
        .filter((d) => !applied.has(`${d.file}#${d.index}`))
        .flatMap((d) => (d.scope ? [d.scope] : []));
}

;// CONCATENATED MODULE: ./src/sync/prune.ts


/**
 * One paged list filtered by the ownership tag, across all models: a model whose manifests were
 * all removed is listed too. The tag is checked here as well, in case a server ignores the filter.
 */
async function readOwned(client, tag) {
    try {
        const listed = await client.listAll({ tag });
        return { owned: listed.filter((live) => (0,ownership/* readMark */.Mp)(tag, live.tags).owned) };
    }
    catch (error) {
        if (error instanceof errors/* IncompleteListingError */.dV)
            return { incomplete: error.reason };
        throw error;
    }
}
/**
 * Why deleting orphans would be unsafe now, or undefined when it is safe. An orphan is a
 * customization whose manifest is gone, and each of these makes "gone" uncertain.
 */
function pruneRefusal(facts) {
    if (!facts.onDefaultBranch)
        return 'this run is not on the default branch';
    if (facts.matched === 0) {
        return 'the manifests globs match no file, which looks like a wrong path rather than an empty repository';
    }
    if (facts.unreadable.length > 0) {
        const listed = facts.unreadable.slice(0, 5).join(', ') + (facts.unreadable.length > 5 ? ', …' : '');
        return `some manifests could not be read or parsed (${listed}), so their customizations could look orphaned`;
    }
    const incomplete = facts.listings.find((listing) => listing.incomplete);
    if (incomplete)
        return `the listing of model ${incomplete.model} cannot be trusted (${incomplete.incomplete})`;
    if ('incomplete' in facts.owned) {
        return `the listing of owned customizations cannot be trusted (${facts.owned.incomplete})`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/sync/verify.ts


/**
 * After applying: the models listed again, and any scope held by more than one owned
 * customization reported. Nothing the Action does should leave one, but a second run at the same
 * time, or a write that landed after every lookup gave up, can; this says so instead of hiding it.
 */
async function findDuplicates(client, models, tag) {
    const byScope = new Map();
    for (const listing of await (0,sync_live/* readLive */.p9)(client, models)) {
        for (const record of listing.records) {
            const scope = (0,ownership/* readMark */.Mp)(tag, record.tags).mark?.scope;
            if (scope === undefined)
                continue;
            byScope.set(scope, [...(byScope.get(scope) ?? []), record.id]);
        }
    }
    return [...byScope]
        .filter(([, ids]) => ids.length > 1)
        .map(([scope, ids]) => ({ scope, ids: ids.sort() }));
}
/**
 * The result with each duplicate reported: on the row of the manifest whose scope it is (now a
 * failure, since the next run cannot tell the copies apart), or as a warning when no manifest has
 * that scope.
 */
function withDuplicates(result, duplicates, desired) {
    if (duplicates.length === 0)
        return result;
    const warnings = [...(result.warnings ?? [])];
    const byScope = new Map(duplicates.map((d) => [d.scope, d]));
    const claimed = new Set();
    const outcomes = result.outcomes.map((outcome) => {
        const owner = desired.find((d) => d.file === outcome.file && d.index === outcome.document);
        const duplicate = owner && byScope.get((0,ownership/* scopeFingerprint */.Fu)(owner.scope));
        if (!duplicate)
            return outcome;
        claimed.add(duplicate.scope);
        return { ...outcome, action: 'failed', error: duplicateMessage(duplicate) };
    });
    for (const duplicate of duplicates) {
        if (!claimed.has(duplicate.scope))
            warnings.push(duplicateMessage(duplicate));
    }
    return { ...result, outcomes, warnings };
}
function duplicateMessage(duplicate) {
    return `${duplicate.ids.length} customizations the Action manages now hold one scope (${duplicate.ids.join(', ')}); delete all but one in the Luigi's Box app, then run again.`;
}

;// CONCATENATED MODULE: ./src/submit.ts











/**
 * Every manifest's valid documents → what is live in their models → the plan → applied (or only
 * shown, on a dry run) → checked for duplicates. Documents with validation errors are skipped and
 * never sent; with prune, owned customizations no manifest declares are deleted when that is safe.
 */
async function submit_submit(config, checked, facts, { io, deadline }) {
    if (facts.matched === 0 && !config.dryRun) {
        // Reconciling nothing would pass while the customizations drift: the globs are wrong.
        throw new inputs/* InputError */.dz('manifests', `The manifests input (${config.manifests.include.join(', ')}) matches no file, so there is nothing to reconcile. Fix the globs (they are relative to the workspace) or add actions/checkout before this step.`);
    }
    const { desired, invalid } = desiredState(checked.documents);
    const tag = config.ownershipTag;
    const progress = (0,report_progress/* deferredLog */.IL)(io);
    const client = (0,luigisbox_client/* createClient */.UU)({
        ...(0,inputs/* submitCredentials */.Vg)(config),
        concurrency: config.concurrency,
        deadline,
        onRetry: (retry) => progress.info((0,report_progress/* retryLine */.Rn)(retry)),
        // Built only when they are shown: a line per attempt.
        debug: io.debug && io.isDebug?.() !== false ? progress.debug : undefined,
    });
    const log = (outcome, done, total) => progress.info((0,report_progress/* progressLine */.oz)(outcome, done, total));
    io.startGroup(`${config.dryRun ? 'Planning' : 'Submitting'} ${desired.length} customization(s)`);
    try {
        const models = desired.map((d) => d.scope.model);
        let listings;
        let owned;
        try {
            listings = await (0,sync_live/* readLive */.p9)(client, models);
            // A plan also shows what the Action owns that git no longer declares, prune or not.
            owned = config.prune || config.dryRun ? await readOwned(client, tag) : undefined;
        }
        catch (error) {
            const why = 'looking up the live customizations failed';
            const skipped = desired.map((d) => notSubmitted(d, why));
            skipped.forEach((outcome, i) => log(outcome, i + 1, skipped.length));
            return { outcomes: sortOutcomes([...invalid, ...skipped]), stopped: asApiError(error) };
        }
        const warnings = listings.flatMap((listing) => listing.malformed.map(sync_live/* malformedWarning */.Wn));
        const refusal = owned && pruneRefusal({ ...facts, unreadable: checked.unreadable, listings, owned });
        if (refusal && config.prune)
            warnings.push(`Nothing was pruned: ${refusal}.`);
        const prune = owned && !refusal && 'owned' in owned
            ? { remove: config.prune, owned: owned.owned, keep: keptScopes(checked.documents, desired) }
            : undefined;
        const plan = planChanges({ desired, listings, ownershipTag: tag, prune });
        const applied = await applyPlan(client, plan, {
            dryRun: config.dryRun,
            concurrency: config.concurrency,
            ownershipTag: tag,
            onOutcome: log,
            deadline,
        });
        // Only creates can leave a second copy behind.
        const created = plan.flatMap((step) => step.kind === 'create' ? [step.desired.scope.model] : []);
        const checkedForDuplicates = config.dryRun || applied.stopped ? [] : created;
        const duplicates = await findDuplicates(client, checkedForDuplicates, tag).catch((error) => {
            warnings.push(`The check for duplicates after applying failed: ${(0,error_message/* errorMessage */.g)(error)}`);
            return [];
        });
        const result = withDuplicates({ ...applied, warnings }, duplicates, desired);
        progress.flush();
        for (const warning of result.warnings ?? [])
            io.warning(warning);
        return { ...result, outcomes: sortOutcomes([...invalid, ...result.outcomes]) };
    }
    finally {
        progress.flush();
        io.endGroup();
    }
}

// EXTERNAL MODULE: ./src/workspace/check-files.ts + 16 modules
var check_files = __webpack_require__(634);
// EXTERNAL MODULE: ./src/workspace/discover.ts
var discover = __webpack_require__(4714);
;// CONCATENATED MODULE: ./src/workspace/targets.ts



/** Problems that leave a file's documents, and so their scopes, unknown. */
const WHOLE_FILE = /^(file|yaml|json|document)\//;
/** Every manifest in the workspace, and which of them this run's event changed. */
async function findTargets(options) {
    const { workspace, globs, selection } = options;
    const matches = manifestMatcher(globs);
    const all = await findManifests(workspace, globs, options.debug);
    const changed = selection.kind === 'pull-request'
        ? await pullRequestManifests(options.api(), selection.number, selection.changedFiles, matches)
        : selection.kind === 'compare'
            ? await comparedManifests(options.api(), selection.base, selection.head, matches)
            : { kind: 'all', reason: selection.reason };
    return changed.kind === 'all'
        ? { all, targets: all, allReason: changed.reason }
        : { all, targets: changed.files };
}
/**
 * Read and validate every manifest (a target's scope may collide with any other's); problems are
 * kept for the targets, documents for all, since every run that writes reconciles them all. A changed manifest missing from disk means the repository was not
 * checked out: an error, since checking nothing would pass.
 */
async function checkTargets(workspace, { all, targets }, now, 
/** The script to start validation workers from (see check-files.ts). */
workerEntry) {
    const files = [...new Set([...all, ...targets])].sort();
    const result = await (0,check_files/* checkFiles */.g)(workspace, files, now, workerEntry);
    if (result.missing.length > 0) {
        const { missing } = result;
        const listed = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');
        throw new Error(`${missing.length} changed ${missing.length === 1 ? 'manifest is' : 'manifests are'} not in the workspace (${listed}). Add "- uses: actions/checkout@v4" before this step so the repository's files are there to read.`);
    }
    const isTarget = new Set(targets);
    const unreadable = new Set([
        ...result.problems.filter((p) => p.severity === 'error' && WHOLE_FILE.test(p.code)),
        ...result.documents.filter((d) => d.scope === undefined),
    ].map((item) => item.file));
    return {
        problems: result.problems.filter((p) => isTarget.has(p.file)),
        documents: result.documents,
        unreadable: [...unreadable].sort(),
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/credentials.ts
var cli_credentials = __webpack_require__(8228);
// EXTERNAL MODULE: ./src/cli/formats/json.ts
var json = __webpack_require__(9435);
;// CONCATENATED MODULE: ./src/cli/formats/plan.ts


/**
 * A plan or its result for a terminal: one line per customization that changes or failed, with
 * the Action's diff lines below it (the text the job summary folds), unchanged ones counted.
 */
function planText(outcomes) {
    const lines = [];
    for (const outcome of outcomes) {
        if (outcome.action === 'unchanged')
            continue;
        const where = outcome.file === undefined ? '' : ` ${outcome.file}#${(outcome.document ?? 0) + 1}`;
        const id = outcome.id ? ` ${outcome.id}` : '';
        const error = outcome.error ? `: ${outcome.error}` : '';
        lines.push((0,report_progress/* logLine */.BP)(`${outcome.action}${where} (${outcome.scope})${id}${error}`));
        for (const change of outcome.changes ?? [])
            lines.push(`    ${(0,report_progress/* logLine */.BP)(change)}`);
    }
    const count = (action) => outcomes.filter((o) => o.action === action).length;
    const writes = outcomes.filter((o) => WRITES.has(o.action)).length;
    // Failed and skipped rows are named only when there are some, so a clean run reads as before.
    const missed = ['failed', 'skipped']
        .filter((action) => count(action) > 0)
        .map((action) => `, ${count(action)} ${action}`);
    lines.push(`${writes} change(s)${missed.join('')}, ${count('unchanged')} unchanged.`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/cli/formats/problems.ts + 3 modules
var formats_problems = __webpack_require__(109);
// EXTERNAL MODULE: ./src/cli/paths.ts
var paths = __webpack_require__(5450);
// EXTERNAL MODULE: ./src/cli/validate.ts
var validate = __webpack_require__(4446);
// EXTERNAL MODULE: ./src/cli/usage.ts + 1 modules
var usage = __webpack_require__(2973);
;// CONCATENATED MODULE: ./src/cli/plan-apply.ts














/**
 * `plan` and `apply`: the Action's plan and apply stage on the manifests named, as on a merge to
 * the default branch (every manifest named is reconciled; with --prune, what none declares is
 * deleted). Progress goes to stderr; the plan, its diff and the problems to stdout.
 */
async function planOrApply(command, cwd, env, output, workerEntry) {
    const credentials = (0,cli_credentials/* readCredentials */.L1)(env);
    const selection = await (0,paths/* selectManifests */.$)(command.paths, cwd);
    // Pruning deletes what the manifests named do not declare: naming some files would delete
    // what the others declare. A plan writes nothing, so it may still show that.
    if (command.name === 'apply' && command.prune && selection.named.length > 0) {
        throw new args/* UsageError */.eb(`apply --prune deletes every managed customization the manifests named do not declare, so it takes directories or globs, not single files (${(0,report_progress/* logLine */.BP)(selection.named.join(', '))}): the customizations of the files not named would be deleted. Name the directory or glob holding all your manifests (e.g. luigisbox), or drop --prune; plan --prune shows what would be deleted.`);
    }
    const config = (0,inputs/* readConfig */.Xg)((name) => ({
        'tracker-id': credentials.trackerId,
        'private-key': credentials.privateKey,
        'api-url': credentials.apiUrl,
        prune: String(command.prune),
        'dry-run': String(command.name === 'plan'),
        'ownership-tag': command.ownershipTag ?? inputs/* DEFAULT_OWNERSHIP_TAG */.b6,
    })[name] ?? '');
    const files = { all: selection.files, targets: selection.files };
    const checked = await checkTargets(selection.root, files, new Date(), workerEntry);
    const result = await submit_submit(config, checked, { matched: selection.files.length, onDefaultBranch: true }, { io: stderrLog(output) });
    const problems = (0,validate/* displayed */.k)(checked.problems, selection);
    const outcomes = result.outcomes.map((o) => o.file === undefined ? o : { ...o, file: selection.display(o.file) });
    if (command.format === 'json') {
        output.out((0,json/* jsonText */.s)({ problems, customizations: outcomes }));
    }
    else {
        output.out(problems.map(formats_problems/* textLine */.u).join('') + planText(outcomes));
    }
    if (result.stopped) {
        output.err(`${(0,report_progress/* logLine */.BP)(result.stopped.message)}\n${(0,cli_credentials/* credentialHint */.P3)(result.stopped)}`);
    }
    const failed = result.stopped !== undefined ||
        (0,manifest_problems/* countBySeverity */.O)(problems).error > 0 ||
        outcomes.some((o) => o.action === 'failed');
    if (failed)
        return usage/* EXIT */.dc.problems;
    const pending = command.name === 'plan' && outcomes.some((o) => WRITES.has(o.action));
    return pending ? usage/* EXIT */.dc.changesPending : usage/* EXIT */.dc.ok;
}
/** The stage's log lines on stderr, so stdout holds only the plan. */
function stderrLog(output) {
    return {
        info: (message) => output.err(`${(0,report_progress/* logLine */.BP)(message)}\n`),
        warning: (message) => output.err(`warning: ${(0,report_progress/* logLine */.BP)(message)}\n`),
        startGroup: (name) => output.err(`${name}\n`),
        endGroup: () => undefined,
    };
}


/***/ }),

/***/ 4446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ displayed),
/* harmony export */   validate: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _manifest_problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1905);
/* harmony import */ var _workspace_check_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(634);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7593);
/* harmony import */ var _formats_problems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(109);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5450);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2973);






/** `validate`: the Action's checks on the paths given, in the format asked for. */
async function validate(command, cwd, output, workerEntry) {
    const selection = await (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .selectManifests */ .$)(command.paths, cwd);
    // Only the problems are shown: the documents' data is not kept.
    const { problems, missing } = await (0,_workspace_check_files_js__WEBPACK_IMPORTED_MODULE_1__/* .checkFiles */ .g)(selection.root, selection.files, new Date(), workerEntry, { values: false });
    // A broken symbolic link, or a file deleted while checking: never silently skipped.
    if (missing.length > 0) {
        throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`No such file: ${missing.map(selection.display).join(', ')}`);
    }
    const shown = displayed(problems, selection);
    await (0,_formats_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .writeProblems */ .A)(shown, selection.files.length, command.format, output);
    return (0,_manifest_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .countBySeverity */ .O)(shown).error > 0 ? _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.problems : _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
}
/** Problems with their files as the user named them, relative to the current directory. */
function displayed(problems, selection) {
    return problems.map((problem) => ({ ...problem, file: selection.display(problem.file) }));
}


/***/ })

};
