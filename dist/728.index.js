export const id = 728;
export const ids = [728];
export const modules = {

/***/ 80637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WR: () => (/* binding */ failedCheckIds),
/* harmony export */   r: () => (/* binding */ upsertFinding)
/* harmony export */ });
/* unused harmony export countsAsFailure */
/* harmony import */ var _model_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41300);

/** With strict, warnings count as failures. */
function countsAsFailure(outcome, strict) {
    return outcome === 'fail' || (strict && outcome === 'warn');
}
/** Ids of the findings that fail the job, in the order given. */
function failedCheckIds(findings, strict) {
    return findings.filter(finding => countsAsFailure(finding.outcome, strict)).map(f => f.id);
}
/**
 * Adds `finding` (e.g. config.status, or app.registered after registering), replacing any
 * finding with the same id; the result is in contract order.
 */
function upsertFinding(findings, finding) {
    const others = findings.filter(existing => existing.id !== finding.id);
    return [...others, finding].sort((a, b) => _model_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_IDS */ .S.indexOf(a.id) - _model_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_IDS */ .S.indexOf(b.id));
}


/***/ }),

/***/ 64728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkAndAct: () => (/* binding */ checkAndAct)
});

// EXTERNAL MODULE: ./src/checks/config-checks.ts
var config_checks = __webpack_require__(40629);
;// CONCATENATED MODULE: ./src/checks/check-context.ts
function checkContextFor(settings, consentLink, now = new Date()) {
    return {
        mode: settings.mode,
        keyVaultName: settings.keyVaultName,
        keyName: settings.keyName,
        minKeySize: settings.minKeySize,
        minKeyValidityDays: settings.minKeyValidityDays,
        requireHsm: settings.requireHsm,
        now,
        subscriptionId: settings.subscriptionId,
        resourceGroup: settings.resourceGroup,
        consentLink
    };
}

// EXTERNAL MODULE: ./src/checks/check-catalog.ts + 35 modules
var check_catalog = __webpack_require__(47675);
// EXTERNAL MODULE: ./src/checks/key-checks.ts
var key_checks = __webpack_require__(69986);
// EXTERNAL MODULE: ./src/checks/skipped.ts
var skipped = __webpack_require__(89049);
;// CONCATENATED MODULE: ./src/checks/evaluate.ts




function evaluateChecks(facts, ctx) {
    const findings = [];
    for (const check of (0,check_catalog/* checkDefinitions */.vs)()) {
        if (check.evaluation.over === 'run-end')
            continue;
        const blocker = unmetNeed(check.needs, findings);
        findings.push(blocker ? (0,skipped/* skipped */.h)(check.id, blocker) : evaluateOne(check, facts, ctx));
    }
    return rootBlockers(findings);
}
/** The failed check that stops `id` from being evaluated on these findings, if any. */
function blockerOf(id, findings) {
    return unmetNeed(check_catalog/* CHECK_CATALOG */.bw[id].needs, findings);
}
/** The first need that did not pass, or, when it was skipped itself, what it was skipped for. */
function unmetNeed(needs, findings) {
    for (const need of needs) {
        const finding = findings.find(f => f.id === need);
        if (finding === undefined || finding.outcome === 'pass')
            continue;
        return finding.outcome === 'skipped' ? finding.blockedBy : need;
    }
    return undefined;
}
/** The needs guarantee the vault or key a check reads; the fallbacks only satisfy the types. */
function evaluateOne(check, facts, ctx) {
    const { evaluation } = check;
    switch (evaluation.over) {
        case 'facts':
            return evaluation.evaluate(facts, ctx);
        case 'vault':
            return facts.vault.ok
                ? evaluation.evaluate(facts.vault.value, ctx, facts)
                : (0,skipped/* skipped */.h)(check.id, 'vault.found');
        case 'key':
            if (!facts.vault.ok)
                return (0,skipped/* skipped */.h)(check.id, 'vault.found');
            return facts.key?.ok
                ? evaluation.evaluate(facts.key.value, (0,key_checks/* keyContext */.Zx)(ctx, facts.vault.value))
                : (0,skipped/* skipped */.h)(check.id, 'key.found');
        case 'run-end':
            throw new Error(`${check.id} is decided at the end of the run, not from the facts`);
    }
}
/** A check skipped because of a skipped check names the failed check at the root instead. */
function rootBlockers(findings) {
    const byId = new Map(findings.map(f => [f.id, f]));
    return findings.map(f => {
        if (f.outcome !== 'skipped')
            return f;
        let root = f.blockedBy;
        for (let hops = 0; hops < findings.length; hops++) {
            const blocker = byId.get(root);
            if (blocker?.outcome !== 'skipped')
                break;
            root = blocker.blockedBy;
        }
        return root === f.blockedBy ? f : (0,skipped/* skipped */.h)(f.id, root);
    });
}

