export const id = 808;
export const ids = [808];
export const modules = {

/***/ 6683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ pauseUnlessPast)
/* harmony export */ });
/* unused harmony export startDeadline */
function startDeadline(minutes) {
    // AbortSignal.timeout's timer does not keep the process alive.
    return { signal: AbortSignal.timeout(minutes * 60_000), minutes: String(minutes) };
}
/** Waits for `pause`, or less when the deadline passes first (the caller then checks it). */
function pauseUnlessPast(pause, deadline) {
    const signal = deadline?.signal;
    if (!signal)
        return pause;
    if (signal.aborted)
        return Promise.resolve();
    return Promise.race([
        pause,
        new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })),
    ]);
}


/***/ }),

/***/ 7001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UU: () => (/* binding */ createClient)
});

// UNUSED EXPORTS: DEFAULT_BACKOFF, DEFAULT_CONCURRENCY, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_BODY_BYTES, DEFAULT_PAGE_SIZE, DEFAULT_TIMEOUT_MS, MAX_PAGES

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/input-error.ts
var input_error = __webpack_require__(6236);
// EXTERNAL MODULE: ./src/luigisbox/endpoint.ts
var endpoint = __webpack_require__(4767);
// EXTERNAL MODULE: ./src/luigisbox/errors.ts
var errors = __webpack_require__(3254);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/deadline.ts
var src_deadline = __webpack_require__(6683);
;// CONCATENATED MODULE: ./src/luigisbox/retry.ts
/**
 * Retry-After beyond this is treated as this: a CI job should fail in minutes rather than sit
 * idle for as long as a misconfigured proxy asks.
 */
const MAX_RETRY_AFTER_MS = 120_000;
// Failures while connecting: the request never reached the server, so even a create can be resent.
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'UND_ERR_CONNECT_TIMEOUT',
]);
// Certificate and TLS set-up failures repeat identically on every attempt.
const PERMANENT_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;
/**
 * 408 and 429 say "not now" and 5xx may be transient; every other status repeats itself if the
 * same request is sent again.
 */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status <= 599);
}
/**
 * Exponential backoff with full jitter: uniformly random in [0, min(cap, base·2^attempt)), so
 * many clients throttled together spread out instead of retrying in lockstep.
 * `attempt` counts retries from 0 (0 = the wait before the first retry).
 */
