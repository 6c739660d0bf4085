export const id = 644;
export const ids = [644];
export const modules = {

/***/ 46644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSetup: () => (/* binding */ runSetup)
});

// EXTERNAL MODULE: ./src/facts/read-error.ts
var read_error = __webpack_require__(58784);
// EXTERNAL MODULE: ./src/clients/http/service-error.ts
var service_error = __webpack_require__(1537);
// EXTERNAL MODULE: ./src/checks/finding-list.ts
var finding_list = __webpack_require__(80637);
// EXTERNAL MODULE: ./src/checks/vault-checks.ts
var vault_checks = __webpack_require__(18359);
// EXTERNAL MODULE: ./src/model/facts.ts
var model_facts = __webpack_require__(1374);
// EXTERNAL MODULE: ./src/facts/gather-facts.ts + 5 modules
var gather_facts = __webpack_require__(19454);
// EXTERNAL MODULE: ./src/clients/azure/vault-reader.ts
var vault_reader = __webpack_require__(36366);
// EXTERNAL MODULE: ./src/checks/ipv4.ts
var ipv4 = __webpack_require__(6558);
;// CONCATENATED MODULE: ./src/actions/allow-adobe-ip.ts



/**
 * Adds Adobe's monitoring address to the firewall of a Key Vault (`vaults.update`) or a Managed
 * HSM (`managedHsms.update`): reads the resource afresh, then writes its networkAcls back with one
 * more IP rule, every other rule and setting as read (a PATCH replaces networkAcls as a whole, so
 * sending only the new rule would drop the others). Public network access is never changed:
 * enabling it would widen access, which remediation never does.
 */
