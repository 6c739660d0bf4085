export const id = 518;
export const ids = [518];
export const modules = {

/***/ 17233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ cappedPages)
/* harmony export */ });
/* unused harmony export TooManyPagesError */
/* harmony import */ var _service_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1537);

/**
 * A paged listing that went on past its cap. Not retryable: asking again would page just as
 * long.
 */
class TooManyPagesError extends _service_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._ {
    constructor(call, maxPages) {
        super(call, undefined, `stopped after ${maxPages} pages: the service kept answering with a link to another page, more than a listing of this kind holds`);
        this.name = 'TooManyPagesError';
    }
    get retryable() {
        return false;
    }
}
/**
 * The pages of one listing (an SDK pager's byPage(), Octokit's paginate.iterator, our own
 * nextLink loop), at most `maxPages` of them. A service that keeps sending a link to another
 * page (nextLink, a Link header, a skiptoken) fails the listing with TooManyPagesError, naming
 * `call`, as soon as it offers page maxPages + 1, instead of holding the run until its deadline.
 * Never a silent truncation: the item a check looks for could be on a page not read. Leaving
 * the loop early ends the underlying pager (its return() runs).
 */
async function* cappedPages(pages, call, maxPages) {
    let read = 0;
    for await (const page of pages) {
        if (read >= maxPages)
            throw new TooManyPagesError(call, maxPages);
        read++;
        yield page;
    }
}


/***/ }),

/***/ 1537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ serviceMessage),
/* harmony export */   _: () => (/* binding */ ServiceError)
/* harmony export */ });
/* harmony import */ var _safety_describe_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4933);
/* harmony import */ var _safety_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81455);


/** A call to a service that failed: names the call, the HTTP status and the service's message. */
class ServiceError extends Error {
    call;
    status;
    serviceMessage;
    retryAfterMs;
    constructor(call, status, serviceMessage, retryAfterMs) {
        super((0,_safety_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(`${call} failed${status ? ` with HTTP ${status}` : ''}: ${serviceMessage}`));
        this.call = call;
        this.status = status;
        this.serviceMessage = serviceMessage;
        this.retryAfterMs = retryAfterMs;
        this.name = 'ServiceError';
    }
    get retryable() {
        return (this.status === undefined || this.status === 408 || this.status === 429 || this.status >= 500);
    }
}
/**
 * Pulls the human message out of the error shapes these services use: Adobe gateway
 * {error_code, message}, Adobe service {type, status, title, detail}, IMS/OAuth {error,
 * error_description}, ARM/Key Vault/Graph {error: {code, message}}.
 */
function serviceMessage(body, fallback) {
    if (body && typeof body === 'object') {
        const b = body;
        if (typeof b.error_code === 'string' || typeof b.error_code === 'number')
            return `${(0,_safety_describe_value_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(b.message ?? '')} (error_code ${b.error_code})`.trim();
        if (typeof b.title === 'string' || typeof b.detail === 'string')
            return [b.title, b.detail].filter(x => typeof x === 'string' && x !== '').join(': ');
        if (typeof b.error === 'string')
            return typeof b.error_description === 'string'
                ? `${b.error}: ${b.error_description}`
                : b.error;
        if (b.error && typeof b.error === 'object') {
            const e = b.error;
            return [e.code, e.message].filter(x => typeof x === 'string' && x !== '').join(': ');
        }
        if (typeof b.message === 'string')
            return b.message;
    }
    return fallback;
}


/***/ }),

/***/ 39497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ summarizeSettings)
/* harmony export */ });
/** The settings as shown in the JSON report: every value a person may need, no secret. */
function summarizeSettings(settings) {
    return {
        mode: settings.mode,
        keyVaultName: settings.keyVaultName,
        keyName: settings.keyName,
        subscriptionId: settings.subscriptionId,
        resourceGroup: settings.resourceGroup ?? null,
        azureAuth: settings.azure.auth,
        azureTenantId: settings.azure.tenantId ?? null,
        azureClientId: 'clientId' in settings.azure ? (settings.azure.clientId ?? null) : null,
        adobeOrgId: settings.adobeOrgId,
        adobeCredential: settings.adobe.kind,
        adobeClientId: settings.adobe.kind === 'client-credentials' ? settings.adobe.clientId : null,
        adobeScopes: settings.adobe.kind === 'client-credentials' ? settings.adobe.scopes : null,
        adobeRegion: settings.adobeRegion,
        configName: settings.configName,
        payloadFormat: settings.payloadFormat,
        cmkAppObjectId: settings.cmkAppObjectId ?? null,
        minKeySize: settings.minKeySize,
        minKeyValidityDays: settings.minKeyValidityDays,
        strict: settings.strict,
        waitTimeoutSeconds: settings.waitTimeoutSeconds,
        pollIntervalSeconds: settings.pollIntervalSeconds,
        endpoints: settings.endpoints
    };
}


/***/ }),

/***/ 71518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/inputs/parse-settings.ts + 6 modules
var parse_settings = __webpack_require__(68055);
;// CONCATENATED MODULE: ./src/clients/run-deadline.ts
/** Time kept at the end of the run for reporting: at most 10 s, a tenth of a short run. */
const REPORTING_MARGIN_MS = 10_000;
/**
 * The run's deadline, wait-timeout-seconds + the read allowance (300 s) after it starts: the work is cancelled a
 * reporting margin before it and reported half a margin before it, so that outputs, summary and
 * report are written by the deadline whatever the services do.
 */
function startRunDeadline(waitTimeoutSeconds, allowance) {
    const totalMs = (waitTimeoutSeconds + allowance) * 1000;
    const margin = Math.min(REPORTING_MARGIN_MS, totalMs / 10);
    const controller = new AbortController();
    const abortTimer = setTimeout(() => controller.abort(new Error(`the run reached its deadline (wait-timeout-seconds + ${allowance} s)`)), totalMs - margin);
    let reportTimer;
    const mustReport = new Promise(resolve => {
        reportTimer = setTimeout(resolve, totalMs - margin / 2);
    });
    // Both timers keep the process alive (clear() ends them): a run whose work waits on nothing
    // that holds the event loop must still report, not exit silently.
    return {
        signal: controller.signal,
        mustReport,
        reached: () => controller.signal.aborted,
        clear: () => {
            clearTimeout(abortTimer);
            clearTimeout(reportTimer);
        }
    };
}

// EXTERNAL MODULE: ./src/safety/error-message.ts
var error_message = __webpack_require__(49194);
// EXTERNAL MODULE: ./src/report/skipped-lines.ts
var skipped_lines = __webpack_require__(97020);
;// CONCATENATED MODULE: ./src/report/annotations.ts

/**
 * One annotation per failed or warned check, titled with the check id; skipped checks get none
 * of their own: the check that blocked them says so. With strict, warnings fail the job, so
 * they are reported as errors.
 */
