export const id = 197;
export const ids = [197,578];
export const modules = {

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

/***/ 11578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  summarize: () => (/* binding */ summarize)
});

// EXTERNAL MODULE: ./src/safety/error-message.ts
var error_message = __webpack_require__(49194);
// EXTERNAL MODULE: ./src/model/finding.ts
var finding = __webpack_require__(41300);
;// CONCATENATED MODULE: ./src/summarize/fleet.ts

/** The target row of one valid report: only what the summary needs is kept. */
function targetOf(file, report) {
    const failedIds = new Set(report.failedChecks);
    const note = (f, outcome) => ({
        id: f.id,
        outcome,
        detail: f.detail,
        fix: f.fix
    });
    const byId = new Map(report.findings.map(f => [f.id, f]));
    const failed = report.failedChecks.map(id => {
        const finding = byId.get(id);
        return finding
            ? note(finding, finding.outcome === 'warn' ? 'warn' : 'fail')
            : { id, outcome: 'fail', detail: '', fix: null };
    });
    const warned = report.findings
        .filter(f => f.outcome === 'warn' && !failedIds.has(f.id))
        .map(f => note(f, 'warn'));
    const settings = report.settings;
    return {
        file,
        identity: 'keyVaultName' in settings
            ? { orgId: settings.adobeOrgId, vault: settings.keyVaultName, key: settings.keyName }
            : undefined,
        mode: report.mode,
        result: report.result,
        status: report.status,
        failed,
        warned,
        skipped: report.findings.flatMap(f => f.outcome === 'skipped' && f.blockedBy !== null ? [{ id: f.id, blockedBy: f.blockedBy }] : []),
        error: report.error,
        finishedAt: report.finishedAt,
        runUrl: report.runUrl,
        gatheredFacts: report.facts !== null,
        strict: 'strict' in settings ? settings.strict : false
    };
}
/** `<vault>/<key>` as a person reads it. */
function targetName(target) {
    return target.identity ? `${target.identity.vault}/${target.identity.key}` : '(unknown target)';
}
/**
 * The fleet from every target read and every file that could not be used. Two reports of the same
 * org, vault and key (names compared as Azure does, without case): the one that finished later
 * counts, the other is named as superseded.
 */
function buildFleet(patterns, targets, unusable) {
    const latest = new Map();
    const superseded = [];
    const kept = [];
    for (const target of [...targets].sort((a, b) => a.file.localeCompare(b.file))) {
        if (!target.identity) {
            kept.push(target);
            continue;
        }
        const id = identityKey(target.identity);
        const other = latest.get(id);
        if (!other)
            latest.set(id, target);
        else if (Date.parse(target.finishedAt) >= Date.parse(other.finishedAt)) {
            latest.set(id, target);
            superseded.push({ file: other.file, by: target.file });
        }
        else
            superseded.push({ file: target.file, by: other.file });
    }
    const rows = [...kept, ...latest.values()].sort(byUrgency);
    const failing = rows.filter(t => t.result === 'fail');
    return {
        patterns,
        targets: rows,
        unusable: [...unusable].sort((a, b) => a.file.localeCompare(b.file)),
        superseded: superseded.sort((a, b) => a.file.localeCompare(b.file)),
        result: failing.length > 0 || unusable.length > 0 || rows.length === 0 ? 'fail' : 'pass',
        failedChecks: inCheckOrder(new Set(failing.flatMap(t => t.failed.map(c => c.id)))),
        failedTargets: [
            ...new Set(failing.filter(t => t.identity !== undefined).map(t => targetName(t)))
        ]
    };
}
function identityKey(identity) {
    return JSON.stringify([identity.orgId, identity.vault.toLowerCase(), identity.key.toLowerCase()]);
}
/** Failing targets first, then those with warnings, then the rest; by org, vault, key within. */
function byUrgency(a, b) {
    const rank = (t) => (t.result === 'fail' ? 0 : t.warned.length > 0 ? 1 : 2);
    const name = (t) => t.identity ? `${t.identity.orgId}\u0000${targetName(t)}` : `\u0000${t.file}`;
    return rank(a) - rank(b) || name(a).localeCompare(name(b)) || a.file.localeCompare(b.file);
}
/** Known ids in the checks table's order, then ids a later version added, alphabetically. */
function inCheckOrder(ids) {
    const known = finding/* CHECK_IDS */.S.filter(id => ids.has(id));
    const later = [...ids].filter(id => !finding/* CHECK_IDS */.S.includes(id)).sort();
    return [...known, ...later];
}

