export const id = 536;
export const ids = [536];
export const modules = {

/***/ 52536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSetup: () => (/* binding */ runSetup)
});

// EXTERNAL MODULE: ./src/checks/finding-list.ts
var finding_list = __webpack_require__(80637);
;// CONCATENATED MODULE: ./src/model/log.ts
/** A log that drops everything: for callers that have nothing to say to a person. */
const silentLog = { debug: () => { }, info: () => { }, warning: () => { } };

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
 * final read happens at the deadline rather than after it. Each interval runs from the start of
 * the previous read (the first from the call), not from its answer: a status read needs only
 * the time to have passed, so a slow answer does not push every later read back by its latency.
 */
async function pollUntil(read, isDone, options) {
    const clock = options.clock ?? realClock;
    const deadline = clock.now() + options.timeoutMs;
    let lastReadAt = clock.now();
    for (let n = 1;; n++) {
        const remaining = deadline - clock.now();
        if (remaining > 0) {
            const due = lastReadAt + pollIntervalMs(options.firstIntervalMs, n) - clock.now();
            await clock.sleep(Math.min(Math.max(0, due), remaining), options.signal);
        }
        options.signal?.throwIfAborted();
        lastReadAt = clock.now();
        const value = await read();
        options.onRead?.(value);
        if (isDone(value))
            return { done: true, value };
        if (clock.now() >= deadline)
            return { done: false, value, timedOut: true };
    }
}

// EXTERNAL MODULE: ./src/clients/http/service-error.ts
var service_error = __webpack_require__(1537);
// EXTERNAL MODULE: ./src/facts/gather-facts.ts + 9 modules
var gather_facts = __webpack_require__(27505);
// EXTERNAL MODULE: ./src/facts/read-error.ts
var read_error = __webpack_require__(58784);
// EXTERNAL MODULE: ./src/safety/neutralize.ts
var neutralize = __webpack_require__(77059);
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
    const posted = existing?.applicationId
        ? 'not-posted'
        : await postRegistration(platform, remaining());
    const outcome = await pollUntil(() => platform.getRegistration(), registration => Boolean(registration?.applicationRedirectUrl), remaining());
    return {
        registration: outcome.value,
        timedOut: !outcome.done,
        ...(posted === 'conflict' && { conflict: true })
    };
}
/**
 * Posts the registration. A 409 means that one exists already: another setup run for the org
 * registered it between this run's read and its POST. It is read back like a lost write, never
 * taken as a failure.
 */
async function postRegistration(platform, options) {
    try {
        await platform.registerApp();
        return 'posted';
    }
    catch (error) {
        // A 2xx whose body could not be read was accepted; a network error, timeout or 5xx may have been.
        const conflict = error instanceof service_error/* ServiceError */._ && error.status === 409;
        const mayHaveArrived = error instanceof service_error/* ServiceError */._ &&
            (conflict || error.retryable || (error.status !== undefined && error.status < 300));
        if (!mayHaveArrived)
            throw error;
        // Adobe registers asynchronously: a lost POST may show up only after a few reads.
        const seen = await readBackLostWrite(() => platform.getRegistration(), registration => registration !== null, options);
        if (!seen.done)
            throw new service_error/* ServiceError */._(error.call, error.status, `${error.serviceMessage}; ${notWrittenAgain('CMK app registration', options.lostWriteGraceMs)}`);
        return conflict ? 'conflict' : 'posted';
    }
}

;// CONCATENATED MODULE: ./src/actions/register-step.ts






/**
 * Registers the CMK app when Adobe shows none, or waits for the one Adobe is still preparing, until
 * its consent URL appears; then reads the app's access again, which the registration made
 * decidable. Only the app checks may fail meanwhile: they cannot pass before the app exists.
 */