function annotationsFor(findings, strict) {
    const blocked = (0,skipped_lines/* skippedBy */.k)(findings);
    const annotations = [];
    for (const f of findings) {
        if (f.outcome === 'pass' || f.outcome === 'skipped')
            continue;
        const message = [asSentence(f.detail), f.fix && `Fix: ${f.fix}`, blockedNote(blocked.get(f.id))]
            .filter(Boolean)
            .join(' ');
        annotations.push([f.outcome === 'fail' || strict ? 'error' : 'warning', message, f.id]);
    }
    return annotations;
}
function blockedNote(ids) {
    if (!ids || ids.length === 0)
        return undefined;
    const checks = ids.length === 1 ? '1 check' : `${ids.length} checks`;
    return `It blocked ${checks} (skipped until it passes): ${ids.join(', ')}.`;
}
/** Ends the detail with a full stop, so that " Fix: …" starts a new sentence. */
function asSentence(detail) {
    const trimmed = detail.trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// EXTERNAL MODULE: ./src/clients/http/capped-pages.ts
var capped_pages = __webpack_require__(17233);
// EXTERNAL MODULE: ./src/safety/secrets.ts
var secrets = __webpack_require__(81455);
// EXTERNAL MODULE: ./src/clients/http/service-error.ts
var service_error = __webpack_require__(1537);
;// CONCATENATED MODULE: ./src/clients/github/issues-client.ts




/**
 * Pages of open labelled issues read before the listing fails: GitHub answers at most 100 a
 * page (per_page, "List repository issues"), and the action keeps one open issue per org,
 * vault and key, so 100 pages (10,000 open issues and pull requests with the label) is more
 * than any repository that tracks its keys needs.
 */
const ISSUE_LIST_PAGES = 100;
/** All the GitHub calls of one run together may take this long. */
const GITHUB_BUDGET_MS = 60_000;
/**
 * The issues API of the repository the workflow runs in, through @actions/github: getOctokit
 * reads GITHUB_API_URL (GitHub Enterprise Server has its own) and honours the runner's proxy;
 * the run context reads GITHUB_REPOSITORY, GITHUB_SERVER_URL and GITHUB_RUN_ID. Loaded only when
 * open-issue is on.
 */
async function issuesClient(token, log) {
    const { context, getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 92413));
    const { owner, repo } = context.repo;
    const octokit = getOctokit(token);
    const signal = AbortSignal.timeout(GITHUB_BUDGET_MS);
    octokit.hook.wrap('request', async (request, options) => {
        const line = `${options.method} ${options.url}`;
        try {
            const response = await request({ ...options, request: { ...options.request, signal } });
            log.debug(`${response.url ? `${options.method} ${response.url}` : line} -> ${response.status}`);
            return response;
        }
        catch (error) {
            log.debug(`${line} -> ${statusOf(error) || 'network error'}`);
            throw error;
        }
    });
    const call = async (name, work) => {
        try {
            return await work(`GitHub ${name}`);
        }
        catch (error) {
            // Our own errors (a listing past its cap) already name the call.
            throw error instanceof service_error/* ServiceError */._ ? error : gitHubError(`GitHub ${name}`, error);
        }
    };
    const api = {
        listOpen: label => call(`GET /repos/${owner}/${repo}/issues (open, label ${label})`, async (listing) => {
            const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
                owner,
                repo,
                state: 'open',
                labels: label,
                per_page: 100
            });
            const issues = [];
            for await (const { data } of (0,capped_pages/* cappedPages */.y)(pages, listing, ISSUE_LIST_PAGES))
                for (const item of data)
                    if (!item.pull_request)
                        issues.push({ number: item.number, url: item.html_url, body: item.body ?? '' });
            return issues;
        }),
        create: issue => call(`POST /repos/${owner}/${repo}/issues`, async () => {
            const { data } = await octokit.rest.issues.create({ owner, repo, ...issue });
            return {
                number: data.number,
                url: data.html_url,
                body: data.body ?? '',
                labels: data.labels.map(label => (typeof label === 'string' ? label : (label.name ?? '')))
            };
        }),
        update: (number, change) => call(`PATCH /repos/${owner}/${repo}/issues/${number}`, async () => {
            await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: number,
                ...change,
                ...(change.state === 'closed' ? { state_reason: 'completed' } : {})
            });
        }),
        comment: (number, body) => call(`POST /repos/${owner}/${repo}/issues/${number}/comments`, async () => {
            await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        })
    };
    const runUrl = context.runId > 0
        ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
        : undefined;
    return { api, runUrl };
}
function statusOf(error) {
    return typeof error === 'object' && error !== null && 'status' in error
        ? Number(error.status) || 0
        : 0;
}
/**
 * Names the call, the status and GitHub's message; for the answers a setting causes (a missing
 * permission, issues turned off), also the setting to change.
 */
function gitHubError(call, error) {
    const status = statusOf(error) || undefined;
    const data = typeof error === 'object' && error !== null && 'response' in error
        ? error.response?.data
        : undefined;
    const message = typeof data === 'object' &&
        data !== null &&
        typeof data.message === 'string'
        ? data.message
        : (0,error_message/* errorMessage */.g)(error);
    return new service_error/* ServiceError */._(call, status, (0,secrets/* redact */.E$)(`${message}${hintFor(status)}`));
}
/** What the answers a setting causes ask the user to change. */
function hintFor(status) {
    switch (status) {
        // GitHub answers 410 Gone when issues are disabled in the repository ("Create an issue").
        case 410:
            return ' (issues are disabled in this repository: turn them on under Settings, General, Features, Issues, or set open-issue: false)';
        case 403:
        case 404:
            return ' (the job token needs `permissions: issues: write`)';
        case 401:
            return ' (check github-token: the default is ${{ github.token }})';
        default:
            return '';
    }
}

// EXTERNAL MODULE: ./src/report/sarif.ts + 2 modules
var sarif = __webpack_require__(17393);
// EXTERNAL MODULE: ./src/checks/check-catalog.ts + 35 modules
var check_catalog = __webpack_require__(47675);
// EXTERNAL MODULE: ./src/model/finding.ts
var finding = __webpack_require__(41300);
;// CONCATENATED MODULE: ./src/report/adobe-urgency.ts
/*
 * What Adobe does when a check that cuts it off from the key fails while CMK is in force, and how
 * soon, in the words of Adobe's documentation (AdobeDocs/experience-platform.en, help/landing/
 * governance-privacy-security/customer-managed-keys/):
 * - alert-resolution-reference.md: "Key access disabled": "Adobe CMK treats the access failure as
 *   a purposeful removal and will purge all data associated with your organization, based on your
 *   SLA"; "Key access failure" (a blocked address): "This is treated as a recoverable error. Data
 *   is not purged under SLA in this case."
 * - azure/alerts-and-ip-access.md: "A background process runs every 10 minutes to check key
 *   accessibility".
 * - overview.md, propagation timelines: once key access is revoked, primary data stores take "a
 *   few minutes to 24 hours", cached or transient stores "up to 7 days".
 * The docs give no purge deadline beyond "based on your SLA", so none is invented here.
 */


