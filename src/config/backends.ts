/**
 * trainer.yml `backends:`: named places to run, each validated by the schema of its type
 * (a discriminated union on `type`). A backend named after its type (`slurm:`) needs no
 * `type:`. `local` and `local-docker` exist without being declared.
 */
import {z} from 'zod'

/** Text that reaches a process: a NUL byte would make spawn throw, a newline would end a script line. */
const line = () =>
  z.string().refine(v => !v.includes('\0') && !v.includes('\n') && !v.includes('\r'), 'must be one line of text')

/**
 * A value on an `#SBATCH` line. sbatch stops reading directives at the first line it cannot
 * parse, silently: a space, quote or newline in one value would drop every directive after it.
 */
export const SBATCH_VALUE = /^[A-Za-z0-9_.,:=+\-/@%&|()[\]*]+$/
const directive = () =>
  z
    .string()
    .regex(SBATCH_VALUE, 'an #SBATCH value: letters, digits and _ . , : = + - / @ % & | ( ) [ ] *; no spaces or quotes')

/**
 * A path on the cluster that also appears in `#SBATCH --output` (no spaces, quotes or `#`;
 * no `%`, which Slurm expands there) and in the container mounts (no `,` or `:`).
 */
const jobPath = () =>
  z
    .string()
    .min(1)
    .regex(
      /^[A-Za-z0-9_.=+\-/@~]+$/,
      'a path of letters, digits and _ . = + - / @ ~ (it appears in #SBATCH lines and container mounts)',
    )

/** A mount's path: Pyxis separates mounts with `,` and their parts with `:`. */
const mountPath = () =>
  line()
    .pipe(z.string().regex(/^\//, 'an absolute path'))
    .pipe(z.string().regex(/^[^,:]+$/, 'must not contain , or : (they separate mounts and their parts)'))

export const MountSchema = z.union(
  [
    z
      .string()
      .regex(
        /^\/[^,:\n\0]*:\/[^,:\n\0]*(:(ro|rw))?$/,
        "'/host/path:/container/path[:ro|rw]' (absolute paths, no , or :)",
      ),
    z.strictObject({host: mountPath(), container: mountPath(), mode: z.enum(['ro', 'rw']).optional()}),
  ],
  {error: "a mount is '/host:/container[:ro|rw]' or {host, container, mode}"},
)

export const SlurmBackendSchema = z.strictObject({
  type: z.literal('slurm'),
  /** How commands reach the cluster: `local` (sbatch here; the default without host or url), `ssh`, `rest`. */
  transport: z.enum(['local', 'ssh', 'rest']).optional(),
  /** ssh: the login node. */
  host: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'a host name or address')
    .optional(),
  port: z.number().int().min(1).max(65535).optional(),
  user: z
    .string()
    .regex(/^[a-z_][a-z0-9_.-]*$/i, 'a user name')
    .optional(),
  /** ssh: a private key file (`~` is the home directory). */
  'key-file': z.string().min(1).optional(),
  /** ssh: the environment variable holding the private key (a secret). */
  'key-env': z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
    .optional(),
  /** ssh: the login node's host key as a known_hosts line (`host ssh-ed25519 AAAA…`). */
  'known-hosts': line().optional(),
  /** ssh: the host key's SHA256 fingerprint (`SHA256:…`, as `ssh-keygen -lf` prints it). */
  'host-fingerprint': z
    .string()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'SHA256:… as ssh-keygen -lf prints it')
    .optional(),
  /** rest: slurmrestd's URL. */
  url: z.url({protocol: /^https?$/, error: 'an http(s) URL'}).optional(),
  /** rest: the environment variable holding the JWT (default SLURM_JWT). */
  'token-env': z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
    .optional(),
  /** rest: the user the token is for (X-SLURM-USER-NAME; default `user`, else the local user). */
  'user-name': z
    .string()
    .regex(/^[a-z_][a-z0-9_.-]*$/i, 'a user name')
    .optional(),
  /** Where job directories are made on the cluster (relative: to the login home). */
  'job-root': jobPath().optional(),
  /** The array's `%` throttle: runs of one launch at a time. */
  'max-parallel': z.number().int().min(1).optional(),
  /** How a run's container starts: `pyxis` (srun --container-image), `docker`, `apptainer`, `none`. */
  container: z.enum(['pyxis', 'docker', 'apptainer', 'none']).optional(),
  /**
   * `trainer`: `trainer run` wraps the command (its bundle is copied into the job directory;
   * the image needs Node). `direct`: the command is seed 000's contract itself
   * (container_main.py) and gets its arguments.
   */
  runner: z.enum(['trainer', 'direct']).optional(),
  /** runner trainer: the Node to start `trainer run` with (default `node`). */
  node: line().optional(),
  mounts: z.array(MountSchema).optional(),
  /** Mount the job directory at the same path (default true). */
  'mount-job-dir': z.boolean().optional(),
  /** `module load` these before the run. */
  modules: z.array(directive()).optional(),
  /** More arguments for srun, one per item. */
  'srun-args': z.array(line().pipe(z.string().regex(/^-/, 'an srun option, starting with -'))).optional(),
  /** The working directory inside the container (default: the job directory). */
  workdir: mountPath().optional(),
  partition: directive().optional(),
  account: directive().optional(),
  qos: directive().optional(),
  /** Slurm's --time, e.g. `02:00:00`; default: the experiment's resources.time. */
  time: directive().optional(),
  'cpus-per-task': z.number().int().min(1).optional(),
  mem: z
    .string()
    .regex(/^\d+[KMGT]?$/, 'like 16G or 4096M')
    .optional(),
  gpus: z.number().int().min(0).optional(),
  gres: directive().optional(),
  constraint: directive().optional(),
  nodes: z.number().int().min(1).optional(),
  exclusive: z.boolean().optional(),
  /** More sbatch options, one per item: `--mail-type=END`. */
  sbatch: z
    .array(
      z
        .string()
        .regex(/^--[a-z][a-z0-9-]*(=[A-Za-z0-9_.,:=+\-/@%&|()[\]*]+)?$/, '--option or --option=value, no spaces'),
    )
    .optional(),
  /** Seconds between polls (default 60, at least 30), with jitter. */
  'poll-interval': z.number().min(30).optional(),
  /** Times a run lost to preemption or a node failure is submitted again (default 2). */
  retries: z.number().int().min(0).max(10).optional(),
})