// EXTERNAL MODULE: ./src/checks/finding-list.ts
var finding_list = __webpack_require__(80637);
;// CONCATENATED MODULE: ./src/checks/repair-findings.ts
/**
 * Adds what remediation did to the findings of the checks it answered, where they still do not
 * pass: a refused repair quotes the service and names the permission next to the manual fix.
 */
function withRepairOutcomes(findings, outcomes) {
    return findings.map(finding => {
        const outcome = outcomes.find(o => o.check === finding.id);
        if (!outcome || finding.outcome === 'pass' || finding.outcome === 'skipped')
            return finding;
        const evidence = { ...finding.evidence, remediation: outcome };
        const detail = (note) => `${finding.detail} remediate: ${outcome.item} ${note}`;
        switch (outcome.result) {
            case 'refused':
                return {
                    ...finding,
                    detail: detail(`was refused: ${outcome.call} answered${outcome.status ? ` HTTP ${outcome.status}` : ''}: ${outcome.message}`),
                    fix: `Grant the job's identity ${outcome.permission}, then re-run; or fix it by hand: ${finding.fix ?? ''}`.trim(),
                    evidence
                };
            case 'failed':
                return {
                    ...finding,
                    detail: detail(`failed: ${outcome.call}: ${outcome.message}`),
                    evidence
                };
            case 'not-possible':
                return { ...finding, detail: detail(`changed nothing: ${outcome.reason}`), evidence };
            default:
                return {
                    ...finding,
                    detail: detail(`${outcome.summary}, yet the check does not pass when read again.`),
                    evidence
                };
        }
    });
}

// EXTERNAL MODULE: ./src/facts/consent-url.ts
var consent_url = __webpack_require__(35573);
;// CONCATENATED MODULE: ./src/facts/read-target.ts
function readTargetOf(settings) {
    const { azure, adobe } = settings;
    return {
        vault: {
            name: settings.keyVaultName,
            type: settings.keyVaultType,
            resourceGroup: settings.resourceGroup
        },
        keyName: settings.keyName,
        configName: settings.configName,
        cmkAppObjectId: settings.cmkAppObjectId,
        azure: {
            method: azure.auth,
            tenantId: azure.tenantId,
            clientId: azure.auth === 'cli' ? undefined : azure.clientId
        },
        adobe: adobe.kind === 'client-credentials'
            ? {
                credential: adobe.kind,
                orgId: settings.adobeOrgId,
                clientId: adobe.clientId,
                scopes: adobe.scopes
            }
            : { credential: adobe.kind, orgId: settings.adobeOrgId }
    };
}

;// CONCATENATED MODULE: ./src/actions/setup-plan.ts
function setupPlanOf(settings, target) {
    const { remediate, strict, payloadFormat, waitTimeoutSeconds, pollIntervalSeconds } = settings;
    return {
        target,
        remediate,
        strict,
        payloadFormat,
        timing: { waitTimeoutSeconds, pollIntervalSeconds, tuning: settings.tuning }
    };
}

// EXTERNAL MODULE: ./src/inputs/settings-summary.ts
var settings_summary = __webpack_require__(39497);
// EXTERNAL MODULE: ./src/safety/error-message.ts
var error_message = __webpack_require__(49194);
// EXTERNAL MODULE: ./src/safety/secrets.ts
var secrets = __webpack_require__(81455);
// EXTERNAL MODULE: ./src/run/observed-status.ts
var observed_status = __webpack_require__(13892);
;// CONCATENATED MODULE: ./src/run/check-and-act.ts













