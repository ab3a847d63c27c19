/**
 * What to hand `new Worker(…)` for a thread whose entry module is `name` (without extension)
 * beside `callerUrl`: the built `.js` file; or, when the caller runs from TypeScript sources
 * (tsx in development, Vitest), a bootstrap that registers tsx inside the thread and imports the
 * `.ts` source, since a thread does not inherit its parent's module loader.
 */
export function threadEntry(callerUrl: string, name: string): [URL | string, { eval?: boolean }] {
  if (!callerUrl.endsWith('.ts')) return [new URL(`./${name}.js`, callerUrl), {}]
  const source = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href)
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}) })`
  return [boot, { eval: true }]
}