// EXTERNAL MODULE: ./src/report/fix-markdown.ts
var fix_markdown = __webpack_require__(48523);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/summarize/fleet-summary.ts



/**
 * The summary's size: GitHub takes at most 1 MiB per step, and the host cuts what is over. Kept
 * well below, so that the summary ends where this module ends it (with a note of what is left
 * out), not in the middle of a table.
 */
const FLEET_SUMMARY_BUDGET_BYTES = 900 * 1024;
/** Files named in the lists of unusable and superseded reports; the rest are counted. */
const LISTED_FILES = 100;
/**
 * The fleet's job summary, read top-down by the compliance owner: the verdict, then one row per
 * target (failing ones first) with a link to its run, then each failing or warning target's checks
 * and fixes folded under its name, then the files that could not be used. Everything a report
 * holds is escaped: reports are uploaded by many jobs and read here as untrusted text.
 */
function renderFleetSummary(fleet, context, budget = FLEET_SUMMARY_BUDGET_BYTES) {
    const head = verdict(fleet, context);
    const tail = [unusableList(fleet), supersededList(fleet), footer(fleet, context)]
        .filter(s => s !== undefined)
        .join('\n\n');
    let left = budget - bytes(head) - bytes(tail);
    const table = fleet.targets.length === 0 ? undefined : targetTable(fleet.targets, left * 0.45);
    left -= bytes(table ?? '');
    const fixes = fixSections(fleet.targets, left);
    return [head, table, fixes, tail].filter(s => s !== undefined && s !== '').join('\n\n') + '\n';
}
function verdict(fleet, context) {
    const icon = fleet.result === 'pass' ? '✅ pass' : '❌ fail';
    const targets = fleet.targets.length;
    if (targets === 0 && fleet.unusable.length === 0)
        return `## ${icon} (summarize): no file matches ${patternList(fleet.patterns)} in the workspace ${(0,markdown/* escapeMarkdown */.FV)(context.workspace)}`;
    const failing = fleet.targets.filter(t => t.result === 'fail').length;
    const warning = fleet.targets.filter(t => t.result === 'pass' && t.warned.length > 0).length;
    const parts = [
        failing > 0
            ? `${failing} of ${plural(targets, 'target')} failed`
            : targets > 0
                ? `${plural(targets, 'target')}, every one passed`
                : 'no usable report',
        warning > 0 ? `${warning} passed with warnings` : undefined,
        fleet.unusable.length > 0
            ? `${plural(fleet.unusable.length, 'report')} could not be used`
            : undefined
    ];
    return `## ${icon} (summarize): ${parts.filter(p => p !== undefined).join('; ')}`;
}
/** One row per target, failing ones first, as many as fit in `maxBytes`. */
function targetTable(targets, maxBytes) {
    const header = [
        '| | Org | Vault / key | Mode | Result | Failed | Warned | Finished | Run |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'
    ];
    const rows = [];
    let used = bytes(header.join('\n'));
    for (const target of targets) {
        const row = tableRow(target);
        if (used + bytes(row) + 200 > maxBytes)
            break;
        rows.push(row);
        used += bytes(row) + 1;
    }
    const left = targets.slice(rows.length);
    const note = left.length === 0
        ? []
        : [
            '',
            `${plural(left.length, 'more target')} not shown (${left.filter(t => t.result === 'fail').length} failing): the summary has a size limit; \`aep-cmk summarize --json\` lists every one.`
        ];
    return [...header, ...rows, ...note].join('\n');
}
function tableRow(t) {
    const icon = t.result === 'fail' ? '❌' : t.warned.length > 0 ? '⚠️' : '✅';
    const cells = [
        icon,
        (0,markdown/* escapeTableCell */.aL)(t.identity?.orgId ?? '?'),
        t.identity
            ? `${(0,markdown/* escapeTableCell */.aL)(t.identity.vault)} / ${(0,markdown/* escapeTableCell */.aL)(t.identity.key)}`
            : `? (${(0,markdown/* escapeTableCell */.aL)(t.file)})`,
        (0,markdown/* escapeTableCell */.aL)(t.mode),
        t.result,
        t.failed.length > 0 ? idList(t.failed) : t.error ? 'error' : '',
        idList(t.warned),
        (0,markdown/* escapeTableCell */.aL)(shortTime(t.finishedAt)),
        runLink(t.runUrl)
    ];
    return `| ${cells.join(' | ')} |`;
}
/** Each target with failed or warned checks: its checks and their fixes, folded under its name. */
function fixSections(targets, maxBytes) {
    const concerned = targets.filter(t => t.failed.length > 0 || t.warned.length > 0 || t.error);
    if (concerned.length === 0)
        return undefined;
    const heading = '### What to fix';
    const blocks = [];
    let used = bytes(heading);
    for (const target of concerned) {
        const block = fixBlock(target);
        if (used + bytes(block) + 300 > maxBytes)
            break;
        blocks.push(block);
        used += bytes(block) + 2;
    }
    const left = concerned.length - blocks.length;
    const note = left === 0
        ? []
        : [
            `${plural(left, 'more target')} with problems not shown here: each row's run link leads to that run's own summary with every fix.`
        ];
    return [heading, ...blocks, ...note].join('\n\n');
}
function fixBlock(t) {
    const icon = t.result === 'fail' ? '❌' : '⚠️';
    const counts = [
        t.failed.length > 0 ? `${t.failed.length} failed` : undefined,
        t.warned.length > 0 ? `${t.warned.length} warned` : undefined
    ].filter(c => c !== undefined);
    const org = t.identity ? ` (${(0,markdown/* escapeMarkdown */.FV)(t.identity.orgId)})` : '';
    const title = `${icon} <b>${(0,markdown/* escapeMarkdown */.FV)(targetName(t))}</b>${org}: ${counts.join(', ') || 'error'}`;
    const run = (0,markdown/* httpsHref */.ZN)(t.runUrl ?? '');
    const body = [
        t.error ? `**Error:** ${(0,markdown/* escapeMarkdown */.FV)(t.error)}` : undefined,
        ...[...t.failed, ...t.warned].map(checkFix),
        `${run ? `[The run's own summary](${run}) · ` : ''}report \`${inlineFile(t.file)}\``
    ];
    // Blank lines around the body: GitHub renders Markdown inside <details> only after one.
    return [
        `<details><summary>${title}</summary>`,
        ...body.filter(l => l !== undefined),
        '</details>'
    ].join('\n\n');
}
function checkFix(c) {
    const label = `**${checkId(c.id)}**${c.outcome === 'warn' ? ' (warning)' : ''}`;
    const detail = c.detail ? `: ${(0,markdown/* escapeMarkdown */.FV)(c.detail)}` : '';
    return c.fix ? `${label}${detail}\n\n**Fix:** ${(0,fix_markdown/* fixMarkdown */.F6)(c.fix)}` : `${label}${detail}`;
}
function unusableList(fleet) {
    if (fleet.unusable.length === 0)
        return undefined;
    const shown = fleet.unusable
        .slice(0, LISTED_FILES)
        .map(u => `- \`${inlineFile(u.file)}\`: ${(0,markdown/* escapeMarkdown */.FV)(u.reason)}`);
    const more = fleet.unusable.length - shown.length;
    return [
        `### ❌ ${plural(fleet.unusable.length, 'report')} could not be used`,
        '',
        ...shown,
        ...(more > 0 ? [`- and ${more} more`] : [])
    ].join('\n');
}
function supersededList(fleet) {
    if (fleet.superseded.length === 0)
        return undefined;
    const shown = fleet.superseded
        .slice(0, LISTED_FILES)
        .map(s => `- \`${inlineFile(s.file)}\`, replaced by the newer \`${inlineFile(s.by)}\``);
    const more = fleet.superseded.length - shown.length;
    return [
        `**Older reports of the same target, not counted (${fleet.superseded.length}):**`,
        '',
        ...shown,
        ...(more > 0 ? [`- and ${more} more`] : [])
    ].join('\n');
}
function footer(fleet, context) {
    const files = fleet.targets.length + fleet.superseded.length + fleet.unusable.length;
    return `<sub>Read ${plural(files, 'file')} matching ${patternList(fleet.patterns)} in ${Math.round(context.readMs)} ms.</sub>`;
}
function idList(notes) {
    return notes.map(c => checkId(c.id)).join(', ');
}
function checkId(id) {
    return /^[a-z0-9.-]+$/.test(id) ? `\`${id}\`` : (0,markdown/* escapeMarkdown */.FV)(id);
}
function runLink(url) {
    const href = url ? (0,markdown/* httpsHref */.ZN)(url) : undefined;
    return href ? `[run](${href})` : '—';
}
/** A file name inside a code span: backticks and line breaks cannot end it early. */
function inlineFile(file) {
    return file.replace(/[`\r\n]/g, '?');
}
function patternList(patterns) {
    return patterns.map(p => `\`${inlineFile(p)}\``).join(', ');
}
/** 2026-11-26 03:17 UTC: the minute is enough to tell last night's run from an older one. */
function shortTime(iso) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
    return match ? `${match[1]} ${match[2]} UTC` : iso;
}
function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/safety/describe-value.ts
var describe_value = __webpack_require__(4933);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
;// CONCATENATED MODULE: ./docs/report.schema.json
const report_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"aep-cmk-azure-action JSON report, schemaVersion 1","description":"What one run of the action writes to report-file (docs/report.md). Every key listed here is always present; an absent value is null. Within schemaVersion 1, fields are only ever added, so a reader must accept keys it does not know; a rename or removal raises schemaVersion. mode: summarize reads reports through this schema.","type":"object","required":["schemaVersion","result","mode","status","statusAsSent","configName","adobeConfigName","keyIdentifier","applicationId","consentUrl","failedChecks","findings","actions","repairs","settings","facts","timings","startedAt","finishedAt","runUrl","error"],"properties":{"schemaVersion":{"description":"Raised on any incompatible change.","const":1},"result":{"description":"pass exactly when the step passed.","enum":["pass","fail"]},"mode":{"description":"setup, validate or check; or the mode input as given when bad input refused it.","type":"string"},"status":{"description":"The configuration\'s last status: NEW, RUNNING, UPDATE_EXISTING_RESOURCES, COMPLETED, FAILED, NOT_CONFIGURED or UNKNOWN.","type":"string","minLength":1},"statusAsSent":{"description":"The status as Adobe sent it when its docs do not list it (status is then UNKNOWN).","type":["string","null"]},"configName":{"description":"The configuration name the status was read by; null when none was decided (bad input).","type":["string","null"]},"adobeConfigName":{"description":"Adobe\'s internal name for the configuration (the name in its answers); reported only.","type":["string","null"]},"keyIdentifier":{"description":"The versioned key identifier of the key\'s latest version.","type":["string","null"]},"applicationId":{"description":"The CMK app\'s application (client) id.","type":["string","null"]},"consentUrl":{"description":"The CMK app\'s consent URL, pointed at the vault\'s tenant.","type":["string","null"]},"failedChecks":{"description":"Ids of the failed checks (with strict, warned ones too), like the failed-checks output.","type":"array","items":{"$ref":"#/$defs/checkId"}},"findings":{"description":"One entry per check, in the order of the checks table.","type":"array","items":{"$ref":"#/$defs/finding"}},"actions":{"description":"What setup wrote, one line each.","type":"array","items":{"type":"string"}},"repairs":{"description":"What remediate tried, one entry per repair.","type":"array","items":{"$ref":"#/$defs/repair"}},"settings":{"description":"The parsed inputs and service endpoints, without secrets; empty when bad input stopped the run.","oneOf":[{"type":"object","maxProperties":0},{"$ref":"#/$defs/settings"}]},"facts":{"description":"What was read, by fact: each {ok: true, value} or {ok: false, error}. Its values follow the services\' answers and are not part of this interface. null when the run read nothing.","type":["object","null"],"additionalProperties":{"type":["object","null"]}},"timings":{"description":"Milliseconds per phase (read, setup).","type":"object","additionalProperties":{"type":"number","minimum":0}},"startedAt":{"$ref":"#/$defs/timestamp"},"finishedAt":{"$ref":"#/$defs/timestamp"},"runUrl":{"description":"The page of the workflow run that wrote the report; null outside GitHub Actions.","type":["string","null"],"pattern":"^https?://"},"error":{"description":"What stopped the run early (bad input, an unexpected error, a setup step that failed).","type":["string","null"]}},"$defs":{"checkId":{"description":"A check id such as key.expiry (docs/checks.md). A pattern rather than a list: a later version of the action may add checks within schemaVersion 1.","type":"string","pattern":"^[a-z]+(\\\\.[a-z]+(-[a-z]+)*)+$"},"timestamp":{"description":"An ISO 8601 UTC timestamp, as Date.prototype.toISOString writes it.","type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}(\\\\.\\\\d+)?Z$"},"finding":{"type":"object","required":["id","outcome","detail","fix","evidence","blockedBy"],"properties":{"id":{"$ref":"#/$defs/checkId"},"outcome":{"enum":["pass","warn","fail","skipped"]},"detail":{"description":"What was found, one sentence.","type":"string"},"fix":{"description":"How to fix it; null for passed and skipped checks.","type":["string","null"]},"evidence":{"description":"The facts that decided the check.","type":["object","null"]},"blockedBy":{"description":"For a skipped check, the failed check that kept it from being decided; null otherwise.","oneOf":[{"$ref":"#/$defs/checkId"},{"type":"null"}]}}},"repair":{"type":"object","required":["item","check","result"],"properties":{"item":{"enum":["service-principal","role","adobe-ip"]},"check":{"$ref":"#/$defs/checkId"},"result":{"enum":["created","already-present","refused","failed","not-possible"]}},"oneOf":[{"type":"object","properties":{"result":{"const":"created"},"summary":{"type":"string"},"ids":{"type":"object","additionalProperties":{"type":"string"}}},"required":["summary","ids"]},{"type":"object","properties":{"result":{"const":"already-present"},"summary":{"type":"string"}},"required":["summary"]},{"type":"object","properties":{"result":{"const":"refused"},"call":{"type":"string"},"status":{"type":"integer"},"message":{"type":"string"},"permission":{"type":"string"}},"required":["call","message","permission"]},{"type":"object","properties":{"result":{"const":"failed"},"call":{"type":"string"},"status":{"type":"integer"},"message":{"type":"string"}},"required":["call","message"]},{"type":"object","properties":{"result":{"const":"not-possible"},"reason":{"type":"string"}},"required":["reason"]}]},"nullableString":{"type":["string","null"]},"settings":{"type":"object","required":["mode","keyVaultName","keyName","subscriptionId","resourceGroup","azureAuth","azureTenantId","azureClientId","adobeOrgId","adobeCredential","adobeClientId","adobeScopes","adobeRegion","configName","payloadFormat","cmkAppObjectId","minKeySize","minKeyValidityDays","strict","waitTimeoutSeconds","pollIntervalSeconds","endpoints"],"properties":{"mode":{"enum":["setup","validate","check"]},"keyVaultName":{"type":"string","minLength":1},"keyName":{"type":"string","minLength":1},"subscriptionId":{"type":"string"},"resourceGroup":{"$ref":"#/$defs/nullableString"},"azureAuth":{"enum":["oidc","cli","secret","managed-identity"]},"azureTenantId":{"$ref":"#/$defs/nullableString"},"azureClientId":{"$ref":"#/$defs/nullableString"},"adobeOrgId":{"type":"string","minLength":1},"adobeCredential":{"enum":["client-credentials","access-token"]},"adobeClientId":{"$ref":"#/$defs/nullableString"},"adobeScopes":{"type":["array","null"],"items":{"type":"string"}},"adobeRegion":{"type":"string"},"configName":{"type":"string"},"payloadFormat":{"enum":["current","legacy"]},"cmkAppObjectId":{"$ref":"#/$defs/nullableString"},"minKeySize":{"type":"integer"},"minKeyValidityDays":{"type":"integer"},"strict":{"type":"boolean"},"waitTimeoutSeconds":{"type":"integer"},"pollIntervalSeconds":{"type":"integer"},"endpoints":{"type":"object","required":["arm","authorityHost","graph","ims","platform"],"properties":{"arm":{"type":"string"},"authorityHost":{"type":"string"},"graph":{"type":"string"},"ims":{"type":"string"},"platform":{"type":"string"}}}}}}}');
;// CONCATENATED MODULE: ./src/summarize/report-reading.ts