function backoffDelay(attempt, { baseMs, capMs }, random) {
    const exponent = Math.max(0, Math.floor(attempt));
    // 2^exponent overflows to Infinity long after it has passed any sane cap; min() absorbs that.
    const ceiling = Math.max(0, Math.min(capMs, baseMs * 2 ** exponent));
    const r = Math.min(Math.max(random(), 0), 1);
    return Math.floor(r * ceiling);
}
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME = String.raw `(\d{2}):(\d{2}):(\d{2})`;
// RFC 9110 §5.6.7: recipients must accept IMF-fixdate and both obsolete forms.
const IMF_FIXDATE = new RegExp(String.raw `^(${WEEKDAYS.join('|')}), (\d{2}) (${MONTHS.join('|')}) (\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(String.raw `^(${LONG_WEEKDAYS.join('|')}), (\d{2})-(${MONTHS.join('|')})-(\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(String.raw `^(${WEEKDAYS.join('|')}) (${MONTHS.join('|')}) ([ \d]\d) ${TIME} (\d{4})$`);
/**
 * Parses an HTTP-date strictly. `Date.parse` is not used because it accepts nearly anything
 * ("1", "soon 2") and would turn garbage into a wait.
 */
function parseHttpDate(value, now = new Date()) {
    let fields;
    let m = IMF_FIXDATE.exec(value);
    if (m)
        fields = [m[2], m[3], m[4], m[5], m[6], m[7]];
    else if ((m = RFC_850.exec(value))) {
        fields = [m[2], m[3], pivotTwoDigitYear(Number(m[4]), now), m[5], m[6], m[7]];
    }
    else if ((m = ASCTIME.exec(value))) {
        fields = [m[3].trim(), m[2], m[7], m[4], m[5], m[6]];
    }
    if (!fields)
        return null;
    const [day, month, year, hour, minute, second] = fields.map((f, i) => i === 1 ? MONTHS.indexOf(f) : Number(f));
    if (hour > 23 || minute > 59 || second > 60)
        return null;
    const date = new Date(Date.UTC(year, month, day, hour, minute, Math.min(second, 59)));
    // Date.UTC rolls 31 Feb over into March; a date that does not round-trip is not a date.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day)
        return null;
    return date;
}
// RFC 9110: a two-digit year more than 50 years in the future is in the past century.
function pivotTwoDigitYear(yy, now) {
    const thisYear = now.getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50)
        year -= 100;
    return String(year);
}
/**
 * Retry-After (delta-seconds or HTTP-date) as milliseconds to wait from `now`; null when absent
 * or unreadable so the caller falls back to its own backoff. A date in the past means "now".
 */
function parseRetryAfter(value, now, maxMs = MAX_RETRY_AFTER_MS) {
    if (value == null)
        return null;
    const text = value.trim();
    if (text === '')
        return null;
    let ms;
    if (/^\d+$/.test(text)) {
        ms = Number(text) * 1000;
    }
    else {
        const date = parseHttpDate(text, now);
        if (!date)
            return null;
        ms = date.getTime() - now.getTime();
    }
    return Math.min(Math.max(ms, 0), maxMs);
}
/** Whether the server may have applied the request although no success was seen. */
function outcomeUnknown(result) {
    if (result.type === 'timeout' || result.type === 'oversized')
        return true;
    if (result.type === 'network')
        return !result.codes.some((c) => NOT_SENT_CODES.has(c));
    return result.status === 408 || result.status >= 500;
}
/** Whether sending the same request again may get another answer. */
function retryable(result) {
    if (result.type === 'oversized')
        return false;
    if (result.type === 'timeout')
        return true;
    if (result.type === 'network')
        return !result.codes.some((c) => PERMANENT_CODE.test(c));
    return isRetryableStatus(result.status);
}
/** How long to wait after `attempt` (from 1) failed: what the server asked for, else backoff. */
function retryDelay(result, attempt, { backoff, random, now }) {
    const retryAfter = result.type === 'response' ? parseRetryAfter(result.retryAfter, now()) : null;
    return retryAfter ?? backoffDelay(attempt - 1, backoff, random);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/manifest/findings.ts
var findings = __webpack_require__(1647);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/luigisbox/sign.ts

/**
 * The vendor's string to sign: four fields joined by LF with no trailing newline. The path is
 * taken verbatim rather than stripped of a query here, so a caller that signs the wrong thing
 * gets a wrong signature it can see in tests instead of a silently "fixed" one.
 */
function stringToSign({ method, contentType, date, path }) {
    return [method.toUpperCase(), contentType, date, path].join('\n');
}
/** Base64 (with padding) HMAC-SHA256 of the string to sign, keyed by the private key as UTF-8. */
function sign(privateKey, parts) {
    return (0,external_node_crypto_.createHmac)('sha256', hmacKey(privateKey))
        .update(stringToSign(parts), 'utf8')
        .digest('base64');
}
// A run signs every request with one key; made into a KeyObject once, an HMAC costs half.
let lastKey;
function hmacKey(secret) {
    if (lastKey?.secret !== secret)
        lastKey = { secret, key: (0,external_node_crypto_.createSecretKey)(secret, 'utf8') };
    return lastKey.key;
}
/** The label before the space is ignored by the server; `ApiAuth` is this project's choice. */
function authorization(trackerId, signature) {
    return `ApiAuth ${trackerId}:${signature}`;
}

// EXTERNAL MODULE: ./src/luigisbox/wire.ts
var wire = __webpack_require__(7967);
;// CONCATENATED MODULE: ./src/luigisbox/send.ts





/** Sends the request once; never throws, whatever the network does. */
async function send(connection, url, method, body) {
    const { trackerId, privateKey } = connection;
    // Fresh for every attempt: the server rejects a Date more than 5 s from its clock.
    const date = connection.now().toUTCString();
    const signature = sign(privateKey, {
        method,
        contentType: wire/* CONTENT_TYPE */.Ty,
        date,
        path: url.pathname,
    });
    const outgoing = {
        method,
        headers: {
            'Content-Type': wire/* CONTENT_TYPE */.Ty,
            Date: date,
            Authorization: authorization(trackerId, signature),
            Accept: 'application/json',
        },
        body,
    };
    return connection.fetch
        ? fetchAttempt(connection, connection.fetch, url, outgoing)
        : requestOnce(connection, url, outgoing);
}
async function fetchAttempt(connection, fetch, url, outgoing) {
    const { timeoutMs, maxBodyBytes } = connection;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const signal = connection.signal
        ? AbortSignal.any([controller.signal, connection.signal])
        : controller.signal;
    try {
        const answer = await fetchOnce(fetch, url, { ...outgoing, signal }, maxBodyBytes);
        if (answer.type === 'oversized')
            controller.abort();
        return answer;
    }
    catch (error) {
        if (controller.signal.aborted || connection.signal?.aborted)
            return { type: 'timeout', timeoutMs };
        return networkFailure(error);
    }
    finally {
        clearTimeout(timer);
    }
}
function networkFailure(error) {
    return { type: 'network', codes: errorCodes(error), detail: errorDetail(error) };
}
async function fetchOnce(fetch, url, { method, headers, body, signal }, maxBodyBytes) {
    const response = await fetch(url, {
        method,
        headers,
        body,
        signal,
        // A followed redirect would carry a signature made for another path, or turn a POST into
        // a GET; better to report where the api-url points.
        redirect: 'manual',
    });
    const text = await readCapped(response.body, maxBodyBytes);
    if (text === undefined)
        return { type: 'oversized', status: response.status, maxBodyBytes };
    return {
        type: 'response',
        status: response.status,
        statusText: response.statusText,
        retryAfter: response.headers.get('retry-after'),
        location: response.headers.get('location'),
        text,
    };
}
// `node:http(s)` with kept-alive connections costs 1–2 ms less CPU per request than `fetch`,
// which at a few hundred requests a second makes the Action, not the server, the bottleneck.
// Idle sockets do not keep the process alive (the agent unrefs them).
const agents = {
    http: new (external_node_http_default()).Agent({ keepAlive: true }),
    https: new (external_node_https_default()).Agent({ keepAlive: true }),
};
/**
 * One attempt over `node:http(s)`, which never follows redirects. It ends at the first of: the
 * whole answer, a body past the cap, the attempt's timeout, the run's deadline, a network error.
 * Plain listeners rather than a stream iterator and a combined AbortSignal per attempt: on the
 * path of every request, that machinery took longer than reading the answer itself.
 */
function requestOnce(connection, url, outgoing) {
    const { timeoutMs, maxBodyBytes, signal } = connection;
    if (signal?.aborted)
        return Promise.resolve({ type: 'timeout', timeoutMs });
    const secure = url.protocol === 'https:';
    const options = {
        method: outgoing.method,
        headers: outgoing.headers,
        agent: secure ? agents.https : agents.http,
    };
    return new Promise((resolve) => {
        let done = false;
        const settle = (attempt) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            forget();
            resolve(attempt);
            // Whatever is left of the exchange (an oversized body, a late answer) is not read.
            if (attempt.type !== 'response')
                request.destroy();
        };
        const abandon = () => settle({ type: 'timeout', timeoutMs });
        const timer = setTimeout(abandon, timeoutMs);
        const forget = signal ? onAbort(signal, abandon) : () => undefined;
        const request = (secure ? (external_node_https_default()) : (external_node_http_default())).request(url, options, (response) => {
            const status = response.statusCode ?? 0;
            const chunks = [];
            let length = 0;
            response.on('data', (chunk) => {
                length += chunk.byteLength;
                if (length > maxBodyBytes)
                    settle({ type: 'oversized', status, maxBodyBytes });
                else
                    chunks.push(chunk);
            });
            response.on('end', () => settle({
                type: 'response',
                status,
                statusText: response.statusMessage ?? '',
                retryAfter: header(response.headers['retry-after']),
                location: header(response.headers.location),
                text: Buffer.concat(chunks).toString('utf8'),
            }));
            response.on('error', (error) => settle(networkFailure(error)));
            // Closed without an end and without an error: the body was cut short.
            response.on('close', () => {
                if (!done)
                    settle(networkFailure(prematureClose()));
            });
        });
        request.on('error', (error) => settle(networkFailure(error)));
        request.end(outgoing.body);
    });
}
function prematureClose() {
    return Object.assign(new Error('the connection closed before the response ended'), {
        code: 'ERR_STREAM_PREMATURE_CLOSE',
    });
}
/**
 * Every attempt in progress hears the run's deadline through one listener per signal, which
 * is cheaper than a listener per attempt, and does not warn past 10 attempts in flight.
 */
const abortersBySignal = new WeakMap();
/** Calls `abort` when `signal` aborts; returns the function that stops that. */
function onAbort(signal, abort) {
    let aborters = abortersBySignal.get(signal);
    if (!aborters) {
        const all = new Set();
        aborters = all;
        abortersBySignal.set(signal, all);
        signal.addEventListener('abort', () => all.forEach((f) => f()), { once: true });
    }
    aborters.add(abort);
    const registered = aborters;
    return () => registered.delete(abort);
}
/** A header as `fetch` gives it: repeated values joined, absent as null. */
function header(value) {
    if (value === undefined)
        return null;
    return Array.isArray(value) ? value.join(', ') : value;
}
/**
 * The body as text, or undefined once it passes `maxBytes`: a server that streams without end
 * must not fill the runner's memory.
 */
async function readCapped(body, maxBytes) {
    if (!body)
        return '';
    const chunks = [];
    let length = 0;
    for await (const chunk of body) {
        length += chunk.byteLength;
        if (length > maxBytes)
            return undefined;
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** Every error code in an error's cause chain (fetch wraps the socket error in a TypeError). */
function errorCodes(error, depth = 0) {
    if (!(0,findings/* isRecord */.u4)(error) && !(error instanceof Error))
        return [];
    if (depth > 5)
        return [];
    const record = error;
    const own = typeof record.code === 'string' ? [record.code] : [];
    const nested = Array.isArray(record.errors) ? record.errors : [];
    return [
        ...own,
        ...errorCodes(record.cause, depth + 1),
        ...nested.flatMap((e) => errorCodes(e, depth + 1)),
    ];
}
/** The innermost message, which names the actual failure ("connect ECONNREFUSED …"). */
function errorDetail(error) {
    let current = error;
    const messages = [];
    for (let i = 0; i < 5 && current instanceof Error; i++) {
        messages.push(current.message);
        current = current.cause;
    }
    return messages.filter((m) => m !== '').join(': ') || String(error);
}

;// CONCATENATED MODULE: ./src/luigisbox/request.ts





function createRequester(options) {
    const limit = (0,p_limit/* default */.A)(options.concurrency);
    return (spec) => request(options, limit, spec);
}
async function request(options, limit, spec) {
    const { connection, maxAttempts } = options;
    const { operation, method } = spec;
    const url = urlFor(options.base, spec);
    const path = url.pathname;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const where = { operation, method, path, privateKey: connection.privateKey };
    const { deadline } = options;
    let mayHaveApplied = false;
    const checkDeadline = (attempts) => {
        if (deadline?.signal.aborted) {
            throw (0,errors/* deadlineError */.$f)({ operation, method, path, attempts }, deadline.minutes);
        }
    };
    for (let attempt = 1;; attempt++) {
        checkDeadline(attempt - 1);
        // Only the attempt holds a concurrency slot; waiting between attempts does not.
        const result = await limit(async () => {
            const started = Date.now();
            const answer = await send(connection, url, method, body);
            options.debug?.(`${method} ${path}: ${answerOf(answer)} in ${Date.now() - started} ms (attempt ${attempt})`);
            return answer;
        });
        checkDeadline(attempt);
        const failure = { ...where, attempts: attempt };
        let error;
        if (result.type === 'response' && result.status >= 200 && result.status < 300) {
            const decoded = spec.decode ? spec.decode(result.text) : { value: undefined };
            if ('value' in decoded)
                return decoded.value;
            // The request went through but the answer is garbled: a create's id is lost (look it
            // up, do not resend); a read or an idempotent write can simply be sent again.
            const ErrorClass = operation === 'create' ? errors/* OutcomeUnknownError */.Do : errors/* ApiError */.hD;
            error = (0,errors/* garbledError */.Gw)(ErrorClass, failure, result, decoded.problem);
        }
        else {
            // An earlier delete may have gone through even though its answer was lost.
            if (operation === 'delete' && mayHaveApplied && statusOf(result) === 404)
                return undefined;
            const unknown = outcomeUnknown(result);
            mayHaveApplied ||= unknown;
            const ErrorClass = operation === 'create' && unknown ? errors/* OutcomeUnknownError */.Do : errors/* ApiError */.hD;
            error = (0,errors/* attemptError */.wZ)(ErrorClass, failure, result);
            if (!retryable(result))
                throw error;
        }
        // A create that may have gone through is never sent again: it could make a duplicate.
        if (error instanceof errors/* OutcomeUnknownError */.Do || attempt >= maxAttempts)
            throw error;
        const delayMs = retryDelay(result, attempt, {
            backoff: options.backoff,
            random: options.random,
            now: connection.now,
        });
        options.onRetry?.({ operation, method, path, attempt, delayMs, error });
        await (0,src_deadline/* pauseUnlessPast */.d)(options.sleep(delayMs), deadline);
    }
}
function statusOf(result) {
    return result.type === 'response' ? result.status : undefined;
}
function answerOf(result) {
    if (result.type === 'response')
        return `HTTP ${result.status}`;
    if (result.type === 'oversized')
        return `HTTP ${result.status}, body over ${result.maxBodyBytes} bytes`;
    return result.type === 'timeout'
        ? 'no answer (timeout)'
        : `network error ${result.codes.join(', ')}`;
}
function urlFor(base, spec) {
    const url = new URL(base);
    url.pathname = `${base.pathname}${spec.path}`;
    url.search = spec.query ? spec.query.toString() : '';
    return url;
}

;// CONCATENATED MODULE: ./src/luigisbox/client.ts






const DEFAULT_TIMEOUT_MS = 30_000;
/** A page of 100 customizations with many pins is well under 1 MiB. */
const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF = { baseMs: 500, capMs: 30_000 };
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_PAGE_SIZE = 100;
/** 50,000 customizations at the default page size: past any real tracker, short of a runaway. */
const MAX_PAGES = 500;
function createClient(options) {
    const base = (0,endpoint/* validateApiUrl */.G1)(options.apiUrl);
    const trackerId = (0,endpoint/* validateTrackerId */.Ij)(options.trackerId);
    const { privateKey } = options;
    if (typeof privateKey !== 'string' || privateKey === '') {
        throw new input_error/* InputError */.d('private-key', "The private-key input is empty; set it to your Luigi's Box private API key (from a secret)");
    }
    base.pathname = `${base.pathname.replace(/\/+$/, '')}/v1/recommender/pin/${trackerId}`;
    const request = createRequester({
        base,
        connection: {
            trackerId,
            privateKey,
            timeoutMs: positive('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
            maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
            signal: options.deadline?.signal,
            fetch: options.fetch,
            now: options.now ?? (() => new Date()),
        },
        maxAttempts: positiveInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
        backoff: options.backoff ?? DEFAULT_BACKOFF,
        concurrency: positiveInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY),
        sleep: options.sleep ?? promises_.setTimeout,
        random: options.random ?? Math.random,
        onRetry: options.onRetry,
        debug: options.debug,
        deadline: options.deadline,
    });
    return {
        list: (query) => list(request, query),
        listAll: (query) => listAll(request, query),
        create: (body) => create(request, body),
        get: (id) => get(request, id),
        update: (id, body) => update(request, id, body),
        delete: (id) => remove(request, id),
    };
}
async function list(request, query) {
    return (await request({
        operation: 'list',
        method: 'POST',
        path: '/scopes',
        query: listParams(query),
        body: {},
        decode: wire/* decodeListPage */.wf,
    }));
}
/**
 * Every page of a listing, checked: the server's largest page size and its honesty about
 * `total` are undocumented, and a plan made from a partial list creates duplicates. It ends only
 * at an empty page (one request more than the pages themselves, which catches a `total` that
 * under-reports), at a page that brings no new id (the server ignores `offset`; fine only if it
 * returned everything at once), or at MAX_PAGES. Then the distinct ids must add up to `total`.
 * Otherwise it throws IncompleteListingError with what it did get.
 */
async function listAll(request, query = {}) {
    const pageSize = positiveInteger('limit', query.limit ?? DEFAULT_PAGE_SIZE);
    const byId = new Map();
    let offset = 0;
    let total = 0;
    for (let pages = 0;; pages++) {
        if (pages === MAX_PAGES) {
            throw new errors/* IncompleteListingError */.dV(`the listing did not end within ${MAX_PAGES} pages of ${pageSize}`, [...byId.values()]);
        }
        const page = await list(request, { ...query, limit: pageSize, offset });
        total = page.total;
        let added = 0;
        for (const result of page.results) {
            // Writes between pages shift offsets, so a customization can show up on two pages.
            if (!byId.has(result.id))
                added += 1;
            byId.set(result.id, result);
        }
        offset += page.results.length;
        if (page.results.length === 0)
            break;
        if (added === 0) {
            if (byId.size === total)
                break;
            throw new errors/* IncompleteListingError */.dV(`the page at offset ${offset - page.results.length} repeated earlier results (is offset ignored?)`, [...byId.values()]);
        }
    }
    if (byId.size !== total) {
        throw new errors/* IncompleteListingError */.dV(`the server reported ${total} customizations but listed ${byId.size} distinct ones`, [...byId.values()]);
    }
    return [...byId.values()];
}
async function create(request, body) {
    return (await request({
        operation: 'create',
        method: 'POST',
        path: '/scope',
        body,
        decode: wire/* decodeLive */.LN,
    }));
}
async function get(request, id) {
    return (await request({
        operation: 'get',
        method: 'GET',
        path: scopePath(id, 'get', 'GET'),
        decode: wire/* decodeLive */.LN,
    }));
}
async function update(request, id, body) {
    await request({ operation: 'update', method: 'PUT', path: scopePath(id, 'update', 'PUT'), body });
}
async function remove(request, id) {
    await request({ operation: 'delete', method: 'DELETE', path: scopePath(id, 'delete', 'DELETE') });
}
/**
 * An id comes from the server and goes into a URL path. The API's ids are UUIDs; anything but
 * RFC 3986's unreserved characters could change the path once a URL parser or a proxy is done
 * with it (`..`, `.`, `%2e%2e` and `/` all leave `/scope/`), so such an id is refused and nothing
 * is sent for it.
 */
function scopePath(id, operation, method) {
    if ((0,wire/* isSafeId */.JA)(id))
        return `/scope/${id}`;
    throw new errors/* ApiError */.hD(`Luigi's Box listed the id ${JSON.stringify(id)}, which is not a safe URL path segment (1 to 200 letters, digits, "-", "_", "." or "~", and not "." or ".."); nothing was sent for it. Delete that customization in the Luigi's Box app.`, { kind: 'unexpected', operation, method, path: '/scope/{id}', attempts: 0 });
}
function listParams(query) {
    const params = new URLSearchParams();
    if (query.model !== undefined)
        params.set('model', query.model);
    if (query.targetType !== undefined)
        params.set('target_type', query.targetType);
    if (query.targetIdentity !== undefined)
        params.set('target_identity', query.targetIdentity);
    if (query.tag !== undefined)
        params.set('tag', query.tag);
    params.set('limit', String(positiveInteger('limit', query.limit)));
    params.set('offset', String(nonNegativeInteger('offset', query.offset)));
    return params;
}
function positive(name, value) {
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
        throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
    }
    return value;
}
function positiveInteger(name, value) {
    if (!Number.isInteger(value) || value < 1) {
        throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
    }
    return value;
}
function nonNegativeInteger(name, value) {
    if (!Number.isInteger(value) || value < 0) {
        throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
    }
    return value;
}


/***/ }),

