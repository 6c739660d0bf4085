export const id = 163;
export const ids = [163];
export const modules = {

/***/ 93326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ azureClientOptions)
});

// EXTERNAL MODULE: ./src/safety/error-message.ts
var error_message = __webpack_require__(49194);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var esm = __webpack_require__(1818);
// EXTERNAL MODULE: ./src/safety/secrets.ts
var secrets = __webpack_require__(81455);
// EXTERNAL MODULE: ./src/clients/http/capped-body.ts
var capped_body = __webpack_require__(44709);
// EXTERNAL MODULE: ./src/clients/http/non-json.ts
var non_json = __webpack_require__(42161);
// EXTERNAL MODULE: ./src/clients/http/redirect-refusal.ts
var redirect_refusal = __webpack_require__(16644);
// EXTERNAL MODULE: ./src/clients/http/retry.ts
var retry = __webpack_require__(43855);
;// CONCATENATED MODULE: ./src/clients/azure/answer-guard-policy.ts





const RETRY_AFTER_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'retry-after'];
// The transport streams every status to this policy instead of buffering the body itself.
const STREAM_EVERY_STATUS = new Set([Number.POSITIVE_INFINITY]);
/**
 * Checks each answer the Azure SDKs receive before they act on it, so that a hostile or broken
 * answer ends in an error that says what came back:
 * - the body is read here, at most MAX_ANSWER_BYTES (the transport would buffer any amount);
 * - a redirect is refused, naming the location's host: requests carry a token or a client
 *   secret (the SDK's redirect policy would follow a same-origin one);
 * - a success answer that is an HTML page (a proxy's or a captive portal's) is refused;
 * - a Retry-After longer than MAX_RETRY_AFTER_MS is refused, since the SDK's throttling retry
 *   waits any Retry-After, a day included. For an API call the 429 becomes an error that says
 *   so; for a token request (`for: 'token'`) the 429 is handed back without its Retry-After,
 *   since @azure/identity quotes Entra's own error (the AADSTS code) only from the answer and
 *   turns a thrown error into a bare "network_error";
 * - a token request's 429 says in its error_description that it was throttling, and the wait.
 * Runs once per try (position perRetry, inside the per-try timeout).
 */
function answerGuardPolicy(calls) {
    return {
        name: 'aepCmkAnswerGuard',
        sendRequest: (request, next) => guard(calls, request, next)
    };
}
async function guard(calls, request, next) {
    const ownStreaming = request.streamResponseStatusCodes;
    if (!ownStreaming)
        request.streamResponseStatusCodes = STREAM_EVERY_STATUS;
    let response;
    try {
        response = await next(request);
    }
    finally {
        if (!ownStreaming)
            delete request.streamResponseStatusCodes;
    }
    if (!ownStreaming)
        await bufferBody(request, response);
    const { status, headers } = response;
    if (status >= 300 && status < 400)
        throw refusal((0,redirect_refusal/* redirectRefusal */.H)(headers.get('location'), request.url), request, response);
    if (status >= 200 && status < 300 && looksLikeHtml(response))
        throw refusal(`the answer is not JSON: ${(0,non_json/* describeNonJson */.x)(response.bodyAsText ?? '', headers.get('content-type'))}`, request, response);
    const wait = retryAfterMs(response);
    if (status === 429 && calls === 'token')
        noteThrottling(response, wait);
    const refused = (0,retry/* refusedRetryAfter */.P4)(wait);
    if (refused) {
        // Without the header the SDK's throttling retry does not wait; a 429 is then not retried.
        for (const name of RETRY_AFTER_HEADERS)
            headers.delete(name);
        if (status === 429 && calls === 'api')
            throw refusal(`${statusText(response)}: ${refused}`, request, response);
    }
    return response;
}
async function bufferBody(request, response) {
    const stream = response.readableStreamBody;
    delete response.readableStreamBody;
    try {
        response.bodyAsText = await (0,capped_body/* readCappedText */.h5)(stream, response.headers.get('content-length'));
    }
    catch (error) {
        if (error instanceof capped_body/* AnswerTooLargeError */.Oc)
            throw refusal(error.message, request, response);
        throw error;
    }
}
/** The words azure.sign-in recognises a throttled token request by (see noteThrottling). */
const ENTRA_THROTTLED = 'Entra throttled the token request (HTTP 429)';
/**
 * @azure/identity reports a failed token request with Entra's error text only (the AADSTS code,
 * e.g. 90033 "a transient error"), without the status or the Retry-After. So a 429's
 * error_description is prefixed with what the answer said: that it was throttling and how long
 * Entra asked to wait. The first line then carries it to azure.sign-in.
 */
