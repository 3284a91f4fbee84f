import Docker from 'dockerode'
import {describe, expect, test} from 'vitest'
import {buildImage, pullImage, tagImage} from '../../../src/image/docker.js'
import {withTag} from '../../../src/image/pipeline.js'
import {parseRef} from '../../../src/image/ref.js'
import {AuthError, ServiceError} from '../../../src/kit/errors.js'
import {serversPerTest, type Server} from '../../helpers/http-server.js'
import {Readable} from 'node:stream'

const serve = serversPerTest()
const ref = parseRef('registry.example.com:5000/team/trainer:buildcache')
const quiet = {debug: () => undefined, info: () => undefined}
const engine = (s: Server) => new Docker({host: '127.0.0.1', port: s.port, protocol: 'http'})
const json = (events: object[]) => events.map(e => JSON.stringify(e) + '\n').join('')

describe('pullImage: the layer cache through the engine', () => {
  test('pulls name and tag, with the auth config in X-Registry-Auth and never in the URL', async () => {
    const s = await serve((_req, res) =>
      res.writeHead(200, {'content-type': 'application/json'}).end(json([{status: 'Pulling'}, {status: 'Done'}])),
    )
    expect(await pullImage(engine(s), ref, {registryToken: 'tok-123'}, quiet)).toBe('pulled')
    const [r] = s.requests
    const url = new URL(r!.url, 'http://x')
    expect(url.pathname).toMatch(/\/images\/create$/)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      fromImage: 'registry.example.com:5000/team/trainer',
      tag: 'buildcache',
    })
    const header = String(r!.headers['x-registry-auth'])
    const auth = JSON.parse(Buffer.from(header.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString()) as object
    expect(auth).toEqual({registrytoken: 'tok-123', serveraddress: 'registry.example.com:5000'})
    expect(r!.url).not.toContain('tok-123')
  })

  test.each([
    ['a 404 answer', 404, '{"message":"manifest for x:buildcache not found: manifest unknown"}'],
    [
      'a stream error',
      200,
      json([{error: 'manifest unknown', errorDetail: {message: 'manifest unknown: manifest unknown'}}]),
    ],
    ['a not-found stream error', 200, json([{errorDetail: {message: 'x:buildcache not found'}, error: 'not found'}])],
  ])('[%#] %s saying not found: missing, no error', async (_what, status, body) => {
    const s = await serve((_req, res) => res.writeHead(status, {'content-type': 'application/json'}).end(body))
    expect(await pullImage(engine(s), ref, undefined, quiet)).toBe('missing')
  })

  test.each([
    ['denied', AuthError],
    ['connection refused', ServiceError],
  ])('[%#] a stream error "%s" throws %o', async (message, type) => {
    const s = await serve((_req, res) =>
      res.writeHead(200, {'content-type': 'application/json'}).end(json([{error: message, errorDetail: {message}}])),
    )
    await expect(pullImage(engine(s), ref, undefined, quiet)).rejects.toBeInstanceOf(type)
  })

  test('an engine answering 500 is a ServiceError naming the pull', async () => {
    const s = await serve((_req, res) =>
      res.writeHead(500, {'content-type': 'application/json'}).end('{"message":"boom"}'),
    )
    await expect(pullImage(engine(s), ref, undefined, quiet)).rejects.toThrow(
      /^pull registry\.example\.com:5000\/team\/trainer:buildcache Docker engine: /,
    )
  })
})

describe('the build with a cache and the buildcache tag', () => {
  test('cachefrom goes to the engine as a JSON array; without a cache it is not sent', async () => {
    const s = await serve((_req, res) =>
      res.writeHead(200, {'content-type': 'application/json'}).end(json([{stream: 'Step 1/1 : FROM x\n'}])),
    )
    const target = parseRef('registry.example.com:5000/team/trainer:fb83ac1')
    const o = {dockerfile: 'Dockerfile', ref: target, buildArgs: {}}
    await buildImage(engine(s), {...o, context: Readable.from([]), cacheFrom: [ref.full]}, quiet)
    await buildImage(engine(s), {...o, context: Readable.from([])}, quiet)
    const [withCache, without] = s.requests.map(r => new URL(r.url, 'http://x').searchParams)
    expect(withCache!.get('cachefrom')).toBe(JSON.stringify([ref.full]))
    expect(without!.has('cachefrom')).toBe(false)
  })

  test('withTag keeps the repository and registry', () => {
    expect(withTag(parseRef('localhost:5000/a/b:fb83ac1'), 'buildcache')).toEqual(
      parseRef('localhost:5000/a/b:buildcache'),
    )
    expect(withTag(parseRef('ubuntu:22.04'), 'buildcache').full).toBe('ubuntu:buildcache')
  })

  test('tagImage asks the engine for repo and tag', async () => {
    const s = await serve((_req, res) => res.writeHead(201).end())
    await tagImage(engine(s), 'sha256:abc', ref)
    expect(s.requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'POST /images/sha256:abc/tag?repo=registry.example.com%3A5000%2Fteam%2Ftrainer&tag=buildcache',
    ])
  })
})
