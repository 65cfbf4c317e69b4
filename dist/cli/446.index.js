export const id = 446;
export const ids = [446];
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
