import type { ReactNode } from 'react'

/** A problem the reader must notice: announced at once by screen readers. */
export function ErrorNotice({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div id={id} role="alert" className="notice notice-error">
      {children}
    </div>
  )
}

/** A quiet confirmation, announced when the reader is idle. */
export function StatusNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="notice notice-status">
      {children}
    </div>
  )
}
