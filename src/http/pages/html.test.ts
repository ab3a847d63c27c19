import { describe, expect, it } from 'vitest'
import { checkboxField, errorSummary, html, page, radioField, raw, textField } from './html.js'

describe('html helpers', () => {
  it('escapes every interpolated value unless it is marked raw', () => {
    const name = `<script>alert("x")</script>&'`
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    )
    expect(html`${raw('<b>ok</b>')}${['<i>', html`<u>u</u>`]}${null}${false}${3}`.value).toBe(
      '<b>ok</b>&lt;i&gt;<u>u</u>3',
    )
  })

  it('lays out a page with lang, a skip link, one h1, no scripts and an error title', () => {
    const out = page({ title: 'Report <it>', body: html`<p>hi</p>`, hasErrors: true })
    expect(out).toMatch(/^<!doctype html><html lang="en">/)
    expect(out).toContain('<title>Error: Report &lt;it&gt;</title>')
    expect(out).toContain('<a class="skip" href="#main">')
    expect(out.match(/<h1>/g)).toHaveLength(1)
    expect(out).not.toMatch(/<script|<link|src=/)
  })

  it('binds labels, hints and errors to their fields', () => {
    const errors = [{ field: 'email', message: 'Enter your email' }]
    const field = textField({
      name: 'email',
      label: 'Email',
      hint: 'We use it',
      value: 'a"b',
      errors,
    }).value
    expect(field).toContain('<label for="email">Email</label>')
    expect(field).toContain('aria-describedby="email-hint email-error"')
    expect(field).toContain('aria-invalid="true"')
    expect(field).toContain('value="a&quot;b"')
    expect(errorSummary(errors).value).toContain('<a href="#email">Enter your email</a>')
    expect(errorSummary([]).value).toBe('')
    const radios = radioField({
      name: 'surface',
      legend: 'Where?',
      choices: [
        { value: 'public', label: 'Public' },
        { value: 'private', label: 'Private' },
      ],
      value: 'private',
    }).value
    expect(radios).toContain('id="surface" name="surface" value="public"')
    expect(radios).toContain('id="surface-1" name="surface" value="private" checked')
    expect(radios).toContain('<legend>Where?</legend>')
    const box = checkboxField({ name: 'goodFaith', label: 'True', checked: true }).value
    expect(box).toContain('<label for="goodFaith">True</label>')
    expect(box).toContain(' checked')
  })
})
