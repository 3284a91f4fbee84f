export const id = 313;
export const ids = [313];
export const modules = {

/***/ 89313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubClient: () => (/* binding */ GitHubClient),
/* harmony export */   countRequests: () => (/* binding */ countRequests),
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/**
 * The one GitHub client: @octokit/rest with plugin-throttling (primary and secondary rate
 * limits: wait and retry, twice) and plugin-retry (5xx and network errors). The token comes
 * from the `github-token` input (default `${{ github.token }}`) or GITHUB_TOKEN in the CLI;
 * GITHUB_API_URL is honoured (GitHub Enterprise Server, the tests' emulator).
 */




const GitHubClient = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L);
/** A client for GitHub's REST API; a missing token is a ConfigError naming where it comes from. */
function githubClient(o) {
    if (!o.token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('no GitHub token: the github-token input (default ${{ github.token }}), or GITHUB_TOKEN', {
            key: 'github-token',
        });
    const retries = o.rateLimitRetries ?? 2;
    const limited = (kind) => (after, options, _o, count) => {
        o.log.warning(`GitHub ${kind} rate limit on ${options.method} ${options.url}: waiting ${after} s`);
        return count < retries;
    };
    return new GitHubClient({
        auth: o.token,
        baseUrl: o.apiUrl,
        userAgent: 'trainer-action',
        log: {
            debug: m => o.log.debug(m),
            info: m => o.log.debug(m),
            warn: m => o.log.warning(m),
            error: m => o.log.debug(m),
        },
        throttle: { ...o.throttle, onRateLimit: limited('primary'), onSecondaryRateLimit: limited('secondary') },
        ...(o.retryBaseMs === undefined ? {} : { retry: { retryAfterBaseValue: o.retryBaseMs } }),
    });
}
/** Counts the requests a client sends from now on (each retry too): what reporting spends of GitHub's budget. */
function countRequests(gh) {
    let n = 0;
    gh.hook.before('request', () => {
        n++;
    });
    return { count: () => n };
}


/***/ })

};
