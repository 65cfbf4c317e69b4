export const id = 773;
export const ids = [773];
export const modules = {

/***/ 4773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  annotateRejections: () => (/* reexport */ annotateRejections),
  outcomesJson: () => (/* reexport */ outcomesJson),
  submitDocuments: () => (/* reexport */ submitDocuments),
  submitSummary: () => (/* reexport */ submitSummary)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
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

;// CONCATENATED MODULE: ./src/luigisbox/endpoint.ts
/** A problem with one of the Action's inputs; `input` is its name in action.yml. */
class InvalidInputError extends Error {
    input;
    name = 'InvalidInputError';
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}
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
        throw new InvalidInputError('api-url', `The api-url input ${JSON.stringify(url)} is not an absolute URL; ` +
            'set it to the API base, e.g. https://live.luigisbox.com');
    }
    if (parsed.protocol === 'http:') {
        if (!isLoopbackHost(parsed.hostname)) {
            throw new InvalidInputError('api-url', `The api-url input uses http:// for ${parsed.hostname}; change it to https:// ` +
                '(plain http is accepted only for localhost, 127.0.0.0/8 and [::1])');
        }
    }
    else if (parsed.protocol !== 'https:') {
        throw new InvalidInputError('api-url', `The api-url input must start with https:// (got ${parsed.protocol}//)`);
    }
    // Credentials in the URL would be sent on every request and printed with it in errors.
    if (parsed.username !== '' || parsed.password !== '') {
        throw new InvalidInputError('api-url', 'The api-url input must not contain a user name or password; remove the part before "@"');
    }
    if (parsed.search !== '' || parsed.hash !== '') {
        throw new InvalidInputError('api-url', 'The api-url input must not contain a query string or fragment; remove the part from "?" or "#"');
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
        throw new InvalidInputError('tracker-id', "The tracker-id input is empty; set it to your Luigi's Box tracker id, e.g. 1234-5678");
    }
    if (!/^[A-Za-z0-9._-]+$/.test(id) || id === '.' || id === '..') {
        throw new InvalidInputError('tracker-id', `The tracker-id input ${JSON.stringify(id)} is not a valid tracker id; it may contain only ` +
            'letters, digits, "-", "_" and "." (e.g. 1234-5678)');
    }
    return id;
}

;// CONCATENATED MODULE: ./src/luigisbox/retry.ts
/**
 * Retry-After beyond this is treated as this: a CI job should fail in minutes rather than sit
 * idle for as long as a misconfigured proxy asks.
 */
const MAX_RETRY_AFTER_MS = 120_000;
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
    return (0,external_node_crypto_.createHmac)('sha256', Buffer.from(privateKey, 'utf8'))
        .update(stringToSign(parts), 'utf8')
        .digest('base64');
}
/** The label before the space is ignored by the server; `ApiAuth` is this project's choice. */
function authorization(trackerId, signature) {
    return `ApiAuth ${trackerId}:${signature}`;
}

;// CONCATENATED MODULE: ./src/luigisbox/client.ts