function noteThrottling(response, waitMs) {
    const wait = waitMs === undefined ? '' : ` and asked to wait ${Math.ceil(waitMs / 1000)} s (Retry-After)`;
    let body;
    try {
        const parsed = JSON.parse(response.bodyAsText ?? '');
        body = typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch {
        body = {};
    }
    const described = typeof body.error_description === 'string' ? body.error_description : '';
    response.bodyAsText = JSON.stringify({
        ...body,
        error: typeof body.error === 'string' ? body.error : 'temporarily_unavailable',
        error_description: `${ENTRA_THROTTLED}${wait}. ${described}`.trim()
    });
}
function looksLikeHtml(response) {
    const body = response.bodyAsText ?? '';
    if (body.trim() === '')
        return false;
    const media = response.headers.get('content-type') ?? '';
    if (/json/i.test(media))
        return false;
    return /html|xml/i.test(media) || /^\s*</.test(body);
}
function retryAfterMs(response) {
    if (response.status !== 429 && response.status !== 503)
        return undefined;
    const ms = response.headers.get('retry-after-ms') ?? response.headers.get('x-ms-retry-after-ms') ?? '';
    if (/^\d+$/.test(ms.trim()))
        return Number(ms);
    return (0,retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), Date.now());
}
function statusText(response) {
    const body = response.bodyAsText ?? '';
    try {
        const parsed = JSON.parse(body);
        const parts = [parsed.error?.code, parsed.error?.message].filter((x) => typeof x === 'string' && x !== '');
        if (parts.length > 0)
            return parts.join(': ');
    }
    catch {
        // not JSON: the status alone
    }
    return `HTTP ${response.status}`;
}
/**
 * A RestError carrying the answer's status: the SDK's retry policy does not retry it (unless
 * the status is a 5xx) and the read that failed reports the message and the status.
 */
function refusal(message, request, response) {
    return new esm/* RestError */.pj(message, { statusCode: response.status, request, response });
}

;// CONCATENATED MODULE: ./src/clients/azure/same-origin-policy.ts

/**
 * Keeps one SDK client's credentials at one origin: the origin of its first request (the ARM
 * endpoint, the vault URI, the authority host). A request that carries an Authorization header
 * to any other origin is refused before it is sent: a `nextLink` in a page of vaults or role
 * assignments is a URL the service chose, and the SDK would send the ARM token to it.
 * Runs after the token is added (position perRetry), so it sees the header.
 */
function sameOriginPolicy() {
    let home;
    return {
        name: 'aepCmkSameOrigin',
        sendRequest(request, next) {
            const origin = new URL(request.url).origin;
            home ??= origin;
            if (origin !== home && request.headers.has('authorization'))
                return Promise.reject(new esm/* RestError */.pj(`refused to send the token to ${new URL(request.url).host}: the service pointed a follow-up request (e.g. a nextLink) away from ${new URL(home).host}`, { request }));
            return next(request);
        }
    };
}

;// CONCATENATED MODULE: ./src/clients/azure/sdk-client-options.ts





const CANCELLED = 'cancelled: the run reached its deadline';
/**
 * Logs every try of every Azure SDK request (method, URL, status, duration) for RUNNER_DEBUG,
 * and bounds each try by the same per-try timeout as the Adobe calls (the run's tuning) and by
 * the run's deadline.
 *
 * The timeout is our own, not `request.timeout`: the SDK's node client leaves that timer
 * running when the request fails (a reset, a refused proxy), which keeps the process alive for
 * the whole timeout, and it turns a timeout into an AbortError that is never retried. Here a
 * try that outlasts the timeout becomes a RestError with code ETIMEDOUT, which the SDK's
 * exponential retry treats as a network error and retries.
 *
 * The run's signal is wired in here rather than trusted to the caller: @azure/identity does not
 * pass getToken's abortSignal on to the token requests of its client-secret and
 * client-assertion flows, so only the pipeline can cancel them.
 */