/***/ 7967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JA: () => (/* binding */ isSafeId),
/* harmony export */   LN: () => (/* binding */ decodeLive),
/* harmony export */   Ty: () => (/* binding */ CONTENT_TYPE),
/* harmony export */   wf: () => (/* binding */ decodeListPage)
/* harmony export */ });
/* harmony import */ var _manifest_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1647);

/** Sent on every request and signed verbatim; the vendor's examples use exactly this value. */
const CONTENT_TYPE = 'application/json; charset=utf-8';
function decodeListPage(text) {
    const parsed = parseJson(text);
    if (!parsed.ok || !(0,_manifest_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(parsed.value))
        return { problem: 'the body is not a JSON object' };
    const { pagination, results } = parsed.value;
    const total = (0,_manifest_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(pagination) ? pagination.total : undefined;
    if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
        return { problem: 'pagination.total is not a count' };
    }
    if (!Array.isArray(results) || !results.every(isLive)) {
        return { problem: 'results is not a list of customizations with ids' };
    }
    return { value: { total, results } };
}
function decodeLive(text) {
    const parsed = parseJson(text);
    if (!parsed.ok)
        return { problem: 'the body is not JSON' };
    if (!isLive(parsed.value))
        return { problem: 'the body has no string id' };
    return { value: parsed.value };
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
function isLive(value) {
    return (0,_manifest_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value) && typeof value.id === 'string' && value.id !== '';
}
/**
 * Whether an id from the server may go into a URL path as one segment: RFC 3986's unreserved
 * characters only (the API's ids are UUIDs), and not `.` or `..`.
 */
function isSafeId(id) {
    return typeof id === 'string' && /^[A-Za-z0-9._~-]{1,200}$/.test(id) && id !== '.' && id !== '..';
}


/***/ }),