async function registerWhenNeeded(facts, { services, plan, evaluate, log, wait, actions }) {
    const registered = facts.registration.ok ? facts.registration.value : undefined;
    if (registered === undefined || registered?.applicationRedirectUrl)
        return { kind: 'not-needed' };
    const withoutApp = evaluate(facts).filter(f => !f.id.startsWith('app.'));
    if ((0,finding_list/* failedCheckIds */.WR)(withoutApp, plan.strict).length > 0)
        return { kind: 'blocked', facts };
    let outcome;
    try {
        log.info(registered?.applicationId
            ? 'Waiting for Adobe to publish the CMK app consent URL'
            : 'Registering the CMK app with Adobe, then waiting for its consent URL');
        outcome = await registerCmkApp(services.platform, registered, wait());
    }
    catch (error) {
        const call = error instanceof service_error/* ServiceError */._ ? error.call : 'Adobe POST CMK app registration';
        return {
            kind: 'blocked',
            facts: { ...facts, registration: { ok: false, error: (0,read_error/* toReadError */.s)(call, error) } }
        };
    }
    const registration = outcome.registration;
    if (outcome.conflict)
        log.info('Adobe answered that the CMK app is registered already (another setup run registered it meanwhile); waiting for its consent URL');
    else if (registration?.applicationId && !registered?.applicationId) {
        actions.push(`Registered the CMK app with Adobe (application id ${registration.applicationId})`);
        log.info((0,neutralize/* neutralize */.Y)(actions.at(-1)));
    }
    if (outcome.timedOut || !registration) {
        return {
            kind: 'stopped',
            facts: { ...facts, registration: { ok: true, value: registration } },
            reason: `Adobe did not publish the CMK app's consent URL within wait-timeout-seconds (${plan.timing.waitTimeoutSeconds} s); re-run setup later: it waits for the same registration and does not register again.`
        };
    }
    return {
        kind: 'registered',
        facts: {
            ...facts,
            registration: { ok: true, value: registration },
            ...(await (0,gather_facts.readAppAccess)(services, plan.target, registration, Promise.resolve(facts.vault)))
        }
    };
}

// EXTERNAL MODULE: ./src/model/choices.ts
var choices = __webpack_require__(19545);
// EXTERNAL MODULE: ./src/checks/check-catalog.ts + 35 modules
var check_catalog = __webpack_require__(47675);
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

// EXTERNAL MODULE: ./src/checks/vault-checks.ts
var vault_checks = __webpack_require__(18359);
// EXTERNAL MODULE: ./src/checks/ipv4.ts
var ipv4 = __webpack_require__(6558);
// EXTERNAL MODULE: ./src/clients/azure/vault-reader.ts
var vault_reader = __webpack_require__(36366);
// EXTERNAL MODULE: ./src/safety/error-message.ts
var error_message = __webpack_require__(49194);
;// CONCATENATED MODULE: ./src/actions/allow-adobe-ip.ts



/**
 * Adds Adobe's monitoring address to the firewall of a Key Vault (`vaults.update`) or a Managed
 * HSM (`managedHsms.update`): reads the resource afresh, then writes its networkAcls back with one
 * more IP rule, every other rule and setting as read (a PATCH replaces networkAcls as a whole, so
 * sending only the new rule would drop the others). Public network access is never changed:
 * enabling it would widen access, which remediation never does.
 *
 * The read and the write cannot be made one: neither resource carries an ETag and neither update
 * takes If-Match (azure-rest-api-specs, Microsoft.KeyVault Vault.tsp and ManagedHsm.tsp;
 * `@azure/arm-keyvault` 5 has no ifMatch option), so a change someone makes between them is
 * overwritten. The caller reads the firewall again right after and reports what changed.
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
    const sent = [...rules, { value: vault_checks/* ADOBE_MONITORING_IP */.fL }];
    const ipRules = await write({ ...acls, ipRules: sent });
    return {
        kind: 'added',
        ipRules: (ipRules ?? []).map(rule => rule.value),
        sent: sent.map(rule => rule.value)
    };
}

;// CONCATENATED MODULE: ./src/actions/firewall-changes.ts
/**
 * What changed from the rules a write sent to the rules read right after it. A single address and
 * its /32 are the same rule: Key Vault shows `1.2.3.4` written as `1.2.3.4/32`
 * (hashicorp/terraform-provider-azurerm#2164), which is no change.
 */
