import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** One call of the fake `docker`: what it was given, and what its DOCKER_CONFIG held at the time. */
export interface DockerCall {
  argv: string[]
  env: Record<string, string>
  /** stdin, base64 (a build's context tar). */
  stdin: string
  /** $DOCKER_CONFIG/config.json as it was during the call, and the modes of it and its directory. */
  config: unknown
  configMode: number | null
  dirMode: number | null
}

/** How the fake answers; read on every call, so a test can change it between builds. */
export interface FakeDockerScript {
  /** `docker buildx version`: its exit code (0: installed). */
  versionCode?: number
  /** `docker buildx inspect`: the driver it reports. */
  driver?: string
  /** Per `buildx build` call (the last entry repeats): lines printed on stderr, and the exit code. */
  builds?: {lines: string[]; code: number}[]
  /** The digest written to --metadata-file on success. */
  digest?: string
}

/**
 * A `docker` executable (a Node script) for the first place on PATH: it records each call to
 * calls.jsonl in `dir` and answers `buildx version`, `buildx inspect` and `buildx build` as
 * script.json says; a successful build leaves the file `pushed`. It runs as a separate process, as the real CLI would, never through a shell.
 */
export function fakeDocker(dir: string, script: FakeDockerScript = {}) {
  const calls = join(dir, 'calls.jsonl')
  const scriptFile = join(dir, 'script.json')
  const set = (s: FakeDockerScript): void => writeFileSync(scriptFile, JSON.stringify(s))
  set(script)
  const program = `#!${process.execPath}
const fs = require('node:fs')
const path = require('node:path')
const argv = process.argv.slice(2)
const s = JSON.parse(fs.readFileSync(${JSON.stringify(scriptFile)}, 'utf8'))
const chunks = []
const finish = () => {
  const dirPath = process.env.DOCKER_CONFIG
  const file = dirPath ? path.join(dirPath, 'config.json') : undefined
  const mode = p => { try { return fs.statSync(p).mode & 0o777 } catch { return null } }
  let config = null
  try { config = JSON.parse(fs.readFileSync(file, 'utf8')) } catch {}
  fs.appendFileSync(${JSON.stringify(calls)}, JSON.stringify({argv, env: process.env, stdin: Buffer.concat(chunks).toString('base64'),
    config, configMode: file ? mode(file) : null, dirMode: dirPath ? mode(dirPath) : null}) + '\\n')
  if (argv[0] !== 'buildx') { process.stderr.write('docker: unknown command\\n'); process.exit(1) }
  if (argv[1] === 'version') {
    if ((s.versionCode ?? 0) === 0) process.stdout.write('github.com/docker/buildx v0.99.0-fake 0000000\\n')
    else process.stderr.write("docker: 'buildx' is not a docker command.\\n")
    process.exit(s.versionCode ?? 0)
  }
  if (argv[1] === 'inspect') {
    process.stdout.write('Name:   default\\nDriver: ' + (s.driver ?? 'docker') + '\\n')
    process.exit(0)
  }
  if (argv[1] === 'build') {
    const n = fs.readFileSync(${JSON.stringify(calls)}, 'utf8').split('\\n').filter(l => l.includes('"build"')).length
    const builds = s.builds ?? [{lines: ['#1 DONE 0.0s'], code: 0}]
    const b = builds[Math.min(n, builds.length) - 1]
    for (const l of b.lines) process.stderr.write(l + '\\n')
    const meta = argv.find(a => a.startsWith('--metadata-file='))
    if (b.code === 0 && meta) fs.writeFileSync(meta.slice('--metadata-file='.length), JSON.stringify({'containerimage.digest': s.digest}))
    if (b.code === 0) fs.writeFileSync(${JSON.stringify(join(dir, 'pushed'))}, '')
    process.exit(b.code)
  }
  process.exit(2)
}
if (argv[1] === 'build') { process.stdin.on('data', c => chunks.push(c)); process.stdin.on('end', finish) } else finish()
`
  const exe = join(dir, 'docker')
  writeFileSync(exe, program)
  chmodSync(exe, 0o755)
  return {
    dir,
    set,
    /** Whether a build has succeeded (and so pushed, for a fake registry to answer). */
    pushed: (): boolean => existsSync(join(dir, 'pushed')),
    calls: (): DockerCall[] =>
      existsSync(calls)
        ? readFileSync(calls, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map(l => JSON.parse(l) as DockerCall)
        : [],
    builds(): DockerCall[] {
      return this.calls().filter(c => c.argv[0] === 'buildx' && c.argv[1] === 'build')
    },
  }
}