/** Statuses under which Adobe encrypts with the key: what it does on a cut-off applies now. */
const IN_FORCE = ['COMPLETED', 'UPDATE_EXISTING_RESOURCES'];
/**
 * The checks that cut Adobe off from this key, when Adobe may be using it: its configuration is
 * in force (or could not be read) and does not name another vault or key. A failure that is only
 * the action's own read being refused or failing says nothing of Adobe's access and is left out.
 */
function adobeCutOff(findings, status) {
    if (!IN_FORCE.includes(status) && status !== 'UNKNOWN')
        return undefined;
    if (findings.some(f => f.id === 'config.key' && f.outcome === 'fail'))
        return undefined;
    const cut = { 'key-access-disabled': [], 'key-access-failure': [] };
    for (const f of findings) {
        if (f.outcome !== 'fail' || !finding/* CHECK_IDS */.S.includes(f.id))
            continue;
        const alert = check_catalog/* CHECK_CATALOG */.bw[f.id].adobeAlert;
        const readOnly = f.evidence?.kind === 'forbidden' || f.evidence?.kind === 'error';
        if (alert && !readOnly)
            cut[alert].push(f.id);
    }
    if (cut['key-access-disabled'].length === 0 && cut['key-access-failure'].length === 0)
        return undefined;
    return { ...cut, certain: IN_FORCE.includes(status) };
}
/** The urgency for the first screen, Markdown (check ids are code; nothing from a service). */
function adobeUrgencyMarkdown(cut) {
    const lines = [];
    const disabled = cut['key-access-disabled'];
    const blocked = cut['key-access-failure'];
    const unsure = cut.certain
        ? ''
        : ' (if CMK is in force for it: its configuration status could not be read)';
    if (disabled.length > 0) {
        lines.push(`🚨 **Adobe cannot use this key now: ${ids(disabled)} failed${unsure}.** ` +
            'Adobe\'s CMK alert reference calls this "Key access disabled": Adobe "treats the access failure as a purposeful removal and will purge all data associated with your organization, based on your SLA". ' +
            'Adobe checks key access every 10 minutes; once access is revoked, data in its primary stores becomes inaccessible within a few minutes to 24 hours, in cached stores within 7 days. Fix it now: the fix is below.');
    }
    if (blocked.length > 0) {
        lines.push(`⚠️ **Adobe cannot reach this key: ${ids(blocked)} failed${disabled.length > 0 ? '' : unsure}.** ` +
            'Adobe\'s CMK alert reference calls a blocked address a "Key access failure": "This is treated as a recoverable error. Data is not purged under SLA in this case." ' +
            'Allow the address again (the fix is below); Adobe checks key access every 10 minutes.');
    }
    return lines.join('\n\n');
}
function ids(list) {
    const code = list.map(id => `\`${id}\``);
    return code.length <= 1 ? (code[0] ?? '') : `${code.slice(0, -1).join(', ')} and ${code.at(-1)}`;
}

// EXTERNAL MODULE: ./src/report/fix-markdown.ts
var fix_markdown = __webpack_require__(48523);
;// CONCATENATED MODULE: ./src/report/fix-as-code.ts



/** Vault and key names as the inputs allow them: nothing else is put into code. */
const NAME = /^[A-Za-z0-9-]{1,127}$/;
/** The forms a vault of this kind takes: a Managed HSM's own where the check has them. */
function codeFormsFor(fix, vaultType) {
    if (vaultType === 'managed-hsm' && fix.managedHsm)
        return fix.managedHsm;
    return { terraform: fix.terraform, bicep: fix.bicep };
}
/**
 * A check's fix as Terraform and Bicep for this run, with the vault and key names filled in;
 * undefined when the check has neither (or a report of another version names an unknown check).
 */
function fixAsCode(id, vaultType, names) {
    if (!finding/* CHECK_IDS */.S.includes(id))
        return undefined;
    const forms = codeFormsFor(check_catalog/* CHECK_CATALOG */.bw[id].fix, vaultType);
    if (forms.terraform === undefined && forms.bicep === undefined)
        return undefined;
    const fill = (code) => (code === undefined ? undefined : named(code, names));
    return { terraform: fill(forms.terraform), bicep: fill(forms.bicep) };
}
/** "Terraform (azurerm) and Bicep", or the one form a fix has; plain text, for an HTML summary. */
function codeFormsLabel(forms) {
    const labels = [
        forms.terraform === undefined ? undefined : 'Terraform (azurerm)',
        forms.bicep === undefined ? undefined : 'Bicep'
    ].filter((label) => label !== undefined);
    return labels.join(' and ');
}
/** Each form under its label, as fenced code blocks; `prefix` goes in front of the labels. */
function codeFormsMarkdown(forms, prefix = '') {
    const parts = [];
    if (forms.terraform !== undefined)
        parts.push(`**${prefix}Terraform (\`azurerm\`):**`, (0,fix_markdown/* codeBlock */.DV)(forms.terraform, 'hcl'));
    if (forms.bicep !== undefined)
        parts.push(`**${prefix}Bicep:**`, (0,fix_markdown/* codeBlock */.DV)(forms.bicep, 'bicep'));
    return parts.join('\n\n');
}
function named(code, names) {
    let filled = code;
    if (names.vault !== undefined && NAME.test(names.vault))
        filled = filled.replaceAll('<vault>', names.vault).replaceAll('<hsm>', names.vault);
    if (names.key !== undefined && NAME.test(names.key))
        filled = filled.replaceAll('<key>', names.key);
    return filled;
}

// EXTERNAL MODULE: ./src/report/guarded-key.ts
var guarded_key = __webpack_require__(1396);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/safety/cap.ts
var cap = __webpack_require__(4066);
;// CONCATENATED MODULE: ./src/report/tracking-issue-text.ts






/** GitHub refuses an issue body or comment over 65,536 characters (422): the key would go untracked. */
const ISSUE_TEXT_MAX_CHARS = 65_536;
/** One finding's detail or fix in the issue: enough for any real one, a bound for a hostile one. */
const FINDING_TEXT_MAX_CHARS = 4096;
/** The label every tracking issue carries; the look-up lists open issues with it. */
const TRACKING_LABEL = 'aep-cmk';
/**
 * The hidden line that says which org, vault and key an issue tracks. A hash, so that no name
 * can break the HTML comment, and one issue per org, vault and key (names case as Azure does).
 */