function tryPolicy({ signal: runSignal, log, tuning }) {
    return {
        name: 'aepCmkTry',
        async sendRequest(request, next) {
            const started = Date.now();
            const line = `${request.method} ${(0,secrets/* redact */.E$)(request.url)}`;
            const timeoutMs = tuning.httpTimeoutMs;
            const outer = request.abortSignal;
            const cancellers = [outer, runSignal].filter(s => s !== undefined);
            const cancelled = () => cancellers.some(s => s.aborted);
            const controller = new AbortController();
            const onCancel = () => controller.abort();
            if (cancelled())
                controller.abort();
            else
                for (const s of cancellers)
                    s.addEventListener('abort', onCancel);
            let timedOut = false;
            const handle = setTimeout(() => {
                timedOut = true;
                controller.abort();
            }, timeoutMs);
            request.abortSignal = controller.signal;
            try {
                const response = await next(request);
                log.debug(`${line} -> ${response.status} in ${Date.now() - started} ms`);
                return response;
            }
            catch (error) {
                const reason = timedOut
                    ? `no answer within ${timeoutMs / 1000} s`
                    : cancelled()
                        ? CANCELLED
                        : (0,error_message/* errorMessage */.g)(error);
                log.debug(`${line} -> network error after ${Date.now() - started} ms: ${(0,secrets/* redact */.E$)(reason)}`);
                if (timedOut)
                    throw new esm/* RestError */.pj(reason, { code: 'ETIMEDOUT', request });
                // The SDK's own words ("Rejecting from abort signal callback ...") do not say why.
                if (cancelled())
                    throw Object.assign(new Error(CANCELLED), { name: 'AbortError' });
                throw error;
            }
            finally {
                clearTimeout(handle);
                for (const s of cancellers)
                    s.removeEventListener('abort', onCancel);
                if (outer)
                    request.abortSignal = outer;
                else
                    delete request.abortSignal;
            }
        }
    };
}
/**
 * Options for one Azure SDK client (each call pins its own client to one origin); `token` for
 * the credentials' own clients, which call the token endpoints. `http.signal` is the run's
 * deadline: every try of every request of the client ends when it aborts.
 */
function azureClientOptions(calls, http) {
    const scale = http.tuning.retryScale;
    return {
        retryOptions: {
            maxRetries: 4,
            retryDelayInMs: 500 * scale,
            maxRetryDelayInMs: 30_000 * scale
        },
        // In order, outermost first: the origin check, the per-try timeout, the answer checks.
        additionalPolicies: [sameOriginPolicy(), tryPolicy(http), answerGuardPolicy(calls)].map(policy => ({
            policy,
            position: 'perRetry'
        })),
        // Belt and braces: answerGuardPolicy already refuses every redirect.
        redirectOptions: { maxRetries: 0 },
        userAgentOptions: { userAgentPrefix: 'aep-cmk-azure-action' }
    };
}


/***/ }),

/***/ 44709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oc: () => (/* binding */ AnswerTooLargeError),
/* harmony export */   h5: () => (/* binding */ readCappedText)
/* harmony export */ });
/* unused harmony exports MAX_ANSWER_BYTES, ANSWER_TOO_LARGE */
/**
 * The largest answer the action reads, in bytes. The biggest real answer it expects (a page of
 * vaults or role assignments) is well under 1 MB; an endless or huge body is cut off here instead
 * of filling the memory.
 */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const ANSWER_TOO_LARGE = `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; the action stopped reading it`;
class AnswerTooLargeError extends Error {
    constructor() {
        super(ANSWER_TOO_LARGE);
        this.name = 'AnswerTooLargeError';
    }
}
/**
 * Reads a response body as UTF-8 text, at most `limit` bytes; a longer body is abandoned (the
 * stream destroyed) with AnswerTooLargeError. A Content-Length above the limit stops it before
 * any byte is read.
 */
async function readCappedText(stream, contentLength, limit = MAX_ANSWER_BYTES) {
    if (!stream)
        return '';
    const declared = contentLength ? Number(contentLength) : NaN;
    if (Number.isFinite(declared) && declared > limit) {
        destroy(stream);
        throw new AnswerTooLargeError();
    }
    const chunks = [];
    let size = 0;
    // Leaving the loop early (the throw) destroys the stream, which closes the connection.
    for await (const chunk of stream) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buffer.length;
        if (size > limit) {
            destroy(stream);
            throw new AnswerTooLargeError();
        }
        chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function destroy(stream) {
    const destroyable = stream;
    destroyable.destroy?.();
}


/***/ }),