async function allowAdobeIp(client, vault, abortSignal) {
    const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/(?:vaults|managedHSMs)\/([^/]+)$/i.exec(vault.id);
    if (!m)
        throw new service_error/* ServiceError */._('ARM update vault firewall', undefined, `not a vault id: ${vault.id}`);
    const [, resourceGroup, name] = m;
    const options = { abortSignal };
    if (vault.kind === 'managed-hsm') {
        const hsm = await client.managedHsms.get(resourceGroup, name, options);
        return addRule(hsm.properties, async (networkAcls) => {
            const updated = await client.managedHsms.update(resourceGroup, name, { properties: { networkAcls } }, options);
            return updated.properties?.networkAcls?.ipRules;
        });
    }
    const read = await client.vaults.get(resourceGroup, name, options);
    return addRule(read.properties, async (networkAcls) => {
        const updated = await client.vaults.update(resourceGroup, name, { properties: { networkAcls } }, options);
        return updated.properties?.networkAcls?.ipRules;
    });
}
/** Decides from the settings as read, and writes them back with the address added when needed. */
async function addRule(settings, write) {
    if (settings?.publicNetworkAccess?.toLowerCase() === 'disabled')
        return { kind: 'public-access-disabled' };
    const acls = settings?.networkAcls;
    if (!acls || acls.defaultAction?.toLowerCase() !== 'deny')
        return { kind: 'not-needed' };
    const rules = acls.ipRules ?? [];
    const allowing = rules.find(rule => (0,ipv4/* ipv4RuleAllows */.c)(rule.value, vault_checks/* ADOBE_MONITORING_IP */.fL));
    if (allowing)
        return { kind: 'already-allowed', rule: allowing.value };
    const ipRules = await write({ ...acls, ipRules: [...rules, { value: vault_checks/* ADOBE_MONITORING_IP */.fL }] });
    return { kind: 'added', ipRules: (ipRules ?? []).map(rule => rule.value) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/actions/role-assignment-name.ts

/** This action's own UUIDv5 namespace, so its names never collide with another tool's. */
const NAMESPACE = 'b7b4c1f2-5d0e-4c8a-9f3e-2a6d1c0b9e47';
/**
 * The role assignment's name (a GUID, as ARM requires): a UUIDv5 (RFC 9562) of the scope, the
 * role definition's GUID and the principal, all lower-cased. The same three always give the same
 * name, so a re-run PUTs the assignment it made before instead of making a second one (Bicep's
 * guid(scope, principal, role) idiom).
 */
function roleAssignmentName(scope, roleDefinitionId, principalId) {
    const roleGuid = roleDefinitionId.replace(/\/+$/, '').split('/').pop() ?? roleDefinitionId;
    const name = [scope.replace(/\/+$/, ''), roleGuid, principalId]
        .map(part => part.toLowerCase())
        .join('|');
    const bytes = (0,external_node_crypto_.createHash)('sha1')
        .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest()
        .subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// EXTERNAL MODULE: ./src/clients/http/sleep.ts
var sleep = __webpack_require__(71766);
;// CONCATENATED MODULE: ./src/actions/poll-schedule.ts

const MAX_POLL_INTERVAL_MS = 60_000;
/** The wait before poll number `n` (1-based): the first interval, growing by half each time, capped at 60 s. */
function pollIntervalMs(firstIntervalMs, n) {
    return Math.min(MAX_POLL_INTERVAL_MS, Math.round(firstIntervalMs * 1.5 ** (n - 1)));
}
const realClock = { now: Date.now, sleep: sleep/* sleep */.y };
/**
 * Reads until `isDone` or until `timeoutMs` has passed; the last wait is shortened so that the
 * final read happens at the deadline rather than after it.
 */
async function pollUntil(read, isDone, options) {
    const clock = options.clock ?? realClock;
    const deadline = clock.now() + options.timeoutMs;
    for (let n = 1;; n++) {
        const remaining = deadline - clock.now();
        if (remaining > 0)
            await clock.sleep(Math.min(pollIntervalMs(options.firstIntervalMs, n), remaining), options.signal);
        options.signal?.throwIfAborted();
        const value = await read();
        options.onRead?.(value);
        if (isDone(value))
            return { done: true, value };
        if (clock.now() >= deadline)
            return { done: false, value, timedOut: true };
    }
}

;// CONCATENATED MODULE: ./src/actions/until-principal-visible.ts

/**
 * Runs `write` until the service can see the principal it names: a principal created moments ago
 * is not visible at once (ARM answers 400 PrincipalNotFound, even with principalType set), so the
 * write is repeated with growing waits until timeoutMs has passed, the last attempt at the
 * deadline. Any other error is thrown at once. Returns the result and the number of attempts.
 */
async function untilPrincipalVisible(write, options) {
    const clock = options.clock ?? realClock;
    const deadline = clock.now() + options.timeoutMs;
    for (let attempt = 1;; attempt++) {
        try {
            return { result: await write(), attempts: attempt };
        }
        catch (error) {
            const remaining = deadline - clock.now();
            if (error.code !== 'PrincipalNotFound' || remaining <= 0)
                throw error;
            await clock.sleep(Math.min(pollIntervalMs(options.firstIntervalMs, attempt), remaining), options.signal);
            options.signal.throwIfAborted();
        }
    }
}

;// CONCATENATED MODULE: ./src/actions/assign-hsm-role.ts


/** Managed HSM Crypto Service Encryption User (local RBAC): keys read, wrap, unwrap. */
const HSM_CRYPTO_SERVICE_ENCRYPTION_USER_GUID = '33413926-3206-4cdd-b39a-83574fe37a17';
/**
 * Assigns Managed HSM Crypto Service Encryption User to the principal at `/keys/<key>` in the
 * HSM's local RBAC, under a name derived from the HSM, scope, role and principal so that a re-run
 * PUTs the same assignment. rbac.json documents no conflict answer; a 409 is taken as "that
 * principal holds that role there" like ARM's RoleAssignmentExists. PrincipalNotFound, should the
 * HSM answer it for a new principal, is waited out like ARM's.
 */
async function assignHsmKeyRole(client, hsmUri, keyName, principalId, options) {
    const scope = `/keys/${keyName}`;
    const roleDefinitionId = `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/${HSM_CRYPTO_SERVICE_ENCRYPTION_USER_GUID}`;
    const base = hsmUri.replace(/\/+$/, '');
    const name = roleAssignmentName(`${base}${scope}`, roleDefinitionId, principalId);
    let attempts = 0;
    try {
        const done = await untilPrincipalVisible(() => {
            attempts++;
            return client.createRoleAssignment(scope, name, { roleDefinitionId, principalId }, options.signal);
        }, options);
        const id = done.result.id || `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
        return { kind: 'created', id: `${base}${id}`, attempts: done.attempts };
    }
    catch (error) {
        if (error.statusCode === 409)
            return { kind: 'already-present', attempts };
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/actions/assign-vault-role.ts


/** Key Vault Crypto Service Encryption User: keys read, wrapKey, unwrapKey. */
const CRYPTO_SERVICE_ENCRYPTION_USER_GUID = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';
/**
 * Assigns Key Vault Crypto Service Encryption User to the principal at the vault, under a name
 * derived from scope, role and principal so that a re-run PUTs the same assignment; ARM's 409
 * RoleAssignmentExists is success. PrincipalNotFound is waited out (untilPrincipalVisible).
 */
async function assignVaultRole(client, vaultId, principalId, options) {
    const subscription = /^\/subscriptions\/[^/]+/i.exec(vaultId)?.[0] ?? '';
    const roleDefinitionId = `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_ENCRYPTION_USER_GUID}`;
    const name = roleAssignmentName(vaultId, roleDefinitionId, principalId);
    const ownId = `${vaultId}/providers/Microsoft.Authorization/roleAssignments/${name}`;
    let attempts = 0;
    try {
        const done = await untilPrincipalVisible(() => {
            attempts++;
            return client.roleAssignments.create(vaultId, name, { roleDefinitionId, principalId, principalType: 'ServicePrincipal' }, { abortSignal: options.signal });
        }, options);
        return { kind: 'created', id: done.result.id ?? ownId, attempts: done.attempts };
    }
    catch (error) {
        // Not any 409: RoleAssignmentUpdateNotPermitted (the name used otherwise) is a failure.
        if (error.code === 'RoleAssignmentExists')
            return { kind: 'already-present', attempts };
        throw error;
    }
}

// EXTERNAL MODULE: ./src/clients/azure/graph-reader.ts
var graph_reader = __webpack_require__(32746);
// EXTERNAL MODULE: ./src/clients/http/json-request.ts + 1 modules
var json_request = __webpack_require__(70955);
// EXTERNAL MODULE: ./src/safety/neutralize.ts
var neutralize = __webpack_require__(77059);
;// CONCATENATED MODULE: ./src/actions/create-service-principal.ts





const CREATE_SERVICE_PRINCIPAL_CALL = 'Microsoft Graph POST service principal';
/**
 * Creates the CMK app's service principal in the tenant the credential signs in to: Graph's
 * `POST /v1.0/servicePrincipals {"appId"}`, what the consent link and `az ad sp create --id` do.
 * Not retried on failure (a POST may have been stored); a 409 is read back instead.
 *
 * An answer is believed only as far as it matches the request: a created principal whose `appId`
 * is not the CMK app's is refused, and the object id returned is always the one read back by the
 * CMK app's `appId` (never the create answer's), so a role is only ever granted to the CMK app.
 * Graph is eventually consistent, so the read-back waits for the new principal (within `wait`).
 */
async function createServicePrincipal(credential, graphEndpoint, appId, http, wait) {
    const token = await credential.getToken(`${graphEndpoint}/.default`, {
        abortSignal: http.signal
    });
    if (!token)
        throw new service_error/* ServiceError */._('Microsoft Graph token request', undefined, 'no token returned');
    try {
        const { status, body } = await (0,json_request/* requestJson */.S)({
            call: CREATE_SERVICE_PRINCIPAL_CALL,
            method: 'POST',
            url: `${graphEndpoint}/v1.0/servicePrincipals`,
            headers: { Authorization: `Bearer ${token.token}` },
            json: { appId },
            http
        });
        const answer = body;
        if (typeof answer?.id !== 'string')
            throw new service_error/* ServiceError */._(CREATE_SERVICE_PRINCIPAL_CALL, status, 'the answer has no id');
        if (typeof answer.appId === 'string' && answer.appId.toLowerCase() !== appId.toLowerCase())
            throw new service_error/* ServiceError */._(CREATE_SERVICE_PRINCIPAL_CALL, status, `the answer names application ${(0,neutralize/* neutralize */.Y)(answer.appId)}, not the CMK app ${appId}: refused, nothing is granted to it`);
    }
    catch (error) {
        // Graph answers 409 Request_MultipleObjectsWithSameKeyValue when the app already has one.
        if (!(error instanceof service_error/* ServiceError */._) || error.status !== 409)
            throw error;
        const existing = await (0,graph_reader/* readServicePrincipal */.K)(credential, graphEndpoint, appId, http);
        if (!existing)
            throw error;
        return { kind: 'already-present', objectId: existing.objectId };
    }
    const readBack = () => (0,graph_reader/* readServicePrincipal */.K)(credential, graphEndpoint, appId, http);
    const first = await readBack();
    const visible = first ?? (await pollUntil(readBack, principal => principal !== null, wait)).value;
    if (!visible)
        throw new service_error/* ServiceError */._('Microsoft Graph GET service principal', 404, `the service principal created for the CMK app ${appId} could not be read back by its application id within the wait; re-run the job`);
    return { kind: 'created', objectId: visible.objectId };
}

;// CONCATENATED MODULE: ./src/actions/config-plan.ts

/**
 * What setup does about the configuration it read: submit when there is none or the last one
 * FAILED, follow one that is in progress, leave a COMPLETED one alone. A configuration for
 * another vault or key never gets here: the config.key check fails first.
 */
function planConfig(existing) {
    if (!existing || existing.status === 'FAILED')
        return 'submit';
    if ((0,model_facts/* isInProgress */.LT)(existing.status))
        return 'poll';
    return 'nothing';
}

;// CONCATENATED MODULE: ./src/actions/lost-write.ts

/**
 * How long a write whose answer was lost (a reset, a timeout, a 5xx, a 2xx that could not be
 * read) is looked for by reading the state back. The budget is its own: neither the remaining
 * wait-timeout-seconds nor anything else cuts it short (the run's deadline aside), since what
 * follows when nothing appears is never a second write in the same run.
 */
const LOST_WRITE_GRACE_MS = 30_000;
/**
 * Reads back after a write whose answer was lost, at the poll schedule, until `appeared` or the
 * grace period has passed.
 */
function readBackLostWrite(read, appeared, options) {
    return pollUntil(read, appeared, {
        firstIntervalMs: options.firstIntervalMs,
        timeoutMs: options.lostWriteGraceMs,
        clock: options.clock,
        signal: options.signal
    });
}
/** What the error of a lost write adds when nothing appeared: why setup does not write again. */
function notWrittenAgain(what, graceMs) {
    return `no ${what} appeared within ${Math.round(graceMs / 100) / 10} s of reading it back, and setup never writes twice in one run (it could duplicate it); re-run setup, which reads the current state first`;
}

;// CONCATENATED MODULE: ./src/actions/ensure-config.ts





/** Submits the key when needed, at most once per run, and follows the configuration to a final status. */
async function ensureConfig(platform, input) {
    let config = input.existing;
    let submitted = false;
    if (planConfig(config) === 'submit') {
        input.onSubmit?.();
        config = await submitOnce(platform, input);
        submitted = true;
    }
    if (!config)
        throw new Error('unreachable: no configuration after submission');
    input.onStatus?.(config);
    if (!(0,model_facts/* isInProgress */.LT)(config.status))
        return { config, submitted, timedOut: false };
    const outcome = await pollUntil(readStatus(platform, config), current => !(0,model_facts/* isInProgress */.LT)(current.status), {
        firstIntervalMs: input.firstIntervalMs,
        timeoutMs: input.timeoutMs,
        clock: input.clock,
        signal: input.signal,
        onRead: input.onStatus
    });
    return { config: outcome.value, submitted, timedOut: !outcome.done };
}
/**
 * Reads the status by the name it was submitted under, as Adobe documents. Adobe's answers carry
 * an internal name of their own: it is tried only when the submitted name answers 404 and an
 * answer named another, and then kept. This is right under both readings of the docs: where the
 * submitted name works (the documented case) the internal name is never used; where only the
 * internal name works, the run still follows its configuration instead of failing.
 */
function readStatus(platform, first) {
    let name = first.name;
    let fallback = first.adobeName !== first.name ? first.adobeName : undefined;
    return async () => {
        const current = await platform.getConfig(name);
        if (current) {
            if (current.adobeName && current.adobeName !== name)
                fallback ??= current.adobeName;
            return current;
        }
        if (fallback) {
            const other = await platform.getConfig(fallback);
            if (other) {
                name = fallback;
                fallback = undefined;
                return other;
            }
        }
        throw new service_error/* ServiceError */._('Adobe GET configuration status', 404, `configuration "${name}" disappeared while it was being applied`);
    };
}
/**
 * A POST whose answer was lost (timeout, reset, 5xx, a 2xx that could not be read, a 409) may
 * still have been stored: the configuration is read back for a grace period of its own and
 * followed from there. It is never submitted a second time in the same run.
 */
async function submitOnce(platform, input) {
    const submission = {
        name: input.name,
        keyIdentifier: input.keyIdentifier,
        keyName: input.keyName,
        payloadFormat: input.payloadFormat
    };
    try {
        return await platform.submitConfig(submission);
    }
    catch (error) {
        if (!(error instanceof service_error/* ServiceError */._))
            throw error;
        const accepted = error.status !== undefined && error.status < 300;
        const uncertain = error.retryable || error.status === 409 || accepted;
        if (!uncertain)
            throw error;
        // A FAILED configuration of that name is the one this submission replaces, not its result.
        const seen = await readBackLostWrite(() => platform.getConfig(input.name), stored => stored !== null && stored.status !== 'FAILED', input);
        if (seen.done && seen.value)
            return seen.value;
        throw new service_error/* ServiceError */._(error.call, error.status, `${error.serviceMessage}; ${notWrittenAgain(`configuration named "${input.name}"`, input.lostWriteGraceMs)}`);
    }
}

;// CONCATENATED MODULE: ./src/actions/register-app.ts



/**
 * Registers the CMK app (POST, no body) unless Adobe already has it, and reads the
 * registration until its consent URL appears, within timeoutMs. When the POST fails in a way
 * that may have reached Adobe, the registration is read back for a grace period of its own
 * (lostWriteGraceMs, not cut short by timeoutMs); it is never posted twice in one run.
 */
async function registerCmkApp(platform, existing, options) {
    const clock = options.clock ?? realClock;
    const deadline = clock.now() + options.timeoutMs;
    const remaining = () => ({ ...options, clock, timeoutMs: Math.max(0, deadline - clock.now()) });
    // A registration Adobe is still preparing (no consent URL yet) is waited for, not made again.
    if (!existing?.applicationId)
        await postRegistration(platform, remaining());
    const outcome = await pollUntil(() => platform.getRegistration(), registration => Boolean(registration?.applicationRedirectUrl), remaining());
    return { registration: outcome.value, timedOut: !outcome.done };
}
async function postRegistration(platform, options) {
    try {
        await platform.registerApp();
    }
    catch (error) {
        // A 2xx whose body could not be read was accepted; a network error, timeout or 5xx may have been.
        const mayHaveArrived = error instanceof service_error/* ServiceError */._ &&
            (error.retryable || (error.status !== undefined && error.status < 300));
        if (!mayHaveArrived)
            throw error;
        // Adobe registers asynchronously: a lost POST may show up only after a few reads.
        const seen = await readBackLostWrite(() => platform.getRegistration(), registration => registration !== null, options);
        if (!seen.done)
            throw new service_error/* ServiceError */._(error.call, error.status, `${error.serviceMessage}; ${notWrittenAgain('CMK app registration', options.lostWriteGraceMs)}`);
    }
}

;// CONCATENATED MODULE: ./src/model/log.ts
/** A log that drops everything: for callers that have nothing to say to a person. */
const silentLog = { debug: () => { }, info: () => { }, warning: () => { } };

// EXTERNAL MODULE: ./src/model/choices.ts
var choices = __webpack_require__(19545);
// EXTERNAL MODULE: ./src/checks/check-catalog.ts + 31 modules
var check_catalog = __webpack_require__(93194);
;// CONCATENATED MODULE: ./src/checks/repairs.ts


/** Each `remediate` item with the check it answers, read off the catalog. */
const REPAIR_OF = new Map((0,check_catalog/* checkDefinitions */.vs)().flatMap(check => check.repair ? [[check.repair.item, { ...check.repair, check: check.id }]] : []));
function repairOf(item) {
    const repair = REPAIR_OF.get(item);
    // A unit test holds every item of REPAIRS to exactly one check; this only satisfies the types.
    if (!repair)
        throw new Error(`no check in the catalog declares the repair ${item}`);
    return repair;
}
/** The check each repair answers. */
const REPAIR_CHECK = Object.fromEntries(choices/* REPAIRS */.vN.map(item => [item, repairOf(item).check]));
/** What the job's identity needs for each repair on each kind of vault, as the fix names it. */
function repairPermission(item, kind) {
    return repairOf(item).permission[kind];
}

;// CONCATENATED MODULE: ./src/actions/repair-outcome.ts
// The repairs' metadata lives in the check catalog (src/checks/definitions); src/actions keeps the
// writers. Re-exported under the names setup-flow imports.


;// CONCATENATED MODULE: ./src/actions/setup-flow.ts


















/**
 * The setup mode's sequence around the writers in src/actions: repairs what `remediate` allows
 * and the checks found broken, registers the CMK app when Adobe has none, re-reads the app's
 * access and repairs again what registering made decidable, then submits and follows the
 * configuration. Repairs wait for no other check; every other write stops while any check fails.
 */
async function runSetup(services, facts, evaluate, options = {}) {
    const { settings, platform } = services;
    const actions = [];
    const blockedBy = (findings) => (0,finding_list/* failedCheckIds */.WR)(findings, settings.strict).length > 0;
    const clock = options.clock ?? realClock;
    // The registration wait and the configuration wait share one wait-timeout-seconds budget.
    const waitDeadline = clock.now() + settings.waitTimeoutSeconds * 1000;
    const remainingWaitMs = () => Math.max(0, waitDeadline - clock.now());
    // Tests shorten the action's own waits (AEP_CMK_RETRY_SCALE); wait-timeout-seconds stays.
    const waitScale = settings.tuning.retryScale;
    const log = options.log ?? silentLog;
    const waitOptions = {
        firstIntervalMs: settings.pollIntervalSeconds * 1000 * waitScale,
        lostWriteGraceMs: LOST_WRITE_GRACE_MS * waitScale,
        clock,
        signal: services.signal
    };
    const repairs = {
        services,
        evaluate,
        attempted: new Set(),
        outcomes: [],
        actions,
        log,
        roleWait: () => ({ ...waitOptions, timeoutMs: remainingWaitMs() })
    };
    facts = await repairFailingChecks(facts, repairs);
    const registered = facts.registration.ok ? facts.registration.value : undefined;
    if (registered !== undefined && !registered?.applicationRedirectUrl) {
        const withoutApp = evaluate(facts).filter(f => !f.id.startsWith('app.'));
        if (blockedBy(withoutApp))
            return { kind: 'blocked', facts, actions, repairs: repairs.outcomes };
        let outcome;
        try {
            log.info(registered?.applicationId
                ? 'Waiting for Adobe to publish the CMK app consent URL'
                : 'Registering the CMK app with Adobe, then waiting for its consent URL');
            outcome = await registerCmkApp(platform, registered, {
                ...waitOptions,
                timeoutMs: remainingWaitMs()
            });
        }
        catch (error) {
            const call = error instanceof service_error/* ServiceError */._ ? error.call : 'Adobe POST CMK app registration';
            const failed = {
                ...facts,
                registration: { ok: false, error: (0,read_error/* toReadError */.s)(call, error) }
            };
            return { kind: 'blocked', facts: failed, actions, repairs: repairs.outcomes };
        }
        const registration = outcome.registration;
        if (registration?.applicationId && !registered?.applicationId) {
            actions.push(`Registered the CMK app with Adobe (application id ${registration.applicationId})`);
            log.info((0,neutralize/* neutralize */.Y)(actions.at(-1)));
        }
        if (outcome.timedOut || !registration) {
            return {
                kind: 'stopped',
                facts: { ...facts, registration: { ok: true, value: registration } },
                actions,
                repairs: repairs.outcomes,
                reason: `Adobe did not publish the CMK app's consent URL within wait-timeout-seconds (${settings.waitTimeoutSeconds} s); re-run setup later: it waits for the same registration and does not register again.`
            };
        }
        const vault = Promise.resolve(facts.vault);
        facts = {
            ...facts,
            registration: { ok: true, value: registration },
            ...(await (0,gather_facts.readAppAccess)(services, registration, vault))
        };
        // Registering made app.consented and app.role decidable: repair them now, in this run.
        facts = await repairFailingChecks(facts, repairs);
    }
    const findings = evaluate(facts);
    if (blockedBy(findings) || !facts.key?.ok || !facts.config.ok)
        return { kind: 'blocked', facts, actions, repairs: repairs.outcomes };
    const key = facts.key.value;
    let lastStatus;
    const undocumented = new Set();
    const result = await ensureConfig(platform, {
        existing: facts.config.value,
        name: settings.configName,
        keyIdentifier: key.id,
        keyName: key.name,
        payloadFormat: settings.payloadFormat,
        ...waitOptions,
        timeoutMs: remainingWaitMs(),
        onSubmit: () => log.info(`Submitting configuration ${settings.configName} for ${(0,neutralize/* neutralize */.Y)(key.id)} to Adobe`),
        onStatus: config => {
            // One line per change keeps a long wait readable without a line per poll.
            if (config.status !== lastStatus)
                log.info(`Configuration ${(0,neutralize/* neutralize */.Y)(config.name)}: ${(0,neutralize/* neutralize */.Y)(config.status)}`);
            if (!(0,model_facts/* isDocumentedStatus */.LK)(config.status) && !undocumented.has(config.status)) {
                undocumented.add(config.status);
                log.info(`Adobe answered status ${(0,neutralize/* neutralize */.Y)(config.status)}, which its docs do not list (${model_facts/* CONFIG_STATUSES */.iP.join(', ')}); waiting as if it were still in progress.`);
            }
            lastStatus = config.status;
            options.onStatus?.(config);
        }
    });
    if (result.submitted) {
        const adobeName = result.config.adobeName;
        const line = `Submitted configuration ${settings.configName} for ${key.id} (${settings.payloadFormat} payload)` +
            (adobeName && adobeName !== settings.configName
                ? `; Adobe's internal name for it: ${adobeName}`
                : '');
        actions.push(line);
    }
    return {
        kind: result.timedOut ? 'timed-out' : 'done',
        facts,
        actions,
        repairs: repairs.outcomes
    };
}
/**
 * Whether the check fails. A warning is not enough: for app.consented and app.role it means
 * "cannot be decided", and nothing is repaired blindly.
 */
