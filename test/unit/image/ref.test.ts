import {describe, expect, test} from 'vitest'
import {isLoopback, parseRef, resolveRef, sanitizeName} from '../../../src/image/ref.js'

describe('resolveRef (seed 003 rules, manifest tag as the default tag)', () => {
  test.each([
    // explicit image with tag: used as is
    [{name: 'myapp:v1.2.3'}, 'myapp:v1.2.3'],
    // name without tag: the manifest tag
    [{name: 'arr-trainer'}, 'arr-trainer:fb83ac1'],
    // registry prefix
    [
      {name: 'arr-trainer', registry: 'us-central1-docker.pkg.dev/proj/arr-coc-registry/'},
      'us-central1-docker.pkg.dev/proj/arr-coc-registry/arr-trainer:fb83ac1',
    ],
    [{name: 'team/app', registry: '127.0.0.1:5000'}, '127.0.0.1:5000/team/app:fb83ac1'],
    // a name that already names a registry is not prefixed twice
    [{name: 'ghcr.io/org/app', registry: 'ghcr.io/org'}, 'ghcr.io/org/app:fb83ac1'],
    // an explicit tag wins over both
    [{name: 'app:old', tag: 'new'}, 'app:new'],
    // a host with a port is not a tag
    [{name: 'localhost:5000/app'}, 'localhost:5000/app:fb83ac1'],
    // no name: the fallback
    [{}, 'my-repo:fb83ac1'],
  ])('[%#] %j → %s', (o, full) => {
    expect(resolveRef({manifestTag: 'fb83ac1', fallbackName: 'my-repo', ...o}).full).toBe(full)
  })

  test.each([
    ['App:1', /must be lowercase/],
    ['app:bad tag', /image tag 'bad tag' is invalid/],
    ['a//b:1', /is invalid/],
  ])('[%#] %s is rejected', (ref, msg) => {
    expect(() => parseRef(ref)).toThrow(msg)
  })
})

describe('parseRef', () => {
  test.each([
    ['ubuntu:22.04', 'docker.io', 'library/ubuntu', '22.04'],
    ['org/app:1', 'docker.io', 'org/app', '1'],
    ['ghcr.io/org/app:abc', 'ghcr.io', 'org/app', 'abc'],
    ['127.0.0.1:5100/x/y:t', '127.0.0.1:5100', 'x/y', 't'],
    ['localhost/app:t', 'localhost', 'app', 't'],
  ])('[%#] %s', (ref, registry, repository, tag) => {
    expect(parseRef(ref)).toMatchObject({registry, repository, tag})
  })
})

test('sanitizeName and isLoopback', () => {
  expect(sanitizeName('My_Repo.Name!')).toBe('my_repo.name')
  expect(sanitizeName('---')).toBe('trainer')
  expect([
    isLoopback('127.0.0.1:5100'),
    isLoopback('localhost'),
    isLoopback('[::1]:5000'),
    isLoopback('ghcr.io'),
  ]).toEqual([true, true, true, false])
})

test('DOCKER_HOST: unix, tcp and ssh are understood, other schemes refused with one message', async () => {
  const {connectDocker} = await import('../../../src/image/docker.js')
  expect(connectDocker({DOCKER_HOST: 'unix:///tmp/d.sock'}).host).toBe('unix:///tmp/d.sock')
  expect(connectDocker({DOCKER_HOST: 'tcp://127.0.0.1:2375'}).host).toBe('tcp://127.0.0.1:2375')
  expect(connectDocker({DOCKER_HOST: 'ssh://me@host'}).host).toBe('ssh://me@host')
  expect(() => connectDocker({DOCKER_HOST: 'fd://3'})).toThrow("DOCKER_HOST 'fd://3' is not supported")
})