function issueMarker(key) {
    return `<!-- aep-cmk-tracking-issue ${(0,guarded_key/* guardedKeyHash */.W)(key)} -->`;
}
const FAILED_CHECKS = /<!-- aep-cmk-failed-checks: ([a-z0-9.,-]*) -->/;
/** The failed checks an issue body recorded when it was last written. */
function recordedFailedChecks(body) {
    const match = FAILED_CHECKS.exec(body);
    return match?.[1] ? match[1].split(',').filter(id => id !== '') : [];
}
function issueTitle(key) {
    return `Customer-managed key check fails: ${key.vaultName}/${key.keyName}`;
}
/** The issue body: the hidden markers, then the failed checks with their fixes. */
function issueBody(findings, failedChecks, context) {
    const { key } = context;
    const failed = failedChecks
        .map(id => findings.find(f => f.id === id))
        .filter((f) => f !== undefined);
    const lines = [
        issueMarker(key),
        `<!-- aep-cmk-failed-checks: ${failedChecks.join(',')} -->`,
        `The Adobe Experience Platform customer-managed key **${inline(key.vaultName)}/${inline(key.keyName)}** ` +
            `(org ${inline(key.orgId)}) ${verdict(failed.length)}.`,
        ...(context.error ? ['', `The run stopped: ${inline(context.error)}`] : []),
        ...urgency(findings, context.status),
        '',
        `Last failing run: ${runLink(context.runUrl)} (mode ${inline(context.mode)}, configuration status ${inline(context.status)}).`,
        '',
        '### Failed checks',
        ...failed.flatMap(f => [
            '',
            `- **${f.id}**: ${inline((0,cap/* capChars */.ye)(f.detail, FINDING_TEXT_MAX_CHARS))}`,
            ...(f.fix ? [`  **Fix:** ${inline((0,cap/* capChars */.ye)(f.fix, FINDING_TEXT_MAX_CHARS))}`] : []),
            ...(f.fix ? asCode(f.id, context) : [])
        ]),
        '',
        '---',
        'Kept by aep-cmk-azure-action: each failing run updates this issue (and comments when the failed checks change); the first passing run comments and closes it.'
    ];
    // The markers come first, so a cut keeps them; the text is secret-free like every sink.
    return (0,cap/* capChars */.ye)((0,secrets/* redact */.E$)(lines.join('\n')), ISSUE_TEXT_MAX_CHARS - 1) + '\n';
}
/** What Adobe does about a failure that cuts it off from the key, as the summary says it. */
function urgency(findings, status) {
    const cut = adobeCutOff(findings, status);
    return cut ? ['', adobeUrgencyMarkdown(cut)] : [];
}
/** The fix in Terraform and Bicep, indented into the finding's list item. */
function asCode(id, context) {
    const names = { vault: context.key.vaultName, key: context.key.keyName };
    const forms = fixAsCode(id, context.vaultType, names);
    if (!forms)
        return [];
    return [
        '',
        ...codeFormsMarkdown(forms)
            .split('\n')
            .map(line => (line ? `  ${line}` : line))
    ];
}
/** What the issue says of the key: the checks it fails, or that the run could not check it. */
function verdict(failed) {
    if (failed === 0)
        return 'could not be checked: the run stopped before its checks were decided';
    return `fails ${failed === 1 ? 'a check' : `${failed} checks`}`;
}
/** The comment of a failing run whose failed checks differ from those the issue recorded. */
function changedComment(before, now, runUrl) {
    const added = now.filter(id => !before.includes(id));
    const gone = before.filter(id => !now.includes(id));
    const lines = [`The failed checks changed in ${runLink(runUrl)}:`];
    if (added.length > 0)
        lines.push(`- now failing: ${added.map(code).join(', ')}`);
    if (gone.length > 0)
        lines.push(`- no longer failing: ${gone.map(code).join(', ')}`);
    lines.push('', 'The description above lists the current failures and their fixes.');
    return lines.join('\n') + '\n';
}
function passedComment(runUrl) {
    return `Every check passes again in ${runLink(runUrl)}: closing this issue.\n`;
}
function runLink(runUrl) {
    return runUrl ? `[this run](${runUrl})` : 'a run outside GitHub Actions';
}
function code(id) {
    return `\`${id}\``;
}
/**
 * A value from a service or the inputs, placed inline: no markup, and no @mention (a zero-width
 * space after the @) that would notify someone each night.
 */
function inline(text) {
    return (0,markdown/* escapeMarkdown */.FV)(text).replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b');
}

;// CONCATENATED MODULE: ./src/report/tracking-issue.ts



/**
 * Keeps one open issue per org, vault and key: a failing run opens it or updates it (commenting
 * only when the failed checks changed, so a nightly schedule does not notify anyone for
 * nothing), a passing run comments and closes it. A closed issue is history: it is never
 * reopened, the next failure opens a new one. Never throws: a failed call is a warning.
 */
async function keepTrackingIssue(api, key, run) {
    let url;
    try {
        const marker = issueMarker(key);
        const open = (await api.listOpen(TRACKING_LABEL))
            .filter(issue => issue.body.includes(marker))
            .sort((a, b) => a.number - b.number);
        const issue = open[0];
        url = issue?.url;
        if (run.result === 'pass') {
            if (!issue)
                return { kind: 'nothing-open' };
            await api.comment(issue.number, passedComment(run.runUrl));
            await api.update(issue.number, { state: 'closed' });
            return { kind: 'closed', url: issue.url };
        }
        const body = issueBody(run.findings, run.failedChecks, { key, ...run });
        if (!issue) {
            const created = await api.create({
                title: issueTitle(key),
                body,
                labels: [TRACKING_LABEL]
            });
            url = created.url;
            const warning = created.labels.includes(TRACKING_LABEL)
                ? undefined
                : `GitHub did not set the label ${TRACKING_LABEL} on ${created.url} (only tokens that may push to the repository set labels), so the next run will not find it: add the label by hand.`;
            return { kind: 'opened', url: created.url, warning };
        }
        const before = recordedFailedChecks(issue.body);
        const changed = before.length !== run.failedChecks.length || run.failedChecks.some(id => !before.includes(id));
        await api.update(issue.number, { title: issueTitle(key), body });
        if (changed)
            await api.comment(issue.number, changedComment(before, [...run.failedChecks], run.runUrl));
        return { kind: 'updated', url: issue.url, commented: changed };
    }
    catch (error) {
        return { kind: 'failed', url, warning: (0,secrets/* redact */.E$)((0,error_message/* errorMessage */.g)(error)) };
    }
}

;// CONCATENATED MODULE: ./src/report/github-reports.ts




/** Whether the run got as far as reading the services; before that there is nothing to report. */
function gatheredFacts(r) {
    return r.facts !== undefined;
}
/** Writes the SARIF file when asked and facts were gathered; returns its path once written. */
async function publishSarif(host, r, github, strict) {
    if (!github?.sarifFile || !gatheredFacts(r))
        return undefined;
    try {
        // Loaded here, not at start-up: it brings a YAML parser that only the SARIF file needs.
        const { workflowLocation } = await __webpack_require__.e(/* import() */ 889).then(__webpack_require__.bind(__webpack_require__, 64889));
        const location = await workflowLocation(host.context);
        await (0,sarif.writeSarif)(github.sarifFile, (0,sarif.buildSarif)(r.findings, github.key, location, strict));
        return github.sarifFile;
    }
    catch (error) {
        host.warning(`Could not write sarif-file ${github.sarifFile}: ${(0,error_message/* errorMessage */.g)(error)}`);
        return undefined;
    }
}
/**
 * Opens, updates or closes the tracking issue when open-issue is on and facts were gathered (a
 * run stopped by bad input touches no issue). A GitHub failure is a warning, never a failed
 * run. Returns the issue's URL whenever GitHub named one.
 */