/***/ 5856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ normalisePin),
/* harmony export */   dx: () => (/* binding */ meaningful),
/* harmony export */   j7: () => (/* binding */ normalise),
/* harmony export */   mw: () => (/* binding */ sameCustomization)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6921);
/* harmony import */ var _manifest_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6470);
/* harmony import */ var _manifest_date_time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7151);
/* harmony import */ var _manifest_scope_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4817);
/* harmony import */ var _ownership_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7806);





/**
 * Equal on the fields a manifest controls, after normalising what a server may rewrite
 * (reference §7): key order; tag order and repeats; pins reordered by position (pins that share a
 * position keep their order, which is significant); defaults, nulls, `false` and empty values
 * versus absent ones; the spelling of a date-time; a criteria value stored as a one-element list.
 * Server-owned fields (id, creator, created_at, available) are ignored.
 */
function sameCustomization(desired, live, options = {}) {
    const want = normalise(desired, options.ownershipTag);
    const have = normalise(live, options.ownershipTag);
    if (options.lastAppliedIsDesired) {
        for (const field of NOT_RETURNED)
            if (have[field] === undefined)
                have[field] = want[field];
    }
    return (0,_manifest_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalJson */ .dj)(want) === (0,_manifest_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalJson */ .dj)(have);
}
/** The manifest's content as compared, for fingerprints of what was applied. */
function normalise(customization, ownershipTag) {
    const fields = customization;
    const normalised = {};
    for (const field of FIELDS) {
        const value = fields[field];
        normalised[field] =
            field === 'tags'
                ? merchantTags(value, ownershipTag)
                : field === 'pin_definitions'
                    ? pinsInOrder(value).map((pin) => (0,_manifest_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalJson */ .dj)(normalisePin(pin)))
                    : CRITERIA.has(field)
                        ? meaningful((0,_manifest_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .normaliseCriteria */ .QP)(value))
                        : meaningful(value);
    }
    return normalised;
}
// From the schema, so a field added there is compared (and so sent again when it changes).
const FIELDS = Object.keys(_manifest_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .customizationSchema */ .BK.shape).filter((key) => key !== '$schema');
const PIN_FIELDS = Object.keys(_manifest_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .pinSchema */ .rA.shape);
const DATE_TIME_PIN_FIELDS = new Set(Object.entries(_manifest_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .pinSchema */ .rA.shape)
    .filter(([, schema]) => schema instanceof zod__WEBPACK_IMPORTED_MODULE_4__/* .ZodOptional */ .IiU && schema.unwrap() instanceof zod__WEBPACK_IMPORTED_MODULE_4__/* .ZodISODateTime */ .You)
    .map(([key]) => key));
