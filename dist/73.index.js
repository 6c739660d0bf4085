export const id = 73;
export const ids = [73];
export const modules = {

/***/ 74073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createServices: () => (/* binding */ createServices)
});

// EXTERNAL MODULE: ./node_modules/@azure/arm-authorization/dist/index.js
var dist = __webpack_require__(71043);
// EXTERNAL MODULE: ./node_modules/@azure/arm-keyvault/dist/esm/index.js + 35 modules
var esm = __webpack_require__(74950);
// EXTERNAL MODULE: ./node_modules/@azure/arm-locks/dist/index.js
var arm_locks_dist = __webpack_require__(21560);
// EXTERNAL MODULE: ./node_modules/@azure/arm-monitor/dist/esm/index.js + 104 modules
var dist_esm = __webpack_require__(92729);
// EXTERNAL MODULE: ./node_modules/@azure/arm-resources/dist/esm/index.js + 24 modules
var arm_resources_dist_esm = __webpack_require__(56033);
// EXTERNAL MODULE: ./src/clients/http/json-request.ts + 1 modules
var json_request = __webpack_require__(70955);
// EXTERNAL MODULE: ./src/clients/http/service-error.ts
var service_error = __webpack_require__(1537);
;// CONCATENATED MODULE: ./src/clients/adobe/config-answer.ts

const asObject = (value) => value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
const asString = (value) => typeof value === 'string' && value !== '' ? value : undefined;
/**
 * Reads a configuration out of the status answer, a submit answer ({config}) or an older job
 * answer ({jobData: {config}}). `lookupName` is the name it was read by (or submitted under);
 * the answer's own `name`, Adobe's internal one, is kept as `adobeName`.
 */
function parseConfigAnswer(call, body, lookupName) {
    const root = asObject(body);
    const config = asObject(root?.config) ??
        asObject(asObject(root?.jobData)?.config) ??
        (root?.configData ? root : undefined);
    if (!config)
        throw new service_error/* ServiceError */._(call, 200, 'the answer holds no configuration');
    const status = asString(config.status) ?? (config === root ? undefined : 'NEW');
    if (!status)
        throw new service_error/* ServiceError */._(call, 200, 'the configuration in the answer has no status');
    const data = asObject(config.configData) ?? {};
    return {
        name: lookupName,
        adobeName: asString(config.name),
        status: status,
        keyVaultKeyIdentifier: asString(data.keyVaultKeyIdentifier),
        keyVaultUri: asString(data.keyVaultUri),
        keyName: asString(data.keyName),
        keyVersion: asString(data.keyVersion)
    };
}

// EXTERNAL MODULE: ./src/safety/describe-value.ts
var describe_value = __webpack_require__(4933);
// EXTERNAL MODULE: ./src/model/identifiers.ts
var identifiers = __webpack_require__(93937);
// EXTERNAL MODULE: ./src/safety/neutralize.ts
var neutralize = __webpack_require__(77059);
;// CONCATENATED MODULE: ./src/clients/adobe/registration-answer.ts




/**
 * Reads the CMK app registration out of a 200 answer of the registration GET. Only a 404 means
 * "not registered" (Adobe documents no other not-registered answer); a 200 must name the app by
 * its application id, a GUID. Anything else (an empty body, `{}`, `applicationId: null`, an id
 * that is not a GUID) is an error that quotes what came back, and never reads as "not
 * registered": that would make setup register again.
 */
