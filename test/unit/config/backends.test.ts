import {describe, expect, test} from 'vitest'
import {parseConfig} from '../../../src/config/parse.js'
import {located} from '../../helpers/config.js'

describe('backends:', () => {
  test('a backend named after its type needs no type; another name says its type', () => {
    const c = parseConfig(
      [
        'backends:',
        '  slurm:',
        '    partition: gpu',
        '    mounts: ["/data:/data:ro", {host: /scratch, container: /scratch}]',
        '    sbatch: ["--mail-type=END"]',
        '  big:',
        '    type: slurm',
        '    transport: ssh',
        '    host: login.example.org',
        '  local-docker:',
        '  ',
        'experiments:',
        '  x:',
        '    command: [python, train.py]',
        '    backend: big',
      ].join('\n'),
      'trainer.yml',
    )
    expect(c.backends).toEqual({
      slurm: {
        type: 'slurm',
        partition: 'gpu',
        mounts: ['/data:/data:ro', {host: '/scratch', container: '/scratch'}],
        sbatch: ['--mail-type=END'],
      },
      big: {type: 'slurm', transport: 'ssh', host: 'login.example.org'},
      'local-docker': {type: 'local-docker'},
    })
    expect(c.experiments?.x?.backend).toBe('big')
  })

  test.each([
    // a typo inside a backend lists that backend type's keys
    [
      'backends:\n  slurm:\n    partiton: gpu\n',
      /^trainer\.yml:3:5: backends\.slurm\.partiton: unknown key 'partiton'; valid keys: 'type', 'transport', .*'partition'/,
    ],
    [
      'backends:\n  gpu:\n    type: slurm\n    qos: normal\n    accont: a\n',
      /^trainer\.yml:5:5: backends\.gpu\.accont: unknown key 'accont'; valid keys: .*'account'/,
    ],
    // a space in an #SBATCH value would silently drop every directive after it
    [
      'backends:\n  slurm:\n    partition: "gpu debug"\n',
      /^trainer\.yml:3:16: backends\.slurm\.partition: an #SBATCH value/,
    ],
    [
      'backends:\n  slurm:\n    time: "1:00:00\\n#SBATCH --x"\n',
      /^trainer\.yml:3:11: backends\.slurm\.time: an #SBATCH value/,
    ],
    [
      'backends:\n  slurm:\n    job-root: "/scratch/my jobs"\n',
      /^trainer\.yml:3:15: backends\.slurm\.job-root: a path of letters, digits/,
    ],
    ['backends:\n  slurm:\n    mounts: ["/a,b:/c"]\n', /^trainer\.yml:3:14: backends\.slurm\.mounts\.0: .*no , or :/],
    [
      'backends:\n  slurm:\n    sbatch: ["--comment=x y"]\n',
      /^trainer\.yml:3:14: backends\.slurm\.sbatch\.0: --option or --option=value/,
    ],
    ['backends:\n  slurm:\n    poll-interval: 5\n', /^trainer\.yml:3:20: backends\.slurm\.poll-interval: /],
    [
      'backends:\n  slurm:\n    container: podman\n',
      /^trainer\.yml:3:16: backends\.slurm\.container: .*"pyxis"\|"docker"\|"apptainer"\|"none"/,
    ],
    [
      'backends:\n  gpu:\n    type: slrm\n',
      /^trainer\.yml:3:11: backends\.gpu\.type: the backend's type, one of local, local-docker, slurm, vertex, self-hosted$/,
    ],
    [
      'backends:\n  gpu:\n    partition: x\n',
      /^trainer\.yml:3:5: backends\.gpu\.type: required: the backend's type, one of local/,
    ],
    [
      'experiments:\n  x:\n    command: [a]\n    backend: slurmm\n',
      /^trainer\.yml:4:14: experiments\.x\.backend: unknown backend 'slurmm'; backends: local, local-docker \(declare others under backends:\)$/,
    ],
  ])('[%#] %j is refused at its line', (text, want) => {
    expect(located(text)).toMatch(want)
  })
})