const CRITERIA = new Set(['target_criteria', 'pin_criteria']);
/** The vendor's get-one and update pages list no `target_metadata` (reference §7). */
const NOT_RETURNED = ['target_metadata'];
/** A pin as compared: server defaults, nulls and date spellings aside. */
function normalisePin(pin) {
    const fields = (typeof pin === 'object' && pin !== null ? pin : {});
    const normalised = {};
    for (const field of PIN_FIELDS) {
        const raw = CRITERIA.has(field) ? (0,_manifest_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .normaliseCriteria */ .QP)(fields[field]) : fields[field];
        const value = meaningful(raw);
        if (value === undefined)
            continue;
        normalised[field] = DATE_TIME_PIN_FIELDS.has(field) ? instant(value) : value;
    }
    return normalised;
}
/** Pins ordered by position; a stable sort, so pins sharing a position keep their order. */
function pinsInOrder(pins) {
    if (!Array.isArray(pins))
        return [];
    const position = (pin) => {
        const value = pin?.position;
        return typeof value === 'number' ? value : 0;
    };
    return [...pins].sort((a, b) => position(a) - position(b));
}
function merchantTags(tags, ownershipTag) {
    if (!Array.isArray(tags))
        return undefined;
    const own = tags.filter((tag) => typeof tag === 'string' && !(ownershipTag && (0,_ownership_js__WEBPACK_IMPORTED_MODULE_2__/* .isOwnershipTag */ .GN)(ownershipTag, tag)));
    return own.length > 0 ? [...new Set(own)].sort() : undefined;
}
/** `undefined` for what means "not set": absent, null, false, an empty string or object. */
function meaningful(value) {
    if (value === null || value === undefined || value === false || value === '')
        return undefined;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
        return undefined;
    return value;
}
/**
 * The instant a date-time names, read as the checks read it: a server that accepts an unusual
 * spelling (`T06.5Z`, a week date) and stores the common one must not look changed on every run.
 */