// Embedded at build time: the bundle must not need the repository beside it.

/** The schemaVersion this version of the action reads (and writes). */
const READ_SCHEMA_VERSION = 1;

let validator;
/** Compiled once per process, on first use: most runs of the action never read a report. */
function validate(data) {
    validator ??= new _2020.Ajv2020({ allErrors: false, allowUnionTypes: true }).compile(report_schema_namespaceObject);
    return validator(data) ? undefined : (validator.errors ?? []);
}
/**
 * Reads one file's text as a report: JSON (a cut-off file is named as truncated), ours (it has a
 * schemaVersion), of the version this action reads, and valid against the report's JSON Schema.
 */
function readReport(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        return { kind: 'unusable', reason: notJsonReason(text, error) };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return { kind: 'unusable', reason: 'not a report of this action: not a JSON object' };
    const version = data.schemaVersion;
    if (version === undefined)
        return { kind: 'unusable', reason: 'not a report of this action: it has no schemaVersion' };
    if (!Number.isInteger(version))
        return {
            kind: 'unusable',
            reason: `not a report of this action: schemaVersion is ${JSON.stringify(version)}, not a whole number`
        };
    if (version !== READ_SCHEMA_VERSION)
        return {
            kind: 'unusable',
            reason: `unknown schemaVersion ${(0,describe_value/* describeValue */.b)(version)}: this version of the action reads schemaVersion ${READ_SCHEMA_VERSION}${Number(version) > READ_SCHEMA_VERSION ? ' (a newer action wrote it: summarize with that version)' : ''}`
        };
    const errors = validate(data);
    if (errors)
        return {
            kind: 'unusable',
            reason: `not a valid schemaVersion ${READ_SCHEMA_VERSION} report (docs/report.schema.json): ${describeErrors(errors)}`
        };
    return { kind: 'report', report: data };
}
/**
 * Why a text is not JSON. An upload or a copy cut short leaves JSON that ends too early: the
 * parser then stops at the very end of the text, which is worth saying in those words.
 */
