import { describe, expect, it } from 'vitest'
import { deobfuscate } from './deobfuscate.js'

describe('deobfuscate', () => {
  it('leaves text without defanged links alone', () => {
    expect(deobfuscate('plain text with https://x.example/ and a [note]')).toBeUndefined()
  })

  it.each([
    ['evil[.]com', 'evil.com'],
    ['evil (.) com', 'evil.com'],
    ['evil{.}com', 'evil.com'],
    ['evil [dot] com', 'evil.com'],
    ['evil[DOT]com', 'evil.com'],
    ['hxxp://a', 'http://a'],
    ['HXXPS://a', 'httpS://a'], // @NOTE The URL parser lower-cases the rest.
    ['h**ps[:]//a', 'https://a'],
    ['http(:)//a', 'http://a'],
    ['http[://]a', 'http://a'],
    ['http:[//]a', 'http://a'],
    ['https://a.example./x', 'https://a.example/x'],
    ['https://a.example..:8080/x', 'https://a.example:8080/x'],
  ])('%j → %j', (input, expected) => {
    expect(deobfuscate(input)?.text).toBe(expected)
  })

  it('leaves the words hxxp and dot alone when they are no part of a link', () => {
    expect(deobfuscate('hxxp is a joke, a dot com bubble, the end./')).toBeUndefined()
    expect(deobfuscate('see file./x')).toBeUndefined()
  })

  it('maps spans of the restored text back to the original', () => {
    const original = 'go hxxp[:]//evil [dot] com/x now'
    const restored = deobfuscate(original)
    expect(restored?.text).toBe('go http://evil.com/x now')
    expect(restored?.originalSpan(3, 20)).toEqual([3, 28])
    expect(original.slice(3, 28)).toBe('hxxp[:]//evil [dot] com/x')
    expect(restored?.originalSpan(14, 15)).toEqual([16, 23])
    expect(restored?.originalSpan(21, 24)).toEqual([29, 32])
  })
})