/***/ 70955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ requestJson)
});

// EXTERNAL MODULE: ./node_modules/node-fetch/src/index.js + 10 modules
var src = __webpack_require__(23323);
// EXTERNAL MODULE: ./node_modules/node-fetch/src/errors/fetch-error.js
var fetch_error = __webpack_require__(75156);
// EXTERNAL MODULE: ./src/clients/http/capped-body.ts
var capped_body = __webpack_require__(44709);
// EXTERNAL MODULE: ./node_modules/https-proxy-agent/dist/index.js + 4 modules
var dist = __webpack_require__(45833);
// EXTERNAL MODULE: ./node_modules/proxy-from-env/index.js
var proxy_from_env = __webpack_require__(98182);
;// CONCATENATED MODULE: ./src/clients/http/proxy-agent.ts


const agents = new Map();
/**
 * The agent that routes a request through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY exempts its
 * host; undefined for a direct connection. node-fetch, unlike the Azure SDKs, does not do this.
 */
function proxyAgentFor(url) {
    const proxy = (0,proxy_from_env/* getProxyForUrl */.T)(url);
    if (!proxy)
        return undefined;
    let agent = agents.get(proxy);
    if (!agent) {
        agent = new dist/* HttpsProxyAgent */.b(proxy, { keepAlive: true });
        agents.set(proxy, agent);
    }
    return agent;
}

// EXTERNAL MODULE: ./src/clients/http/retry.ts
var retry = __webpack_require__(43855);
// EXTERNAL MODULE: ./src/safety/secrets.ts
var secrets = __webpack_require__(81455);
// EXTERNAL MODULE: ./src/clients/http/service-error.ts
var service_error = __webpack_require__(1537);
// EXTERNAL MODULE: ./src/clients/http/sleep.ts
var sleep = __webpack_require__(71766);
// EXTERNAL MODULE: ./src/clients/http/non-json.ts
var non_json = __webpack_require__(42161);
// EXTERNAL MODULE: ./src/clients/http/redirect-refusal.ts
var redirect_refusal = __webpack_require__(16644);
;// CONCATENATED MODULE: ./src/clients/http/json-request.ts









/**
 * One JSON call with a per-try timeout and retries for network errors, 408, 429 and 5xx.
 * A POST is only retried when the service certainly did not act on it (429), since it may
 * otherwise have been stored; callers read the state back instead. Every call carries a secret
 * or a token, so a redirect is never followed (it is an error naming the location's host), and
 * no answer is read beyond MAX_ANSWER_BYTES.
 */
