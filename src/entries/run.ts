import {runner} from '../runner/run.js'
const context = {
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  log: (l: string) => void process.stderr.write(l + '\n'),
  stdout: process.stdout,
  stderr: process.stderr,
  signals: process,
}
void runner(context).then(code => (process.exitCode = code))
