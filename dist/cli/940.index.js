export const id = 940;
export const ids = [940];
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

/***/ 97020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ skippedLines),
/* harmony export */   k: () => (/* binding */ skippedBy)
/* harmony export */ });
/** The skipped checks grouped by the failed check that blocked them, in finding order. */
function skippedBy(findings) {
    const groups = new Map();
    for (const f of findings) {
        if (f.outcome !== 'skipped')
            continue;
        groups.set(f.blockedBy, [...(groups.get(f.blockedBy) ?? []), f.id]);
    }
    return groups;
}
/** One line per blocking check: "13 checks skipped because vault.found failed". */
function skippedLines(findings) {
    return [...skippedBy(findings)].map(([root, ids]) => `${ids.length} ${ids.length === 1 ? 'check' : 'checks'} skipped because ${root} failed`);
}


/***/ }),

/***/ 20940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderSummary: () => (/* binding */ renderSummary)
});

// EXTERNAL MODULE: ./src/model/finding.ts
var finding = __webpack_require__(41300);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/report/fix-markdown.ts

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
    return [prose, ...commands.map(codeBlock)].join('\n\n');
}
/** Escaped text whose https URLs are autolinks. */
function proseMarkdown(text) {
    return text
        .split(/(https:\/\/[^\s<>"'`]+)/)
        .map((part, i) => {
        if (i % 2 === 0)
            return (0,markdown/* escapeMarkdown */.FV)(part);
        // A sentence's full stop or comma after a URL is not part of it.
        const url = part.replace(/[.,;:)]+$/, '');
        const rest = part.slice(url.length);
        const href = (0,markdown/* httpsHref */.ZN)(url);
        return (href ? `<${href}>` : (0,markdown/* escapeMarkdown */.FV)(url)) + (0,markdown/* escapeMarkdown */.FV)(rest);
    })
        .join('');
}
/** Inline code that no content can end early: the fence is longer than any backtick run. */
function inlineCode(text) {
    const fence = '`'.repeat(longestBacktickRun(text) + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
function codeBlock(command) {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(command) + 1));
    return `${fence}sh\n${command}\n${fence}`;
}
function longestBacktickRun(text) {
    return Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
}

;// CONCATENATED MODULE: ./src/report/next-step.ts
/** The one thing to do about a failed check, short enough for the summary's first line. */
const NEXT_STEPS = {
    'azure.sign-in': 'fix how the action signs in to Azure',
    'adobe.sign-in': 'fix the Adobe credential',
    'vault.found': 'point the action at the vault',
    'vault.soft-delete': 'enable soft delete on the vault',
    'vault.purge-protection': 'enable purge protection on the vault',
    'vault.rbac': 'switch the vault to Azure RBAC',
    'vault.network': 'let trusted Azure services through the vault firewall',
    'vault.adobe-ip': "allow Adobe's address through the vault firewall",
    'key.found': 'make the key readable',
    'key.enabled': 'enable the key',
    'key.type': 'use an RSA key',
    'key.size': 'use a larger RSA key',
    'key.operations': 'allow wrapKey and unwrapKey on the key',
    'key.active': "fix the key's activation or expiry date",
    'key.expiry': "extend the key's expiry date or rotate the key",
    'app.registered': 'register the CMK app with setup',
    'app.consented': 'have an administrator grant consent to the CMK app',
    'app.role': 'assign the CMK app its role on the vault',
    'config.status': 'look at the configuration status',
    'config.key': 'point the action at the configured vault and key'
};
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
    const step = NEXT_STEPS[firstFailure.id] ?? `fix ${firstFailure.id}`;
    return `${step} (\`${firstFailure.id}\`), then re-run`;
}

// EXTERNAL MODULE: ./src/report/skipped-lines.ts
var skipped_lines = __webpack_require__(97020);
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
/**
 * Markdown for GITHUB_STEP_SUMMARY, read top-down by a person in a hurry: the verdict and the
 * one thing to do next, then what failed and warned with each fix (commands as copyable code
 * blocks), then the rest; passes are folded away. Every service-provided value is escaped.
 */
function renderSummary(r) {
    const findings = inContractOrder(r.findings);
    const strict = new Set(r.failedChecks);
    const failures = findings.filter(f => f.outcome === 'fail');
    const warnings = findings.filter(f => f.outcome === 'warn');
    const blocking = findings.find(f => strict.has(f.id));
    const sections = [
        `## ${r.result === 'pass' ? '✅ pass' : '❌ fail'} (${(0,markdown/* escapeMarkdown */.FV)(r.mode)}): ${nextStep(r, blocking)}`,
        consent(r, findings),
        r.error === undefined ? undefined : `**Error:** ${(0,markdown/* escapeMarkdown */.FV)(r.error)}`,
        problems('❌', 'failed', failures, strict),
        problems('⚠️', 'warned', warnings, strict),
        skipped(findings),
        overview(r),
        written(r),
        passes(findings, r),
        timings(r)
    ];
    return sections.filter(s => s !== undefined).join('\n\n') + '\n';
}
/** The consent link, only while consent is what is missing. */
function consent(r, findings) {
    const consented = findings.find(f => f.id === 'app.consented');
    if (!r.consentUrl || consented?.outcome !== 'fail')
        return undefined;
    const href = (0,markdown/* httpsHref */.ZN)(r.consentUrl);
    const link = href === undefined
        ? `${(0,markdown/* escapeMarkdown */.FV)(r.consentUrl)} (not an https URL, so not linked)`
        : `[grant consent to the CMK app](${href})`;
    return `**Admin consent:** an administrator of the vault's tenant opens ${link}, accepts, and re-runs the job.`;
}
function problems(icon, verb, findings, failing) {
    if (findings.length === 0)
        return undefined;
    const heading = `### ${icon} ${findings.length} ${findings.length === 1 ? 'check' : 'checks'} ${verb}`;
    const items = findings.map(f => {
        const strict = f.outcome === 'warn' && failing.has(f.id) ? ' (fails: strict)' : '';
        const lines = [`**${checkId(f.id)}**${strict}: ${(0,markdown/* escapeMarkdown */.FV)(f.detail)}`];
        if (f.fix)
            lines.push(`**Fix:** ${fixMarkdown(f.fix)}`);
        return lines.join('\n\n');
    });
    return [heading, ...items].join('\n\n');
}
function skipped(findings) {
    const lines = (0,skipped_lines/* skippedLines */.T)(findings);
    return lines.length === 0
        ? undefined
        : lines.map(line => `⏭️ ${(0,markdown/* escapeMarkdown */.FV)(line)}`).join('  \n');
}
function overview(r) {
    const lines = [];
    const vault = stringSetting(r, 'keyVaultName');
    const key = stringSetting(r, 'keyName');
    if (vault !== undefined || key !== undefined) {
        lines.push(`**Vault / key:** ${(0,markdown/* escapeMarkdown */.FV)(vault ?? '?')} / ${(0,markdown/* escapeMarkdown */.FV)(key ?? '?')}`);
    }
    if (r.keyIdentifier)
        lines.push(`**Key identifier:** ${(0,markdown/* escapeMarkdown */.FV)(r.keyIdentifier)}`);
    if (r.configName) {
        const meaning = STATUS_MEANINGS[r.status];
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


/***/ })

};
