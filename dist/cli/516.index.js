export const id = 516;
export const ids = [516];
export const modules = {

/***/ 65516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fleetJson: () => (/* binding */ fleetJson)
/* harmony export */ });
/**
 * The fleet as JSON (`aep-cmk summarize --json`): the verdict, the outputs' values, one entry per
 * target in the summary's order (failing first), and every file that was not used, with why.
 */
function fleetJson(fleet) {
    return {
        result: fleet.result,
        failedChecks: fleet.failedChecks,
        failedTargets: fleet.failedTargets,
        patterns: fleet.patterns,
        targets: fleet.targets.map(t => ({
            orgId: t.identity?.orgId ?? null,
            vault: t.identity?.vault ?? null,
            key: t.identity?.key ?? null,
            mode: t.mode,
            result: t.result,
            status: t.status,
            failedChecks: t.failed.map(c => ({
                id: c.id,
                outcome: c.outcome,
                detail: c.detail,
                fix: c.fix
            })),
            warnedChecks: t.warned.map(c => ({ id: c.id, detail: c.detail, fix: c.fix })),
            error: t.error,
            finishedAt: t.finishedAt,
            runUrl: t.runUrl,
            report: t.file
        })),
        unusable: fleet.unusable,
        superseded: fleet.superseded
    };
}


/***/ })

};