function failing(findings, id) {
    return findings.find(f => f.id === id)?.outcome === 'fail';
}
/** Whether `remediate` names the repair, it was not tried yet and its check fails on `facts`. */
function due(item, facts, repairs) {
    return (repairs.services.settings.remediate.has(item) &&
        !repairs.attempted.has(item) &&
        failing(repairs.evaluate(facts), REPAIR_CHECK[item]));
}
function record(repairs, outcome) {
    repairs.outcomes.push(outcome);
    if (outcome.result === 'created') {
        repairs.actions.push(outcome.summary);
        repairs.log.info((0,neutralize/* neutralize */.Y)(outcome.summary));
    }
    else if (outcome.result === 'already-present') {
        repairs.log.info(`remediate ${outcome.item}: ${(0,neutralize/* neutralize */.Y)(outcome.summary)}`);
    }
    else if (outcome.result === 'not-possible') {
        repairs.log.info(`remediate ${outcome.item}: not possible: ${(0,neutralize/* neutralize */.Y)(outcome.reason)}`);
    }
    else {
        const status = outcome.status ? ` (HTTP ${outcome.status})` : '';
        repairs.log.info(`remediate ${outcome.item}: ${outcome.result} by ${outcome.call}${status}`);
    }
}
/** A repair that threw: refused (401/403: a permission is missing) or failed. */
function failedRepair(item, kind, call, error, note = '') {
    const e = (0,read_error/* toReadError */.s)(call, error);
    const message = `${e.message}${note}`;
    return e.kind === 'forbidden'
        ? {
            item,
            check: REPAIR_CHECK[item],
            result: 'refused',
            call: e.call,
            status: e.status,
            message,
            permission: repairPermission(item, kind)
        }
        : { item, check: REPAIR_CHECK[item], result: 'failed', call: e.call, status: e.status, message };
}
/**
 * Makes the repairs that `remediate` allows and whose checks fail, then reads again what they
 * changed. The firewall and the app's access are repaired side by side; the role waits for the
 * service principal it is given to.
 */