function firewallChanges(sent, now) {
    const key = (rule) => rule.trim().toLowerCase().replace(/\/32$/, '');
    const sentKeys = new Set(sent.map(key));
    const nowKeys = new Set(now.map(key));
    return {
        removed: sent.filter(rule => !nowKeys.has(key(rule))),
        added: now.filter(rule => !sentKeys.has(key(rule)))
    };
}
/** "a removed, b added", or '' when nothing changed. */
function describeChanges({ removed, added }) {
    return [...removed.map(rule => `${rule} removed`), ...added.map(rule => `${rule} added`)].join(', ');
}

;// CONCATENATED MODULE: ./src/actions/repairs/adobe-ip-repair.ts








const check = REPAIR_CHECK['adobe-ip'];
const READ_BACK_CALL = 'ARM GET vault (read back after the firewall write)';
/** adobe-ip: adds Adobe's address to the IP rules of the vault's firewall (vault.adobe-ip). */
const adobeIpRepair = {
    item: 'adobe-ip',
    target: facts => (facts.vault.ok ? facts.vault.value : undefined),
    async write(vault, { services, target }) {
        let firewall;
        try {
            firewall = await allowAdobeIp(services.keyVaultManagement, vault, services.signal);
        }
        catch (error) {
            const refusal = hsmFirewallRefusal(vault, error);
            if (refusal === undefined)
                throw error;
            return { firewall: { kind: 'hsm-firewall-unavailable', answer: refusal } };
        }
        if (firewall.kind === 'public-access-disabled')
            return { firewall };
        // ARM offers no If-Match here (see allowAdobeIp): read again at once, to see what changed.
        return { firewall, after: await readVaultAgain(services, vault, target.vault) };
    },
    say: ({ firewall, after }, vault) => {
        switch (firewall.kind) {
            case 'public-access-disabled':
                return {
                    item: 'adobe-ip',
                    check,
                    result: 'not-possible',
                    reason: `public network access is Disabled on vault ${vault.name}, so Azure ignores IP rules, and remediation never enables public access`
                };
            case 'hsm-firewall-unavailable':
                return {
                    item: 'adobe-ip',
                    check,
                    result: 'not-possible',
                    reason: `ARM refused the IP rule on Managed HSM ${vault.name} (${firewall.answer}): the Managed HSM IP network firewall is a preview that the subscription must have enabled through an Azure support ticket, and it holds at most 10 ranges; ask for it, or allow public access from all networks`
                };
            case 'added':
                return added(firewall, after, vault);
            case 'already-allowed':
                return {
                    item: 'adobe-ip',
                    check,
                    result: 'already-present',
                    summary: `vault ${vault.name} already allows ${vault_checks/* ADOBE_MONITORING_IP */.fL} through IP rule ${firewall.rule}`
                };
            case 'not-needed':
                return {
                    item: 'adobe-ip',
                    check,
                    result: 'already-present',
                    summary: `the firewall of vault ${vault.name} no longer denies by default`
                };
        }
    },
    readBack: ({ after }) => after && Promise.resolve({ vault: after }),
    failure: () => ({ call: 'ARM update vault firewall' })
};
/**
 * The address was written; what the firewall holds right after says whether another change
 * raced the write. Changes by others are reported and left as they are: putting back a rule that
 * is gone would undo someone's removal, and one that this write itself dropped (a change that
 * landed between its read and its write) cannot be seen afterwards.
 */