function notJsonReason(text, error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const end = text.trimEnd().length;
    if (text.trim() === '')
        return 'not JSON: the file is empty';
    if (/end of JSON input/i.test(message) || (position !== undefined && Number(position) >= end))
        return 'truncated: the JSON ends before the report does';
    return `not JSON: ${message.slice(0, 200)}`;
}
function describeErrors(errors) {
    const shown = errors
        .slice(0, 3)
        .map(e => `${e.instancePath || '(the report)'} ${e.message ?? 'is not valid'}`);
    return shown.join('; ') || 'it does not match the schema';
}

;// CONCATENATED MODULE: ./src/summarize/read-reports.ts





/**
 * The largest file read as a report. A real report is tens of KiB (facts included); a file of
 * several MiB is not one run's report, and reading thousands of them whole would cost the job
 * its memory. Our choice: the docs set no limit on a report, only on what the reader can afford.
 */
const MAX_REPORT_BYTES = 4 * 1024 * 1024;
/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
const PARALLEL_READS = 16;
/**
 * Expands the patterns inside the workspace with Node's own fs.glob and reads every file they
 * match, a few at a time, keeping only each report's row. A file that resolves outside the
 * workspace (through a symbolic link), is not a regular file, is too large, or holds no usable
 * report is named with the reason; directories are skipped.
 */
