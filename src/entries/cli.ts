#!/usr/bin/env node
import {enableCompileCache} from 'node:module'

// V8's compile cache (os.tmpdir()/node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off):
// the CLI and each verb load as chunks after this line, so a later run skips compiling them.
enableCompileCache()
void import('../cli/main.js').then(({main}) => main(process.argv.slice(2)).then(code => (process.exitCode = code)))
