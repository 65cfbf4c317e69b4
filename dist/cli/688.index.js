export const id = 688;
export const ids = [688];
export const modules = {

/***/ 9688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportCommand: () => (/* binding */ exportCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/manifest/scope.ts
var manifest_scope = __webpack_require__(4817);
// EXTERNAL MODULE: ./src/sync/live.ts
var sync_live = __webpack_require__(4153);
// EXTERNAL MODULE: ./src/manifest/schema.ts
var schema = __webpack_require__(6470);
// EXTERNAL MODULE: ./src/sync/compare.ts
var compare = __webpack_require__(5856);
// EXTERNAL MODULE: ./src/sync/ownership.ts
var ownership = __webpack_require__(7806);
;// CONCATENATED MODULE: ./src/export/document.ts



/**
 * A live customization as the manifest a merchant would have written: only the fields of the
 * Create Customization body (so never `id`, `creator`, `created_at`, `available` or a field the
 * server adds), and of those only what is set. A `null`, `false`, empty string or empty object
 * is what the server stores for "not set" (reference §7), so it is left out, as reconcile reads
 * it. Values are kept verbatim, date-time spellings and one-element criteria lists included:
 * reconcile sends the manifest back as it is, and must change no field the merchant set.
 * The Action's own tags are dropped; it adds them again when it adopts the customization.
 */
function manifestOf(live, ownershipTag) {
    const manifest = setFields(live, schema/* CUSTOMIZATION_KEYS */.be);
    const tags = Array.isArray(live.tags)
        ? live.tags.filter((tag) => !(0,ownership/* isOwnershipTag */.GN)(ownershipTag, tag))
        : [];
    if (tags.length > 0)
        manifest.tags = tags;
    else
        delete manifest.tags;
    manifest.pin_definitions = (Array.isArray(live.pin_definitions) ? live.pin_definitions : []).map((pin) => setFields(pin, schema/* PIN_KEYS */.RS));
    return manifest;
}
/** The fields of `value` among `keys` that are set, in the schema's order. */
function setFields(value, keys) {
    const fields = (typeof value === 'object' && value !== null ? value : {});
    const out = {};
    for (const key of keys) {
        if (key === '$schema')
            continue;
        const field = (0,compare/* meaningful */.dx)(fields[key]);
        if (field !== undefined)
            out[key] = field;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/export/file-name.ts


/** Characters of a name from a target, before the extension; long enough to tell items apart. */
const MAX_NAME = 60;
/**
 * A readable, stable relative path for each customization, `<model>/<target>.yml`: the same
 * listing gives the same paths whatever order it comes in. Model and target come from the
 * server and are hostile, so only lower-case letters, digits, `-` and `_` survive (no
 * separators, no `..`, nothing a case-insensitive file system folds together). Names that
 * collide all get a fingerprint appended (of the scope, or with the id where one scope is live
 * twice), so which one is listed first changes nothing.
 */
function fileNames(customizations) {
    const names = customizations.map(({ scope }) => `${slug(scope.model, 'model')}/${targetName(scope)}`);
    const keys = customizations.map(({ scope }) => (0,manifest_scope/* scopeKey */.OD)(scope));
    const count = (list, value) => list.filter((item) => item === value).length;
    let paths = customizations.map(({ id }, i) => {
        const name = names[i];
        const key = keys[i];
        if (count(names, name) === 1)
            return `${name}.yml`;
        const mark = count(keys, key) === 1 ? (0,ownership/* fingerprint */.Rj)(key) : (0,ownership/* fingerprint */.Rj)([key, id]);
        return `${name}-${mark.slice(0, 8)}.yml`;
    });
    // A suffixed name can equal a plain one (a target named `a-1f2e3d4c`): every path in such a
    // clash is suffixed again from its own scope and id, so the order still changes nothing.
    for (let round = 1; round <= 3 && new Set(paths).size < paths.length; round++) {
        const clashing = paths;
        paths = clashing.map((p, i) => count(clashing, p) === 1
            ? p
            : `${p.slice(0, -'.yml'.length)}-${(0,ownership/* fingerprint */.Rj)([keys[i], customizations[i]?.id ?? '', String(round)]).slice(0, 8)}.yml`);
    }
    if (new Set(paths).size < paths.length) {
        throw new Error('Two customizations would be exported to one file; nothing was written.');
    }
    return paths;
}
/** Names Windows reserves for devices, in any case and with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;
function targetName(scope) {
    if (scope.target_type === 'item')
        return `item-${slug(scope.target_identity ?? '', 'target')}`;
    if (scope.target_type === 'criteria') {
        return `criteria-${slug(words(scope.target_criteria).join('-'), 'target')}`;
    }
    return 'all';
}
/** Keys (sorted) and values of a criteria object, nested ones too, in reading order. */
function words(value) {
    if (Array.isArray(value))
        return value.flatMap(words);
    if (typeof value === 'object' && value !== null) {
        return Object.keys(value)
            .sort()
            .flatMap((key) => [key, ...words(value[key])]);
    }
    return [String(value)];
}
function slug(text, fallback) {
    const words = text
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9_]+/g, '-')
        .replace(/^-+|-+$/g, '');
    const name = words.slice(0, MAX_NAME).replace(/-+$/, '') || fallback;
    return RESERVED.test(name) ? `${name}_` : name;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/export/yaml.ts


/**
 * Where editors find the manifest schema: the file in this repository at the major version's
 * tag, so a manifest written today is checked by the schema of the release that reads it.
 */
const SCHEMA_URL = 'https://raw.githubusercontent.com/luigisbox-pins/luigisbox-pins-action/v1/schema/customization.schema.json';
/**
 * One manifest file. Written as YAML 1.1 quotes it, so a string such as `yes`, `0123` or a
 * date-time stays a string for any YAML reader. A string only YAML 1.2 reads as something else
 * (`0o17`, an octal number there) would change on the way back, so the text is read back as
 * the validator reads it, and if anything differs every string is written in double quotes.
 */
function manifestText(manifest) {
    const plain = (0,dist/* stringify */.As)(manifest, { version: '1.1', lineWidth: 0 });
    const body = (0,manifest_scope/* canonicalJson */.dj)((0,dist/* parse */.qg)(plain)) === (0,manifest_scope/* canonicalJson */.dj)(manifest)
        ? plain
        : (0,dist/* stringify */.As)(manifest, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' });
    return `# yaml-language-server: $schema=${SCHEMA_URL}\n${body}`;
}

;// CONCATENATED MODULE: ./src/export/manifests.ts





/**
 * Live customizations → one manifest file each, sorted by path, and what a person should know
 * about the ones that cannot round-trip (left out, or exported but failing validation). Pure:
 * the same listing, in any order, gives the same files.
 */
function exportManifests(live, ownershipTag) {
    const warnings = [];
    const kept = [];
    for (const record of [...live].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const manifest = manifestOf(record, ownershipTag);
        const scope = (0,manifest_scope/* scopeOf */.Od)(manifest);
        const why = (0,sync_live/* malformation */.Ej)(record) ??
            (scope === undefined ? 'its target is empty' : undefined) ??
            (manifest.pin_definitions.length === 0 ? 'it has no pins' : undefined);
        if (why !== undefined || scope === undefined) {
            warnings.push(`Customization ${record.id} was not exported: ${why ?? 'no scope'}.`);
        }
        else {
            kept.push({ id: record.id, scope, manifest });
        }
    }
    warnings.push(...sharedScopes(kept));
    const paths = fileNames(kept);
    const files = kept.map(({ id, manifest }, i) => ({
        path: paths[i],
        text: manifestText(manifest),
        id,
    }));
    return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), warnings };
}
/** One warning per scope live more than once: validation rejects such manifests until merged. */
function sharedScopes(kept) {
    const byScope = new Map();
    for (const item of kept) {
        const key = (0,manifest_scope/* scopeKey */.OD)(item.scope);
        byScope.set(key, [...(byScope.get(key) ?? []), item]);
    }
    return [...byScope.values()]
        .filter((items) => items.length > 1)
        .map((items) => `Customizations ${items.map((i) => i.id).join(', ')} share one scope (${(0,manifest_scope/* describeScope */.OI)(items[0].scope)}): their manifests fail validation until you keep one, with the pins of all, and delete the others in the app.`);
}

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/luigisbox/client.ts + 4 modules
var luigisbox_client = __webpack_require__(7001);
// EXTERNAL MODULE: ./src/report/progress.ts
var progress = __webpack_require__(8991);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/credentials.ts
var cli_credentials = __webpack_require__(8228);
// EXTERNAL MODULE: ./src/cli/usage.ts + 1 modules
var usage = __webpack_require__(2973);
;// CONCATENATED MODULE: ./src/cli/export.ts










/**
 * `export`: what is live → one manifest per customization under `out`. Every file is checked
 * before any is written, so a refusal to overwrite leaves the directory as it was. Progress goes
 * to stderr; stdout lists the files written, one a line.
 */
async function exportCommand(command, cwd, env, output) {
    const credentials = (0,cli_credentials/* readCredentials */.L1)(env);
    const client = (0,luigisbox_client/* createClient */.UU)({
        ...credentials,
        onRetry: (retry) => output.err(`${(0,progress/* retryLine */.Rn)(retry)}\n`),
    });
    const scope = command.models.length > 0 ? `models ${command.models.join(', ')}` : 'all models';
    output.err(`${(0,progress/* logLine */.BP)(`Listing the customizations of ${scope} on ${credentials.apiUrl}…`)}\n`);
    const live = command.models.length > 0
        ? (await Promise.all([...new Set(command.models)].map((model) => client.listAll({ model })))).flat()
        : await client.listAll();
    const { files, warnings } = exportManifests(live, command.ownershipTag ?? inputs/* DEFAULT_OWNERSHIP_TAG */.b6);
    for (const warning of warnings)
        output.err(`warning: ${(0,progress/* logLine */.BP)(warning)}\n`);
    const out = external_node_path_default().resolve(cwd, command.out);
    // A link planted below --out would send a file elsewhere, whatever --force says.
    const links = [...new Set(files.flatMap((file) => linkOnTheWay(out, file)))];
    if (links.length > 0) {
        const listed = links.map((link) => external_node_path_default().join(command.out, link));
        throw new args/* UsageError */.eb(`${(0,progress/* logLine */.BP)(listed.join(', '))} is a symbolic link; export writes only into real directories under --out, so nothing was written. Remove the link, or --out another directory.`);
    }
    const existing = files.filter((file) => (0,external_node_fs_.lstatSync)(target(out, file), { throwIfNoEntry: false }));
    if (existing.length > 0 && !command.force) {
        const listed = existing.slice(0, 5).map((file) => external_node_path_default().join(command.out, file.path));
        const more = existing.length > 5 ? ` and ${existing.length - 5} more` : '';
        throw new args/* UsageError */.eb(`${existing.length} file(s) exist already (${listed.join(', ')}${more}); nothing was written. Pass --force to overwrite them, or --out another directory.`);
    }
    for (const file of files) {
        await (0,promises_.mkdir)(external_node_path_default().dirname(target(out, file)), { recursive: true });
        await (0,promises_.rm)(target(out, file), { force: true });
        // `wx`: a link planted since the check makes the write fail rather than be followed.
        await (0,promises_.writeFile)(target(out, file), file.text, { flag: 'wx' });
        output.out(`${external_node_path_default().join(command.out, file.path)}\n`);
    }
    output.err(`${files.length} of ${live.length} customization(s) exported to ${command.out}${(external_node_path_default()).sep}. Review them, then run: luigisbox-pins validate ${command.out}\n`);
    return usage/* EXIT */.dc.ok;
}
/** The first directory or file of `file`'s path below `out` that is a symbolic link, if any. */
function linkOnTheWay(out, file) {
    const parts = file.path.split('/');
    for (let i = 1; i <= parts.length; i++) {
        const at = external_node_path_default().join(out, ...parts.slice(0, i));
        if ((0,external_node_fs_.lstatSync)(at, { throwIfNoEntry: false })?.isSymbolicLink())
            return [parts.slice(0, i).join('/')];
    }
    return [];
}
function target(out, file) {
    return external_node_path_default().join(out, ...file.path.split('/'));
}


/***/ })

};
