export const id = 214;
export const ids = [214];
export const modules = {

/***/ 11214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commandComment: () => (/* binding */ commandComment),
/* harmony export */   replyTo: () => (/* binding */ replyTo)
/* harmony export */ });
/** The `/train` comment an `issue_comment` event on a pull request carries, if it is one. */
function commandComment(g) {
    if (g?.eventName !== 'issue_comment')
        return undefined;
    const e = g.event;
    const issue = e.issue?.number;
    const id = e.comment?.id;
    const login = e.comment?.user?.login;
    if (typeof issue !== 'number' || !e.issue?.pull_request || typeof id !== 'number' || typeof login !== 'string')
        return undefined;
    return { issue, login, id };
}
async function replyTo(gh, g, c, body) {
    const quote = `@${c.login}`.replace(/@/g, '@\u2060'); // said, not mentioned
    await gh.rest.issues.createComment({
        owner: g.owner,
        repo: g.repo,
        issue_number: c.issue,
        body: `> ${quote}: /train\n\n${body}`,
    });
}


/***/ })

};