function parseRegistrationAnswer(call, body) {
    const b = body && typeof body === 'object' && !Array.isArray(body)
        ? body
        : undefined;
    if (!b || !(0,identifiers/* isGuid */.W)(b.applicationId))
        throw new service_error/* ServiceError */._(call, 200, `unexpected answer ${quote(body)}: a registration needs an applicationId (a GUID); only a 404 means the CMK app is not registered`);
    const redirectUrl = b.applicationRedirectUrl;
    if (redirectUrl !== undefined && redirectUrl !== null && !isHttpsUrl(redirectUrl))
        throw new service_error/* ServiceError */._(call, 200, `unexpected applicationRedirectUrl ${quote(redirectUrl)}: not an https URL`);
    return {
        applicationId: b.applicationId,
        applicationRedirectUrl: typeof redirectUrl === 'string' ? redirectUrl : undefined,
        name: typeof b.name === 'string' ? b.name : undefined
    };
}
function isHttpsUrl(value) {
    if (typeof value !== 'string' || /[\s\p{Cc}]/u.test(value))
        return false;
    try {
        return new URL(value).protocol === 'https:';
    }
    catch {
        return false;
    }
}
/** What came back, short and on one line. */
function quote(value) {
    if (value === undefined)
        return '(an empty body)';
    const text = (0,describe_value/* describeValue */.b)(value);
    return (0,neutralize/* neutralize */.Y)(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

;// CONCATENATED MODULE: ./src/clients/adobe/platform-client.ts




const REGISTRATION_PATH = '/data/infrastructure/manager/byok/app-registration';
const CONFIG_PATH = '/data/infrastructure/manager/customer/config';
/** Adobe Experience Platform's CMK endpoints. */
class PlatformClient {
    baseUrl;
    orgId;
    token;
    http;
    constructor(baseUrl, orgId, token, http) {
        this.baseUrl = baseUrl;
        this.orgId = orgId;
        this.token = token;
        this.http = http;
    }
    async send(request) {
        return (0,json_request/* requestJson */.S)({
            ...request,
            url: this.baseUrl + request.path,
            headers: {
                Authorization: `Bearer ${await this.bearer(request.call)}`,
                'x-api-key': 'acp_provisioning',
                'x-gw-ims-org-id': this.orgId
            },
            http: this.http
        });
    }
    /**
     * The IMS token for a call. A token failure is reported as the call's failure (callers name
     * their reads), with a message that says it was the token request and why.
     */
    async bearer(call) {
        try {
            return await this.token();
        }
        catch (error) {
            if (!(error instanceof service_error/* ServiceError */._))
                throw error;
            throw new service_error/* ServiceError */._(call, error.status, `no Adobe access token: ${error.message}`, error.retryAfterMs);
        }
    }
    /** null when the organisation has no CMK app registration yet. */
    async getRegistration() {
        const { status, body } = await this.send({
            call: 'Adobe GET CMK app registration',
            method: 'GET',
            path: REGISTRATION_PATH,
            allow404: true
        });
        return status === 404 ? null : parseRegistrationAnswer('Adobe GET CMK app registration', body);
    }
    async registerApp() {
        await this.send({
            call: 'Adobe POST CMK app registration',
            method: 'POST',
            path: REGISTRATION_PATH
        });
    }
    /** null when the service has no configuration of that name. */
    async getConfig(name) {
        const call = 'Adobe GET configuration status';
        const { status, body } = await this.send({
            call,
            method: 'GET',
            path: `${CONFIG_PATH}/${encodeURIComponent(name)}?configType=BYOK_CONFIG`,
            allow404: true
        });
        return status === 404 ? null : parseConfigAnswer(call, body, name);
    }
    async submitConfig(submission) {
        const call = 'Adobe POST configuration';
        const configData = submission.payloadFormat === 'legacy'
            ? {
                providerType: 'AZURE_KEYVAULT',
                keyVaultUri: submission.keyIdentifier,
                keyName: submission.keyName
            }
            : { providerType: 'AZURE_KEYVAULT', keyVaultKeyIdentifier: submission.keyIdentifier };
        const { body } = await this.send({
            call,
            method: 'POST',
            path: CONFIG_PATH,
            json: { name: submission.name, type: 'BYOK_CONFIG', imsOrgId: this.orgId, configData }
        });
        return parseConfigAnswer(call, body, submission.name);
    }
}

// EXTERNAL MODULE: ./src/safety/secrets.ts
var secrets = __webpack_require__(81455);
;// CONCATENATED MODULE: ./src/clients/adobe/ims-token.ts



/** Gets the IMS access token once: a ready token, or the OAuth Server-to-Server client-credentials grant. */
async function fetchAdobeToken(credential, imsEndpoint, http) {
    if (credential.kind === 'access-token')
        return credential.accessToken;
    const { body } = await (0,json_request/* requestJson */.S)({
        call: 'Adobe IMS token request',
        method: 'POST',
        // A token grant stores nothing: safe to send again after a 5xx or a lost answer.
        idempotent: true,
        url: `${imsEndpoint}/ims/token/v3`,
        form: {
            grant_type: 'client_credentials',
            client_id: credential.clientId,
            client_secret: credential.clientSecret,
            scope: credential.scopes.join(',')
        },
        http
    });
    const token = body?.access_token;
    if (typeof token !== 'string' || token === '')
        throw new service_error/* ServiceError */._('Adobe IMS token request', 200, 'the answer has no access_token');
    (0,secrets/* registerSecret */.cl)(token);
    return token;
}

// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 172 modules
var identity_dist_esm = __webpack_require__(39907);
// EXTERNAL MODULE: ./src/clients/azure/sdk-client-options.ts + 2 modules
var sdk_client_options = __webpack_require__(93326);
;// CONCATENATED MODULE: ./src/clients/azure/azure-cli-credential.ts

/**
 * The Azure CLI credential, bounded: each `az account get-access-token` may take at most
 * `timeoutMs` (the per-try HTTP timeout, 30 s unless tuned). AzureCliCredential ignores the abort
 * signal, so without a bound an `az` waiting on a network that never answers holds the sign-in
 * until the run's deadline. 30 s is long enough: az starts in a few seconds (Python and its
 * modules) and then needs at most a token refresh, one or two requests to Entra, each of which
 * our own HTTP calls would also give up on after the same per-try timeout.
 *
 * The identity library runs az through child_process.exec with `timeout`, which kills it and
 * then fails parsing the empty output ("Unexpected end of JSON input"), or quotes whatever az
 * printed on stderr by then. Neither says what happened, so a failure that comes after the
 * bound is reported as the time-out it is.
 *
 * A token request that timed out is not retried: az hangs on what does not change within a
 * run (an unreachable Entra, a proxy that swallows the request), so a second try would most
 * likely hang as long again and double the wait for the same answer.
 */
class BoundedAzureCliCredential {
    inner;
    timeoutMs;
    now;
    constructor(inner, timeoutMs, now = Date.now) {
        this.inner = inner;
        this.timeoutMs = timeoutMs;
        this.now = now;
    }
    async getToken(scopes, options) {
        const started = this.now();
        try {
            return await this.inner.getToken(scopes, options);
        }
        catch (error) {
            // exec's timer starts after ours, so a kill always shows here as elapsed >= the bound.
            if (this.now() - started >= this.timeoutMs)
                throw azureCliTimeout(this.timeoutMs);
            throw error;
        }
    }
}
function createAzureCliCredential(tenantId, timeoutMs) {
    const inner = new identity_dist_esm/* AzureCliCredential */.nG({
        ...(tenantId && { tenantId }),
        processTimeoutInMs: timeoutMs
    });
    return new BoundedAzureCliCredential(inner, timeoutMs);
}
/** The error a timed-out az becomes; azure.sign-in recognises its wording. */
function azureCliTimeout(timeoutMs) {
    return new Error(`az account get-access-token did not finish within ${timeoutMs / 1000} s and was stopped`);
}

;// CONCATENATED MODULE: ./src/clients/azure/github-id-token.ts

const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
/**
 * A GitHub ID token is reused only while its own `exp` is further away than this: Entra must
 * never receive one that expires on the way. GitHub documents no lifetime (about 5 minutes seen),
 * so the token's claim decides, not a fixed reuse window.
 */
const ID_TOKEN_EXPIRY_MARGIN_MS = 60_000;
/**
 * The assertion callback for ClientAssertionCredential. It is called for every Entra token
 * request (MSAL may call it more than once per request), so it fetches the ID token there,
 * never at start-up; concurrent calls share one fetch, and a fetched token is reused while its
 * `exp` claim leaves {@link ID_TOKEN_EXPIRY_MARGIN_MS}. A token without a readable `exp` is
 * never reused.
 */
function githubIdTokenAssertion(fetchIdToken, now = Date.now, onToken = () => undefined) {
    let current;
    return () => {
        if (current &&
            (current.expiresAtMs === 'pending' || current.expiresAtMs - now() > ID_TOKEN_EXPIRY_MARGIN_MS))
            return current.token;
        const entry = {
            token: fetchIdToken(AZURE_TOKEN_EXCHANGE_AUDIENCE).then(value => {
                (0,secrets/* registerSecret */.cl)(value);
                onToken(value);
                entry.expiresAtMs = expiresAtMs(value) ?? -Infinity;
                return value;
            }),
            expiresAtMs: 'pending'
        };
        current = entry;
        entry.token.catch(() => {
            if (current === entry)
                current = undefined;
        });
        return entry.token;
    };
}
/** The `exp` claim of a JWT, in ms since the epoch; undefined when it cannot be read. */
function expiresAtMs(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const exp = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).exp;
        return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/safety/error-message.ts
var error_message = __webpack_require__(49194);
;// CONCATENATED MODULE: ./src/clients/azure/shared-token-credential.ts



const REFRESH_MARGIN_MS = 2 * 60 * 1000;
/**
 * Wraps a credential so that concurrent and repeated requests for the same scope and tenant
 * share one token request: several SDK clients and the pre-warm ask at once, and the
 * identity library would otherwise send one token request for each.
 */
class SharedTokenCredential {
    inner;
    homeTenantId;
    runSignal;
    tokens = new Map();
    constructor(inner, 
    /** The credential's own tenant: a request naming it is the same as one naming none. */
    homeTenantId, 
    /**
     * The run's deadline. One token request serves several callers, so it carries the run's
     * signal rather than any one caller's: the deadline cancels it, and nothing else does.
     */
    runSignal) {
        this.inner = inner;
        this.homeTenantId = homeTenantId;
        this.runSignal = runSignal;
    }
    getToken(scopes, options) {
        const list = Array.isArray(scopes) ? scopes : [scopes];
        const tenant = options?.tenantId === this.homeTenantId ? '' : (options?.tenantId ?? '');
        const cacheKey = `${tenant}|${list.join(' ')}`;
        const cached = this.tokens.get(cacheKey);
        if (cached) {
            return cached.then(token => token && token.expiresOnTimestamp - Date.now() > REFRESH_MARGIN_MS
                ? token
                : this.fetch(cacheKey, list, options));
        }
        return this.fetch(cacheKey, list, options);
    }
    fetch(cacheKey, scopes, options) {
        const pending = this.inner
            .getToken(scopes, { ...options, ...(this.runSignal && { abortSignal: this.runSignal }) })
            .then(token => {
            (0,secrets/* registerSecret */.cl)(token?.token);
            return token;
        }, (error) => {
            // The SDKs would otherwise blame the ARM or Key Vault call for a failed sign-in.
            const message = this.runSignal?.aborted
                ? 'cancelled: the run reached its deadline'
                : ((0,error_message/* errorMessage */.g)(error).split('\n')[0] ?? '');
            throw new service_error/* ServiceError */._(`Entra token request (${scopes.join(' ')})`, undefined, message);
        });
        this.tokens.set(cacheKey, pending);
        pending.catch(() => {
            if (this.tokens.get(cacheKey) === pending)
                this.tokens.delete(cacheKey);
        });
        return pending;
    }
}

;// CONCATENATED MODULE: ./src/clients/azure/credential.ts






const KNOWN_AUTHORITY_HOSTS = [
    'login.microsoftonline.com',
    'login.microsoftonline.us',
    'login.chinacloudapi.cn',
    'login.partner.microsoftonline.cn'
];
/** Picks the credential explicitly; DefaultAzureCredential's probing is slow and confusing in CI. */
function createAzureCredential(identity, authorityHost, http, 
/** Fetches a GitHub ID token (the host's), for oidc. */
fetchIdToken, 
/** Told each GitHub ID token the oidc method fetched, e.g. to report the subject it presented. */
onIdToken) {
    // MSAL knows the public clouds' metadata; anything else must not be "discovered" through them.
    const common = {
        ...(0,sdk_client_options/* azureClientOptions */.r)('token', http),
        authorityHost,
        disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.includes(new URL(authorityHost).hostname)
    };
    let inner;
    switch (identity.auth) {
        case 'oidc':
            inner = new identity_dist_esm/* ClientAssertionCredential */.XI(identity.tenantId, identity.clientId, githubIdTokenAssertion(fetchIdToken, undefined, onIdToken), common);
            break;
        case 'secret':
            (0,secrets/* registerSecret */.cl)(identity.clientSecret);
            inner = new identity_dist_esm/* ClientSecretCredential */.HC(identity.tenantId, identity.clientId, identity.clientSecret, common);
            break;
        case 'managed-identity':
            inner = identity.clientId
                ? new identity_dist_esm/* ManagedIdentityCredential */.NC({
                    ...(0,sdk_client_options/* azureClientOptions */.r)('token', http),
                    clientId: identity.clientId
                })
                : new identity_dist_esm/* ManagedIdentityCredential */.NC((0,sdk_client_options/* azureClientOptions */.r)('token', http));
            break;
        case 'cli':
            inner = createAzureCliCredential(identity.tenantId, http.tuning.httpTimeoutMs);
            break;
    }
    return new SharedTokenCredential(inner, identity.tenantId, http.signal);
}

// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var core_rest_pipeline_dist_esm = __webpack_require__(1818);
// EXTERNAL MODULE: ./node_modules/@azure/keyvault-common/dist/esm/index.js + 5 modules
var keyvault_common_dist_esm = __webpack_require__(20357);
// EXTERNAL MODULE: ./src/clients/http/capped-pages.ts
var capped_pages = __webpack_require__(17233);
;// CONCATENATED MODULE: ./src/clients/azure/managed-hsm-rbac-client.ts




/**
 * The data-plane RBAC api-version (azure-rest-api-specs, specification/keyvault/data-plane,
 * stable/7.5/rbac.json: RoleAssignments_ListForScope, RoleDefinitions_Get, RoleAssignments_Create).
 */
const HSM_RBAC_API_VERSION = '7.5';
/**
 * Pages of one scope's local role assignments read before the listing fails. A Managed HSM holds
 * at most 50 role assignments at HSM scope and 10 at each key's scope, with at most 5,000 keys
 * (Key Vault service limits, "Resource type: Managed HSM"), so 50,050 even if a listing at `/`
 * returned every key's too; rbac.json documents no page size: 1,000 pages hold them all at 51 a
 * page, and the scopes the action lists hold 60.
 */
const HSM_ROLE_ASSIGNMENT_PAGES = 1_000;
/**
 * A Managed HSM's local RBAC (`https://<hsm>.managedhsm.azure.net`), the calls
 * `@azure/keyvault-admin` makes, on the Azure SDK pipeline (retries, our per-try timeout and
 * debug log) with Key Vault's challenge authentication: the first request goes without a token,
 * the HSM answers 401 naming its tenant and `https://managedhsm.azure.net`, and the policy asks
 * the credential for that scope. Errors are RestErrors carrying the service's `{error}` body.
 */
class ManagedHsmRbacClient {
    pipeline;
    httpClient;
    base;
    constructor(hsmUri, credential, http) {
        this.base = hsmUri.replace(/\/+$/, '');
        const options = (0,sdk_client_options/* azureClientOptions */.r)('api', http);
        this.pipeline = (0,core_rest_pipeline_dist_esm/* createPipelineFromOptions */.Fp)(options);
        this.pipeline.addPolicy((0,keyvault_common_dist_esm/* keyVaultAuthenticationPolicy */.sO)(credential));
        for (const { policy } of options.additionalPolicies)
            this.pipeline.addPolicy(policy, { afterPhase: 'Sign' });
        this.httpClient = (0,core_rest_pipeline_dist_esm/* createDefaultHttpClient */.fl)();
    }
    /** Role assignments at `scope` (every page, at most HSM_ROLE_ASSIGNMENT_PAGES). */
    async listRoleAssignments(scope, abortSignal) {
        const assignments = [];
        const call = `Managed HSM list local role assignments at ${scope}`;
        const pages = this.roleAssignmentPages(scope, abortSignal);
        for await (const page of (0,capped_pages/* cappedPages */.y)(pages, call, HSM_ROLE_ASSIGNMENT_PAGES))
            assignments.push(...page);
        return assignments;
    }
    /** The pages of `scope`'s role assignments, following same-origin nextLinks. */
    async *roleAssignmentPages(scope, abortSignal) {
        let url = this.url(scope, 'roleAssignments');
        while (url) {
            const page = await this.send('GET', url, abortSignal);
            yield page.value ?? [];
            url = page.nextLink ? this.sameOrigin(page.nextLink) : undefined;
        }
    }
    /** A role definition by its GUID; Managed HSM keeps every definition at scope `/`. */
    getRoleDefinition(guid, abortSignal) {
        return this.send('GET', this.url('/', `roleDefinitions/${encodeURIComponent(guid)}`), abortSignal);
    }
    /**
     * Assigns a role at `scope` under `name` (any GUID; a deterministic one makes a re-run find
     * it). `roleDefinitionId` is the definition's id, e.g.
     * `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/<guid>`.
     */
    createRoleAssignment(scope, name, assignment, abortSignal) {
        return this.send('PUT', this.url(scope, `roleAssignments/${encodeURIComponent(name)}`), abortSignal, { properties: assignment });
    }
    url(scope, tail) {
        const prefix = scope === '/' ? '' : scope.split('/').map(encodeURIComponent).join('/');
        return `${this.base}${prefix}/providers/Microsoft.Authorization/${tail}?api-version=${HSM_RBAC_API_VERSION}`;
    }
    /** A nextLink on another host would carry the HSM token elsewhere: refuse it. */
    sameOrigin(link) {
        if (new URL(link).origin !== new URL(this.base).origin)
            throw new core_rest_pipeline_dist_esm/* RestError */.pj(`the nextLink ${link} leaves ${this.base}`, { code: 'InvalidNextLink' });
        return link;
    }
    async send(method, url, abortSignal, body) {
        const request = (0,core_rest_pipeline_dist_esm/* createPipelineRequest */.G6)({
            url,
            method,
            abortSignal,
            headers: (0,core_rest_pipeline_dist_esm/* createHttpHeaders */.Nc)({
                accept: 'application/json',
                ...(body === undefined ? {} : { 'content-type': 'application/json' })
            }),
            ...(body === undefined ? {} : { body: JSON.stringify(body) })
        });
        const response = await this.pipeline.sendRequest(this.httpClient, request);
        let parsed;
        try {
            parsed = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
        }
        catch {
            parsed = undefined;
        }
        if (response.status >= 200 && response.status < 300 && parsed !== undefined)
            return parsed;
        const error = parsed?.error;
        const refusal = response.status === 403 ? firewallRefusalNote(error?.innererror?.code) : '';
        const restError = new core_rest_pipeline_dist_esm/* RestError */.pj(refusal +
            (error?.message ??
                `the service answered ${response.status} ${response.bodyAsText ?? ''}`.trim()), {
            statusCode: response.status,
            request,
            response,
            ...(error?.code ? { code: error.code } : {})
        });
        restError.details = parsed;
        throw restError;
    }
}
/**
 * A 403 the HSM's network rules gave, not its local RBAC: no local role (Policy Administrator or
 * any other) lets the runner through, a network rule does. Key Vault's data plane names the cause
 * in the inner error (ForbiddenByFirewall, ForbiddenByConnection); the note, put first so that
 * the first line of the message carries it, names the fix.
 */
function firewallRefusalNote(innerCode) {
    if (innerCode === 'ForbiddenByFirewall')
        return "the HSM's firewall refused the runner (add the runner's address to the HSM's networkAcls.ipRules, or run from a network it allows; no local role changes this): ";
    if (innerCode === 'ForbiddenByConnection')
        return "the HSM's public network access is disabled (enable it with a firewall that allows the runner, or run from its private endpoint's network; no local role changes this): ";
    return '';
}

// EXTERNAL MODULE: ./src/clients/http/jwt-claims.ts
var jwt_claims = __webpack_require__(32792);
;// CONCATENATED MODULE: ./src/clients/services.ts











function createServices(settings, signal, host) {
    let presented;
    const http = { signal, log: host.log, tuning: settings.tuning };
    const credential = createAzureCredential(settings.azure, settings.endpoints.authorityHost, http, host.idToken, idToken => {
        const claims = (0,jwt_claims/* jwtClaims */.v)(idToken);
        const audience = claims?.aud;
        presented = {
            subject: (0,jwt_claims/* stringClaim */.E)(claims, 'sub'),
            issuer: (0,jwt_claims/* stringClaim */.E)(claims, 'iss'),
            audience: Array.isArray(audience) ? audience.join(',') : (0,jwt_claims/* stringClaim */.E)(claims, 'aud')
        };
    });
    const arm = settings.endpoints.arm;
    const armScope = `${arm}/.default`;
    let adobeToken;
    const token = () => (adobeToken ??= fetchAdobeToken(settings.adobe, settings.endpoints.ims, http).catch(error => {
        adobeToken = undefined;
        throw error;
    }));
    const hsmClients = new Map();
    return {
        endpoints: { arm, graph: settings.endpoints.graph },
        credential,
        keyVaultManagement: new esm/* KeyVaultManagementClient */.ch(credential, settings.subscriptionId, {
            ...(0,sdk_client_options/* azureClientOptions */.r)('api', http),
            endpoint: arm,
            credentials: { scopes: [armScope] }
        }),
        resources: new arm_resources_dist_esm/* ResourceManagementClient */.h0(credential, settings.subscriptionId, {
            ...(0,sdk_client_options/* azureClientOptions */.r)('api', http),
            endpoint: arm,
            credentials: { scopes: [armScope] }
        }),
        authorization: new dist/* AuthorizationManagementClient */.IK(credential, settings.subscriptionId, {
            ...(0,sdk_client_options/* azureClientOptions */.r)('api', http),
            endpoint: arm,
            credentialScopes: [armScope]
        }),
        monitor: new dist_esm/* MonitorClient */.UK(credential, settings.subscriptionId, {
            ...(0,sdk_client_options/* azureClientOptions */.r)('api', http),
            endpoint: arm,
            credentials: { scopes: [armScope] }
        }),
        locks: new arm_locks_dist/* ManagementLockClient */.Sd(credential, settings.subscriptionId, {
            ...(0,sdk_client_options/* azureClientOptions */.r)('api', http),
            endpoint: arm,
            credentialScopes: [armScope]
        }),
        managedHsmRbac: hsmUri => {
            let client = hsmClients.get(hsmUri);
            if (!client)
                hsmClients.set(hsmUri, (client = new ManagedHsmRbacClient(hsmUri, credential, http)));
            return client;
        },
        platform: new PlatformClient(settings.endpoints.platform, settings.adobeOrgId, token, http),
        adobeToken: token,
        presentedIdToken: () => presented,
        http,
        signal
    };
}


/***/ })

};