async function repairFailingChecks(facts, repairs) {
    if (repairs.services.settings.remediate.size === 0)
        return facts;
    const [vault, access] = await Promise.all([
        repairFirewall(facts, repairs),
        repairAppAccess(facts, repairs)
    ]);
    return { ...facts, ...(vault && { vault }), ...access };
}
/** adobe-ip; returns the vault read again when something was written. */
async function repairFirewall(facts, repairs) {
    if (!facts.vault.ok || !due('adobe-ip', facts, repairs))
        return undefined;
    repairs.attempted.add('adobe-ip');
    const { services } = repairs;
    const vault = facts.vault.value;
    const check = REPAIR_CHECK['adobe-ip'];
    const call = 'ARM update vault firewall';
    try {
        const result = await allowAdobeIp(services.keyVaultManagement, vault, services.signal);
        switch (result.kind) {
            case 'public-access-disabled':
                record(repairs, {
                    item: 'adobe-ip',
                    check,
                    result: 'not-possible',
                    reason: `public network access is Disabled on vault ${vault.name}, so Azure ignores IP rules, and remediation never enables public access`
                });
                return undefined;
            case 'added':
                record(repairs, {
                    item: 'adobe-ip',
                    check,
                    result: 'created',
                    summary: `Added Adobe's address ${vault_checks/* ADOBE_MONITORING_IP */.fL} to the IP rules of vault ${vault.name}, keeping every other rule and setting (IP rules now: ${result.ipRules.join(', ')})`,
                    ids: { vaultId: vault.id, ipRule: vault_checks/* ADOBE_MONITORING_IP */.fL }
                });
                break;
            case 'already-allowed':
                record(repairs, {
                    item: 'adobe-ip',
                    check,
                    result: 'already-present',
                    summary: `vault ${vault.name} already allows ${vault_checks/* ADOBE_MONITORING_IP */.fL} through IP rule ${result.rule}`
                });
                break;
            case 'not-needed':
                record(repairs, {
                    item: 'adobe-ip',
                    check,
                    result: 'already-present',
                    summary: `the firewall of vault ${vault.name} no longer denies by default`
                });
                break;
        }
    }
    catch (error) {
        record(repairs, failedRepair('adobe-ip', vault.kind, call, error));
        return undefined;
    }
    const { settings, signal } = services;
    // Read again where it was found: its own resource group, its own type.
    const resourceGroup = /\/resourceGroups\/([^/]+)\//i.exec(vault.id)?.[1] ?? settings.resourceGroup;
    const call2 = 'ARM GET vault';
    try {
        return {
            ok: true,
            value: await (0,vault_reader/* readVault */.z)(services, { name: settings.keyVaultName, type: vault.kind, resourceGroup }, signal)
        };
    }
    catch (error) {
        return { ok: false, error: (0,read_error/* toReadError */.s)(call2, error) };
    }
}
/**
 * service-principal, then role; returns the app's access read again when something was
 * written. A principal that could not be made is not given a role: nothing is tried blindly.
 */
