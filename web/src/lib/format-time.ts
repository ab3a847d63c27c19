/** An instant as people read it in the console: "30 Nov 2026, 04:01 UTC". */
export function formatTime(iso: string): string {
  const text = new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  })
  return `${text} UTC`
}
