export const id = 44;
export const ids = [44];
export const modules = {

/***/ 44:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  submit: () => (/* binding */ submit_submit)
});

// EXTERNAL MODULE: ./src/error-message.ts
var error_message = __webpack_require__(6587);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/input-error.ts
var input_error = __webpack_require__(6236);
;// CONCATENATED MODULE: ./src/luigisbox/endpoint.ts

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
        throw new input_error/* InputError */.d('api-url', `The api-url input ${JSON.stringify(url)} is not an absolute URL; ` +
            'set it to the API base, e.g. https://live.luigisbox.com');
    }
    if (parsed.protocol === 'http:') {
        if (!isLoopbackHost(parsed.hostname)) {
            throw new input_error/* InputError */.d('api-url', `The api-url input uses http:// for ${parsed.hostname}; change it to https:// ` +
                '(plain http is accepted only for localhost, 127.0.0.0/8 and [::1])');
        }
    }
    else if (parsed.protocol !== 'https:') {
        throw new input_error/* InputError */.d('api-url', `The api-url input must start with https:// (got ${parsed.protocol}//)`);
    }
    // Credentials in the URL would be sent on every request and printed with it in errors.
    if (parsed.username !== '' || parsed.password !== '') {
        throw new input_error/* InputError */.d('api-url', 'The api-url input must not contain a user name or password; remove the part before "@"');
    }
    if (parsed.search !== '' || parsed.hash !== '') {
        throw new input_error/* InputError */.d('api-url', 'The api-url input must not contain a query string or fragment; remove the part from "?" or "#"');
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
        throw new input_error/* InputError */.d('tracker-id', "The tracker-id input is empty; set it to your Luigi's Box tracker id, e.g. 1234-5678");
    }
    if (!/^[A-Za-z0-9._-]+$/.test(id) || id === '.' || id === '..') {
        throw new input_error/* InputError */.d('tracker-id', `The tracker-id input ${JSON.stringify(id)} is not a valid tracker id; it may contain only ` +
            'letters, digits, "-", "_" and "." (e.g. 1234-5678)');
    }
    return id;
}

// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
;// CONCATENATED MODULE: ./src/luigisbox/errors.ts

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
    const error = (message, details) => new ErrorClass((0,redact/* redact */.E$)(message, privateKey), { ...common, ...details });
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
    const shown = preview((0,redact/* redact */.E$)(result.text, privateKey));
    const status = `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`;
    return error(`Luigi's Box API: ${where} answered ${status}${after}: ${shown === '' ? '(empty body)' : shown}` +
        hint(kind, result, failure.operation) +
        unknownNote, { kind, status: result.status, body: shown });
}
/** The error for a success whose body is not what the API documents. */
function garbledError(ErrorClass, failure, result, problem) {
    const { privateKey, ...common } = failure;
    const shown = preview((0,redact/* redact */.E$)(result.text, privateKey));
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

;// CONCATENATED MODULE: ./src/luigisbox/wire.ts

/** Sent on every request and signed verbatim; the vendor's examples use exactly this value. */
const CONTENT_TYPE = 'application/json; charset=utf-8';
function decodeListPage(text) {
    const parsed = parseJson(text);
    if (!parsed.ok || !(0,findings/* isRecord */.u4)(parsed.value))
        return { problem: 'the body is not a JSON object' };
    const { pagination, results } = parsed.value;
    const total = (0,findings/* isRecord */.u4)(pagination) ? pagination.total : undefined;
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
    return (0,findings/* isRecord */.u4)(value) && typeof value.id === 'string' && value.id !== '';
}
/**
 * Whether an id from the server may go into a URL path as one segment: RFC 3986's unreserved
 * characters only (the API's ids are UUIDs), and not `.` or `..`.
 */
function isSafeId(id) {
    return typeof id === 'string' && /^[A-Za-z0-9._~-]{1,200}$/.test(id) && id !== '.' && id !== '..';
}

;// CONCATENATED MODULE: ./src/luigisbox/send.ts





/** Sends the request once; never throws, whatever the network does. */
async function send(connection, url, method, body) {
    const { trackerId, privateKey } = connection;
    // Fresh for every attempt: the server rejects a Date more than 5 s from its clock.
    const date = connection.now().toUTCString();
    const signature = sign(privateKey, {
        method,
        contentType: CONTENT_TYPE,
        date,
        path: url.pathname,
    });
    const outgoing = {
        method,
        headers: {
            'Content-Type': CONTENT_TYPE,
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
    const limit = pLimit(options.concurrency);
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
            throw deadlineError({ operation, method, path, attempts }, deadline.minutes);
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
            const ErrorClass = operation === 'create' ? OutcomeUnknownError : ApiError;
            error = garbledError(ErrorClass, failure, result, decoded.problem);
        }
        else {
            // An earlier delete may have gone through even though its answer was lost.
            if (operation === 'delete' && mayHaveApplied && statusOf(result) === 404)
                return undefined;
            const unknown = outcomeUnknown(result);
            mayHaveApplied ||= unknown;
            const ErrorClass = operation === 'create' && unknown ? OutcomeUnknownError : ApiError;
            error = attemptError(ErrorClass, failure, result);
            if (!retryable(result))
                throw error;
        }
        // A create that may have gone through is never sent again: it could make a duplicate.
        if (error instanceof OutcomeUnknownError || attempt >= maxAttempts)
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
    const base = validateApiUrl(options.apiUrl);
    const trackerId = validateTrackerId(options.trackerId);
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
        decode: decodeListPage,
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
            throw new IncompleteListingError(`the listing did not end within ${MAX_PAGES} pages of ${pageSize}`, [...byId.values()]);
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
            throw new IncompleteListingError(`the page at offset ${offset - page.results.length} repeated earlier results (is offset ignored?)`, [...byId.values()]);
        }
    }
    if (byId.size !== total) {
        throw new IncompleteListingError(`the server reported ${total} customizations but listed ${byId.size} distinct ones`, [...byId.values()]);
    }
    return [...byId.values()];
}
async function create(request, body) {
    return (await request({
        operation: 'create',
        method: 'POST',
        path: '/scope',
        body,
        decode: decodeLive,
    }));
}
async function get(request, id) {
    return (await request({
        operation: 'get',
        method: 'GET',
        path: scopePath(id, 'get', 'GET'),
        decode: decodeLive,
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
    if (isSafeId(id))
        return `/scope/${id}`;
    throw new ApiError(`Luigi's Box listed the id ${JSON.stringify(id)}, which is not a safe URL path segment (1 to 200 letters, digits, "-", "_", "." or "~", and not "." or ".."); nothing was sent for it. Delete that customization in the Luigi's Box app.`, { kind: 'unexpected', operation, method, path: '/scope/{id}', attempts: 0 });
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

// EXTERNAL MODULE: ./src/report/progress.ts
var report_progress = __webpack_require__(8991);
// EXTERNAL MODULE: ./src/manifest/scope.ts
var manifest_scope = __webpack_require__(4817);
// EXTERNAL MODULE: ./src/sync/outcome.ts
var outcome = __webpack_require__(7663);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./src/manifest/schema.ts + 1 modules
var schema = __webpack_require__(1497);
// EXTERNAL MODULE: ./src/manifest/date-time.ts
var date_time = __webpack_require__(7151);
;// CONCATENATED MODULE: ./src/sync/ownership.ts


// 12 hex digits: 48 bits, so two scopes of one tracker collide with odds below 1 in 10^9
// even at ten thousand customizations, for 13 characters per fingerprint in every tag.
const FINGERPRINT_HEX = 12;
const MARK_PATTERN = new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX}}:[0-9a-f]{${FINGERPRINT_HEX}}$`);
function fingerprint(value) {
    return (0,external_node_crypto_.createHash)('sha256').update((0,manifest_scope/* canonicalJson */.dj)(value)).digest('hex').slice(0, FINGERPRINT_HEX);
}
function scopeFingerprint(scope) {
    return fingerprint((0,manifest_scope/* scopeKey */.OD)(scope));
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

;// CONCATENATED MODULE: ./src/sync/compare.ts





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
    return (0,manifest_scope/* canonicalJson */.dj)(want) === (0,manifest_scope/* canonicalJson */.dj)(have);
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
                    ? pinsInOrder(value).map((pin) => (0,manifest_scope/* canonicalJson */.dj)(normalisePin(pin)))
                    : CRITERIA.has(field)
                        ? meaningful((0,manifest_scope/* normaliseCriteria */.QP)(value))
                        : meaningful(value);
    }
    return normalised;
}
// From the schema, so a field added there is compared (and so sent again when it changes).
const FIELDS = Object.keys(schema/* customizationSchema */.BK.shape).filter((key) => key !== '$schema');
const PIN_FIELDS = Object.keys(schema/* pinSchema */.rA.shape);
const DATE_TIME_PIN_FIELDS = new Set(Object.entries(schema/* pinSchema */.rA.shape)
    .filter(([, schema]) => schema instanceof schemas/* ZodOptional */.IiU && schema.unwrap() instanceof schemas/* ZodISODateTime */.You)
    .map(([key]) => key));
const CRITERIA = new Set(['target_criteria', 'pin_criteria']);
/** The vendor's get-one and update pages list no `target_metadata` (reference §7). */
const NOT_RETURNED = ['target_metadata'];
/** A pin as compared: server defaults, nulls and date spellings aside. */
function normalisePin(pin) {
    const fields = (typeof pin === 'object' && pin !== null ? pin : {});
    const normalised = {};
    for (const field of PIN_FIELDS) {
        const raw = CRITERIA.has(field) ? (0,manifest_scope/* normaliseCriteria */.QP)(fields[field]) : fields[field];
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
    const own = tags.filter((tag) => typeof tag === 'string' && !(ownershipTag && isOwnershipTag(ownershipTag, tag)));
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
    const reading = typeof value === 'string' ? (0,date_time/* readDateTime */._)(value) : undefined;
    return reading?.kind === 'valid' ? reading.time : value;
}

;// CONCATENATED MODULE: ./src/sync/diff.ts



/**
 * What an update changes, field by field, live → git, as lines for people: the job summary and
 * the pull request comment show the same text. Pins are matched by position and widget, so a pin moved
 * or edited shows as one change rather than a list rewritten; the Action's own tags are left out.
 */
function describeUpdate(desired, live, options) {
    const want = normalise(desired, options.ownershipTag);
    const have = normalise(live, options.ownershipTag);
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
    const own = (tags) => new Set((Array.isArray(tags) ? tags : []).filter((t) => typeof t === 'string' && !isOwnershipTag(tag, t)));
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
    const was = normalisePin(live);
    const now = normalisePin(git);
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

;// CONCATENATED MODULE: ./src/sync/live.ts




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
            if (!(error instanceof IncompleteListingError))
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
    if (!isSafeId(id))
        return 'its id is not a safe URL path segment';
    if (typeof model !== 'string' || model === '')
        return 'model is not a name';
    if (!schema/* TARGET_TYPES */.oG.includes(target_type)) {
        return 'target_type is not item, criteria or all';
    }
    if (target_type === 'item' && (typeof target_identity !== 'string' || target_identity === '')) {
        return 'an item target has no target_identity';
    }
    if (target_type === 'criteria' && !(0,findings/* isRecord */.u4)(target_criteria)) {
        return 'a criteria target has no target_criteria object';
    }
    if (tags != null && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
        return 'tags is not a list of strings';
    }
    if (!Array.isArray(pin_definitions))
        return 'pin_definitions is not a list';
    if (!pin_definitions.every(findings/* isRecord */.u4))
        return 'pin_definitions holds something that is not a pin';
    return undefined;
}
/** For the log and the summary: which record was left alone, and why. */
function malformedWarning(malformed) {
    return `Live customization ${malformed.id} in model ${malformed.model} cannot be read (${malformed.reason}); it was left alone.`;
}

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
    const { owned, mark } = readMark(tag, live.tags);
    const lastAppliedIsDesired = mark?.body === bodyFingerprint(desired.body, tag);
    const same = sameCustomization(desired.body, live, { ownershipTag: tag, lastAppliedIsDesired });
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
    const fingerprints = new Set(declared.map(scopeFingerprint));
    const keys = new Set(declared.map(manifest_scope/* scopeKey */.OD));
    const seen = new Set();
    const steps = [];
    for (const live of owned) {
        if (matched.has(live.id) || seen.has(live.id))
            continue;
        seen.add(live.id);
        const { owned: isOwned, mark } = readMark(tag, live.tags);
        const scope = (0,manifest_scope/* scopeOf */.Od)(live);
        if (!isOwned || malformation(live) !== undefined || scope === undefined)
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
        const mark = readMark(tag, record.tags).mark;
        if (mark)
            add(byMark, mark.scope, record);
        const scope = (0,manifest_scope/* scopeOf */.Od)(record);
        if (scope)
            add(byTarget, (0,manifest_scope/* scopeKey */.OD)(scope), record);
    }
    return (scope) => {
        const found = new Set([
            ...(byMark.get(scopeFingerprint(scope)) ?? []),
            ...(byTarget.get((0,manifest_scope/* scopeKey */.OD)(scope)) ?? []),
        ]);
        // In listing order, so conflicts name their ids the same way on every run.
        return [...found].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    };
}
function mayHoldScope(malformed, scope, tag) {
    const { record } = malformed;
    if (readMark(tag, record.tags).mark?.scope === scopeFingerprint(scope))
        return true;
    const readable = (0,manifest_scope/* scopeOf */.Od)(record);
    // A record whose target cannot be read could hold any scope of its model.
    return readable === undefined || (0,manifest_scope/* scopeKey */.OD)(readable) === (0,manifest_scope/* scopeKey */.OD)(scope);
}
function bodyFingerprint(body, tag) {
    return fingerprint(normalise(body, tag));
}
/** The manifest's body with the ownership tags added; its own tags as written. */
function bodyToSend(desired, tag) {
    const own = (desired.body.tags ?? []).filter((t) => !isOwnershipTag(tag, t));
    const mark = { scope: scopeFingerprint(desired.scope), body: bodyFingerprint(desired.body, tag) };
    return { ...desired.body, tags: [...own, ...ownershipTags(tag, mark)] };
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
    const limit = pLimit(options.concurrency);
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
    return { outcomes: (0,outcome/* sortOutcomes */.kF)(outcomes), stopped };
}
function notDone(step, why) {
    return { ...outcomeFor(step, 'skipped'), error: `Not submitted: ${why}.` };
}
/** The row of a step, before its action is known. */
function outcomeFor(step, action) {
    if (step.kind === 'delete' || step.kind === 'orphan')
        return { scope: step.scope, action, id: step.id };
    return (0,outcome/* outcomeOf */.sG)(step.desired, action, { id: 'id' in step ? step.id : undefined });
}
async function applyStep(client, step, options, health) {
    const { dryRun } = options;
    switch (step.kind) {
        case 'unchanged':
            return (0,outcome/* outcomeOf */.sG)(step.desired, 'unchanged', { id: step.id });
        case 'conflict':
            return (0,outcome/* outcomeOf */.sG)(step.desired, 'failed', { error: conflictMessage(step.ids) });
        case 'blocked':
            return (0,outcome/* outcomeOf */.sG)(step.desired, 'failed', { error: `Not created: ${step.reason}.` });
        case 'update': {
            const extra = { id: step.id, changes: step.changes };
            if (dryRun)
                return (0,outcome/* outcomeOf */.sG)(step.desired, 'planned-update', extra);
            await client.update(step.id, step.send);
            return (0,outcome/* outcomeOf */.sG)(step.desired, 'updated', extra);
        }
        case 'create':
            if (dryRun)
                return (0,outcome/* outcomeOf */.sG)(step.desired, 'planned-create', { changes: step.changes });
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
        if (!(error instanceof ApiError && error.kind === 'not-found'))
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
            return (0,outcome/* outcomeOf */.sG)(desired, 'created', {
                id: created.id,
                note: scopeRewritten(desired, created),
            });
        }
        catch (error) {
            if (!(error instanceof OutcomeUnknownError))
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
                return (0,outcome/* outcomeOf */.sG)(desired, 'failed', { error: conflictMessage(next.ids) });
            }
            if (next.kind === 'update')
                await client.update(next.id, next.send);
            if (next.kind === 'update' || next.kind === 'unchanged') {
                return (0,outcome/* outcomeOf */.sG)(desired, 'created', { id: next.id });
            }
        }
        health.lostCreates += 1;
        if (answered || attempt >= MAX_CREATE_ATTEMPTS) {
            return (0,outcome/* outcomeOf */.sG)(desired, 'failed', {
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
        if (error instanceof IncompleteListingError)
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
    if (error instanceof ApiError)
        return error;
    return new ApiError((0,error_message/* errorMessage */.g)(error), {
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
            invalid.push((0,outcome/* notSubmitted */.tb)(document, 'the document has validation errors'));
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
        return { owned: listed.filter((live) => readMark(tag, live.tags).owned) };
    }
    catch (error) {
        if (error instanceof IncompleteListingError)
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
    for (const listing of await readLive(client, models)) {
        for (const record of listing.records) {
            const scope = readMark(tag, record.tags).mark?.scope;
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
        const duplicate = owner && byScope.get(scopeFingerprint(owner.scope));
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
    const client = createClient({
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
            listings = await readLive(client, models);
            // A plan also shows what the Action owns that git no longer declares, prune or not.
            owned = config.prune || config.dryRun ? await readOwned(client, tag) : undefined;
        }
        catch (error) {
            const why = 'looking up the live customizations failed';
            const skipped = desired.map((d) => (0,outcome/* notSubmitted */.tb)(d, why));
            skipped.forEach((outcome, i) => log(outcome, i + 1, skipped.length));
            return { outcomes: (0,outcome/* sortOutcomes */.kF)([...invalid, ...skipped]), stopped: asApiError(error) };
        }
        const warnings = listings.flatMap((listing) => listing.malformed.map(malformedWarning));
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
        return { ...result, outcomes: (0,outcome/* sortOutcomes */.kF)([...invalid, ...result.outcomes]) };
    }
    finally {
        progress.flush();
        io.endGroup();
    }
}


/***/ })

};