async function publishTrackingIssue(host, r, github) {
    if (!github?.trackingIssue || !gatheredFacts(r))
        return undefined;
    let client;
    try {
        client = await issuesClient(github.trackingIssue.githubToken, host);
    }
    catch (error) {
        host.warning(`Could not keep the tracking issue: ${(0,error_message/* errorMessage */.g)(error)}`);
        return undefined;
    }
    const outcome = await keepTrackingIssue(client.api, github.key, {
        result: r.result,
        mode: r.mode,
        status: r.status,
        findings: r.findings,
        failedChecks: r.failedChecks,
        runUrl: client.runUrl,
        error: r.error,
        vaultType: r.vaultType
    });
    switch (outcome.kind) {
        case 'opened':
            host.info(`Opened the tracking issue ${outcome.url}`);
            if (outcome.warning)
                host.warning(outcome.warning);
            return outcome.url;
        case 'updated':
            host.info(`Updated the tracking issue ${outcome.url}${outcome.commented ? ' and commented: the failed checks changed' : ''}`);
            return outcome.url;
        case 'closed':
            host.info(`Closed the tracking issue ${outcome.url}: every check passes`);
            return outcome.url;
        case 'nothing-open':
            return undefined;
        case 'failed':
            host.warning(`Could not keep the tracking issue: ${outcome.warning}`);
            return outcome.url;
    }
}

;// CONCATENATED MODULE: ./src/report/consent-link.ts
/** The consent URL when it may be followed (on Entra's sign-in host), else undefined. */
function followableConsentUrl(r) {
    return r.consentLink?.kind === 'entra' ? r.consentLink.url : undefined;
}

// EXTERNAL MODULE: ./src/report/regular-file.ts
var regular_file = __webpack_require__(7049);
;// CONCATENATED MODULE: ./src/report/json-report.ts



/**
 * The report of one run. Described by docs/report.schema.json (a test holds every report the
 * end-to-end tests write to it, and `mode: summarize` reads reports through it).
 */
function buildJsonReport(r, runUrl) {
    return {
        schemaVersion: 1,
        result: r.result,
        mode: r.refusedMode ?? r.mode,
        status: r.status,
        statusAsSent: r.statusAsSent ?? null,
        configName: r.configName || null,
        adobeConfigName: r.adobeConfigName ?? null,
        keyIdentifier: r.keyIdentifier ?? null,
        applicationId: r.applicationId ?? null,
        consentUrl: followableConsentUrl(r) ?? null,
        failedChecks: [...r.failedChecks],
        findings: r.findings.map(f => ({
            id: f.id,
            outcome: f.outcome,
            detail: f.detail,
            fix: f.fix ?? null,
            evidence: f.evidence ?? null,
            blockedBy: f.outcome === 'skipped' ? f.blockedBy : null
        })),
        actions: [...r.actions],
        repairs: [...(r.repairs ?? [])],
        settings: r.settings,
        facts: r.facts ?? null,
        timings: r.timings,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        runUrl: runUrl ?? null,
        error: r.error ?? null
    };
}
/** Writes the JSON report to path (a regular file), creating missing parent directories. */
async function writeJsonReport(path, r, runUrl) {
    // Secrets a service echoed must not reach a file that is uploaded as an artifact.
    await (0,regular_file/* writeRegularFile */.E)(path, (0,secrets/* redact */.E$)(JSON.stringify(buildJsonReport(r, runUrl), null, 2)) + '\n');
}

;// CONCATENATED MODULE: ./src/report/outputs.ts

/**
 * Sets the action's contract outputs; report-file only when a report was written. The host
 * neutralizes every value (a workflow may echo an output into its log).
 */
function writeOutputs(r, set, reportFile) {
    const setOutput = set;
    setOutput('result', r.result);
    setOutput('status', r.status);
    setOutput('config-name', r.configName);
    setOutput('vault-type', r.vaultType ?? '');
    setOutput('key-identifier', r.keyIdentifier ?? '');
    setOutput('application-id', r.applicationId ?? '');
    setOutput('consent-url', followableConsentUrl(r) ?? '');
    setOutput('failed-checks', r.failedChecks.join(','));
    if (reportFile)
        setOutput('report-file', reportFile);
}
/** sarif-file and issue-url, each only when there is one. */
function writeGitHubOutputs(setOutput, written) {
    if (written.sarifFile)
        setOutput('sarif-file', written.sarifFile);
    if (written.issueUrl)
        setOutput('issue-url', written.issueUrl);
}

// EXTERNAL MODULE: ./src/facts/consent-url.ts
var consent_url = __webpack_require__(35573);
;// CONCATENATED MODULE: ./src/report/next-step.ts


