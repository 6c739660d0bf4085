export const id = 889;
export const ids = [889];
export const modules = {

/***/ 64889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FALLBACK_WORKFLOW: () => (/* binding */ FALLBACK_WORKFLOW),
/* harmony export */   findStep: () => (/* binding */ findStep),
/* harmony export */   workflowLocation: () => (/* binding */ workflowLocation),
/* harmony export */   workflowPath: () => (/* binding */ workflowPath)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);



/**
 * Outside a workflow (the CLI, a local run) there is no workflow file to point at; code scanning
 * still needs a path, so the alerts name the workflow docs/compliance.md suggests.
 */
const FALLBACK_WORKFLOW = '.github/workflows/aep-cmk-compliance.yml';
/**
 * The workflow file named by GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/x.yml@ref`) and,
 * when the checked-out copy in GITHUB_WORKSPACE shows it, the `uses:` line of the step that
 * runs this action; else line 1 of that file.
 */
async function workflowLocation(context) {
    const uri = workflowPath(context) ?? FALLBACK_WORKFLOW;
    const text = await readWorkflow(context.workspace, uri);
    const step = text === undefined ? undefined : findStep(text, context);
    return { uri, ...(step ?? firstLine(text)) };
}
/** The repository-relative path in GITHUB_WORKFLOW_REF, without the `@ref`. */
function workflowPath(context) {
    const ref = context.workflowRef?.trim();
    if (!ref)
        return undefined;
    const at = ref.lastIndexOf('@');
    const full = at > 0 ? ref.slice(0, at) : ref;
    const repository = context.repository?.trim();
    const path = repository && full.toLowerCase().startsWith(`${repository.toLowerCase()}/`)
        ? full.slice(repository.length + 1)
        : full.split('/').slice(2).join('/');
    return path === '' || path.split('/').includes('..') ? undefined : path;
}
async function readWorkflow(workspace, uri) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace || '.');
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, uri);
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file);
    if (inside.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(inside))
        return undefined;
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch {
        // Not checked out (no actions/checkout step): the alerts point at line 1.
        return undefined;
    }
}
/** Line 1, whole when the file could be read. */
function firstLine(text) {
    const length = text === undefined ? 0 : (text.split(/\r?\n/, 1)[0] ?? '').length;
    return { startLine: 1, startColumn: 1, endLine: 1, endColumn: length + 1 };
}
/**
 * The step that runs this action: the one whose `id` is GITHUB_ACTION (set when the step has an
 * id), else the first whose `uses` names GITHUB_ACTION_REPOSITORY (for a local action, which has
 * none, the first `uses: ./…`), in the job GITHUB_JOB when that is set. GitHub's generated names
 * for steps without an id are not documented consistently, so a job that uses the action twice
 * should give its steps ids to have each alert on its own step.
 */
function findStep(text, context) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter: lines });
    }
    catch {
        return undefined;
    }
    if (doc.errors.length > 0)
        return undefined;
    const steps = stepsOf(doc.contents, context.job?.trim() || undefined);
    const action = context.action?.trim();
    const repository = context.actionRepository?.trim().toLowerCase();
    const step = steps.find(s => action !== undefined && s.id === action) ??
        steps.find(s => {
            const uses = s.uses.toLowerCase();
            if (!repository)
                return uses.startsWith('./');
            const name = uses.split('@')[0] ?? '';
            return name === repository || name.startsWith(`${repository}/`);
        });
    if (!step)
        return undefined;
    const start = lines.linePos(step.range[0]);
    const end = lines.linePos(step.range[1]);
    return { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: end.col };
}
function stepsOf(contents, job) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(contents))
        return [];
    const jobs = contents.get('jobs', true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(jobs))
        return [];
    const steps = [];
    for (const pair of jobs.items) {
        const jobId = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : undefined;
        if (job !== undefined && jobId !== job)
            continue;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(pair.value))
            continue;
        const list = pair.value.get('steps', true);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(list))
            continue;
        for (const item of list.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(item))
                continue;
            const usesPair = item.items.find(p => (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(p.key) && p.key.value === 'uses');
            if (!usesPair || !(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(usesPair.key) || !(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(usesPair.value))
                continue;
            const id = item.get('id');
            const keyRange = usesPair.key.range;
            const valueRange = usesPair.value.range;
            if (!keyRange || !valueRange)
                continue;
            steps.push({
                id: typeof id === 'string' ? id : undefined,
                uses: String(usesPair.value.value),
                range: [keyRange[0], valueRange[1]]
            });
        }
    }
    return steps;
}


/***/ })

};