async function requestJson(request) {
    const retryable = (error) => {
        if (!(error instanceof service_error/* ServiceError */._))
            return false;
        if (request.method === 'POST' && !request.idempotent)
            return error.status === 429;
        return error.retryable;
    };
    return (0,retry/* withRetry */.bD)(() => sendOnce(request), error => ({
        retry: retryable(error) && !request.http.signal.aborted,
        retryAfterMs: error instanceof service_error/* ServiceError */._ ? error.retryAfterMs : undefined
    }), request.retry ?? (0,retry/* scaleRetryPolicy */.hT)(retry/* DEFAULT_RETRY_POLICY */.cO, request.http.tuning.retryScale), 
    // A long Retry-After must not outlast the run's deadline.
    {
        ...retry/* realRetryDeps */.tn,
        sleep: ms => {
            request.http.log.debug(`${request.call}: retrying in ${ms} ms`);
            return (0,sleep/* sleep */.y)(ms, request.http.signal);
        }
    });
}
async function sendOnce(request) {
    const headers = { Accept: 'application/json', ...request.headers };
    let body;
    if (request.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(request.json);
    }
    else if (request.form) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(request.form).toString();
    }
    const timeoutMs = request.timeoutMs ?? request.http.tuning.httpTimeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([timeout, request.http.signal]);
    const started = Date.now();
    let response;
    let text;
    try {
        response = await (0,src/* default */.Ay)(request.url, {
            method: request.method,
            headers,
            ...(body !== undefined && { body }),
            signal,
            // The request carries a secret or a token: a redirect must not take it elsewhere.
            redirect: 'manual',
            agent: proxyAgentFor(request.url)
        });
        // The body can stall or break after the headers came: that is a network error too.
        text = await (0,capped_body/* readCappedText */.h5)(response.body, response.headers.get('content-length'));
    }
    catch (error) {
        if (error instanceof capped_body/* AnswerTooLargeError */.Oc)
            throw new service_error/* ServiceError */._(request.call, response?.status, error.message);
        const reason = timeout.aborted && !request.http.signal.aborted
            ? `no answer within ${timeoutMs / 1000} s`
            : request.http.signal.aborted
                ? 'cancelled: the run reached its deadline'
                : error instanceof fetch_error/* FetchError */.f || error instanceof Error
                    ? error.message
                    : String(error);
        request.http.log.debug(`${request.method} ${(0,secrets/* redact */.E$)(request.url)} -> network error after ${Date.now() - started} ms: ${(0,secrets/* redact */.E$)(reason)}`);
        throw new service_error/* ServiceError */._(request.call, undefined, reason);
    }
    request.http.log.debug(`${request.method} ${(0,secrets/* redact */.E$)(request.url)} -> ${response.status} in ${Date.now() - started} ms`);
    let parsed = undefined;
    let malformed = false;
    if (text.trim() !== '') {
        try {
            parsed = JSON.parse(text);
        }
        catch {
            malformed = true;
        }
    }
    if (response.status >= 300 && response.status < 400)
        throw new service_error/* ServiceError */._(request.call, response.status, (0,redirect_refusal/* redirectRefusal */.H)(response.headers.get('location'), request.url));
    if (response.status === 404 && request.allow404)
        return { status: 404, body: parsed };
    if (response.status >= 400) {
        const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), Date.now());
        const message = (0,service_error/* serviceMessage */.X)(parsed, malformed
            ? (0,non_json/* describeNonJson */.x)(text, response.headers.get('content-type'))
            : response.statusText || 'no message');
        const refused = (0,retry/* refusedRetryAfter */.P4)(retryAfterMs);
        throw new service_error/* ServiceError */._(request.call, response.status, refused ? `${message} (${refused})` : message, retryAfterMs);
    }
    if (malformed)
        throw new service_error/* ServiceError */._(request.call, response.status, `the answer is not valid JSON: ${(0,non_json/* describeNonJson */.x)(text, response.headers.get('content-type'))}`);
    return { status: response.status, body: parsed };
}


/***/ }),

/***/ 32792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ stringClaim),
/* harmony export */   v: () => (/* binding */ jwtClaims)
/* harmony export */ });
/**
 * The claims of a JWT, read without verifying it: only to tell a person who the action signed in
 * as (an Entra token's tid, appid, oid) or which subject it presented (a GitHub ID token's sub).
 * undefined when the text is not a JWT (e.g. an opaque token).
 */
function jwtClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return claims && typeof claims === 'object' ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
/** A string claim, or undefined. */
function stringClaim(claims, name) {
    const value = claims?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
}


/***/ }),

/***/ 42161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ describeNonJson)
/* harmony export */ });
/** What came back instead of JSON: its media type and its first characters, on one line. */
function describeNonJson(text, contentType) {
    const media = (contentType ?? '').replace(/;.*$/s, '').trim() || 'no Content-Type';
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text)?.[1]?.trim();
    const start = text.replace(/\s+/g, ' ').trim().slice(0, 120);
    return title ? `${media}, an HTML page titled "${title}"` : `${media}, starting "${start}"`;
}


/***/ }),

/***/ 16644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ redirectRefusal)
/* harmony export */ });
/**
 * Why a redirect was not followed, naming where it pointed: every request the action makes
 * carries a client secret or a token, and following a redirect would send it to that host.
 */
function redirectRefusal(location, requestUrl) {
    if (!location)
        return 'a redirect without a Location; the action does not follow redirects';
    let host;
    try {
        const target = new URL(location, requestUrl);
        host = `${target.protocol === 'https:' ? '' : `${target.protocol}//`}${target.host}`;
    }
    catch {
        host = 'an invalid location';
    }
    return `a redirect to ${host}; the action does not follow redirects, since its requests carry credentials`;
}


/***/ }),

