import { useEffect, useRef } from 'react'

export type ShortcutKey = 'r' | 'n' | 'c' | '?'

/** The page's shortcuts, as the help panel and the page list them. */
export const SHORTCUTS: { key: ShortcutKey; does: string }[] = [
  { key: 'r', does: 'Remove as illegal under the case’s harm (asks you to confirm)' },
  { key: 'n', does: 'No action (asks you to confirm)' },
  { key: 'c', does: 'Claim the case for 30 minutes' },
  { key: '?', does: 'Show or hide this list of shortcuts' },
]

/** True when the key went to something the user types into, so it is text, not a command. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (target as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type)
}

/** Calls `onKey` for a shortcut pressed outside text fields, without modifiers, when enabled. */
export function useShortcuts(enabled: boolean, onKey: (key: ShortcutKey) => void): void {
  const handler = useRef(onKey)
  handler.current = onKey
  useEffect(() => {
    if (!enabled) return
    function listen(event: KeyboardEvent): void {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      if (isTyping(event.target)) return
      const key = event.key === '?' ? '?' : event.key.toLowerCase()
      if (key !== 'r' && key !== 'n' && key !== 'c' && key !== '?') return
      if (key !== '?' && event.shiftKey) return
      event.preventDefault()
      handler.current(key)
    }
    window.addEventListener('keydown', listen)
    return () => window.removeEventListener('keydown', listen)
  }, [enabled])
}