function instant(value) {
    const reading = typeof value === 'string' ? (0,_manifest_date_time_js__WEBPACK_IMPORTED_MODULE_1__/* .readDateTime */ ._)(value) : undefined;
    return reading?.kind === 'valid' ? reading.time : value;
}


/***/ }),

/***/ 4153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ malformation),
/* harmony export */   Wn: () => (/* binding */ malformedWarning),
/* harmony export */   p9: () => (/* binding */ readLive)
/* harmony export */ });
/* unused harmony export sortRecords */
/* harmony import */ var _luigisbox_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3254);
/* harmony import */ var _luigisbox_wire_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7967);
/* harmony import */ var _manifest_findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1647);
/* harmony import */ var _manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6470);




/**
 * One paged list per model, not per manifest. A listing that cannot be trusted keeps what it got
 * and says why; any other failure (401, the server down) is thrown.
 */
async function readLive(client, models) {
    return Promise.all([...new Set(models)].sort().map(async (model) => {
        try {
            return sortRecords(model, await client.listAll({ model }));
        }
        catch (error) {
            if (!(error instanceof _luigisbox_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .IncompleteListingError */ .dV))
                throw error;
            return { ...sortRecords(model, error.results), incomplete: error.reason };
        }
    }));
}
/** Well-formed records apart from the ones the planner cannot read. */
function sortRecords(model, listed) {
    const records = [];
    const malformed = [];
    for (const record of listed) {
        const reason = malformation(record);
        if (reason)
            malformed.push({ id: record.id, model, reason, record });
        else
            records.push(record);
    }
    return { model, records, malformed };
}
/** What makes a listed record unreadable for planning, or undefined when it is readable. */
function malformation(record) {
    const { id, model, target_type, target_identity, target_criteria, tags, pin_definitions } = record;
    // Planned the same way it would be applied: an id that cannot go into a URL is never written to.
    if (!(0,_luigisbox_wire_js__WEBPACK_IMPORTED_MODULE_2__/* .isSafeId */ .JA)(id))
        return 'its id is not a safe URL path segment';
    if (typeof model !== 'string' || model === '')
        return 'model is not a name';
    if (!_manifest_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .TARGET_TYPES */ .oG.includes(target_type)) {
        return 'target_type is not item, criteria or all';
    }
    if (target_type === 'item' && (typeof target_identity !== 'string' || target_identity === '')) {
        return 'an item target has no target_identity';
    }
    if (target_type === 'criteria' && !(0,_manifest_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(target_criteria)) {
        return 'a criteria target has no target_criteria object';
    }
    if (tags != null && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
        return 'tags is not a list of strings';
    }
    if (!Array.isArray(pin_definitions))
        return 'pin_definitions is not a list';
    if (!pin_definitions.every(_manifest_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4))
        return 'pin_definitions holds something that is not a pin';
    return undefined;
}
/** For the log and the summary: which record was left alone, and why. */
function malformedWarning(malformed) {
    return `Live customization ${malformed.id} in model ${malformed.model} cannot be read (${malformed.reason}); it was left alone.`;
}


/***/ }),