/** The verdict's second half: what to do next, or that nothing is left to do. */
function nextStep(r, firstFailure) {
    if (r.result === 'pass') {
        if (r.status === 'COMPLETED')
            return 'customer-managed keys are active; nothing to do';
        if (r.mode === 'validate')
            return 'setup can go ahead';
        return 'nothing to do';
    }
    if (r.error !== undefined && !firstFailure)
        return 'fix the error below, then re-run';
    if (!firstFailure)
        return 'see below';
    const id = firstFailure.id;
    // A report written by another version may name a check this one does not know.
    const step = finding/* CHECK_IDS */.S.includes(id) ? check_catalog/* CHECK_CATALOG */.bw[id].nextStep : `fix ${id}`;
    return `${step} (\`${id}\`), then re-run`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts








const STATUS_MEANINGS = {
    COMPLETED: 'customer-managed keys are active',
    FAILED: 'Adobe could not apply the key',
    NEW: 'submitted, waiting for Adobe to start',
    RUNNING: 'Adobe is applying the key',
    UPDATE_EXISTING_RESOURCES: 'Adobe is re-encrypting existing resources',
    NOT_CONFIGURED: 'Adobe has no configuration of that name',
    UNKNOWN: 'could not be read'
};
/** What a status means while a failed check cuts Adobe off from the key (the banner says what). */
const CUT_OFF_MEANINGS = {
    COMPLETED: 'Adobe encrypts with this key, but cannot use it now: see above',
    UPDATE_EXISTING_RESOURCES: 'Adobe is re-encrypting with this key, but cannot use it now: see above',
    UNKNOWN: 'could not be read; see above'
};
/**
 * Markdown for GITHUB_STEP_SUMMARY, read top-down by a person in a hurry: the verdict and the
 * one thing to do next, what Adobe does (and how soon) about a failure that cuts it off from the
 * key, then what failed and warned with each fix (commands as copyable code blocks, the same fix
 * as code folded under it), then the rest; passes are folded away. Every service-provided value
 * is escaped.
 */
function renderSummary(r) {
    const findings = inContractOrder(r.findings);
    const strict = new Set(r.failedChecks);
    const failures = findings.filter(f => f.outcome === 'fail');
    const warnings = findings.filter(f => f.outcome === 'warn');
    const blocking = findings.find(f => strict.has(f.id));
    const cutOff = adobeCutOff(findings, r.status);
    const sections = [
        `## ${r.result === 'pass' ? '✅ pass' : '❌ fail'} (${(0,markdown/* escapeMarkdown */.FV)(r.mode)}): ${nextStep(r, blocking)}`,
        cutOff && adobeUrgencyMarkdown(cutOff),
        consent(r, findings),
        r.error === undefined ? undefined : `**Error:** ${(0,markdown/* escapeMarkdown */.FV)(r.error)}`,
        problems('❌', 'failed', failures, strict, r),
        problems('⚠️', 'warned', warnings, strict, r),
        skipped(findings),
        overview(r, cutOff !== undefined),
        written(r),
        passes(findings, r),
        timings(r)
    ];
    return sections.filter(s => s !== undefined).join('\n\n') + '\n';
}
/** The consent link, only while consent is what is missing. */
function consent(r, findings) {
    const consented = findings.find(f => f.id === 'app.consented');
    const link = r.consentLink;
    if (link === undefined || consented?.outcome !== 'fail')
        return undefined;
    if (link.kind === 'elsewhere')
        return `**Admin consent:** ${(0,fix_markdown/* fixMarkdown */.F6)((0,consent_url/* consentRefusal */.R3)(link, r.applicationId))}`;
    const href = (0,markdown/* httpsHref */.ZN)(link.url);
    if (href === undefined)
        return undefined; // not reached: an Entra link is https
    return `**Admin consent:** an administrator of the vault's tenant opens [grant consent to the CMK app](${href}), accepts, and re-runs the job.`;
}
function problems(icon, verb, findings, failing, r) {
    if (findings.length === 0)
        return undefined;
    const heading = `### ${icon} ${findings.length} ${findings.length === 1 ? 'check' : 'checks'} ${verb}`;
    const items = findings.map(f => {
        const strict = f.outcome === 'warn' && failing.has(f.id) ? ' (fails: strict)' : '';
        const lines = [`**${checkId(f.id)}**${strict}: ${(0,markdown/* escapeMarkdown */.FV)(f.detail)}`];
        if (f.fix)
            lines.push(`**Fix:** ${(0,fix_markdown/* fixMarkdown */.F6)(f.fix)}`);
        const asCode = f.fix ? foldedCode(f, r) : undefined;
        if (asCode)
            lines.push(asCode);
        return lines.join('\n\n');
    });
    return [heading, ...items].join('\n\n');
}
/** The fix in Terraform and Bicep, folded under the az form (most readers want that one). */
function foldedCode(f, r) {
    const names = { vault: stringSetting(r, 'keyVaultName'), key: stringSetting(r, 'keyName') };
    const forms = fixAsCode(f.id, r.vaultType, names);
    if (!forms)
        return undefined;
    return [
        `<details><summary>The same fix in ${codeFormsLabel(forms)}</summary>`,
        codeFormsMarkdown(forms),
        '</details>'
    ].join('\n\n');
}
function skipped(findings) {
    const lines = (0,skipped_lines/* skippedLines */.T)(findings);
    return lines.length === 0
        ? undefined
        : lines.map(line => `⏭️ ${(0,markdown/* escapeMarkdown */.FV)(line)}`).join('  \n');
}
/** `cutOff`: a failed check cuts Adobe off, so the status must not say the keys are in force. */
function overview(r, cutOff) {
    const lines = [];
    const vault = stringSetting(r, 'keyVaultName');
    const key = stringSetting(r, 'keyName');
    if (vault !== undefined || key !== undefined) {
        lines.push(`**Vault / key:** ${(0,markdown/* escapeMarkdown */.FV)(vault ?? '?')} / ${(0,markdown/* escapeMarkdown */.FV)(key ?? '?')}`);
    }
    if (r.keyIdentifier)
        lines.push(`**Key identifier:** ${(0,markdown/* escapeMarkdown */.FV)(r.keyIdentifier)}`);
    if (r.configName) {
        const meaning = cutOff ? CUT_OFF_MEANINGS[r.status] : STATUS_MEANINGS[r.status];
        lines.push(`**Configuration:** ${(0,markdown/* escapeMarkdown */.FV)(r.configName)}` +
            (r.adobeConfigName && r.adobeConfigName !== r.configName
                ? ` (Adobe's internal name ${(0,markdown/* escapeMarkdown */.FV)(r.adobeConfigName)})`
                : '') +
            `, status **${(0,markdown/* escapeMarkdown */.FV)(r.status)}**` +
            (meaning ? ` (${meaning})` : ''));
    }
    if (r.applicationId)
        lines.push(`**CMK app id:** ${(0,markdown/* escapeMarkdown */.FV)(r.applicationId)}`);
    // Trailing double space: a hard line break, so each fact gets its own line.
    return lines.length === 0 ? undefined : lines.join('  \n');
}
function written(r) {
    if (r.actions.length === 0)
        return '**Written:** nothing.';
    return ['**Written:**', ...r.actions.map(a => `- ${(0,markdown/* escapeMarkdown */.FV)(a)}`)].join('\n');
}
/** The checks that passed, folded: a person in a hurry does not need them. */
function passes(findings, r) {
    const passed = findings.filter(f => f.outcome === 'pass');
    if (r.findings.length === 0)
        return '**Checks:** none ran.';
    if (passed.length === 0)
        return '**Checks:** none passed.';
    const rows = passed.map(f => `| ${checkId(f.id)} | ${(0,markdown/* escapeTableCell */.aL)(f.detail)} |`);
    return [
        `<details><summary>✅ ${passed.length} ${passed.length === 1 ? 'check' : 'checks'} passed</summary>`,
        '',
        '| Check | Found |',
        '| --- | --- |',
        ...rows,
        '',
        '</details>'
    ].join('\n');
}
function inContractOrder(findings) {
    const rank = (id) => {
        const i = finding/* CHECK_IDS */.S.indexOf(id);
        return i === -1 ? finding/* CHECK_IDS */.S.length : i;
    };
    return [...findings].sort((a, b) => rank(a.id) - rank(b.id));
}
function checkId(id) {
    return /^[a-z0-9.-]+$/.test(id) ? `\`${id}\`` : (0,markdown/* escapeMarkdown */.FV)(id);
}
function timings(r) {
    const entries = Object.entries(r.timings);
    const total = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
    if (entries.length === 0 && Number.isNaN(total))
        return undefined;
    const parts = entries.map(([phase, ms]) => `${(0,markdown/* escapeMarkdown */.FV)(phase)} ${Math.round(ms)} ms`);
    if (!Number.isNaN(total))
        parts.unshift(`total ${total} ms`);
    return `<sub>Timings: ${parts.join(' · ')}</sub>`;
}
function stringSetting(r, name) {
    const value = r.settings[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/report/publish.ts







/**
 * Writes everything a run reports: annotations, outputs, the JSON report, the SARIF file, the
 * tracking issue and the job summary, then passes or fails the step. Each part is attempted even
 * when another fails. The contract's outputs come before the files, so that a report-file that
 * cannot be written (or would block) never costs them. The host keeps the outputs (the command
 * line prints its own record of them, as the host made them safe).
 */
async function publish(host, r, { strict, reportFile, github }) {
    const setOutput = (name, value) => host.setOutput(name, value);
    for (const [level, message, title] of annotationsFor(r.findings, strict))
        host.annotate(level, message, title);
    for (const line of (0,skipped_lines/* skippedLines */.T)(r.findings))
        host.info(line);
    const outputsError = setOutputs(() => writeOutputs(r, setOutput));
    if (reportFile) {
        try {
            await writeJsonReport(reportFile, r, host.context.runUrl);
            if (!outputsError)
                setOutputs(() => setOutput('report-file', reportFile));
        }
        catch (error) {
            host.warning(`Could not write report-file ${reportFile}: ${(0,error_message/* errorMessage */.g)(error)}`);
        }
    }
    const sarifFile = await publishSarif(host, r, github, strict);
    const issueUrl = await publishTrackingIssue(host, r, github);
    if (!outputsError)
        setOutputs(() => writeGitHubOutputs(setOutput, { sarifFile, issueUrl }));
    try {
        await host.writeSummary(renderSummary(r));
    }
    catch (error) {
        host.warning(`Could not write the job summary: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
    return { passed: conclude(host, r, outputsError) };
}
/** Runs the output writes; the host's words for the first failure are returned, never thrown. */
function setOutputs(write) {
    try {
        write();
        return undefined;
    }
    catch (error) {
        return (0,error_message/* errorMessage */.g)(error);
    }
}
/** Passes or fails the step; `result` is pass exactly when the step passes. */
function conclude(host, r, outputsError) {
    if (r.result === 'pass' && !outputsError) {
        host.info(`CMK ${r.mode}: pass (configuration ${r.configName}: ${r.status})`);
        return true;
    }
    const reasons = [
        r.result === 'pass' ? undefined : (r.error ?? `failed checks: ${r.failedChecks.join(', ')}`),
        outputsError
    ].filter(reason => reason !== undefined);
    host.fail(`CMK ${r.mode}: ${reasons.join('; ')}`);
    return false;
}

// EXTERNAL MODULE: ./src/inputs/settings-summary.ts
var settings_summary = __webpack_require__(39497);
// EXTERNAL MODULE: ./src/run/observed-status.ts
var observed_status = __webpack_require__(13892);
;// CONCATENATED MODULE: ./src/run/stopped-runs.ts




/**
 * The report made at the deadline while work is still pending: what is known (the last
 * configuration status seen), and config.status failed because the run ran out of time.
 */
function overdueResult(settings, startedAt, progress, reason) {
    return {
        ...failedRun(startedAt, `${(0,error_message/* errorMessage */.g)(reason)}; reported what was known, with calls still pending`),
        mode: settings.mode,
        configName: settings.configName,
        ...(0,observed_status/* statusOf */.c)(progress.lastConfig),
        findings: [
            {
                id: 'config.status',
                outcome: 'fail',
                detail: `Not decided: ${(0,error_message/* errorMessage */.g)(reason)} before the reads and waits were done.`,
                fix: 'Re-run the job; if a service is slow, raise wait-timeout-seconds (the run may take that long plus 300 s).'
            }
        ],
        failedChecks: ['config.status'],
        settings: (0,settings_summary/* summarizeSettings */.$)(settings)
    };
}
/** A failure nothing expected still ends with outputs, summary and report. */
function unexpectedErrorResult(error, settings, startedAt, log) {
    log.debug((0,secrets/* redact */.E$)(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return {
        ...failedRun(startedAt, `unexpected error: ${(0,error_message/* errorMessage */.g)(error)}`),
        mode: settings.mode,
        configName: settings.configName,
        settings: (0,settings_summary/* summarizeSettings */.$)(settings)
    };
}
function inputErrorResult(parsed, startedAt) {
    // Still say which mode failed, so tooling that reads the report or outputs works.
    return {
        ...failedRun(startedAt, parsed.message),
        mode: parsed.mode,
        refusedMode: parsed.refusedMode
    };
}
function failedRun(startedAt, error) {
    return {
        mode: 'setup',
        result: 'fail',
        status: 'UNKNOWN',
        configName: '',
        findings: [],
        failedChecks: [],
        error: (0,secrets/* redact */.E$)(error),
        actions: [],
        settings: {},
        timings: {},
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString()
    };
}

;// CONCATENATED MODULE: ./src/main.ts





/** One run of the action, wherever `host` runs it: settings -> facts -> act -> findings -> publish. */
async function run(host) {
    const startedAt = new Date();
    // Masked before anything can echo them, even when the inputs turn out to be invalid.
    for (const name of parse_settings/* SECRET_INPUTS */.pH)
        (0,secrets/* registerSecret */.cl)(host.input(name));
    const parsed = (0,parse_settings/* parseSettings */.P$)(name => host.input(name), host.env);
    if (!parsed.ok) {
        const result = inputErrorResult(parsed, startedAt);
        const published = await publish(host, result, { strict: false, reportFile: parsed.reportFile });
        return { result, ...published, inputError: true, deadlineReached: false };
    }
    const { settings } = parsed;
    if (settings.mode === 'summarize') {
        // A chunk of its own: reads reports, signs in nowhere, never loads the service clients.
        const { summarize } = await Promise.all(/* import() */[__webpack_require__.e(210), __webpack_require__.e(578)]).then(__webpack_require__.bind(__webpack_require__, 11578));
        const { result, passed } = await summarize(settings, host, startedAt);
        return { result, passed, inputError: false, deadlineReached: false };
    }
    announce(settings, host);
    // Loaded only now that the inputs are valid, and before the deadline starts: loading code is
    // not time the services took.
    const { checkAndAct, ...clients } = await loadServiceClients();
    const deadline = startRunDeadline(settings.waitTimeoutSeconds, settings.tuning.readAllowanceSeconds);
    try {
        const progress = {};
        const work = checkAndAct(settings, clients, deadline.signal, startedAt, progress, host).catch((error) => unexpectedErrorResult(error, settings, startedAt, host));
        // Whatever is still pending when the deadline passes, the run reports.
        const overdue = deadline.mustReport.then(() => overdueResult(settings, startedAt, progress, deadline.signal.reason));
        const result = await Promise.race([work, overdue]);
        const published = await publish(host, result, {
            strict: settings.strict,
            reportFile: settings.reportFile,
            github: {
                key: {
                    orgId: settings.adobeOrgId,
                    vaultName: settings.keyVaultName,
                    keyName: settings.keyName
                },
                sarifFile: settings.sarifFile,
                trackingIssue: settings.trackingIssue
            }
        });
        return { result, ...published, inputError: false, deadlineReached: deadline.reached() };
    }
    finally {
        deadline.clear();
    }
}
/**
 * The service clients (Azure SDKs, the Adobe client) and the fact readers that use them: a
 * chunk of their own in the bundle, so that bad input is refused without loading them.
 */
async function loadServiceClients() {
    const [{ createServices }, { gatherFacts }, { checkAndAct }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(612), __webpack_require__.e(827), __webpack_require__.e(163), __webpack_require__.e(73)]).then(__webpack_require__.bind(__webpack_require__, 74073)),
        Promise.all(/* import() */[__webpack_require__.e(612), __webpack_require__.e(90), __webpack_require__.e(163), __webpack_require__.e(505)]).then(__webpack_require__.bind(__webpack_require__, 27505)),
        __webpack_require__.e(/* import() */ 728).then(__webpack_require__.bind(__webpack_require__, 64728))
    ]);
    return { createServices, gatherFacts, checkAndAct };
}
/** Registers the parsed secrets for masking and shows the notices parsing left. */
function announce(settings, host) {
    if (settings.azure.auth === 'secret')
        (0,secrets/* registerSecret */.cl)(settings.azure.clientSecret);
    if (settings.adobe.kind === 'client-credentials')
        (0,secrets/* registerSecret */.cl)(settings.adobe.clientSecret);
    else
        (0,secrets/* registerSecret */.cl)(settings.adobe.accessToken);
    for (const notice of settings.notices)
        host.warning(notice);
}


/***/ }),

/***/ 41300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ CHECK_IDS)
/* harmony export */ });
const CHECK_IDS = [
    'azure.sign-in',
    'adobe.sign-in',
    'vault.found',
    'vault.soft-delete',
    'vault.purge-protection',
    'vault.rbac',
    'vault.network',
    'vault.adobe-ip',
    'vault.audit-log',
    'vault.delete-lock',
    'key.found',
    'key.enabled',
    'key.type',
    'key.size',
    'key.operations',
    'key.active',
    'key.expiry',
    'key.rotation',
    'app.registered',
    'app.consented',
    'app.role',
    'config.status',
    'config.key'
];


/***/ }),

/***/ 48523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   F6: () => (/* binding */ fixMarkdown)
/* harmony export */ });
/* unused harmony export proseMarkdown */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54285);

// A backticked span of a fix that a person runs: it gets a copyable code block of its own.
const COMMAND = /^(az|gh|curl|git|npm|npx|terraform|Connect-|New-|Set-|Update-)\b/;
/**
 * A fix as Markdown: its commands (backticked spans that start with a CLI, e.g. `az ...`) become
 * fenced code blocks under the prose, which refers to them; other backticked spans stay inline
 * code, https URLs become links, and everything else is escaped text.
 */
function fixMarkdown(fix) {
    const spans = fix.split(/(`[^`]+`)/);
    const commands = spans
        .filter(s => s.startsWith('`') && COMMAND.test(s.slice(1, -1)))
        .map(s => s.slice(1, -1));
    let n = 0;
    const prose = spans
        .map(span => {
        if (!span.startsWith('`'))
            return proseMarkdown(span);
        const inner = span.slice(1, -1);
        if (!COMMAND.test(inner))
            return inlineCode(inner);
        n++;
        return commands.length === 1 ? 'the command below' : `command ${n} below`;
    })
        .join('')
        .trim();
    return [prose, ...commands.map(command => codeBlock(command))].join('\n\n');
}
/** Escaped text whose https URLs are autolinks. */
function proseMarkdown(text) {
    return text
        .split(/(https:\/\/[^\s<>"'`]+)/)
        .map((part, i) => {
        if (i % 2 === 0)
            return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(part);
        // A sentence's full stop or comma after a URL is not part of it.
        const url = part.replace(/[.,;:)]+$/, '');
        const rest = part.slice(url.length);
        const href = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .httpsHref */ .ZN)(url);
        return (href ? `<${href}>` : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(url)) + (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(rest);
    })
        .join('');
}
/** Inline code that no content can end early: the fence is longer than any backtick run. */
function inlineCode(text) {
    const fence = '`'.repeat(longestBacktickRun(text) + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
/** A fenced code block (`sh` unless told) that no content can end early. */
function codeBlock(code, language = 'sh') {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1));
    return `${fence}${language}\n${code}\n${fence}`;
}
function longestBacktickRun(text) {
    return Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
}


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   ZN: () => (/* binding */ httpsHref),
/* harmony export */   aL: () => (/* binding */ escapeTableCell)
/* harmony export */ });
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// Characters that start inline Markdown constructs (emphasis, code, links, images,
// strikethrough, table cells) or, with `\` itself, could undo the escaping.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]()|~!#]/g;
// Block constructs recognised at the start of a line: lists, setext underlines, ordered lists.
const LEADING_BLOCK_MARKER = /^(\s*)([-+=]|\d+(?=[.)]))/;
/**
 * Makes a service-provided string safe to place inline in GitHub-flavoured Markdown: HTML is
 * shown as text, Markdown punctuation is backslash-escaped and line breaks become `<br>`, so
 * the value can neither add markup nor start a new block.
 */
function escapeMarkdown(text) {
    return String(text)
        .replace(/[&<>]/g, c => HTML_ENTITIES[c] ?? c)
        .replace(MARKDOWN_PUNCTUATION, c => `\\${c}`)
        .replace(LEADING_BLOCK_MARKER, (_, space, marker) => /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`)
        .replace(/\r\n|\r|\n/g, '<br>');
}
/** Like escapeMarkdown, for a cell of a Markdown table row (pipes and line breaks included). */
function escapeTableCell(text) {
    return escapeMarkdown(String(text).trim());
}
/**
 * An https URL made safe as a link target, or undefined for anything else (javascript:, http:,
 * text that is not a URL): it is then shown as text, never linked.
 */
function httpsHref(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:')
        return undefined;
    // URL already percent-encodes spaces, quotes and angle brackets; these would end the link.
    return parsed.href.replace(/[()[\]\\<>]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}


/***/ }),

/***/ 13892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ observedStatus),
/* harmony export */   c: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _checks_config_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40629);

/** The status to publish, and the one Adobe sent when its docs do not list it. */
function statusOf(config) {
    const observed = observedStatus(config);
    const status = (0,_checks_config_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .publishedStatus */ .lX)(observed);
    return { status, statusAsSent: status === observed ? undefined : observed };
}
function observedStatus(config) {
    if (config === undefined)
        return 'UNKNOWN';
    return config === null ? 'NOT_CONFIGURED' : config.status;
}


/***/ })

};
