// @ts-check
import vitest from '@vitest/eslint-plugin'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'bench/.cache/**', 'coverage/**']},
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.strict,
  {
    languageOptions: {parserOptions: {project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname}},
    plugins: {'import-x': importX},
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'import-x/no-cycle': 'error',
    },
  },
  {
    // domain code takes ports: only src/kit (and the 3-line entries) may import @actions/*
    files: ['src/**/*.ts'],
    ignores: ['src/kit/**', 'src/entries/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {group: ['@actions/*'], message: 'Only src/kit talks to @actions/*: take an ActionIO or a port instead.'},
          ],
        },
      ],
    },
  },
  {
    // heavy clients stay in the modules that need them, out of the small bundles
    files: ['src/**/*.ts'],
    ignores: ['src/image/docker.ts', 'src/backends/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{name: 'dockerode', message: 'Import dockerode only in src/image/docker.ts.'}],
          patterns: [{group: ['@actions/*'], message: 'Only src/kit talks to @actions/*.'}],
        },
      ],
    },
  },
  {
    files: ['src/kit/**/*.ts', 'src/entries/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {paths: [{name: 'dockerode', message: 'Import dockerode only in src/image/docker.ts.'}]},
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    plugins: {vitest},
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/no-conditional-expect': 'error',
      'vitest/expect-expect': 'off',
      'vitest/valid-expect': ['error', {maxArgs: 2}],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