/** Sent on every request and signed verbatim; the vendor's examples use exactly this value. */
const CONTENT_TYPE = 'application/json; charset=utf-8';
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
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF = { baseMs: 500, capMs: 30_000 };
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_PAGE_SIZE = 100;
const BODY_PREVIEW_CHARS = 500;
// Failures while connecting: the request never reached the server, so even a create can be resent.
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'UND_ERR_CONNECT_TIMEOUT',
]);
// Certificate and TLS set-up failures repeat identically on every attempt.
const PERMANENT_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;
function createClient(options) {
    const base = validateApiUrl(options.apiUrl);
    const trackerId = validateTrackerId(options.trackerId);
    const { privateKey } = options;
    if (typeof privateKey !== 'string' || privateKey === '') {
        throw new InvalidInputError('private-key', "The private-key input is empty; set it to your Luigi's Box private API key (from a secret)");
    }
    const timeoutMs = positive('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const maxAttempts = positiveInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    const concurrency = positiveInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY);
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const now = options.now ?? (() => new Date());
    const random = options.random ?? Math.random;
    const limit = pLimit(concurrency);
    const trackerPath = `${base.pathname.replace(/\/+$/, '')}/v1/recommender/pin/${trackerId}`;
    const redact = (text) => text.split(privateKey).join('***');
    async function attempt(url, method, body) {
        // Fresh for every attempt: the server rejects a Date more than 5 s from its clock.
        const date = now().toUTCString();
        const signature = sign(privateKey, {
            method,
            contentType: CONTENT_TYPE,
            date,
            path: url.pathname,
        });
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
            const response = await fetchImpl(url, {
                method,
                headers: {
                    'Content-Type': CONTENT_TYPE,
                    Date: date,
                    Authorization: authorization(trackerId, signature),
                    Accept: 'application/json',
                },
                body,
                signal: controller.signal,
                // A followed redirect would carry a signature made for another path, or turn a POST into
                // a GET; better to report where the api-url points.
                redirect: 'manual',
            });
            const text = await response.text();
            return {
                type: 'response',
                status: response.status,
                statusText: response.statusText,
                retryAfter: response.headers.get('retry-after'),
                location: response.headers.get('location'),
                text,
            };
        }
        catch (error) {
            if (controller.signal.aborted)
                return { type: 'timeout' };
            return { type: 'network', codes: errorCodes(error), detail: errorDetail(error) };
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Sends with retries; resolves with the successful response's body text. */
    async function send(spec) {
        const url = new URL(base);
        url.pathname = `${trackerPath}${spec.path}`;
        url.search = spec.query ? spec.query.toString() : '';
        const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
        const path = url.pathname;
        let mayHaveApplied = false;
        for (let attemptNo = 1;; attemptNo++) {
            // Only the attempt holds a concurrency slot; waiting between attempts does not.
            const result = await limit(() => attempt(url, spec.method, body));
            let error;
            if (result.type === 'response' && result.status >= 200 && result.status < 300) {
                const decoded = spec.decode ? spec.decode(result.text) : { value: undefined };
                if ('value' in decoded)
                    return decoded.value;
                // The request went through but the answer is garbled: a create's id is lost (look it
                // up, do not resend); a read or an idempotent write can simply be sent again.
                const ErrorClass = spec.operation === 'create' ? OutcomeUnknownError : ApiError;
                error = malformed(ErrorClass, spec, result.status, attemptNo, result.text, decoded.problem);
                if (spec.operation === 'create' || attemptNo >= maxAttempts)
                    throw error;
            }
            // An earlier delete may have gone through even though its answer was lost.
            if (spec.operation === 'delete' &&
                mayHaveApplied &&
                result.type === 'response' &&
                result.status === 404) {
                return undefined;
            }
            if (!error) {
                const unknown = outcomeUnknown(result);
                if (spec.operation === 'create' && unknown) {
                    throw errorFor(OutcomeUnknownError, spec, path, result, attemptNo);
                }
                mayHaveApplied ||= unknown;
                error = errorFor(ApiError, spec, path, result, attemptNo);
                if (!retryable(result) || attemptNo >= maxAttempts)
                    throw error;
            }
            const retryAfter = result.type === 'response' ? parseRetryAfter(result.retryAfter, now()) : null;
            const delayMs = retryAfter ?? backoffDelay(attemptNo - 1, backoff, random);
            options.onRetry?.({
                operation: spec.operation,
                method: spec.method,
                path,
                attempt: attemptNo,
                delayMs,
                error,
            });
            await sleep(delayMs);
        }
    }
    function errorFor(ErrorClass, spec, path, result, attempts) {
        const where = `${spec.method} ${path}`;
        const after = attempts > 1 ? ` (attempt ${attempts})` : '';
        const unknownNote = ErrorClass === OutcomeUnknownError
            ? '; the customization may or may not have been created, so look it up before creating it again'
            : '';
        const common = { operation: spec.operation, method: spec.method, path, attempts };
        if (result.type === 'timeout') {
            return new ErrorClass(`Luigi's Box API: ${where} got no answer within ${timeoutMs} ms${after}${unknownNote}`, { ...common, kind: 'timeout' });
        }
        if (result.type === 'network') {
            return new ErrorClass(redact(`Luigi's Box API: ${where} failed: ${result.detail}${after}${unknownNote}`), { ...common, kind: 'network', code: result.codes[0] });
        }
        const kind = statusKind(result.status, spec.operation);
        const shown = preview(redact(result.text));
        const status = `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`;
        return new ErrorClass(`Luigi's Box API: ${where} answered ${status}${after}: ${shown === '' ? '(empty body)' : shown}` +
            hint(kind, result, spec.operation) +
            unknownNote, { ...common, kind, status: result.status, body: shown });
    }
    function malformed(ErrorClass, spec, status, attempts, text, problem) {
        const shown = preview(redact(text));
        const path = `${trackerPath}${spec.path}`;
        const unknownNote = ErrorClass === OutcomeUnknownError
            ? '; the customization was probably created, so look it up before creating it again'
            : '';
        return new ErrorClass(`Luigi's Box API: ${spec.method} ${path} answered HTTP ${status} but ${problem}: ` +
            `${shown === '' ? '(empty body)' : shown}${unknownNote}`, {
            kind: 'unexpected',
            operation: spec.operation,
            method: spec.method,
            path,
            attempts,
            status,
            body: shown,
        });
    }
    async function list(query) {
        return (await send({
            operation: 'list',
            method: 'POST',
            path: '/scopes',
            query: listParams(query),
            body: {},
            decode: decodeListPage,
        }));
    }
    async function listAll(query = {}) {
        const pageSize = positiveInteger('limit', query.limit ?? DEFAULT_PAGE_SIZE);
        const byId = new Map();
        let offset = 0;
        for (;;) {
            const page = await list({ ...query, limit: pageSize, offset });
            let added = 0;
            for (const result of page.results) {
                // Writes between pages shift offsets, so a customization can show up on two pages.
                if (!byId.has(result.id))
                    added += 1;
                byId.set(result.id, result);
            }
            offset += page.results.length;
            // A short page alone does not end the listing: the server's largest page size is
            // undocumented and may be below ours; `total` and an empty page do.
            if (offset >= page.total || page.results.length === 0 || added === 0)
                break;
        }
        return [...byId.values()];
    }
    async function create(body) {
        const spec = { operation: 'create', method: 'POST', path: '/scope', body };
        return (await send({ ...spec, decode: decodeLive }));
    }
    async function get(id) {
        return (await send({
            operation: 'get',
            method: 'GET',
            path: scopePath(id),
            decode: decodeLive,
        }));
    }
    async function update(id, body) {
        await send({ operation: 'update', method: 'PUT', path: scopePath(id), body });
    }
    async function remove(id) {
        await send({ operation: 'delete', method: 'DELETE', path: scopePath(id) });
    }
    return { list, listAll, create, get, update, delete: remove };
}
function decodeListPage(text) {
    const parsed = parseJson(text);
    if (!parsed.ok || !isRecord(parsed.value))
        return { problem: 'the body is not a JSON object' };
    const { pagination, results } = parsed.value;
    const total = isRecord(pagination) ? pagination.total : undefined;
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
function scopePath(id) {
    if (typeof id !== 'string' || id === '') {
        throw new TypeError('A customization id must be a non-empty string');
    }
    return `/scope/${encodeURIComponent(id)}`;
}
function listParams(query) {
    const params = new URLSearchParams();
    if (query.model !== undefined)
        params.set('model', query.model);
    if (query.targetType !== undefined)
        params.set('target_type', query.targetType);
    if (query.targetIdentity !== undefined)
        params.set('target_identity', query.targetIdentity);
    params.set('limit', String(positiveInteger('limit', query.limit)));
    params.set('offset', String(nonNegativeInteger('offset', query.offset)));
    return params;
}
/** Whether the server may have applied the request although no success was seen. */
function outcomeUnknown(result) {
    if (result.type === 'timeout')
        return true;
    if (result.type === 'network')
        return !result.codes.some((c) => NOT_SENT_CODES.has(c));
    return result.status === 408 || result.status >= 500;
}
function retryable(result) {
    if (result.type === 'timeout')
        return true;
    if (result.type === 'network')
        return !result.codes.some((c) => PERMANENT_CODE.test(c));
    return isRetryableStatus(result.status);
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
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isLive(value) {
    return isRecord(value) && typeof value.id === 'string' && value.id !== '';
}
/** Every error code in an error's cause chain (fetch wraps the socket error in a TypeError). */
function errorCodes(error, depth = 0) {
    if (!isRecord(error) && !(error instanceof Error))
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

// EXTERNAL MODULE: ./src/manifest/scope.ts
var manifest_scope = __webpack_require__(4817);
;// CONCATENATED MODULE: ./src/sync/plan.ts

/**
 * Desired state against live state, per scope: nothing live → create; one live and different →
 * update it in place; one live and equal → leave it; several live → refuse to guess.
 * Pure, so the decision for every case is tested without a server.
 */
function planChanges(desired, live) {
    const liveByScope = indexByScope(live);
    return desired.map((item) => {
        const matches = liveByScope.get((0,manifest_scope/* scopeKey */.OD)(item.scope)) ?? [];
        const [only] = matches;
        if (only === undefined)
            return { kind: 'create', desired: item };
        if (matches.length > 1)
            return { kind: 'conflict', desired: item, ids: matches.map((m) => m.id) };
        return sameCustomization(item.body, only)
            ? { kind: 'unchanged', desired: item, id: only.id }
            : { kind: 'update', desired: item, id: only.id };
    });
}
function indexByScope(live) {
    const byScope = new Map();
    for (const customization of live) {
        const scope = (0,manifest_scope/* scopeOf */.Od)(customization);
        if (!scope)
            continue;
        const key = (0,manifest_scope/* scopeKey */.OD)(scope);
        const group = byScope.get(key);
        if (group)
            group.push(customization);
        else
            byScope.set(key, [customization]);
    }
    return byScope;
}
/** Live customizations whose scope is `scope`. */
function matchingScope(live, scope) {
    return indexByScope(live).get((0,manifest_scope/* scopeKey */.OD)(scope)) ?? [];
}
/**
 * Equal on the fields a manifest controls, after normalising what a server may legitimately
 * rewrite: key order, the order of tags and pins, `false`/empty values versus absent ones, and
 * the spelling of a date-time. Server-owned fields (id, creator, created_at, available) are ignored.
 */
function sameCustomization(desired, live) {
    return (0,manifest_scope/* canonicalJson */.dj)(normalise(desired)) === (0,manifest_scope/* canonicalJson */.dj)(normalise(live));
}
const PIN_FIELDS = [
    'position',
    'pin_type',
    'pin_identity',
    'pin_criteria',
    'widget_id',
    'is_block_pin',
    'is_bundle_pin',
    'active_from',
    'active_to',
];
function normalise(customization) {
    const tags = [...(customization.tags ?? [])].sort();
    const pins = (customization.pin_definitions ?? []).map((pin) => {
        const normalised = {};
        for (const field of PIN_FIELDS) {
            const value = meaningful(pin[field]);
            if (value === undefined)
                continue;
            normalised[field] = field === 'active_from' || field === 'active_to' ? instant(value) : value;
        }
        return normalised;
    });
    return {
        model: customization.model,
        target_type: customization.target_type,
        target_identity: meaningful(customization.target_identity),
        target_criteria: meaningful(customization.target_criteria),
        target_metadata: meaningful(customization.target_metadata),
        tags: tags.length > 0 ? tags : undefined,
        pin_definitions: pins.map((pin) => (0,manifest_scope/* canonicalJson */.dj)(pin)).sort(),
    };
}
/** `undefined` for what means "not set": absent, null, false, an empty object. */
function meaningful(value) {
    if (value === null || value === undefined || value === false)
        return undefined;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
        return undefined;
    return value;
}
function instant(value) {
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isNaN(time) ? value : time;
}

;// CONCATENATED MODULE: ./src/sync/apply.ts




/** How many times a create whose outcome stayed unknown is looked up and tried again. */
const MAX_CREATE_ATTEMPTS = 5;
/**
 * A create that timed out may still be running on the server. Waiting before the lookup lets it
 * land, so the lookup sees it instead of creating a second one beside it.
 */
const DEFAULT_SETTLE_MS = 2000;
/**
 * Make the live customizations match the desired ones: look up what is live (one paged list per
 * model), plan, then create or update with at most `concurrency` manifests in progress. A
 * failing manifest does not stop the others; wrong credentials stop everything at once.
 */
async function apply_submit(client, desired, options) {
    const outcomes = [];
    let stopped;
    const record = (outcome) => {
        outcomes.push(outcome);
        options.onOutcome?.(outcome, outcomes.length, desired.length);
    };
    let live;
    try {
        live = await listLive(client, desired);
    }
    catch (error) {
        const failure = asApiError(error);
        for (const item of desired)
            record(row(item, 'skipped', {
                error: 'Not submitted: looking up the live customizations failed.',
            }));
        return { outcomes, stopped: failure };
    }
    const limit = pLimit(options.concurrency);
    await Promise.all(planChanges(desired, live).map((step) => limit(async () => {
        if (stopped) {
            record(row(step.desired, 'skipped', {
                error: 'Not submitted: the run stopped before this manifest.',
            }));
            return;
        }
        try {
            record(await applyStep(client, step, options));
        }
        catch (error) {
            const failure = asApiError(error);
            if (failure.kind === 'auth')
                stopped ??= failure;
            record(row(step.desired, 'failed', {
                id: 'id' in step ? step.id : undefined,
                error: failure.message,
                rejected: failure.kind === 'invalid',
            }));
        }
    })));
    return { outcomes: sortOutcomes(outcomes), stopped };
}
/** Everything live for the models the manifests use: batched per model, not per manifest. */
async function listLive(client, desired) {
    const models = [...new Set(desired.map((d) => d.scope.model))].sort();
    const pages = await Promise.all(models.map((model) => client.listAll({ model })));
    return pages.flat();
}
async function applyStep(client, step, options) {
    const { dryRun } = options;
    switch (step.kind) {
        case 'unchanged':
            return row(step.desired, 'unchanged', { id: step.id });
        case 'conflict':
            return row(step.desired, 'failed', {
                error: `${step.ids.length} live customizations share this scope (${step.ids.join(', ')}); delete all but one in Luigi's Box, then run again.`,
            });
        case 'update':
            if (dryRun)
                return row(step.desired, 'planned-update', { id: step.id });
            await client.update(step.id, step.desired.body);
            return row(step.desired, 'updated', { id: step.id });
        case 'create':
            if (dryRun)
                return row(step.desired, 'planned-create');
            return createOnce(client, step.desired, options);
    }
}
/**
 * POST is not idempotent and the API has no idempotency key: when a create's outcome is unknown,
 * look the scope up before anything else, and only create again if it is still not there.
 */
async function createOnce(client, desired, options) {
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 1;; attempt++) {
        try {
            const created = await client.create(desired.body);
            return row(desired, 'created', { id: created.id });
        }
        catch (error) {
            if (!(error instanceof OutcomeUnknownError) || attempt >= MAX_CREATE_ATTEMPTS)
                throw error;
            // A server that answered (5xx, a garbled body) is done with the request; one that went
            // silent may still be working on it.
            if (error.kind === 'timeout' || error.kind === 'network') {
                await sleep(options.settleMs ?? DEFAULT_SETTLE_MS);
            }
        }
        const matches = matchingScope(await lookUp(client, desired), desired.scope);
        const [only] = matches;
        if (matches.length > 1) {
            return row(desired, 'failed', {
                error: `${matches.length} live customizations share this scope (${matches.map((m) => m.id).join(', ')}); delete all but one in Luigi's Box, then run again.`,
            });
        }
        if (only) {
            if (sameCustomization(desired.body, only))
                return row(desired, 'created', { id: only.id });
            await client.update(only.id, desired.body);
            return row(desired, 'updated', { id: only.id });
        }
    }
}
function lookUp(client, desired) {
    const { model, target_type, target_identity } = desired.scope;
    return client.listAll({ model, targetType: target_type, targetIdentity: target_identity });
}
function row(desired, action, extra = {}) {
    return {
        file: desired.file,
        document: desired.index,
        line: desired.line,
        scope: (0,manifest_scope/* describeScope */.OI)(desired.scope),
        action,
        ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
    };
}
function sortOutcomes(outcomes) {
    return [...outcomes].sort((a, b) => a.file === b.file ? a.document - b.document : a.file < b.file ? -1 : 1);
}
function asApiError(error) {
    if (error instanceof ApiError)
        return error;
    return new ApiError(error instanceof Error ? error.message : String(error), {
        kind: 'unexpected',
        operation: 'list',
        method: '',
        path: '',
        attempts: 1,
    });
}

;// CONCATENATED MODULE: ./src/sync/run.ts






/**
 * The submit stage: check the submit-only inputs, submit the valid documents, log progress in a
 * group. Documents with validation errors are reported as skipped and never sent.
 */
async function submitDocuments(config, documents) {
    if (config.trackerId === '' || config.privateKey === '') {
        const missing = [
            config.trackerId === '' && 'tracker-id',
            config.privateKey === '' && 'private-key',
        ];
        throw new inputs/* InputError */.d(`Submitting needs the ${missing.filter(Boolean).join(' and ')} input(s): pass your Luigi's Box tracker id and a secret holding the private API key, or set mode: validate.`);
    }
    const client = createClient({
        apiUrl: validateApiUrl(config.apiUrl).toString(),
        trackerId: validateTrackerId(config.trackerId),
        privateKey: config.privateKey,
        concurrency: config.concurrency,
        onRetry: (retry) => core.info(`  retrying ${retry.method} ${retry.path} in ${retry.delayMs} ms: ${retry.error.message}`),
    });
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
            invalid.push({
                file: document.file,
                document: document.index,
                line: document.line,
                scope: document.scope ? (0,manifest_scope/* describeScope */.OI)(document.scope) : '',
                action: 'skipped',
                error: 'Not submitted: the document has validation errors.',
            });
        }
    }
    core.startGroup(`${config.dryRun ? 'Planning' : 'Submitting'} ${desired.length} customization(s)`);
    try {
        const result = await apply_submit(client, desired, {
            dryRun: config.dryRun,
            concurrency: config.concurrency,
            onOutcome: (outcome, done, total) => core.info(`[${done}/${total}] ${outcome.action} ${outcome.file}#${outcome.document + 1} (${outcome.scope})${outcome.id ? ` → ${outcome.id}` : ''}${outcome.error ? `: ${outcome.error}` : ''}`),
        });
        return { ...result, outcomes: sortOutcomes([...invalid, ...result.outcomes]) };
    }
    finally {
        core.endGroup();
    }
}

// EXTERNAL MODULE: ./src/github/annotations.ts
var annotations = __webpack_require__(4793);
// EXTERNAL MODULE: ./src/github/html.ts
var html = __webpack_require__(3542);
;// CONCATENATED MODULE: ./src/sync/summary.ts


const ICONS = {
    created: '🆕',
    updated: '✏️',
    unchanged: '✅',
    failed: '❌',
    skipped: '⏭️',
    'planned-create': '🆕',
    'planned-update': '✏️',
};
const LUIGISBOX_APP_URL = 'https://app.luigisbox.com/';
/** The submission report: one row per manifest document, as DESIGN §3 lists. */
function submitSummary(result, commit, options) {
    const counts = new Map();
    for (const outcome of result.outcomes)
        counts.set(outcome.action, (counts.get(outcome.action) ?? 0) + 1);
    const tally = [...counts].map(([action, count]) => `${count} ${action}`).join(', ') || 'nothing to submit';
    const parts = [
        `<h2>Luigi's Box submission${options.dryRun ? ' (dry run: nothing was written)' : ''}</h2>\n`,
        `<p>${(0,html/* escapeHtml */.Z)(tally)}.</p>\n`,
    ];
    if (result.stopped) {
        parts.push(`<p>❌ The run stopped early: ${(0,html/* escapeHtml */.Z)(result.stopped.message)}</p>\n`);
    }
    const head = '<table>\n<tr><th>Manifest</th><th>Scope</th><th>Action</th><th>Customization id</th></tr>\n';
    const tail = '</table>\n';
    let size = Buffer.byteLength(parts.join('') + head + tail);
    const rows = [];
    for (const outcome of result.outcomes) {
        const row = tableRow(outcome, commit);
        size += Buffer.byteLength(row);
        if (size > options.budget)
            break;
        rows.push(row);
    }
    if (result.outcomes.length > 0)
        parts.push(head, ...rows, tail);
    const left = result.outcomes.length - rows.length;
    if (left > 0) {
        parts.push(`<p>… and ${left} more ${(0,annotations/* plural */.LS)(left, 'row')}, left out to keep this summary under GitHub's size limit; the <code>customizations</code> output has them all.</p>\n`);
    }
    parts.push(`<p>Review them in the <a href="${LUIGISBOX_APP_URL}">Luigi's Box app</a> under Recommendations → Customizations.</p>\n`);
    return parts.join('');
}
function tableRow(outcome, commit) {
    const label = outcome.document > 0 ? `${outcome.file} #${outcome.document + 1}` : outcome.file;
    const link = `<a href="${(0,html/* escapeHtml */.Z)((0,html/* blobUrl */.b)(commit, outcome.file, outcome.line))}">${(0,html/* escapeHtml */.Z)(label)}</a>`;
    const action = `${ICONS[outcome.action]} ${outcome.action}${outcome.error ? `: ${(0,html/* escapeHtml */.Z)(outcome.error)}` : ''}`;
    const id = outcome.id ? `<code>${(0,html/* escapeHtml */.Z)(outcome.id)}</code>` : '';
    return `<tr><td>${link}</td><td>${(0,html/* escapeHtml */.Z)(outcome.scope)}</td><td>${action}</td><td>${id}</td></tr>\n`;
}
/** The `customizations` output: the same rows, as JSON. */
function outcomesJson(outcomes) {
    return JSON.stringify(outcomes.map(({ file, document, line, scope, action, id, error }) => ({
        file,
        document,
        line,
        scope,
        action,
        id: id ?? null,
        ...(error ? { error } : {}),
    })));
}
/** A manifest the API refused gets an annotation with the server's reason, like a validation error. */
function annotateRejections(outcomes, sink) {
    for (const outcome of outcomes) {
        if (outcome.action !== 'failed' || !outcome.error)
            continue;
        sink.error(outcome.error, {
            title: outcome.rejected ? 'luigisbox/rejected' : 'luigisbox/failed',
            file: outcome.file,
            startLine: outcome.line,
            endLine: outcome.line,
        });
    }
}

;// CONCATENATED MODULE: ./src/sync/index.ts




/***/ })

};
