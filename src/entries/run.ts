// The signal handlers go on first, before the runner's code is loaded (its own chunk): a stop
// during start-up is held for the runner instead of killing the process with no metrics.json.
const early: NodeJS.Signals[] = []
const hold = (sig: NodeJS.Signals): void => void early.push(sig)
process.on('SIGINT', hold).on('SIGTERM', hold)
const {runnerMain} = await import('../runner/main.js')
process.exitCode = await runnerMain(process.argv.slice(2), early)