async function repairAppAccess(facts, repairs) {
    const { services } = repairs;
    const { settings } = services;
    const registration = facts.registration.ok ? facts.registration.value : null;
    const appId = registration?.applicationId;
    // Without the vault, its tenant (where the principal belongs) is unknown: nothing is made blind.
    if (!registration || !appId || !facts.vault.ok)
        return {};
    const vault = facts.vault.value;
    let current = facts;
    let wrote = false;
    if (due('service-principal', current, repairs)) {
        repairs.attempted.add('service-principal');
        const check = REPAIR_CHECK['service-principal'];
        const signedInTenant = settings.azure.tenantId;
        if (signedInTenant && signedInTenant.toLowerCase() !== vault.tenantId.toLowerCase()) {
            record(repairs, {
                item: 'service-principal',
                check,
                result: 'not-possible',
                reason: `the job signs in to tenant ${signedInTenant}, but vault ${vault.name} belongs to tenant ${vault.tenantId}, where the service principal is needed`
            });
            return {};
        }
        try {
            const made = await createServicePrincipal(services.credential, settings.endpoints.graph, appId, services.http, repairs.roleWait());
            record(repairs, made.kind === 'created'
                ? {
                    item: 'service-principal',
                    check,
                    result: 'created',
                    summary: `Created the CMK app's service principal in tenant ${vault.tenantId} (application id ${appId}, object id ${made.objectId})`,
                    ids: { appId, objectId: made.objectId }
                }
                : {
                    item: 'service-principal',
                    check,
                    result: 'already-present',
                    summary: `the CMK app already has service principal ${made.objectId} in tenant ${vault.tenantId}`
                });
            wrote = true;
            current = {
                ...current,
                ...(await (0,gather_facts.readAppAccess)(services, registration, Promise.resolve(current.vault), {
                    objectId: made.objectId,
                    appId,
                    source: 'graph'
                }))
            };
        }
        catch (error) {
            record(repairs, failedRepair('service-principal', vault.kind, CREATE_SERVICE_PRINCIPAL_CALL, error));
            return {};
        }
    }
    const principal = current.servicePrincipal?.ok ? current.servicePrincipal.value : null;
    if (principal && due('role', current, repairs)) {
        repairs.attempted.add('role');
        const check = REPAIR_CHECK.role;
        const hsm = vault.kind === 'managed-hsm';
        const where = hsm
            ? `Managed HSM Crypto Service Encryption User at /keys/${settings.keyName} in the local RBAC of Managed HSM ${vault.name}`
            : `Key Vault Crypto Service Encryption User on vault ${vault.name}`;
        try {
            const assigned = hsm
                ? await assignHsmKeyRole(services.managedHsmRbac(vault.vaultUri), vault.vaultUri, settings.keyName, principal.objectId, repairs.roleWait())
                : await assignVaultRole(services.authorization, vault.id, principal.objectId, repairs.roleWait());
            const retried = assigned.attempts > 1
                ? ` after ${assigned.attempts} attempts (the service did not see the new principal at first)`
                : '';
            record(repairs, assigned.kind === 'created'
                ? {
                    item: 'role',
                    check,
                    result: 'created',
                    summary: `Assigned ${where} to the CMK app's service principal ${principal.objectId}${retried} (role assignment ${assigned.id})`,
                    ids: {
                        roleAssignmentId: assigned.id,
                        principalId: principal.objectId,
                        scope: vault.id
                    }
                }
                : {
                    item: 'role',
                    check,
                    result: 'already-present',
                    summary: `service principal ${principal.objectId} already holds ${where}`
                });
            wrote = true;
        }
        catch (error) {
            const stillReplicating = error.code === 'PrincipalNotFound';
            record(repairs, failedRepair('role', vault.kind, hsm ? 'Managed HSM PUT local role assignment' : 'ARM PUT role assignment', error, stillReplicating
                ? ' (the service still did not see the principal when wait-timeout-seconds ran out; re-run the job)'
                : ''));
        }
    }
    if (!wrote)
        return {};
    // Read again from the services, so the submission is judged on what they now hold.
    return (0,gather_facts.readAppAccess)(services, registration, Promise.resolve(current.vault));
}


/***/ })

};