function added(firewall, after, vault) {
    const now = after?.ok ? (after.value.networkAcls?.ipRules ?? []) : undefined;
    const changes = now && describeChanges(firewallChanges(firewall.sent, now));
    if (now && !now.some(rule => (0,ipv4/* ipv4RuleAllows */.c)(rule, vault_checks/* ADOBE_MONITORING_IP */.fL)))
        return {
            item: 'adobe-ip',
            check,
            result: 'failed',
            call: READ_BACK_CALL,
            message: `Adobe's address ${vault_checks/* ADOBE_MONITORING_IP */.fL} was added to the IP rules of vault ${vault.name}, but they changed right after the write, by another change: ${changes}. Setup does not write them again in this run; re-run it to add the address to the rules as they are now.`
        };
    const unchecked = after && !after.ok
        ? `; whether another change raced this write could not be checked: ${after.error.call} failed`
        : '';
    return {
        item: 'adobe-ip',
        check,
        result: 'created',
        summary: `Added Adobe's address ${vault_checks/* ADOBE_MONITORING_IP */.fL} to the IP rules of vault ${vault.name}, keeping every other rule and setting (IP rules now: ${(now ?? firewall.ipRules).join(', ')})` +
            (changes
                ? `; the IP rules changed right after this write, by another change, and were left as they are: ${changes}`
                : unchecked),
        ids: { vaultId: vault.id, ipRule: vault_checks/* ADOBE_MONITORING_IP */.fL }
    };
}
/**
 * ARM's answer when it refused a Managed HSM's IP rule for a reason other than permission: the
 * preview firewall not enabled for the subscription, or more than 10 ranges. The docs do not say
 * what ARM answers then, so any 400 or 409 on a Managed HSM counts; 401 and 403 stay a missing
 * permission (the runner reports them as refused, naming it).
 */