export const LocalBackendSchema = z.strictObject({
  type: z.literal('local'),
  /** Runs at a time. */
  parallel: z.number().int().min(1).optional(),
})

export const LocalDockerBackendSchema = z.strictObject({
  type: z.literal('local-docker'),
  parallel: z.number().int().min(1).optional(),
  /** The network containers join (default bridge). */
  network: z.string().min(1).optional(),
  /** `trainer` (default: the bundle is copied into each container; the image needs Node) or `direct` (seed 000 arguments to the command). */
  runner: z.enum(['trainer', 'direct']).optional(),
})

/** Declared now so that trainer.yml can name them; they are built in later releases. */
export const VertexBackendSchema = z.strictObject({type: z.literal('vertex')})
export const SelfHostedBackendSchema = z.strictObject({type: z.literal('self-hosted')})

export const BackendSchema = z.discriminatedUnion(
  'type',
  [LocalBackendSchema, LocalDockerBackendSchema, SlurmBackendSchema, VertexBackendSchema, SelfHostedBackendSchema],
  {
    error: i => {
      const given = i.input !== null && typeof i.input === 'object' && 'type' in i.input
      return `${given ? '' : 'required: '}the backend's type, one of local, local-docker, slurm, vertex, self-hosted`
    },
  },
)

const TYPE_NAMES = new Set(['local', 'local-docker', 'slurm', 'vertex', 'self-hosted'])

/** `backends:`: a backend named after its type gets that type when it gives none. */
export const BackendsSchema = z.preprocess(
  v => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const out: Record<string, unknown> = {}
    for (const [name, b] of Object.entries(v))
      out[name] =
        TYPE_NAMES.has(name) && b !== null && typeof b === 'object' && !Array.isArray(b) && !('type' in b)
          ? {type: name, ...b}
          : b === null && TYPE_NAMES.has(name)
            ? {type: name}
            : b
    return out
  },
  z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'backend names are letters, digits, _ . -'), BackendSchema),
)

export type BackendConfig = z.infer<typeof BackendSchema>
export type SlurmConfig = z.infer<typeof SlurmBackendSchema>
export type BackendsConfig = z.infer<typeof BackendsSchema>