async function readReports(patterns, workspace) {
    const files = new Set();
    for await (const file of (0,promises_.glob)(patterns, { cwd: workspace }))
        files.add(file);
    const sorted = [...files].sort();
    const realWorkspace = await (0,promises_.realpath)(workspace);
    const targets = [];
    const unusable = [];
    let matched = 0;
    let next = 0;
    const worker = async () => {
        while (next < sorted.length) {
            const file = sorted[next++];
            const reading = await readOne(workspace, realWorkspace, file);
            if (reading.kind === 'directory')
                continue;
            matched++;
            if (reading.kind === 'target')
                targets.push(reading.target);
            else
                unusable.push({ file: shown(file), reason: reading.reason });
        }
    };
    await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
    return { matched, targets, unusable };
}
async function readOne(workspace, realWorkspace, file) {
    const path = (0,external_node_path_.join)(workspace, file);
    try {
        const real = await (0,promises_.realpath)(path);
        if (!inside(realWorkspace, real))
            return { kind: 'unusable', reason: 'outside the workspace (a symbolic link leads there)' };
        const stats = await (0,promises_.stat)(real);
        if (stats.isDirectory())
            return { kind: 'directory' };
        // A named pipe would block the read until someone writes to it; a device is not a report.
        if (!stats.isFile())
            return { kind: 'unusable', reason: 'not a regular file' };
        if (stats.size > MAX_REPORT_BYTES)
            return tooLarge(stats.size);
        const bytes = await (0,promises_.readFile)(real);
        // The file may have grown since stat.
        if (bytes.length > MAX_REPORT_BYTES)
            return tooLarge(bytes.length);
        const reading = readReport(bytes.toString('utf8'));
        return reading.kind === 'report'
            ? { kind: 'target', target: targetOf(shown(file), reading.report) }
            : reading;
    }
    catch (error) {
        return { kind: 'unusable', reason: `could not be read: ${(0,error_message/* errorMessage */.g)(error)}` };
    }
}
function tooLarge(bytes) {
    return {
        kind: 'unusable',
        reason: `too large: ${bytes} bytes, over the ${MAX_REPORT_BYTES}-byte limit for one report`
    };
}
function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
/** A workspace-relative path with forward slashes, as a workflow names it. */
function shown(file) {
    return file.split(external_node_path_.sep).join('/');
}