function hsmFirewallRefusal(vault, error) {
    if (vault.kind !== 'managed-hsm')
        return undefined;
    const status = error.statusCode;
    if (status !== 400 && status !== 409)
        return undefined;
    return `HTTP ${status}: ${(0,error_message/* errorMessage */.g)(error)}`;
}
/** The vault read again where it was found: its own resource group, its own type. */
async function readVaultAgain(services, vault, lookup) {
    const resourceGroup = /\/resourceGroups\/([^/]+)\//i.exec(vault.id)?.[1] ?? lookup.resourceGroup;
    try {
        return {
            ok: true,
            value: await (0,vault_reader/* readVault */.z)(services, { name: lookup.name, type: vault.kind, resourceGroup }, services.signal)
        };
    }
    catch (error) {
        return { ok: false, error: (0,read_error/* toReadError */.s)('ARM GET vault', error) };
    }
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

;// CONCATENATED MODULE: ./src/actions/until-principal-visible.ts

/**
 * Runs `write` until the service can see the principal it names. A principal created moments ago
 * may not have replicated yet, and ARM then answers 400 PrincipalNotFound. Microsoft's guidance
 * (https://aka.ms/docs-principaltype, quoted in that very error) is to set principalType, which
 * lets ARM skip the directory look-up: assign-vault-role sends `ServicePrincipal`, so for Azure RBAC
 * this loop is only a fallback. A Managed HSM's local RBAC takes no principalType, so there it may
 * be the only remedy. The write is repeated with growing waits until timeoutMs has passed, the
 * last attempt at the deadline. Any other error is thrown at once. Returns the result and the
 * number of attempts.
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

;// CONCATENATED MODULE: ./src/actions/repairs/role-repair.ts




const role_repair_check = REPAIR_CHECK.role;
/**
 * role: assigns the Crypto Service Encryption User role to the CMK app's service principal, on
 * the vault (Azure RBAC) or at /keys/<key> (a Managed HSM's local RBAC) (app.role).
 */
const roleRepair = {
    item: 'role',
    target(facts, run) {
        const registration = facts.registration.ok ? facts.registration.value : null;
        const principal = facts.servicePrincipal?.ok ? facts.servicePrincipal.value : null;
        // A principal that could not be made or read is not given a role: nothing is tried blindly.
        if (!registration?.applicationId || !facts.vault.ok || !principal)
            return undefined;
        return {
            registration,
            vault: facts.vault.value,
            keyName: run.target.keyName,
            principalId: principal.objectId
        };
    },
    write: ({ vault, keyName, principalId }, { services, wait }) => vault.kind === 'managed-hsm'
        ? assignHsmKeyRole(services.managedHsmRbac(vault.vaultUri), vault.vaultUri, keyName, principalId, wait())
        : assignVaultRole(services.authorization, vault.id, principalId, wait()),
    say(assigned, target) {
        const where = roleDescription(target);
        if (assigned.kind === 'already-present')
            return {
                item: 'role',
                check: role_repair_check,
                result: 'already-present',
                summary: `service principal ${target.principalId} already holds ${where}`
            };
        const retried = assigned.attempts > 1
            ? ` after ${assigned.attempts} attempts (the service did not see the new principal at first)`
            : '';
        return {
            item: 'role',
            check: role_repair_check,
            result: 'created',
            summary: `Assigned ${where} to the CMK app's service principal ${target.principalId}${retried} (role assignment ${assigned.id})`,
            ids: {
                roleAssignmentId: assigned.id,
                principalId: target.principalId,
                scope: target.vault.id
            }
        };
    },
    // Read again from the services, so that the submission is judged on what they now hold.
    readBack: (_, { registration, vault }, { services, target }) => (0,gather_facts.readAppAccess)(services, target, registration, Promise.resolve({ ok: true, value: vault })),
    failure: ({ vault }, error) => ({
        call: vault.kind === 'managed-hsm'
            ? 'Managed HSM PUT local role assignment'
            : 'ARM PUT role assignment',
        ...(error.code === 'PrincipalNotFound' && {
            note: ' (the service still did not see the principal when wait-timeout-seconds ran out; re-run the job)'
        })
    })
};
function roleDescription({ vault, keyName }) {
    return vault.kind === 'managed-hsm'
        ? `Managed HSM Crypto Service Encryption User at /keys/${keyName} in the local RBAC of Managed HSM ${vault.name}`
        : `Key Vault Crypto Service Encryption User on vault ${vault.name}`;
}

// EXTERNAL MODULE: ./src/clients/azure/graph-reader.ts
var graph_reader = __webpack_require__(32746);
// EXTERNAL MODULE: ./src/clients/http/json-request.ts + 1 modules
var json_request = __webpack_require__(70955);
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

// EXTERNAL MODULE: ./src/clients/http/jwt-claims.ts
var jwt_claims = __webpack_require__(32792);
;// CONCATENATED MODULE: ./src/actions/signed-in-tenant.ts


/**
 * The tenant this run is signed in to, as the service that is about to write sees it: the `tid`
 * claim of the Microsoft Graph token the write goes out with. Read from the token, not from
 * azure-tenant-id: without that input (azure-auth cli or managed-identity) the credential signs in
 * to whatever tenant its session names. undefined when the token carries none (not a JWT).
 */
async function graphTokenTenant(credential, graphEndpoint, abortSignal) {
    const token = await credential.getToken(`${graphEndpoint}/.default`, { abortSignal });
    if (!token)
        throw new service_error/* ServiceError */._('Microsoft Graph token request', undefined, 'no token returned');
    return (0,jwt_claims/* stringClaim */.E)((0,jwt_claims/* jwtClaims */.v)(token.token), 'tid');
}

;// CONCATENATED MODULE: ./src/actions/repairs/service-principal-repair.ts




const service_principal_repair_check = REPAIR_CHECK['service-principal'];
/** service-principal: creates the CMK app's service principal in the vault's tenant (app.consented). */
const servicePrincipalRepair = {
    item: 'service-principal',
    target(facts) {
        const registration = facts.registration.ok ? facts.registration.value : null;
        const appId = registration?.applicationId;
        // Without the vault, its tenant (where the principal belongs) is unknown: nothing is made blind.
        if (!registration || !appId || !facts.vault.ok)
            return undefined;
        return { registration, appId, vault: facts.vault.value };
    },
    // Whether or not azure-tenant-id was given, the principal is made only where the token that
    // makes it was issued, and only when that is the vault's tenant.
    async write({ appId, vault }, { services, wait }) {
        const { credential, endpoints, signal } = services;
        const signedIn = await graphTokenTenant(credential, endpoints.graph, signal);
        if (!signedIn)
            return { kind: 'tenant-unknown' };
        if (signedIn.toLowerCase() !== vault.tenantId.toLowerCase())
            return { kind: 'other-tenant', signedIn };
        return createServicePrincipal(credential, endpoints.graph, appId, services.http, wait());
    },
    say(result, { appId, vault }) {
        switch (result.kind) {
            case 'other-tenant':
                return {
                    item: 'service-principal',
                    check: service_principal_repair_check,
                    result: 'not-possible',
                    reason: `the job signs in to tenant ${result.signedIn}, but vault ${vault.name} belongs to tenant ${vault.tenantId}, where the service principal is needed`
                };
            case 'tenant-unknown':
                return {
                    item: 'service-principal',
                    check: service_principal_repair_check,
                    result: 'not-possible',
                    reason: `the Microsoft Graph token of the job does not say which tenant it signs in to (no tid claim), so it cannot be compared with tenant ${vault.tenantId} of vault ${vault.name}, where the service principal is needed`
                };
            case 'created':
                return {
                    item: 'service-principal',
                    check: service_principal_repair_check,
                    result: 'created',
                    summary: `Created the CMK app's service principal in tenant ${vault.tenantId} (application id ${appId}, object id ${result.objectId})`,
                    ids: { appId, objectId: result.objectId }
                };
            case 'already-present':
                return {
                    item: 'service-principal',
                    check: service_principal_repair_check,
                    result: 'already-present',
                    summary: `the CMK app already has service principal ${result.objectId} in tenant ${vault.tenantId}`
                };
        }
    },
    // The principal as made, so that the role goes to it even while Graph's listing lags behind.
    readBack: (result, { registration, appId, vault }, { services, target }) => result.kind === 'other-tenant' || result.kind === 'tenant-unknown'
        ? undefined
        : (0,gather_facts.readAppAccess)(services, target, registration, Promise.resolve({ ok: true, value: vault }), {
            objectId: result.objectId,
            appId,
            source: 'graph'
        }),
    failure: () => ({ call: CREATE_SERVICE_PRINCIPAL_CALL })
};

;// CONCATENATED MODULE: ./src/actions/repairs/run-repairs.ts






/**
 * The repairs in lanes: lanes run side by side; within a lane each repair sees the facts the one
 * before it read back, so the role goes to the principal the service-principal repair made.
 */
const LANES = [
    [adobeIpRepair],
    [servicePrincipalRepair, roleRepair]
];
/**
 * Makes the repairs that `remediate` allows and whose checks fail, each at most once per run (a
 * second pass, once registering made the app checks decidable, skips what was tried), and keeps
 * what they did.
 */
class RepairRunner {
    run;
    allowed;
    evaluate;
    actions;
    attempted = new Set();
    /** What remediation did, one entry per repair it tried. */
    outcomes = [];
    constructor(run, 
    /** What input remediate allows. */
    allowed, evaluate, 
    /** Where what was created is listed for the report. */
    actions) {
        this.run = run;
        this.allowed = allowed;
        this.evaluate = evaluate;
        this.actions = actions;
    }
    /** The facts with what the repairs changed read again. */
    async repairFailingChecks(facts) {
        if (this.allowed.size === 0)
            return facts;
        const lanes = await Promise.all(LANES.map(lane => this.runLane(lane, facts)));
        return Object.assign({}, facts, ...lanes);
    }
    async runLane(lane, facts) {
        let read = {};
        for (const step of lane)
            read = { ...read, ...(await this.runStep(step, { ...facts, ...read })) };
        return read;
    }
    async runStep(step, facts) {
        const { item } = step;
        if (!this.allowed.has(item) || this.attempted.has(item))
            return {};
        const target = step.target(facts, this.run);
        if (target === undefined || !failing(this.evaluate(facts), REPAIR_CHECK[item]))
            return {};
        this.attempted.add(item);
        let result;
        try {
            result = await step.write(target, this.run);
        }
        catch (error) {
            const { call, note } = step.failure(target, error);
            const kind = facts.vault.ok ? facts.vault.value.kind : 'vault';
            this.record(failedRepair(item, kind, call, error, note));
            return {};
        }
        this.record(step.say(result, target));
        return (await step.readBack(result, target, this.run)) ?? {};
    }
    // Service text (names, rules, messages) is neutralized where it is put into a line, so that
    // it stays on that line: the host makes each line inert but keeps a text's line breaks.
    record(outcome) {
        this.outcomes.push(outcome);
        const { log } = this.run;
        switch (outcome.result) {
            case 'created':
                this.actions.push(outcome.summary);
                log.info((0,neutralize/* neutralize */.Y)(outcome.summary));
                break;
            case 'already-present':
                log.info(`remediate ${outcome.item}: ${(0,neutralize/* neutralize */.Y)(outcome.summary)}`);
                break;
            case 'not-possible':
                log.info(`remediate ${outcome.item}: not possible: ${(0,neutralize/* neutralize */.Y)(outcome.reason)}`);
                break;
            default: {
                const status = outcome.status ? ` (HTTP ${outcome.status})` : '';
                log.info(`remediate ${outcome.item}: ${outcome.result} by ${outcome.call}${status}`);
            }
        }
    }
}
/**
 * Whether the check fails. A warning is not enough: for app.consented and app.role it means
 * "cannot be decided", and nothing is repaired blindly.
 */
function failing(findings, id) {
    return findings.find(f => f.id === id)?.outcome === 'fail';
}
/** A repair that threw: refused (401/403: a permission is missing) or failed. */
function failedRepair(item, kind, call, error, note = '') {
    const e = (0,read_error/* toReadError */.s)(call, error);
    const message = `${e.message}${note}`;
    const check = REPAIR_CHECK[item];
    return e.kind === 'forbidden'
        ? {
            item,
            check,
            result: 'refused',
            call: e.call,
            status: e.status,
            message,
            permission: repairPermission(item, kind)
        }
        : { item, check, result: 'failed', call: e.call, status: e.status, message };
}

;// CONCATENATED MODULE: ./src/actions/setup-waits.ts

/**
 * The registration wait, the principal wait and the configuration wait share one
 * wait-timeout-seconds budget, counted from the moment setup starts acting.
 */
function setupWaits(timing, clock, signal) {
    const deadline = clock.now() + timing.waitTimeoutSeconds * 1000;
    // Tests shorten the action's own waits (AEP_CMK_RETRY_SCALE); wait-timeout-seconds stays.
    const scale = timing.tuning.retryScale;
    return () => ({
        firstIntervalMs: timing.pollIntervalSeconds * 1000 * scale,
        lostWriteGraceMs: LOST_WRITE_GRACE_MS * scale,
        timeoutMs: Math.max(0, deadline - clock.now()),
        clock,
        signal
    });
}

// EXTERNAL MODULE: ./src/model/facts.ts
var facts = __webpack_require__(1374);
;// CONCATENATED MODULE: ./src/actions/config-plan.ts

/**
 * What setup does about the configuration it read: submit when there is none or the last one
 * FAILED, follow one that is in progress, leave a COMPLETED one alone. A configuration for
 * another vault or key never gets here: the config.key check fails first.
 */
function planConfig(existing) {
    if (!existing || existing.status === 'FAILED')
        return 'submit';
    if ((0,facts/* isInProgress */.LT)(existing.status))
        return 'poll';
    return 'nothing';
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
    if (!(0,facts/* isInProgress */.LT)(config.status))
        return { config, submitted, timedOut: false };
    const outcome = await pollUntil(readStatus(platform, config), current => !(0,facts/* isInProgress */.LT)(current.status), {
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

;// CONCATENATED MODULE: ./src/actions/submit-step.ts





/**
 * Submits the key to Adobe unless a configuration for it is already there or under way, and
 * follows the configuration to a final status within what is left of wait-timeout-seconds.
 */
async function submitAndFollow(key, existing, { services, configName, payloadFormat, log, wait, actions, onStatus }) {
    // Another setup run for the org may have submitted since the facts were read (the README's
    // workflows hold a concurrency group per org; without one, this keeps the two from racing).
    if (planConfig(existing) === 'submit')
        existing = await readAgain(services, configName);
    let lastStatus;
    const undocumented = new Set();
    const result = await ensureConfig(services.platform, {
        existing,
        name: configName,
        keyIdentifier: key.id,
        keyName: key.name,
        payloadFormat,
        ...wait(),
        onSubmit: () => log.info(`Submitting configuration ${configName} for ${(0,neutralize/* neutralize */.Y)(key.id)} to Adobe`),
        onStatus: config => {
            // One line per change keeps a long wait readable without a line per poll. Adobe's text is
            // neutralized here so that it stays on its line (the host keeps a text's line breaks).
            if (config.status !== lastStatus)
                log.info(`Configuration ${(0,neutralize/* neutralize */.Y)(config.name)}: ${(0,neutralize/* neutralize */.Y)(config.status)}`);
            if (!(0,facts/* isDocumentedStatus */.LK)(config.status) && !undocumented.has(config.status)) {
                undocumented.add(config.status);
                log.info(`Adobe answered status ${(0,neutralize/* neutralize */.Y)(config.status)}, which its docs do not list (${facts/* CONFIG_STATUSES */.iP.join(', ')}); waiting as if it were still in progress.`);
            }
            lastStatus = config.status;
            onStatus?.(config);
        }
    });
    if (result.submitted) {
        const adobeName = result.config.adobeName;
        actions.push(`Submitted configuration ${configName} for ${key.id} (${payloadFormat} payload)` +
            (adobeName && adobeName !== configName
                ? `; Adobe's internal name for it: ${adobeName}`
                : ''));
    }
    return { timedOut: result.timedOut };
}
/** The configuration read again right before submitting; a read that fails stops the submission. */
async function readAgain(services, name) {
    try {
        return await services.platform.getConfig(name);
    }
    catch (error) {
        if (!(error instanceof service_error/* ServiceError */._))
            throw error;
        throw new service_error/* ServiceError */._(error.call, error.status, `${error.serviceMessage}; the configuration was read again right before submitting, in case another setup run had submitted it meanwhile, and setup does not submit without knowing`);
    }
}

;// CONCATENATED MODULE: ./src/actions/setup-flow.ts







/**
 * The setup mode's sequence: repairs what `remediate` allows and the checks found broken,
 * registers the CMK app when Adobe has none, repairs again what registering made decidable, then
 * submits and follows the configuration. Repairs wait for no other check; every other write stops
 * while any check fails.
 */
async function runSetup(services, plan, facts, evaluate, options = {}) {
    const log = options.log ?? silentLog;
    const wait = setupWaits(plan.timing, options.clock ?? realClock, services.signal);
    const actions = [];
    const { target, remediate, strict } = plan;
    const repairs = new RepairRunner({ services, target, log, wait }, remediate, evaluate, actions);
    const end = (ended, kind) => ({
        kind,
        facts: ended,
        actions,
        repairs: repairs.outcomes
    });
    facts = await repairs.repairFailingChecks(facts);
    const registration = await registerWhenNeeded(facts, {
        services,
        plan,
        evaluate,
        log,
        wait,
        actions
    });
    if (registration.kind === 'blocked')
        return end(registration.facts, 'blocked');
    if (registration.kind === 'stopped')
        return { ...end(registration.facts, 'blocked'), kind: 'stopped', reason: registration.reason };
    // Registering made app.consented and app.role decidable: repair them now, in this run.
    if (registration.kind === 'registered')
        facts = await repairs.repairFailingChecks(registration.facts);
    const blocked = (0,finding_list/* failedCheckIds */.WR)(evaluate(facts), strict).length > 0;
    if (blocked || !facts.key?.ok || !facts.config.ok)
        return end(facts, 'blocked');
    const submission = await submitAndFollow(facts.key.value, facts.config.value, {
        services,
        configName: target.configName,
        payloadFormat: plan.payloadFormat,
        log,
        wait,
        actions,
        onStatus: options.onStatus
    });
    return end(facts, submission.timedOut ? 'timed-out' : 'done');
}


/***/ })

};
