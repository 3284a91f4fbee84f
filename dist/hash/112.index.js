export const id = 112;
export const ids = [112];
export const modules = {

/***/ 3713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ wrapError),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   e0: () => (/* binding */ TrainerError),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   zS: () => (/* binding */ BuildError)
/* harmony export */ });
/* unused harmony exports NotFoundError, CancelledError */
/** Base of every error the toolkit raises on purpose. */
class TrainerError extends Error {
    name = 'TrainerError';
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.hint = options.hint;
    }
}
/** Bad input from the user: config files, manifests, inputs, flags. Reported without a stack. */
class ConfigError extends TrainerError {
    name = 'ConfigError';
    where;
    constructor(message, where = {}, options = {}) {
        super(message, options);
        this.where = where;
    }
    /** `file:line:col: message` (the compiler-style form editors and CI logs link). */
    located() {
        const { file, line, col } = this.where;
        if (file === undefined)
            return this.message;
        const pos = line === undefined ? file : col === undefined ? `${file}:${line}` : `${file}:${line}:${col}`;
        return `${pos}: ${this.message}`;
    }
}
/** Credentials missing or refused by a service. */
class AuthError extends TrainerError {
    name = 'AuthError';
}
/** A remote service (registry, Docker engine, API) failed or could not be reached. */
class ServiceError extends TrainerError {
    name = 'ServiceError';
    service;
    op;
    status;
    retryable;
    /** How long the service asked us to wait before trying again (its Retry-After), in ms. */
    retryAfterMs;
    constructor(service, op, message, options = {}) {
        super(`${op} ${service}: ${message}`, options);
        this.service = service;
        this.op = op;
        this.status = options.status;
        this.retryable = options.retryable ?? false;
        this.retryAfterMs = options.retryAfterMs;
    }
}
class NotFoundError extends (/* unused pure expression or super */ null && (TrainerError)) {
    name = 'NotFoundError';
}
class CancelledError extends (/* unused pure expression or super */ null && (TrainerError)) {
    name = 'CancelledError';
}
/** A build step failed: the message is the failing step's output, not a stack trace. */
class BuildError extends TrainerError {
    name = 'BuildError';
    output;
    constructor(message, output) {
        super(message);
        this.output = output;
    }
}
function getErrorMessage(e) {
    if (e instanceof ConfigError)
        return e.located();
    if (e instanceof Error)
        return e.message;
    return String(e);
}
function wrapError(e) {
    return e instanceof Error ? e : new Error(String(e));
}
/**
 * Errors the user can act on from the message alone (bad input, refused credentials, a
 * missing thing, a stop): no stack. A ServiceError (a service failed or could not be
 * reached) and anything else keep their stack at debug level, where it helps find out why.
 */
function isUserError(e) {
    return e instanceof TrainerError && !(e instanceof ServiceError);
}


/***/ }),

/***/ 7112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAction: () => (/* binding */ runAction)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3713);

/**
 * The one outer guard of every action and CLI verb: runs `fn`, turns errors into
 * a failed step with one clear message (and an annotation for config errors), and
 * always releases resources so Node exits on its own.
 */
async function runAction(name, fn, io) {
    try {
        return await fn(io);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL) {
            io.setFailed(`${name}: ${e.located()}${e.hint ? `\n${e.hint}` : ''}`, e.where);
        }
        else if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS) {
            if (e.output)
                io.log.error(e.output);
            io.setFailed(`${name}: ${e.message}`);
        }
        else {
            const err = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .wrapError */ .J4)(e);
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isUserError */ .iU)(e) && err.stack)
                io.log.debug(err.stack);
            const hint = e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrainerError */ .e0 && e.hint ? `\n${e.hint}` : '';
            io.setFailed(`${name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)}${hint}`);
        }
        return undefined;
    }
    finally {
        await io.close();
    }
}


/***/ })

};