async function checkAndAct(settings, { createServices, gatherFacts }, signal, startedAt, progress, host) {
    const timings = {};
    const timed = phaseTimer(timings);
    const services = createServices(settings, signal, {
        log: host,
        idToken: audience => host.idToken(audience)
    });
    const evaluate = (facts) => evaluateChecks(facts, checkContextFor(settings, consentLinkOf(facts, settings)));
    const target = readTargetOf(settings);
    const read = await timed('read', () => gatherFacts(services, target));
    const end = settings.mode === 'setup'
        ? await timed('setup', () => act(services, setupPlanOf(settings, target), read, evaluate, progress, host))
        : { facts: read, actions: [], repairs: [], lastConfig: configOf(read) };
    const checked = withRepairOutcomes(evaluate(end.facts), end.repairs);
    const findings = (0,finding_list/* upsertFinding */.r)(checked, configStatus(end, settings, checked));
    const failedChecks = (0,finding_list/* failedCheckIds */.WR)(findings, settings.strict);
    const error = end.setup?.kind === 'stopped' ? end.setup.reason : undefined;
    return {
        mode: settings.mode,
        result: failedChecks.length === 0 && !error ? 'pass' : 'fail',
        ...(0,observed_status/* statusOf */.c)(end.lastConfig),
        configName: end.lastConfig?.name ?? settings.configName,
        vaultType: end.facts.vault.ok ? end.facts.vault.value.kind : undefined,
        adobeConfigName: end.lastConfig?.adobeName,
        keyIdentifier: end.facts.key?.ok ? end.facts.key.value.id : undefined,
        applicationId: end.facts.registration.ok
            ? end.facts.registration.value?.applicationId
            : undefined,
        consentLink: consentLinkOf(end.facts, settings),
        findings,
        failedChecks,
        error,
        actions: end.actions,
        repairs: end.repairs,
        settings: (0,settings_summary/* summarizeSettings */.$)(settings),
        facts: factsForReport(end.facts),
        timings,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString()
    };
}
async function act(services, plan, facts, evaluate, progress, log) {
    let lastConfig = configOf(facts);
    let setup;
    try {
        const { runSetup } = await Promise.all(/* import() */[__webpack_require__.e(612), __webpack_require__.e(90), __webpack_require__.e(163), __webpack_require__.e(505), __webpack_require__.e(536)]).then(__webpack_require__.bind(__webpack_require__, 52536));
        setup = await runSetup(services, plan, facts, evaluate, {
            log,
            onStatus: config => (lastConfig = progress.lastConfig = config)
        });
    }
    catch (error) {
        setup = {
            kind: 'stopped',
            facts,
            actions: [],
            repairs: [],
            reason: (0,secrets/* redact */.E$)((0,error_message/* errorMessage */.g)(error))
        };
    }
    // Judge config.key by the configuration as it ended, not as it was before setup acted.
    const ended = lastConfig === undefined
        ? setup.facts
        : { ...setup.facts, config: { ok: true, value: lastConfig } };
    return { facts: ended, actions: setup.actions, repairs: setup.repairs, lastConfig, setup };
}
function configStatus(end, settings, checked) {
    // E.g. without an Adobe token the status could not be read; adobe.sign-in already says why.
    const blocker = blockerOf('config.status', checked);
    if (blocker)
        return (0,skipped/* skipped */.h)('config.status', blocker);
    if (end.setup?.kind === 'stopped')
        return (0,config_checks/* setupStoppedFinding */.KA)(end.setup.reason);
    return (0,config_checks/* configStatusFinding */.Kt)((0,observed_status/* observedStatus */.L)(end.lastConfig), settings.mode, {
        configName: end.lastConfig?.name ?? settings.configName,
        timedOut: end.setup?.kind === 'timed-out',
        waitedSeconds: settings.waitTimeoutSeconds,
        submitBlocked: end.setup?.kind === 'blocked',
        blockedBy: (0,finding_list/* failedCheckIds */.WR)(checked, settings.strict)[0],
        readError: end.facts.config.ok ? undefined : end.facts.config.error
    });
}
function configOf(facts) {
    return facts.config.ok ? facts.config.value : undefined;
}
function consentLinkOf(facts, settings) {
    const registration = facts.registration.ok ? facts.registration.value : null;
    const tenant = facts.vault.ok ? facts.vault.value.tenantId : settings.azure.tenantId;
    return (0,consent_url/* consentLinkFor */.kl)(registration?.applicationRedirectUrl, tenant, settings.endpoints.authorityHost);
}
function factsForReport(facts) {
    return JSON.parse(JSON.stringify(facts));
}
function phaseTimer(timings) {
    return async (phase, work) => {
        const t0 = Date.now();
        try {
            return await work();
        }
        finally {
            timings[phase] = Date.now() - t0;
        }
    };
}


/***/ })

};
