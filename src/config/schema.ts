import {z} from 'zod'

const scalar = z.union([z.string(), z.number(), z.boolean()], {error: 'must be a string, number or boolean'})

export const ImageSchema = z.strictObject({
  /** Image name, optionally with a tag (`myapp` or `myapp:v1`); the registry prefix comes from `registry`. */
  name: z.string().min(1).optional(),
  /** Registry prefix, e.g. `ghcr.io/org` or `us-docker.pkg.dev/project/repo`. */
  registry: z.string().min(1).optional(),
  dockerfile: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
  manifest: z.string().min(1).optional(),
  'tag-length': z.number().int().min(4).max(64).optional(),
  'build-args': z.record(z.string(), scalar).optional(),
  platform: z
    .string()
    .regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/, 'must look like os/arch[/variant], e.g. linux/amd64')
    .optional(),
  dockerignore: z.string().min(1).optional(),
})

export const ConfigSchema = z.strictObject({
  version: z.literal(1).optional(),
  image: ImageSchema.optional(),
})

export type ImageConfig = z.infer<typeof ImageSchema>
export type TrainerConfig = z.infer<typeof ConfigSchema>
