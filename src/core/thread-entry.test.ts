import { describe, expect, it } from 'vitest'
import { threadEntry } from './thread-entry.js'

describe('threadEntry', () => {
  it('points built code at the .js file beside the caller', () => {
    expect(threadEntry('file:///app/dist/cli/worker-thread.js', 'worker-thread-main')).toEqual([
      new URL('file:///app/dist/cli/worker-thread-main.js'),
      {},
    ])
  })

  it('boots TypeScript sources through tsx registered inside the thread', () => {
    const [boot, options] = threadEntry('file:///app/src/cli/worker-thread.ts', 'worker-main')
    expect(options).toEqual({ eval: true })
    expect(boot).toBe(
      `import('tsx/esm/api').then((tsx) => { tsx.register(); return import("file:///app/src/cli/worker-main.ts") })`,
    )
  })
})
