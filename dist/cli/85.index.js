export const id = 85;
export const ids = [85];
export const modules = {

/***/ 95085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_RUNS_PER_UPLOAD: () => (/* binding */ MAX_RUNS_PER_UPLOAD),
/* harmony export */   fleetSarif: () => (/* binding */ fleetSarif)
/* harmony export */ });
/* harmony import */ var _model_finding_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41300);
/* harmony import */ var _report_sarif_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17393);


/**
 * The most runs code scanning takes in one upload: "Runs per file: 20" in GitHub's "SARIF
 * results exceed limit" (uploads with more are refused: "rejecting SARIF, as there are more runs
 * than allowed (21 > 20)"; it was 15 before 2023). upload-sarif merges every file of a directory
 * into one upload, so the limit holds per upload, not per file.
 */
const MAX_RUNS_PER_UPLOAD = 20;
/**
 * For each target whose run read the services, the runs its own job's SARIF file holds (its
 * category `aep-cmk/<vault>/<key>/`, and `.../blocked/` beside it; report/sarif.ts says why),
 * with the same fingerprints, so that code scanning sees the same alerts from either upload. At
 * most MAX_RUNS_PER_UPLOAD runs per file and no category twice in a file, a target's runs never
 * split: more go to further files
 * beside the first (`fleet.sarif`, `fleet.2.sarif`, ...), each needing its own upload. None when
 * no target read the services.
 */
function fleetSarif(targets, location, path) {
    const files = [];
    for (const target of targets) {
        if (!target.identity || !target.gatheredFacts)
            continue;
        const key = {
            orgId: target.identity.orgId,
            vaultName: target.identity.vault,
            keyName: target.identity.key
        };
        const runs = (0,_report_sarif_js__WEBPACK_IMPORTED_MODULE_0__.buildSarif)(sarifFindings(target), key, location, target.strict).runs;
        // Code scanning refuses an upload with two runs of one category: two orgs guarding the same
        // vault and key (the category names vault and key only) go to different files.
        const categories = new Set(runs.map(categoryOf));
        const fits = (file) => file.length + runs.length <= MAX_RUNS_PER_UPLOAD &&
            !file.some(run => categories.has(categoryOf(run)));
        const file = files.find(fits);
        if (file)
            file.push(...runs);
        else
            files.push([...runs]);
    }
    return files.map((runs, i) => ({
        path: partPath(path, i + 1),
        log: { $schema: _report_sarif_js__WEBPACK_IMPORTED_MODULE_0__.SARIF_SCHEMA, version: '2.1.0', runs }
    }));
}
/**
 * The target's failed, warned and skipped checks as findings. Ids a later version of the action
 * added are left out: this version has no rule for them to report under.
 */
function sarifFindings(target) {
    const known = (id) => _model_finding_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECK_IDS */ .S.includes(id);
    const decided = [...target.failed, ...target.warned].flatMap(c => known(c.id) ? [{ id: c.id, outcome: c.outcome, detail: c.detail, fix: c.fix ?? undefined }] : []);
    const skipped = target.skipped.flatMap(s => known(s.id) && known(s.blockedBy)
        ? [{ id: s.id, outcome: 'skipped', detail: '', blockedBy: s.blockedBy }]
        : []);
    return [...decided, ...skipped];
}
function categoryOf(run) {
    return run.automationDetails?.id;
}
/** The first part at `path`; part n at `<name>.<n><ext>` beside it. */
function partPath(path, n) {
    if (n === 1)
        return path;
    const match = /^(.*?)(\.[^./\\]+)?$/.exec(path);
    return `${match?.[1] ?? path}.${n}${match?.[2] ?? ''}`;
}


/***/ })

};