;// CONCATENATED MODULE: ./src/summarize/summarize-run.ts




/** Annotations of each kind: a step shows at most 10 errors and 10 warnings anyway. */
const MAX_ANNOTATIONS = 10;
/**
 * `mode: summarize`: reads the JSON reports the patterns match (no sign-in, no service call: the
 * service clients are never loaded), then writes one job summary over every target, the outputs
 * (result, status UNKNOWN, failed-checks, failed-targets), the SARIF file when asked, one
 * annotation per failing target, and passes or fails the step.
 */
async function summarize(settings, host, startedAt = new Date()) {
    for (const notice of settings.notices)
        host.warning(notice);
    const readStart = performance.now();
    const read = await readReports(settings.reports, settings.workspace);
    const readMs = performance.now() - readStart;
    const fleet = buildFleet(settings.reports, read.targets, read.unusable);
    host.info(`Read ${read.matched} file(s) matching ${settings.reports.join(', ')}: ${fleet.targets.length} target(s), ${fleet.unusable.length} unusable, ${fleet.superseded.length} superseded`);
    annotate(host, fleet);
    const outputs = {};
    let outputsError;
    const setOutput = (name, value) => {
        if (outputsError !== undefined)
            return;
        try {
            host.setOutput(name, value);
            outputs[name] = value;
        }
        catch (error) {
            outputsError = (0,error_message/* errorMessage */.g)(error);
        }
    };
    setOutput('result', fleet.result);
    setOutput('status', 'UNKNOWN');
    setOutput('failed-checks', fleet.failedChecks.join(','));
    setOutput('failed-targets', fleet.failedTargets.join(','));
    const sarifFiles = settings.sarifFile
        ? await writeFleetSarif(host, fleet, settings.sarifFile)
        : [];
    if (sarifFiles.length > 0)
        setOutput('sarif-file', sarifFiles.join(','));
    try {
        await host.writeSummary(renderFleetSummary(fleet, { workspace: settings.workspace, readMs }));
    }
    catch (error) {
        host.warning(`Could not write the job summary: ${(0,error_message/* errorMessage */.g)(error)}`);
    }
    const passed = fleet.result === 'pass' && outputsError === undefined;
    const failure = passed ? undefined : failureMessage(fleet, outputsError);
    if (failure === undefined)
        host.info(`CMK summarize: pass (${fleet.targets.length} target(s), every one passed)`);
    else
        host.fail(`CMK summarize: ${failure}`);
    return {
        fleet,
        outputs,
        passed,
        result: {
            mode: 'summarize',
            result: passed ? 'pass' : 'fail',
            status: 'UNKNOWN',
            configName: '',
            findings: [],
            failedChecks: [],
            error: failure,
            actions: [],
            settings: {},
            timings: { read: Math.round(readMs) },
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString()
        }
    };
}
function annotate(host, fleet) {
    const failing = fleet.targets.filter(t => t.result === 'fail');
    for (const target of failing.slice(0, MAX_ANNOTATIONS)) {
        const checks = target.failed.map(c => c.id).join(', ') || target.error || 'the run failed';
        const run = target.runUrl ? `; its run: ${target.runUrl}` : '';
        host.annotate('error', `${targetName(target)} (${target.identity?.orgId ?? target.file}): ${checks}${run}`, `aep-cmk fleet: ${targetName(target)}`);
    }
    for (const unusable of fleet.unusable.slice(0, MAX_ANNOTATIONS))
        host.annotate('warning', `${unusable.file}: ${unusable.reason}`, 'aep-cmk fleet: report not used');
    const more = Math.max(0, failing.length - MAX_ANNOTATIONS) +
        Math.max(0, fleet.unusable.length - MAX_ANNOTATIONS);
    if (more > 0)
        host.info(`${more} more failing target(s) or unusable report(s): see the job summary`);
}
/** Writes the SARIF file(s); returns their paths, none when nothing could be written. */
async function writeFleetSarif(host, fleet, path) {
    try {
        // Loaded only when asked for: the workflow's location needs a YAML parser.
        const [{ fleetSarif, MAX_RUNS_PER_UPLOAD }, { workflowLocation }, { writeSarif }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(393), __webpack_require__.e(85)]).then(__webpack_require__.bind(__webpack_require__, 95085)),
            __webpack_require__.e(/* import() */ 889).then(__webpack_require__.bind(__webpack_require__, 64889)),
            __webpack_require__.e(/* import() */ 393).then(__webpack_require__.bind(__webpack_require__, 17393))
        ]);
        const parts = fleetSarif(fleet.targets, await workflowLocation(host.context), path);
        if (parts.length === 0) {
            host.warning(`sarif-file: no SARIF written, since no report is of a run that read the services (only such a run has code scanning results)`);
            return [];
        }
        for (const part of parts)
            await writeSarif(part.path, part.log);
        if (parts.length > 1)
            host.warning(`sarif-file: ${parts.length} files of at most ${MAX_RUNS_PER_UPLOAD} runs (GitHub's limit per upload): ${parts.map(p => p.path).join(', ')}. Upload each with its own github/codeql-action/upload-sarif step (a directory is merged into one upload and refused), or upload each org's SARIF from its own job.`);
        return parts.map(p => p.path);
    }
    catch (error) {
        host.warning(`Could not write sarif-file ${path}: ${(0,error_message/* errorMessage */.g)(error)}`);
        return [];
    }
}
function failureMessage(fleet, outputsError) {
    const failing = fleet.targets.filter(t => t.result === 'fail');
    const named = (names) => names.length <= 5
        ? names.join(', ')
        : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
    const reasons = [
        fleet.targets.length === 0 && fleet.unusable.length === 0
            ? `no file matches ${fleet.patterns.join(', ')}`
            : undefined,
        failing.length > 0
            ? `${failing.length} of ${fleet.targets.length} target(s) failed (${named(failing.map(targetName))})`
            : undefined,
        fleet.unusable.length > 0
            ? `${fleet.unusable.length} report(s) could not be used (${named(fleet.unusable.map(u => u.file))})`
            : undefined,
        outputsError
    ];
    return reasons.filter(r => r !== undefined).join('; ');
}


/***/ })

};