/***/ 7806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ scopeFingerprint),
/* harmony export */   GN: () => (/* binding */ isOwnershipTag),
/* harmony export */   Mp: () => (/* binding */ readMark),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   dt: () => (/* binding */ ownershipTags)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _manifest_scope_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4817);


// 12 hex digits: 48 bits, so two scopes of one tracker collide with odds below 1 in 10^9
// even at ten thousand customizations, for 13 characters per fingerprint in every tag.
const FINGERPRINT_HEX = 12;
const MARK_PATTERN = new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX}}:[0-9a-f]{${FINGERPRINT_HEX}}$`);
function fingerprint(value) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,_manifest_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .dj)(value)).digest('hex').slice(0, FINGERPRINT_HEX);
}
function scopeFingerprint(scope) {
    return fingerprint((0,_manifest_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .scopeKey */ .OD)(scope));
}
/** The tags the Action adds to a body it sends. */
function ownershipTags(tag, mark) {
    return [tag, `${tag}:${mark.scope}:${mark.body}`];
}
/** Whether a tag is one of the Action's own (so never compared, never a merchant's). */
function isOwnershipTag(tag, value) {
    return value === tag || (typeof value === 'string' && value.startsWith(`${tag}:`));
}
/**
 * What a live customization's tags say about it: whether the Action manages it, and the
 * fingerprints it was last applied with (undefined when the marking tag is absent or garbled).
 */
function readMark(tag, tags) {
    if (!Array.isArray(tags) || !tags.includes(tag))
        return { owned: false };
    for (const value of tags) {
        if (typeof value !== 'string' || !value.startsWith(`${tag}:`))
            continue;
        const rest = value.slice(tag.length + 1);
        if (!MARK_PATTERN.test(rest))
            continue;
        const [scope = '', body = ''] = rest.split(':');
        return { owned: true, mark: { scope, body } };
    }
    return { owned: true };
}


/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