/***/ 43855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ refusedRetryAfter),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   hT: () => (/* binding */ scaleRetryPolicy),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   tn: () => (/* binding */ realRetryDeps)
/* harmony export */ });
/* unused harmony exports MAX_RETRY_AFTER_MS, retryDelayMs */
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71766);

/**
 * The longest Retry-After the action waits for, Azure and Adobe alike. A service that asks for
 * more (a day, say) is not retried: the call fails at once, quoting the answer, so a throttled
 * service cannot hold the run until its deadline.
 */
const MAX_RETRY_AFTER_MS = 60_000;
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxElapsedMs: 120_000
};
/** The policy with its backoff scaled; attempts and the elapsed-time budget stay. */
function scaleRetryPolicy(policy, scale) {
    if (scale === 1)
        return policy;
    return {
        ...policy,
        baseDelayMs: policy.baseDelayMs * scale,
        maxDelayMs: policy.maxDelayMs * scale
    };
}
const realRetryDeps = {
    sleep: _sleep_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .y,
    random: Math.random,
    now: Date.now
};
/** Full-jitter exponential delay, or the service's Retry-After when it is longer. */
function retryDelayMs(attempt, policy, random, retryAfterMs) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
    return retryAfterMs === undefined
        ? jittered
        : Math.min(Math.max(retryAfterMs, jittered), policy.maxElapsedMs, MAX_RETRY_AFTER_MS);
}
/**
 * Runs `attempt` until it succeeds, `classify` says an error is final, or the policy's attempts
 * or time run out; the last error is rethrown.
 */
async function withRetry(attempt, classify, policy = DEFAULT_RETRY_POLICY, deps = realRetryDeps) {
    const started = deps.now();
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (error) {
            const decision = classify(error);
            if (!decision.retry || n >= policy.maxAttempts)
                throw error;
            if ((decision.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS)
                throw error;
            const delay = retryDelayMs(n, policy, deps.random, decision.retryAfterMs);
            if (deps.now() - started + delay > policy.maxElapsedMs)
                throw error;
            await deps.sleep(delay);
        }
    }
}
/** Says why a Retry-After is not waited for, or undefined when it is. */
function refusedRetryAfter(retryAfterMs) {
    if (retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS)
        return undefined;
    return `it asked to retry after ${Math.round(retryAfterMs / 1000)} s (Retry-After), longer than the ${MAX_RETRY_AFTER_MS / 1000} s the action waits, so it was not retried`;
}
/** Parses Retry-After: delta seconds or an HTTP-date. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ }),

/***/ 71766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** Resolves after ms, or at once when signal aborts (the caller then sees the abort). */
function sleep(ms, signal) {
    return new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    });
}


/***/ }),

/***/ 93937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ keyIdentifierProblem),
/* harmony export */   W: () => (/* binding */ isGuid)
/* harmony export */ });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Key Vault and Managed HSM key versions are 32 hexadecimal digits.
const KEY_PATH = /^\/keys\/([A-Za-z0-9-]{1,127})\/([0-9a-f]{32})$/i;
function isGuid(value) {
    return typeof value === 'string' && GUID.test(value);
}
/**
 * Why a versioned key identifier a service returned is not one of this key
 * (`<vault URI>keys/<key name>/<version>`), or undefined when it is. The identifier is logged,
 * put in an output and sent to Adobe, so nothing else may pass.
 */
function keyIdentifierProblem(id, vaultUri, keyName) {
    let url;
    let vault;
    try {
        url = new URL(id);
        vault = new URL(vaultUri);
    }
    catch {
        return 'it is not a URL';
    }
    // URL() drops tabs and line breaks, so a valid URL may still come from a string holding them.
    if (/[\s\p{Cc}]/u.test(id))
        return 'it contains white space or control characters';
    if (url.protocol !== 'https:' || url.search !== '' || url.hash !== '' || url.username !== '')
        return 'it is not a plain https URL';
    if (url.host.toLowerCase() !== vault.host.toLowerCase())
        return `its host is not the vault's (${vault.host})`;
    const match = KEY_PATH.exec(url.pathname);
    if (!match || match[1]?.toLowerCase() !== keyName.toLowerCase())
        return `its path is not /keys/${keyName}/<32 hex digit version>`;
    return undefined;
}


/***/ })

};
