import { type ReactNode, useEffect, useRef } from 'react'

/**
 * The page's one h1. It takes focus when the page opens, so a screen reader announces the new
 * page and the next Tab starts from the top of its content.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  )
}
