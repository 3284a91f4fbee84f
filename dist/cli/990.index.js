export const id = 990;
export const ids = [990];
export const modules = {

/***/ 64990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ loadBackend),
/* harmony export */   backendConfig: () => (/* binding */ backendConfig)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);

/** The options of the backend a name stands for (a declared one, or a built-in local one). */
function backendConfig(name, backends) {
    const declared = backends && Object.hasOwn(backends, name) ? backends[name] : undefined;
    if (declared)
        return declared;
    if (name === 'local' || name === 'local-docker')
        return { type: name };
    const known = [...new Set(['local', 'local-docker', ...Object.keys(backends ?? {})])];
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`unknown backend '${name}'; backends: ${known.join(', ')} (declare others under backends:)`, {
        key: 'backend',
    });
}
/** Makes the backend a launch runs on, loading its module. */
async function loadBackend(name, config, deps) {
    switch (config.type) {
        case 'local':
            return (await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(449)]).then(__webpack_require__.bind(__webpack_require__, 37449))).createBackend(name, config, deps);
        case 'local-docker':
            return (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(118), __webpack_require__.e(805), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 13735))).createBackend(name, config, deps);
        case 'slurm':
            return (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(805), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 29913))).createBackend(name, config, deps);
        case 'vertex':
        case 'self-hosted':
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`backend '${name}' (${config.type}) is not available yet; available: local, local-docker, slurm`, { key: 'backend' });
    }
}


/***/ })

};
