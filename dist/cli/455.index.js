export const id = 455;
export const ids = [455];
export const modules = {

/***/ 81455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   redact: () => (/* binding */ redact),
/* harmony export */   registerSecret: () => (/* binding */ registerSecret)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);

const known = new Set();
/**
 * The forms a secret takes when a service echoes a request back: as sent in a form body or a
 * query (URL-encoded, spaces as + or %20) and inside a JSON string.
 */
function encodedForms(value) {
    const forms = [
        value,
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1)
    ];
    return [...new Set(forms)];
}
const MIN_SECRET_LENGTH = 8;
/**
 * Masks a secret in the runner's logs, in every encoded form, and remembers the forms so that our
 * own messages can be scrubbed.
 */
function registerSecret(value) {
    // Shorter values are not secrets (the inputs refuse them): masking one would blank it everywhere.
    if (!value || value.length < MIN_SECRET_LENGTH || known.has(value))
        return;
    for (const form of encodedForms(value)) {
        if (known.has(form))
            continue;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(form);
        known.add(form);
    }
}
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** Removes every known secret (raw or encoded) and anything token-shaped from text meant for people. */
function redact(text) {
    let out = text;
    // Longest first, so that a form containing another is removed whole.
    for (const secret of [...known].sort((a, b) => b.length - a.length))
        out = out.split(secret).join('***');
    return out.replace(BEARER, '$1 ***').replace(JWT, '***');
}


/***/ })

};
