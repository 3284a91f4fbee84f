import {enableCompileCache} from 'node:module'

// V8's compile cache (os.tmpdir()/node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off):
// the action loads as chunks after this line, so a later run on the machine skips compiling them.
enableCompileCache()
void Promise.all([import('../actions/hash.js'), import('../kit/core-io.js'), import('../kit/run-action.js')]).then(
  ([{hash}, {coreIO}, {runAction}]) => runAction('hash', hash, coreIO()),
)
